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
def test_standing_hardly_depends_on_hamstring_length():
    """Predicted from the fitted passive curve (not built in): near their standing length the
    hamstrings pull only a few N·m, so an SLR of 50° and one of 90° stand within 2° of each
    other, well under what a clinician can detect (pelvic angle MDC 6°, López-Miñarro et al.
    2009; Gajdosik et al. 1994 and Li et al. 1996 found no standing difference)."""
    a, b = anatomy.standing(slr_deg=50.0), anatomy.standing(slr_deg=90.0)
    assert 0.0 < b.pelvic_tilt_deg - a.pelvic_tilt_deg < 2.0  # shorter: a little further back
    assert abs(a.lumbar_lordosis_deg - b.lumbar_lordosis_deg) < 2.0
    assert a.hamstring_moment_nm > b.hamstring_moment_nm > 0.0  # small, but not zero
    assert a.limited_by is None and a.reachable


# --- forward bending ----------------------------------------------------------------------------
def _esola_phases(slr):
    """Pelvic rotation and lumbar flexion at Esola's trunk angles (hip + lumbar) 0-90°."""
    steps = anatomy.sweep("forward_bend", np.linspace(0.0, 150.0, 601), slr_deg=slr)
    p = np.array([s.pelvic_tilt_deg for s in steps])
    f = np.array([s.lumbar_flexion_deg for s in steps])
    at = np.array([0.0, 30.0, 60.0, 90.0])
    return np.interp(at, p + f, p), np.interp(at, p + f, f)


def test_normal_toe_touch_matches_esola_1996():
    """Fitted: Esola et al. 1996, all 41 subjects (20 with a history of low back pain):
    69.4° at the hips and 41.6° lumbar at the end of the bend."""
    end = anatomy.toe_touch(slr_deg=NORMAL)
    assert end.hip_flexion_deg == pytest.approx(69.4, abs=2.0)     # pelvis on femur
    assert end.lumbar_flexion_deg == pytest.approx(41.6, abs=2.0)
    assert end.limited_by == "hamstrings" and end.reachable
    # in a forward bend the trunk's flexion is pelvic rotation + lumbar + thoracic flexion
    assert end.trunk_flexion_deg == pytest.approx(
        end.pelvic_tilt_deg + end.lumbar_flexion_deg + end.thoracic_flexion_deg)


def test_lumbar_to_hip_ratio_by_phase_matches_esola_1996():
    """Fitted: lumbar:hip ratio 1.9 (0-30°), 0.9 (30-60°), 0.4 (60-90°), all 41 subjects.

    The targets cannot all be met: the three ratios, summed over their phases, put 42.5° in
    the lumbar spine by 90° of trunk flexion, more than the 41.6° Esola found at the end
    (111°; the ratios are means of each subject's ratios). The fit compromises, so the
    tolerance here is wide; the order (lumbar leads early, hips late) is exact."""
    p, f = _esola_phases(NORMAL)
    ratios = np.diff(f) / np.diff(p)
    assert ratios == pytest.approx([1.9, 0.9, 0.4], abs=0.6)
    assert ratios[0] > 1.0 > ratios[1] > ratios[2]


def test_thoracic_flexion_at_the_end_of_a_toe_touch():
    """Fitted: López-Miñarro et al. 2007 thoracic angle at the end of a toe touch (61.7° men,
    53.1° women) less an assumed standing kyphosis of 40°: about 17°."""
    end = anatomy.toe_touch(slr_deg=NORMAL)
    assert end.thoracic_flexion_deg == pytest.approx(17.4, abs=3.0)


def test_short_hamstrings_toe_touch_is_predicted_without_refitting():
    """Predicted: Gajdosik et al. 1992, pelvis on thigh 52 ± 9° (short) vs 72 ± 4° (normal)."""
    normal, short = anatomy.toe_touch(slr_deg=NORMAL), anatomy.toe_touch(slr_deg=SHORT)
    assert short.hip_flexion_deg == pytest.approx(52.0, abs=9.0)
    assert normal.hip_flexion_deg == pytest.approx(72.0, abs=4.0)
    assert short.hip_flexion_deg < normal.hip_flexion_deg
    # a larger fingertip-to-floor distance, by more than the test's MDC (4.5 cm, Ekedahl 2012)
    assert short.readouts["fingertip_to_floor_m"] > normal.readouts["fingertip_to_floor_m"] + 0.045


def test_short_hamstrings_less_pelvic_and_lumbar_flexion_gajdosik_1994():
    """Predicted directions, Gajdosik et al. 1994 (short vs long hamstrings, toe touch): less
    pelvic and less lumbar flexion."""
    short, normal = anatomy.toe_touch(slr_deg=SHORT), anatomy.toe_touch(slr_deg=NORMAL)
    assert short.pelvic_tilt_deg < normal.pelvic_tilt_deg - 5.0
    assert short.lumbar_flexion_deg < normal.lumbar_flexion_deg


@pytest.mark.xfail(strict=True, reason=(
    "known disagreement: Gajdosik 1994 and Muyor 2011/2012 found MORE thoracic flexion with "
    "short hamstrings at the end of toe touch and sit-and-reach; the model's three passive "
    "springs in series share one moment, so a person stopped earlier by the hamstrings flexes "
    "every segment less (see docs/model.md, 'Not reproduced')"))
def test_short_hamstrings_more_thoracic_flexion_gajdosik_1994():
    short, normal = anatomy.toe_touch(slr_deg=SHORT), anatomy.toe_touch(slr_deg=NORMAL)
    assert short.thoracic_flexion_deg > normal.thoracic_flexion_deg


def test_for_the_same_reach_short_hamstrings_use_less_pelvis():
    """Prediction: where a short-hamstring person stops, a normal person reaching as low has
    rotated the pelvis a little further and bent the spine a little less. With progressive
    tension the two differ from the start of the bend, by a little (no "identical until
    75°"): about 1° of pelvis, far under the MDC."""
    short_end = anatomy.toe_touch(slr_deg=SHORT)
    reach = short_end.readouts["fingertip_to_floor_m"]
    steps = anatomy.sweep("forward_bend", np.linspace(0, 130, 521), slr_deg=NORMAL)
    heights = np.array([s.readouts["fingertip_to_floor_m"] for s in steps])
    i = int(np.argmin(np.abs(heights - reach)))
    assert abs(heights[i] - reach) < 0.01
    assert short_end.pelvic_tilt_deg < steps[i].pelvic_tilt_deg
    assert short_end.lumbar_flexion_deg > steps[i].lumbar_flexion_deg
    early = [anatomy.forward_bend(30.0, slr_deg=s).pelvic_tilt_deg for s in (SHORT, NORMAL)]
    assert 0.2 < early[1] - early[0] < 6.0


def test_forward_bend_beyond_the_tissues_is_not_reachable():
    far = anatomy.forward_bend(140.0, slr_deg=SHORT)
    assert not far.reachable and far.limited_by == "hamstrings"
    assert far.trunk_flexion_deg < 140.0
    assert far.hamstring_moment_nm == pytest.approx(far.tolerance_nm, rel=0.02)
    mid = anatomy.forward_bend(40.0, slr_deg=SHORT)
    assert mid.reachable and mid.limited_by is None


def test_the_thoracic_spine_brings_the_fingertips_lower():
    """Predicted: with its thoracic flexion the normal toe touch ends lower than the same pose
    with the thorax held (version 1 had no thoracic spine and stopped 13 cm up)."""
    from anatomy.model.body import task_readouts_batch
    end = anatomy.toe_touch(slr_deg=NORMAL)
    args = ("forward_bend", end.pelvic_tilt_deg, end.hip_flexion_deg, 0.0,
            end.lumbar_flexion_deg, end.pelvic_incidence_deg, 0.0)
    held = float(task_readouts_batch(*args, 0.0)["fingertip_to_floor_m"])
    assert end.readouts["fingertip_to_floor_m"] < held - 0.01
    assert abs(end.readouts["fingertip_to_floor_m"]) < 0.15


# --- straight leg raise -------------------------------------------------------------------------
def test_slr_pelvis_rotates_early_and_more_and_more():
    """Predicted: Bohannon et al. 1985, the pelvis starts to rotate within 9° of the raise."""
    raises = np.arange(0.0, NORMAL + 0.01, 1.0)
    steps = anatomy.sweep("straight_leg_raise", raises, slr_deg=NORMAL)
    tilt = np.array([s.pelvic_tilt_deg for s in steps])
    assert tilt[9] < tilt[0] - 0.3  # already rolling back by 9°
    assert np.all(np.diff(tilt) < 0)  # posterior rotation grows monotonically
    share = np.array([s.readouts["pelvic_share_of_raise"] for s in steps[1:]])
    assert np.all(share > 0.05)  # the pelvis takes a share of the raise from the start
    for s in steps:  # the leg's angle to the table is hip flexion minus pelvic tilt
        assert s.hip_flexion_deg - s.pelvic_tilt_deg == pytest.approx(
            s.readouts["leg_raise_deg"], abs=1e-9)


@pytest.mark.parametrize("slr", [45.0, SHORT, 70.0, NORMAL, 95.0])
def test_slr_end_point_is_the_tolerance(slr):
    end = anatomy.straight_leg_raise(slr, slr_deg=slr)
    assert end.reachable and end.limited_by == "hamstrings"
    assert end.hamstring_moment_nm == pytest.approx(end.tolerance_nm, rel=0.02)
    assert max(end.hamstring_stretch.values()) == pytest.approx(1.0, abs=0.01)
    beyond = anatomy.straight_leg_raise(slr + 5.0, slr_deg=slr)
    assert not beyond.reachable
    assert beyond.hip_flexion_deg == pytest.approx(end.hip_flexion_deg, abs=0.01)
    before = anatomy.straight_leg_raise(slr - 5.0, slr_deg=slr)
    assert before.hamstring_moment_nm < before.tolerance_nm and before.limited_by is None


def test_passive_knee_extension_matches_pke_norms():
    """Predicted: the model's knee-extension end is a passive knee extension (PKE); Yıldırım
    et al. 2018, 123 students: 17.1 ± 9.1° (men), 9.8 ± 5.7° (women). A typical SLR of 80°
    should land within the pooled mean ± 1 SD (about 4-26°); short hamstrings further."""
    normal = anatomy.passive_knee_extension(slr_deg=NORMAL)
    short = anatomy.passive_knee_extension(slr_deg=SHORT)
    assert 4.0 < normal.readouts["ake_deg"] < 26.0
    assert short.readouts["ake_deg"] > normal.readouts["ake_deg"] + 10.0
    assert normal.limited_by == "hamstrings"
    assert normal.hamstring_moment_nm == pytest.approx(normal.tolerance_nm, rel=0.02)
    assert not anatomy.active_knee_extension(0.0, slr_deg=SHORT).reachable


# --- sitting ------------------------------------------------------------------------------------
def test_long_sitting_short_hamstrings_tilt_back_and_flex_the_spine():
    normal = anatomy.long_sitting(slr_deg=NORMAL)
    short = anatomy.long_sitting(slr_deg=SHORT)
    assert short.pelvic_tilt_deg < normal.pelvic_tilt_deg - 1.0
    assert short.lumbar_lordosis_deg < normal.lumbar_lordosis_deg
    # an SLR of 55° cannot sit upright within its tolerance: shown held there, and said so
    assert not short.reachable and short.limited_by == "hamstrings"
    assert short.trunk_flexion_deg == pytest.approx(0.0, abs=1e-6)
    assert normal.pelvic_tilt_deg < 0.0  # even normal hamstrings tilt the pelvis back here


def test_sit_and_reach_pelvis_differs_by_group_as_muyor_2011():
    """Predicted direction: Muyor et al. 2011, SLR < 80°, 80-90°, > 90°: every pair of groups
    differed in pelvic angle at the end of the sit-and-reach (more posterior when shorter)."""
    ends = [anatomy.sit_and_reach(slr_deg=s) for s in (70.0, 85.0, 100.0)]
    tilts = [e.pelvic_tilt_deg for e in ends]
    assert tilts[0] < tilts[1] < tilts[2]
    reach = [e.readouts["fingertip_beyond_ankle_m"] for e in ends]
    assert reach[0] < reach[1] < reach[2]
    assert all(e.limited_by == "hamstrings" for e in ends)


def test_chair_sitting_rolls_the_pelvis_back_and_flattens_the_lumbar_curve():
    """Fitted: pelvis rolled back 18.5° (Endo et al. 2012: sacral slope -18.7°, pelvic tilt
    +18.3° from standing). Predicted and checked: lordosis -16.6° (Endo 2012) within 6°;
    hip flexion well under 90° (about 80° in hip patients, Int Orthop 2015)."""
    stand, chair = anatomy.standing(), anatomy.chair_sitting()
    tilt = chair.pelvic_tilt_deg - stand.pelvic_tilt_deg  # the change, as Endo measured it
    assert tilt == pytest.approx(-18.5, abs=2.0)
    assert chair.sacral_slope_deg - stand.sacral_slope_deg == pytest.approx(tilt, abs=0.5)
    change = chair.lumbar_lordosis_deg - stand.lumbar_lordosis_deg
    assert change == pytest.approx(-16.6, abs=6.0)
    assert 60.0 < chair.hip_flexion_deg < 85.0
    assert chair.trunk_flexion_deg == pytest.approx(0.0, abs=1e-6)  # the trunk stays upright


def test_chair_sitting_hardly_depends_on_hamstring_length():
    """Predicted: with the knees bent the hamstrings add little (Link et al. 1990: hip-flexor,
    not hamstring, length related to the change of the lumbar curve on a chair): an SLR of
    50° and one of 90° sit within 4° of each other, under the pelvic angle's MDC (6°,
    López-Miñarro et al. 2009); the shorter one a little further back."""
    a, b = anatomy.chair_sitting(slr_deg=50.0), anatomy.chair_sitting(slr_deg=90.0)
    assert 0.0 < b.pelvic_tilt_deg - a.pelvic_tilt_deg < 4.0
    assert 0.0 < b.lumbar_lordosis_deg - a.lumbar_lordosis_deg < 4.0


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
    # above the tolerated moment only when the task cannot be done: then it says so
    if posture.hamstring_moment_nm > posture.tolerance_nm * (1 + 1e-3):
        assert not posture.reachable and posture.limited_by == "hamstrings"
    assert posture.limited_by in (None, "hamstrings", "lumbar spine", "thoracic spine", "hip",
                                  "nerve")
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
