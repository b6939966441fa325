"""The exercises of notebook 06 (`anatomy.exercises`)."""
import pytest

import anatomy
from anatomy.model.exercises import (
    EXERCISES,
    GROUPS,
    ILLUSTRATIVE,
    SOLVED,
    exercise_postures,
    exercise_table,
    most_used_range,
    stretches_hamstrings,
    verdict,
)

SLRS = (45.0, 55.0, 80.0, 100.0)


def used(key, slr):
    return most_used_range(EXERCISES[key](slr_deg=slr))[1]


def test_every_exercise_is_described_and_returns_a_posture():
    assert len(EXERCISES) == 10
    for key, ex in EXERCISES.items():
        assert ex.key == key and ex.label and ex.how
        assert ex.group in GROUPS
        assert ex.model in (SOLVED, ILLUSTRATIVE)
        assert isinstance(ex(), anatomy.Posture)
        assert isinstance(ex(slr_deg=55.0), anatomy.Posture)
    assert {ex.group for ex in EXERCISES.values()} == set(GROUPS)


def test_solved_tasks_are_the_static_stretches():
    solved = {k for k, ex in EXERCISES.items() if ex.model == SOLVED}
    assert solved == {"standing_toe_touch", "seated_forward_bend", "supine_leg_stretch"}
    tasks = {k: EXERCISES[k]().task for k in solved}
    assert tasks == {"standing_toe_touch": "forward_bend",
                     "seated_forward_bend": "long_sitting",
                     "supine_leg_stretch": "straight_leg_raise"}


@pytest.mark.parametrize("slr", SLRS)
def test_exercise_table_mentions_every_exercise_and_group(slr):
    text = exercise_table(slr)
    assert text.splitlines()[0] == f"Hamstrings with a passive SLR of {slr:.0f}°"
    for ex in EXERCISES.values():
        assert ex.label in text
    for group in GROUPS:
        assert f"[{group}]" in text
    assert "-0.0" not in text


def test_exercise_table_rows_carry_the_numbers():
    rows = {line.strip()[:30].strip(): line for line in exercise_table(80.0).splitlines()}
    assert rows["Supine leg stretch"].rstrip().endswith("yes")
    assert "100%" in rows["Supine leg stretch"]
    assert "-10.0°" in rows["Pelvic tilt, forward"]
    assert "10.0°" in rows["Pelvic tilt, backward"]
    assert "no: shorter" in rows["Bridge (top)"]
    assert "past the limit" in exercise_table(55.0)


@pytest.mark.parametrize("slr", SLRS)
def test_supine_leg_stretch_stretches_more_than_high_knees(slr):
    assert used("supine_leg_stretch", slr) > used("high_knees", slr)
    assert used("supine_leg_stretch", slr) > used("walking_lunge", slr)


@pytest.mark.parametrize("slr", SLRS)
def test_static_stretches_end_at_the_limit(slr):
    for key in ("standing_toe_touch", "seated_forward_bend", "supine_leg_stretch"):
        posture = EXERCISES[key](slr_deg=slr)
        if not posture.reachable:  # an SLR of 45° cannot even sit upright in long sitting
            assert key == "seated_forward_bend" and verdict(posture) == "past the limit"
            continue
        # at the end of the range (the toe touch of an SLR of 100° stops at the slider's 150°)
        assert most_used_range(posture)[1] == pytest.approx(1.0, abs=0.02), key
        assert stretches_hamstrings(posture) and verdict(posture) == "yes"


def test_bent_knee_warm_ups_and_strengthening_do_not_stretch():
    postures = exercise_postures(80.0)
    for key in ("high_knees", "walking_lunge", "plank", "bridge", "anterior_pelvic_tilt",
                "posterior_pelvic_tilt"):
        assert not stretches_hamstrings(postures[key]), key
    assert stretches_hamstrings(postures["leg_swing"])


def test_bridge_leaves_the_two_joint_heads_shorter_than_standing():
    bridge = EXERCISES["bridge"]()
    for head in ("semitendinosus", "semimembranosus", "biceps_femoris_long"):
        assert bridge.hamstring_range_used[head] < 0.0


def test_pelvic_tilt_exercises_change_the_lordosis_the_right_way():
    from anatomy.model.spine import standing_lordosis_deg
    curve = float(standing_lordosis_deg(anatomy.DEFAULT_PELVIC_INCIDENCE_DEG))
    forward = EXERCISES["anterior_pelvic_tilt"]()
    backward = EXERCISES["posterior_pelvic_tilt"]()
    assert forward.pelvic_tilt_deg > 0 > backward.pelvic_tilt_deg
    # joint poses are measured from the neutral pelvis and the standing curve for this PI
    assert forward.lumbar_lordosis_deg == pytest.approx(curve + 10.0)
    assert backward.lumbar_lordosis_deg == pytest.approx(curve - 10.0)
    assert forward.lumbar_flexion_deg < 0 < backward.lumbar_flexion_deg


def test_forward_bends_flatten_the_lumbar_curve_more_than_the_supine_stretch():
    p = exercise_postures(80.0)
    for key in ("standing_toe_touch", "seated_forward_bend"):
        assert p[key].lumbar_flexion_deg > 20.0
    assert 0.0 < p["supine_leg_stretch"].lumbar_flexion_deg < 15.0


def test_illustrative_poses_do_not_depend_on_the_hamstrings_but_their_stretch_does():
    for key, ex in EXERCISES.items():
        if ex.model != ILLUSTRATIVE:
            continue
        short, long = ex(slr_deg=55.0), ex(slr_deg=80.0)
        assert (short.hip_flexion_deg, short.knee_flexion_deg, short.pelvic_tilt_deg) == (
            long.hip_flexion_deg, long.knee_flexion_deg, long.pelvic_tilt_deg)
        if most_used_range(long)[1] > 0.05:
            assert most_used_range(short)[1] > most_used_range(long)[1], key


def test_leg_swing_is_out_of_reach_for_short_hamstrings():
    short = EXERCISES["leg_swing"](slr_deg=55.0)
    assert not short.reachable and verdict(short) == "past the limit"
    assert EXERCISES["leg_swing"](slr_deg=80.0).reachable


def test_exercises_module_never_plots():
    import anatomy.model.exercises as module

    source = open(module.__file__, encoding="utf-8").read()
    assert "matplotlib" not in source and "pyplot" not in source
