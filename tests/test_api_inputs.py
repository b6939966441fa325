"""Malformed input to every public function gives a clear error naming the parameter.

A property-based sweep over the whole public API: NaN, infinities, huge and negative
numbers, strings, None, wrong containers and wrong names. Each must raise ValueError or
TypeError whose message names the parameter; nothing may return NaN or crash otherwise.
"""
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import anatomy
from anatomy import spinopelvic

BAD_NUMBERS = st.one_of(
    st.just(float("nan")), st.just(float("inf")), st.just(float("-inf")),
    st.floats(min_value=1e4, max_value=1e308), st.floats(min_value=-1e308, max_value=-1e4),
    st.text(max_size=5), st.none(), st.booleans(), st.just([1.0, "x"]), st.just({"a": 1}),
    st.just(complex(1, 2)))

# (callable taking one bad value, the parameter name it must mention)
CASES = [
    (lambda v: anatomy.muscle_tendon_length("semitendinosus", v, 0.0), "hip_flexion_deg"),
    (lambda v: anatomy.muscle_tendon_length("semitendinosus", 0.0, v), "knee_flexion_deg"),
    (lambda v: anatomy.moment_arm("semimembranosus", "hip", v, 0.0), "hip_flexion_deg"),
    (lambda v: anatomy.moment_arm("semimembranosus", "knee", 0.0, v), "knee_flexion_deg"),
    (lambda v: anatomy.pose_points(v, 0.0, 0.0), "pelvic_tilt_deg"),
    (lambda v: anatomy.path_points("semitendinosus", 0.0, v, 0.0), "hip_flexion_deg"),
    (lambda v: anatomy.segment_frames(0.0, 0.0, v), "knee_flexion_deg"),
    (lambda v: spinopelvic(v), "pelvic_incidence_deg"),
    (lambda v: spinopelvic(50.0, v), "pelvic_tilt_deg"),
    # (slr_deg=None asks for the default person, so None is replaced by a bad number)
    (lambda v: anatomy.standing(slr_deg=-1.0 if v is None else v), "slr_deg"),
    (lambda v: anatomy.standing(pelvic_incidence_deg=v), "pelvic_incidence_deg"),
    (lambda v: anatomy.forward_bend(v), "trunk_flexion_deg"),
    (lambda v: anatomy.forward_bend(30.0, slr_deg=-1.0 if v is None else v), "slr_deg"),
    (lambda v: anatomy.toe_touch(slr_deg=-1.0 if v is None else v), "slr_deg"),
    (lambda v: anatomy.straight_leg_raise(v), "leg_raise_deg"),
    (lambda v: anatomy.long_sitting(trunk_flexion_deg=v), "trunk_flexion_deg"),
    (lambda v: anatomy.sit_and_reach(slr_deg=-1.0 if v is None else v), "slr_deg"),
    (lambda v: anatomy.chair_sitting(pelvic_incidence_deg=v), "pelvic_incidence_deg"),
    # (None is allowed here: it asks for the end point of the test)
    (lambda v: anatomy.active_knee_extension(-1.0 if v is None else v), "knee_flexion_deg"),
    (lambda v: anatomy.joint_pose(0.0, v, 0.0), "hip_flexion_deg"),
    (lambda v: anatomy.joint_pose(v, 0.0, 0.0), "pelvic_tilt_deg"),
    (lambda v: anatomy.sweep("forward_bend", [v]), "trunk_flexion_deg"),
    (lambda v: anatomy.extensibility(v), "slr_deg"),
    (lambda v: anatomy.slr_band(v), "slr_deg"),
    (lambda v: anatomy.sciatic_nerve_stretch_m(v, 0.0), "hip_flexion_deg"),
    (lambda v: anatomy.sciatic_nerve_stretch_m(0.0, 0.0, v), "ankle_dorsiflexion_deg"),
    (lambda v: anatomy.sciatic_nerve_stretch_m(0.0, 0.0, neck_flexion_deg=v), "neck_flexion_deg"),
    (lambda v: anatomy.straight_leg_raise_end(ankle_dorsiflexion_deg=v), "ankle_dorsiflexion_deg"),
    (lambda v: anatomy.straight_leg_raise(30.0, neck_flexion_deg=v), "neck_flexion_deg"),
    (lambda v: anatomy.slump(neck_flexion_deg=v), "neck_flexion_deg"),
    (lambda v: anatomy.slump(-1.0 if v is None else v), "knee_flexion_deg"),
]
TRIED = {"n": 0}


@pytest.mark.parametrize("call, name", CASES, ids=[n for _, n in CASES])
@given(value=BAD_NUMBERS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_bad_numbers_name_the_parameter(call, name, value):
    TRIED["n"] += 1
    with pytest.raises((ValueError, TypeError)) as err:
        call(value)
    assert name in str(err.value), f"{name} not named in: {err.value}"


@pytest.mark.parametrize("call, word", [
    (lambda: anatomy.muscle_tendon_length("gracilis", 0.0, 0.0), "head"),
    (lambda: anatomy.muscle_tendon_length(None, 0.0, 0.0), "head"),
    (lambda: anatomy.moment_arm("semitendinosus", "ankle", 0.0, 0.0), "joint"),
    (lambda: anatomy.moment_arm("semitendinosus", 1, 0.0, 0.0), "joint"),
    (lambda: anatomy.path_points("bf", 0.0, 0.0, 0.0), "head"),
    (lambda: anatomy.sweep("swimming"), "task"),
    (lambda: anatomy.sweep(3), "task"),
])
def test_wrong_names(call, word):
    TRIED["n"] += 1
    with pytest.raises((ValueError, TypeError), match=word):
        call()


@given(hip=st.floats(-30, 120), knee=st.floats(-10, 130), tilt=st.floats(-30, 30),
       slr=st.floats(35, 110), pi=st.floats(30, 85))
@settings(max_examples=200, deadline=None)
def test_never_nan_in_range(hip, knee, tilt, slr, pi):
    TRIED["n"] += 1
    p = anatomy.joint_pose(tilt, hip, knee, slr_deg=slr, pelvic_incidence_deg=pi)
    values = [p.pelvic_tilt_deg, p.lumbar_lordosis_deg, p.sacral_slope_deg,
              p.radiographic_pelvic_tilt_deg, *p.hamstring_stretch.values()]
    assert all(math.isfinite(v) for v in values)


def test_the_sweep_tried_many_inputs():
    """Runs last in this module: reports how many malformed and in-range inputs were tried."""
    print(f"\nAPI input sweep: {TRIED['n']} inputs tried")
    assert TRIED["n"] >= 40 * len(CASES)
