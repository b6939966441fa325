"""Tasks solved by the model, checked against the studies (issue: posture).

"Normal" means slr_deg=80 and "short" slr_deg=55, as the issue fixes them.
"""
import dataclasses
import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import anatomy
from anatomy import HAMSTRING_HEADS
from anatomy.model.posture import SLIDER_RANGES_DEG
from anatomy.model.tasks import TASKS

NORMAL, SHORT = 80.0, 55.0


def test_posture_is_a_frozen_dataclass_with_the_promised_fields():
    p = anatomy.standing()
    assert dataclasses.is_dataclass(p)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.pelvic_tilt_deg = 3.0
    for name in ("pelvic_tilt_deg", "hip_flexion_deg", "knee_flexion_deg", "lumbar_flexion_deg",
                 "lumbar_lordosis_deg", "sacral_slope_deg", "radiographic_pelvic_tilt_deg",
                 "pelvic_incidence_deg", "hamstring_stretch", "reachable"):
        assert hasattr(p, name)
    assert tuple(p.hamstring_stretch) == HAMSTRING_HEADS


# --- quiet standing ---------------------------------------------------------------------------
def test_standing_does_not_depend_on_hamstring_length():
    """Gajdosik et al. 1994 and Li et al. 1996: no standing difference."""
    a, b = anatomy.standing(slr_deg=50.0), anatomy.standing(slr_deg=90.0)
    assert abs(a.pelvic_tilt_deg - b.pelvic_tilt_deg) < 1.0
    assert abs(a.lumbar_lordosis_deg - b.lumbar_lordosis_deg) < 1.0


# --- forward bending ----------------------------------------------------------------------------
def test_normal_toe_touch_matches_esola_1996():
    end = anatomy.toe_touch(slr_deg=NORMAL)
    assert end.hip_flexion_deg == pytest.approx(69.4, abs=8.0)     # pelvis on femur
    assert end.lumbar_flexion_deg == pytest.approx(41.6, abs=8.0)
    # in a forward bend the trunk's flexion is pelvic rotation plus lumbar flexion
    assert end.trunk_flexion_deg == pytest.approx(end.pelvic_tilt_deg + end.lumbar_flexion_deg)


def test_lumbar_to_hip_ratio_falls_from_phase_to_phase():
    """Esola 1996: 1.9 (0-30°), 0.9 (30-60°), 0.4 (60-90°)."""
    steps = anatomy.sweep("forward_bend", [0.0, 30.0, 60.0, 90.0], slr_deg=NORMAL)
    p = np.array([s.pelvic_tilt_deg for s in steps])
    f = np.array([s.lumbar_flexion_deg for s in steps])
    ratios = np.diff(f) / np.diff(p)
    assert ratios[0] > ratios[1] > ratios[2]
    assert ratios[0] > 1.0 and ratios[2] < 0.6  # lumbar leads early, hips late


def test_short_hamstrings_toe_touch_is_predicted_without_refitting():
    normal, short = anatomy.toe_touch(slr_deg=NORMAL), anatomy.toe_touch(slr_deg=SHORT)
    # Gajdosik et al. 1992: pelvic flexion 52 ± 9° (short) vs 72 ± 4° (normal)
    assert short.hip_flexion_deg == pytest.approx(52.0, abs=10.0)
    assert normal.hip_flexion_deg == pytest.approx(72.0, abs=10.0)
    assert short.hip_flexion_deg < normal.hip_flexion_deg
    # a larger fingertip-to-floor distance
    assert short.readouts["fingertip_to_floor_m"] > normal.readouts["fingertip_to_floor_m"] + 0.05


def test_short_hamstrings_bend_more_in_the_lumbar_spine_for_the_same_reach():
    short_end = anatomy.toe_touch(slr_deg=SHORT)
    reach = short_end.readouts["fingertip_to_floor_m"]
    # find the normal person's bend that brings the fingertips to the same height
    steps = anatomy.sweep("forward_bend", np.linspace(0, 110, 221), slr_deg=NORMAL)
    heights = np.array([s.readouts["fingertip_to_floor_m"] for s in steps])
    i = int(np.argmin(np.abs(heights - reach)))
    assert abs(heights[i] - reach) < 0.01
    assert short_end.lumbar_flexion_deg > steps[i].lumbar_flexion_deg + 1.0
    assert short_end.pelvic_tilt_deg < steps[i].pelvic_tilt_deg - 1.0


def test_forward_bend_beyond_the_tissues_is_not_reachable():
    far = anatomy.forward_bend(140.0, slr_deg=SHORT)
    assert not far.reachable
    assert far.trunk_flexion_deg < 140.0
    assert max(far.hamstring_stretch.values()) == pytest.approx(1.0, abs=1e-6)
    assert anatomy.forward_bend(40.0, slr_deg=SHORT).reachable


# --- straight leg raise -------------------------------------------------------------------------
def test_slr_pelvis_rotates_early_and_more_and_more():
    """Bohannon et al. 1985: the pelvis starts to rotate within 9° of the raise."""
    raises = np.arange(0.0, NORMAL + 0.01, 1.0)
    steps = anatomy.sweep("straight_leg_raise", raises, slr_deg=NORMAL)
    tilt = np.array([s.pelvic_tilt_deg for s in steps])
    assert tilt[0] == pytest.approx(0.0, abs=1e-3)  # the solver resolves about 1e-4°
    assert tilt[9] < -0.5  # already rolling back by 9°
    assert np.all(np.diff(tilt) < 0)  # posterior rotation grows monotonically
    share = np.array([s.readouts["pelvic_share_of_raise"] for s in steps[1:]])
    assert share[-1] > share[9]  # its share of the angle grows (Bohannon 1985)
    for s in steps:  # the leg's angle to the table is hip flexion minus pelvic tilt
        assert s.hip_flexion_deg - s.pelvic_tilt_deg == pytest.approx(
            s.readouts["leg_raise_deg"], abs=1e-9)


@pytest.mark.parametrize("slr", [45.0, SHORT, 70.0, NORMAL, 95.0])
def test_slr_end_point_is_the_limit(slr):
    end = anatomy.straight_leg_raise(slr, slr_deg=slr)
    assert end.reachable
    assert max(end.hamstring_stretch.values()) == pytest.approx(1.0, abs=1e-6)
    beyond = anatomy.straight_leg_raise(slr + 5.0, slr_deg=slr)
    assert not beyond.reachable
    assert beyond.hip_flexion_deg == pytest.approx(end.hip_flexion_deg)
    before = anatomy.straight_leg_raise(slr - 5.0, slr_deg=slr)
    assert max(before.hamstring_stretch.values()) < 1.0


def test_ake_connects_with_slr():
    """AKE: about 13-18° in healthy young adults (Yıldırım 2018); larger when SLR is short
    (Gajdosik 1993: SLR about 61° with AKE 43 ± 10°)."""
    normal = anatomy.active_knee_extension(slr_deg=NORMAL).readouts["ake_deg"]
    short = anatomy.active_knee_extension(slr_deg=61.0).readouts["ake_deg"]
    assert 5.0 < normal < 25.0
    assert short == pytest.approx(43.0, abs=12.0)
    pose = anatomy.active_knee_extension(slr_deg=NORMAL)
    assert max(pose.hamstring_stretch.values()) == pytest.approx(1.0, abs=1e-3)
    assert not anatomy.active_knee_extension(0.0, slr_deg=SHORT).reachable


# --- sitting ------------------------------------------------------------------------------------
def test_long_sitting_short_hamstrings_tilt_back_and_flex_the_lumbar_spine():
    normal = anatomy.long_sitting(slr_deg=NORMAL)
    short = anatomy.long_sitting(slr_deg=SHORT)
    assert short.pelvic_tilt_deg < normal.pelvic_tilt_deg - 5.0
    assert short.lumbar_flexion_deg > normal.lumbar_flexion_deg + 5.0
    assert short.lumbar_lordosis_deg < normal.lumbar_lordosis_deg
    assert normal.pelvic_tilt_deg < 0.0  # even normal hamstrings tilt the pelvis back here


def test_chair_sitting_does_not_depend_on_hamstring_length():
    a, b = anatomy.chair_sitting(slr_deg=50.0), anatomy.chair_sitting(slr_deg=90.0)
    assert abs(a.pelvic_tilt_deg - b.pelvic_tilt_deg) < 1.0
    assert abs(a.lumbar_lordosis_deg - b.lumbar_lordosis_deg) < 1.0


# --- the myth -----------------------------------------------------------------------------------
def test_shorter_hamstrings_never_tilt_the_pelvis_forward_or_deepen_the_lordosis():
    """The popular claim "tight hamstrings cause hyperlordosis" is the reverse of the
    mechanics (Czaprowski et al. 2018): in no task and at no slider value does a shorter
    hamstring give more anterior tilt or more lordosis."""
    def reached(p):  # where the shorter person actually got to on the task's slider
        return {"forward_bend": p.trunk_flexion_deg, "long_sitting": p.trunk_flexion_deg,
                "straight_leg_raise": p.readouts.get("leg_raise_deg", 0.0),
                "active_knee_extension": p.knee_flexion_deg}.get(p.task, 0.0)

    slrs = [40.0, 50.0, 55.0, 65.0, 80.0, 95.0, 110.0]
    checked = 0
    for task in TASKS:
        per_slr = [anatomy.sweep(task, slr_deg=s) for s in slrs]
        for i, j in itertools.combinations(range(len(slrs)), 2):
            shorts = per_slr[i]
            # the longer-hamstring person in the same position the shorter one reached
            longs = anatomy.sweep(task, [reached(a) for a in shorts], slr_deg=slrs[j])
            for a, b in zip(shorts, longs):
                assert a.pelvic_tilt_deg <= b.pelvic_tilt_deg + 1e-3, (task, slrs[i], slrs[j])
                assert a.lumbar_lordosis_deg <= b.lumbar_lordosis_deg + 1e-3, (task, slrs[i])
                checked += 1
    assert checked > 2000


# --- geometry in every posture ------------------------------------------------------------------
@given(st.sampled_from(TASKS), st.floats(0.0, 1.0), st.floats(35.0, 110.0),
       st.floats(30.0, 85.0))
@settings(max_examples=150, deadline=None)
def test_every_task_in_range_gives_finite_consistent_postures(task, u, slr, pi):
    lo, hi = SLIDER_RANGES_DEG.get(task, (0.0, 0.0))
    value = lo + u * (hi - lo)
    posture = anatomy.sweep(task, [value], slr_deg=slr, pelvic_incidence_deg=pi)[0]
    numbers = [getattr(posture, f.name) for f in dataclasses.fields(posture)
                if isinstance(getattr(posture, f.name), float)]
    numbers += list(posture.hamstring_stretch.values()) + list(posture.readouts.values())
    assert all(math.isfinite(v) for v in numbers)
    assert abs(posture.radiographic_pelvic_tilt_deg + posture.sacral_slope_deg
               - posture.pelvic_incidence_deg) < 1e-9
    assert posture.pelvic_incidence_deg == pytest.approx(pi, abs=1e-9)
    # past a head's limit only when the task cannot be done at all (for example long sitting
    # with an SLR of 35°, even leaning back 30°): then it says so
    if max(posture.hamstring_stretch.values()) > 1.0 + 1e-6:
        assert not posture.reachable
    assert posture.lumbar_lordosis_deg == pytest.approx(
        0.54 * pi + 27.6 - posture.lumbar_flexion_deg, abs=1e-9)


def test_postures_can_be_copied_and_pickled():
    import copy
    import pickle
    p = anatomy.forward_bend(30.0)
    assert pickle.loads(pickle.dumps(p)) == p
    assert copy.deepcopy(p) == p
    with pytest.raises(TypeError):
        p.hamstring_stretch["semitendinosus"] = 0.0


def test_single_calls_agree_with_sweeps():
    one = anatomy.forward_bend(50.0, slr_deg=65.0)
    many = anatomy.sweep("forward_bend", [10.0, 50.0], slr_deg=65.0)[1]
    assert one == many


def test_slr_bands():
    assert anatomy.slr_band(55) == "short" and anatomy.slr_band(85) == "normal"
    assert anatomy.slr_band(75) == "limited" and anatomy.slr_band(100) == "long"


@pytest.mark.parametrize("call, word", [
    (lambda: anatomy.standing(slr_deg=20.0), "slr_deg"),
    (lambda: anatomy.standing(slr_deg=float("nan")), "slr_deg"),
    (lambda: anatomy.standing(pelvic_incidence_deg=100.0), "pelvic_incidence_deg"),
    (lambda: anatomy.forward_bend(-5.0), "trunk_flexion_deg"),
    (lambda: anatomy.forward_bend("far"), "trunk_flexion_deg"),
    (lambda: anatomy.straight_leg_raise(float("inf")), "leg_raise_deg"),
    (lambda: anatomy.long_sitting(trunk_flexion_deg=200.0), "trunk_flexion_deg"),
    (lambda: anatomy.active_knee_extension(-20.0), "knee_flexion_deg"),
    (lambda: anatomy.sweep("jumping"), "task"),
])
def test_bad_input_names_the_parameter(call, word):
    with pytest.raises(ValueError, match=word):
        call()
