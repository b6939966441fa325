"""The exercises people are told to do for their hamstrings and back, as poses of the model.

Each exercise is one pose, built from the package's existing solvers. Two kinds, and the
difference matters when you read the numbers:

* **solved task**: the model works out where the pelvis settles (`anatomy.toe_touch`,
  `anatomy.sit_and_reach`, `anatomy.straight_leg_raise`), so hamstring length changes the
  pose;
* **illustrative joint pose**: the joints are set by hand with `anatomy.joint_pose` (trunk
  upright, no mechanics), a typical moment of the exercise chosen for this project, not
  measured. The pose is the same whatever the hamstrings; only how stretched they are
  changes, and ``reachable`` is False when the hamstrings' passive moment would be above
  what the person tolerates.

How much an exercise stretches the hamstrings is read as their passive hip moment as a share
of the moment the person tolerates (`Posture.hamstring_moment_nm` / `Posture.tolerance_nm`):
in the model passive tension rises smoothly from early in the range, so there is no point
where it "starts"; `STRETCH_FELT_SHARE` is where this table says "yes".

The model is passive: it has no muscle activity, so it cannot show what the strengthening
exercises (plank, bridge) train, only where they put the joints.

Examples
--------
>>> from anatomy.model.exercises import EXERCISES, stretches_hamstrings
>>> stretches_hamstrings(EXERCISES["supine_leg_stretch"](slr_deg=80.0))
True
>>> stretches_hamstrings(EXERCISES["plank"](slr_deg=80.0))
False
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable

from .muscles import FACTS
from .posture import (
    NORMAL_SLR_DEG,
    Posture,
    joint_pose,
    sit_and_reach,
    straight_leg_raise,
    toe_touch,
)

SOLVED = "solved task"
ILLUSTRATIVE = "illustrative joint pose"
GROUPS = ("dynamic warm-up", "static stretch", "strengthening and control")


@dataclass(frozen=True)
class Exercise:
    """One exercise: what it is, how the model makes it, and its pose.

    Calling an exercise, ``exercise(slr_deg=80.0)``, returns its `anatomy.Posture` for a
    person with that hamstring extensibility (passive SLR angle, degrees).
    """

    key: str
    label: str
    group: str
    model: str
    how: str
    pose: Callable[[float], Posture]

    def __call__(self, slr_deg: float = NORMAL_SLR_DEG) -> Posture:
        return self.pose(slr_deg)


def _joint(tilt, hip, knee):
    return lambda slr_deg: joint_pose(tilt, hip, knee, slr_deg=slr_deg)


_LIST = [
    Exercise("leg_swing", "Leg swing (top of the swing)", "dynamic warm-up", ILLUSTRATIVE,
             "standing on one leg, the other swung forward: hip 70°, knee 10°",
             _joint(0.0, 70.0, 10.0)),
    Exercise("high_knees", "High knees", "dynamic warm-up", ILLUSTRATIVE,
             "knee driven up: hip 90°, knee 100°", _joint(0.0, 90.0, 100.0)),
    Exercise("walking_lunge", "Walking lunge (front leg)", "dynamic warm-up", ILLUSTRATIVE,
             "front leg at the bottom of the lunge: hip 90°, knee 90°",
             _joint(0.0, 90.0, 90.0)),
    Exercise("standing_toe_touch", "Standing toe touch", "static stretch", SOLVED,
             "anatomy.toe_touch: the furthest forward bend, knees straight",
             lambda slr_deg: toe_touch(slr_deg=slr_deg)),
    Exercise("seated_forward_bend", "Seated forward bend", "static stretch", SOLVED,
             "anatomy.sit_and_reach: the furthest lean in long sitting, knees straight",
             lambda slr_deg: sit_and_reach(slr_deg=slr_deg)),
    Exercise("supine_leg_stretch", "Supine leg stretch", "static stretch", SOLVED,
             "anatomy.straight_leg_raise: lying on the back, straight leg raised to the end "
             "of its range", lambda slr_deg: straight_leg_raise(slr_deg, slr_deg=slr_deg)),
    Exercise("plank", "Plank", "strengthening and control", ILLUSTRATIVE,
             "hips and knees straight: hip 0°, knee 0°", _joint(0.0, 0.0, 0.0)),
    Exercise("bridge", "Bridge (top)", "strengthening and control", ILLUSTRATIVE,
             "hips lifted to straight, knees bent: hip 0°, knee 90°", _joint(0.0, 0.0, 90.0)),
    Exercise("anterior_pelvic_tilt", "Pelvic tilt, forward", "strengthening and control",
             ILLUSTRATIVE, "pelvis tilted 10° forward, thighs and trunk still",
             _joint(10.0, 10.0, 0.0)),
    Exercise("posterior_pelvic_tilt", "Pelvic tilt, backward", "strengthening and control",
             ILLUSTRATIVE, "pelvis tilted 10° backward, thighs and trunk still",
             _joint(-10.0, -10.0, 0.0)),
]

EXERCISES = MappingProxyType({e.key: e for e in _LIST})
"""Every exercise by key, in teaching order (warm-up, stretches, strengthening)."""


STRETCH_FELT_SHARE = 0.5
"""Share of the tolerated moment at which the table calls a pose a hamstring stretch. A
display choice of this project (assumed), not a measured threshold: people first feel the
stretch somewhat before the end of their range (Ylinen et al. 2009 report the two angles)."""


def most_used_range(posture: Posture) -> tuple[str, float]:
    """The head that has gone furthest towards its length at the end of the person's SLR, and
    how far (0 standing, 1 at that length)."""
    head = max(posture.hamstring_range_used, key=posture.hamstring_range_used.get)
    return head, float(posture.hamstring_range_used[head])


def share_of_tolerance(posture: Posture) -> float:
    """The hamstrings' passive hip moment as a share of the tolerated moment (1 at the end)."""
    return float(posture.hamstring_moment_nm / posture.tolerance_nm)


def stretches_hamstrings(posture: Posture) -> bool:
    """True when the hamstrings' passive moment is at least `STRETCH_FELT_SHARE` of the
    moment the person tolerates (a pose past the end counts too)."""
    return share_of_tolerance(posture) >= STRETCH_FELT_SHARE - 1e-9


def verdict(posture: Posture) -> str:
    """Does the pose stretch the hamstrings? A few words for a table."""
    share = share_of_tolerance(posture)
    if share > 1.0 + 1e-6:
        return "past the limit"
    if share >= STRETCH_FELT_SHARE - 1e-9:
        return "yes"
    if share >= 0.2:
        return "some tension"
    if most_used_range(posture)[1] >= -0.05:
        return "little tension"
    return "no: shorter"


def exercise_postures(slr_deg: float = NORMAL_SLR_DEG) -> dict[str, Posture]:
    """Every exercise's pose for one hamstring extensibility, ``{key: Posture}``."""
    return {key: ex(slr_deg) for key, ex in EXERCISES.items()}


def exercise_table(slr_deg: float = NORMAL_SLR_DEG) -> str:
    """A text table: for each exercise, the hamstrings' moment, lumbar flexion, verdict.

    Columns: the exercise; how the model makes it (``solved`` or ``joint pose``); the
    hamstrings' passive hip moment as a share of the moment this person tolerates (100% at
    the end of their range); the lumbar flexion from the standing curve (positive: flatter,
    negative: more hollow); and whether the pose stretches the hamstrings.

    Examples
    --------
    >>> print(exercise_table(80.0).splitlines()[0][:40])
    Hamstrings with a passive SLR of 80°
    """
    postures = exercise_postures(slr_deg)
    head = (f"{'exercise':<32}{'model':<12}{'of tolerance':>13}"
            f"{'lumbar flex.':>14}  {'stretches?'}")
    rows = [f"Hamstrings with a passive SLR of {slr_deg:.0f}°", head, "-" * len(head)]
    group = None
    for key, ex in EXERCISES.items():
        if ex.group != group:
            group = ex.group
            rows.append(f"[{group}]")
        p = postures[key]
        kind = "solved" if ex.model == SOLVED else "joint pose"
        lumbar = round(p.lumbar_flexion_deg, 1) + 0.0
        rows.append(f"  {ex.label:<30}{kind:<12}{100 * share_of_tolerance(p):>12.0f}%"
                    f"{lumbar:>13.1f}°  {verdict(p)}")
    rows.append("of tolerance: the hamstrings' passive hip moment as a % of the moment this "
                "person tolerates (model)")
    rows.append("lumbar flex.: + flatter than the standing curve, - more hollow")
    return "\n".join(rows)


__all__ = ["EXERCISES", "Exercise", "GROUPS", "SOLVED", "ILLUSTRATIVE", "exercise_postures",
           "exercise_table", "most_used_range", "share_of_tolerance", "stretches_hamstrings",
           "verdict", "STRETCH_FELT_SHARE"]
