"""anatomy.model.body: the points of the picture."""
from __future__ import annotations

import numpy as np
import pytest

import anatomy
from anatomy.model.body import posture_points
from anatomy.model.tasks import TASK_REGISTRY


@pytest.mark.parametrize("task", [t for t, r in TASK_REGISTRY.items() if r.slider])
def test_nothing_is_drawn_through_the_floor_or_the_table(task):
    """The floor or table is y = 0: the arm, the other leg, the foot and the head stay on or
    above it over every task's range (the SLR's arm once went 8 cm through the table)."""
    spec = TASK_REGISTRY[task].slider
    values = np.linspace(*spec.offered_range_deg, 7)
    lowest = {}
    for slr in (55.0, 80.0, 100.0):
        for p in anatomy.sweep(task, values, slr_deg=slr):
            b = posture_points(p)
            parts = {"arm": b.arm, "other leg": b.other_leg, "foot": b.foot,
                     "head centre": b.head_centre[None, :], "shoulder": b.shoulder[None, :]}
            for name, pts in parts.items():
                lowest[name] = min(lowest.get(name, np.inf), float(np.min(pts[:, 1])))
    below = {k: round(v, 3) for k, v in lowest.items() if v < -0.01}
    assert not below, f"{task}: drawn below the support (m): {below}"
