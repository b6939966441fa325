"""Hamstring lengths in the phases of a sprint stride, for the injury section of notebook 07.

What is measured and what is assumed
------------------------------------
The joint angles below are **illustrative, chosen for this course**: round numbers of the
kind seen in the phases of a sprinting stride, not values measured in a study. The
muscle-tendon lengths at those angles come from the model's Delp et al. (1990) geometry. The
question the table answers is one of geometry: at which phase, and in which head, does the
model's muscle-tendon length exceed its standing length most?

What studies found, for comparison: in 14 athletes sprinting on a treadmill, the hamstrings
were longest in late swing, 7.4% (SM), 8.1% (ST) and 9.5% (biceps femoris long head) longer
than upright (Thelen et al. 2005, from scaled musculoskeletal models). Biceps femoris is the
muscle injured most often: 83% of MRI-confirmed hamstring injuries in professional football,
against 11% semimembranosus and 5% semitendinosus (Ekstrand et al. 2012); sprint-type
injuries most often affect its long head (Jokela et al. 2023).

Examples
--------
>>> rows = sprint_phase_lengths()
>>> max(rows, key=lambda r: r["biceps_femoris_long"])["phase"]
'late swing'
"""
from __future__ import annotations

from types import MappingProxyType

from .muscles import FACTS, HAMSTRING_HEADS, muscle_tendon_length

SPRINT_PHASES = MappingProxyType({
    # phase: (hip flexion, knee flexion), degrees; illustrative (see the module docstring)
    "early stance": (40.0, 20.0),
    "toe-off": (-10.0, 30.0),
    "mid swing": (60.0, 100.0),
    "late swing": (70.0, 30.0),
})
"""Illustrative joint angles of a sprint stride (assumed, not measured)."""


def sprint_phase_lengths() -> list:
    """Each head's muscle-tendon length change from standing (%) in each phase (model)."""
    rows = []
    for phase, (hip, knee) in SPRINT_PHASES.items():
        row = {"phase": phase, "hip_flexion_deg": hip, "knee_flexion_deg": knee}
        for head in HAMSTRING_HEADS:
            standing = muscle_tendon_length(head, 0.0, 0.0)
            row[head] = 100.0 * (muscle_tendon_length(head, hip, knee) / standing - 1.0)
        rows.append(row)
    return rows


def sprint_phase_table() -> str:
    """`sprint_phase_lengths` as a fixed-width text table (stable for notebooks)."""
    heads = HAMSTRING_HEADS
    head = (f"{'phase':<13}{'hip':>5}{'knee':>6}  "
            + "".join(f"{FACTS[h].abbreviation:>7}" for h in heads))
    lines = [head, "-" * len(head)]
    for r in sprint_phase_lengths():
        lines.append(f"{r['phase']:<13}{r['hip_flexion_deg']:>4.0f}°"
                     f"{r['knee_flexion_deg']:>5.0f}°  "
                     + "".join(f"{round(r[h], 1) + 0.0:>+6.1f}%" for h in heads))
    return "\n".join(lines)


__all__ = ["SPRINT_PHASES", "sprint_phase_lengths", "sprint_phase_table"]
