"""The leg model: lengths, moment arms, paths, facts and input checks (issue: leg model)."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import anatomy
from anatomy import HAMSTRING_HEADS, moment_arm, muscle_tendon_length
from anatomy.model.geometry import HIP_FLEXION_RANGE_DEG, KNEE_FLEXION_RANGE_DEG
from anatomy.model.muscles import (
    CONDYLE_WRAP_CENTRE_IN_FEMUR,
    CONDYLE_WRAP_RADIUS_M,
    FACTS,
    muscle_paths_in_femur,
)

BIARTICULAR = HAMSTRING_HEADS[:3]
hips = st.floats(*HIP_FLEXION_RANGE_DEG, allow_nan=False)
knees = st.floats(*KNEE_FLEXION_RANGE_DEG, allow_nan=False)


def test_public_names():
    assert anatomy.HAMSTRING_HEADS == ("semitendinosus", "semimembranosus",
                                       "biceps_femoris_long", "biceps_femoris_short")


def test_documented_range_is_wide_enough():
    assert HIP_FLEXION_RANGE_DEG[0] <= -20 and HIP_FLEXION_RANGE_DEG[1] >= 120
    assert KNEE_FLEXION_RANGE_DEG[0] <= 0 and KNEE_FLEXION_RANGE_DEG[1] >= 130


def test_scalar_in_scalar_out_and_broadcasting():
    out = muscle_tendon_length("semitendinosus", 10.0, 20.0)
    assert isinstance(out, float)
    grid = muscle_tendon_length("semitendinosus", np.array([0.0, 45.0, 90.0])[:, None],
                                np.array([0.0, 60.0]))
    assert grid.shape == (3, 2)
    assert grid[1, 1] == pytest.approx(muscle_tendon_length("semitendinosus", 45.0, 60.0))
    ma = moment_arm("semimembranosus", "knee", [0.0, 30.0], 45.0)
    assert ma.shape == (2,)


def test_short_head_ignores_the_hip():
    hip = np.linspace(-20, 120, 57)
    for knee in (0.0, 45.0, 110.0):
        lengths = muscle_tendon_length("biceps_femoris_short", hip, knee)
        assert np.ptp(lengths) == 0.0
        assert np.all(moment_arm("biceps_femoris_short", "hip", hip, knee) == 0.0)


@pytest.mark.parametrize("head", BIARTICULAR)
@pytest.mark.parametrize("knee", [0.0, 45.0, 90.0, 120.0])
def test_two_joint_heads_lengthen_with_hip_flexion(head, knee):
    lengths = muscle_tendon_length(head, np.linspace(-20, 120, 141), knee)
    assert np.all(np.diff(lengths) > 0)


@pytest.mark.parametrize("head", BIARTICULAR)
@pytest.mark.parametrize("hip", [-20.0, 0.0, 45.0, 90.0, 120.0])
def test_two_joint_heads_lengthen_with_knee_extension(head, hip):
    # Strictly monotonic from 110° to full extension for every head...
    knee = np.linspace(110, 0, 111)
    assert np.all(np.diff(muscle_tendon_length(head, hip, knee)) > 0)
    # ...and in deep flexion (120° → 0°) no head ever gets shorter by more than 1 mm as the
    # knee extends. The published knee's rolling translation brings BFlh's knee moment arm to
    # about zero near 115-120° (see the module docstring of anatomy.muscles).
    knee = np.linspace(130, 0, 1301)
    lengths = muscle_tendon_length(head, hip, knee)
    shortening = np.maximum.accumulate(lengths) - lengths
    assert shortening.max() < 1e-3


@given(hips, knees)
@settings(max_examples=300, deadline=None)
def test_lengths_positive_and_finite_everywhere(hip, knee):
    for head in HAMSTRING_HEADS:
        length = muscle_tendon_length(head, hip, knee)
        assert math.isfinite(length) and 0.15 < length < 0.7
        for joint in ("hip", "knee"):
            assert math.isfinite(moment_arm(head, joint, hip, knee))


def test_moment_arm_ranges():
    knee = np.linspace(0, 90, 91)
    hip = np.linspace(0, 60, 61)
    for head in HAMSTRING_HEADS:
        for h in (-20.0, 0.0, 45.0, 90.0):
            r = moment_arm(head, "knee", h, knee)
            assert np.all((r >= 0.015) & (r <= 0.06)), (head, h, r.min(), r.max())
    for head in BIARTICULAR:
        for k in (0.0, 45.0, 90.0):
            r = -moment_arm(head, "hip", hip, k)
            assert np.all((r >= 0.03) & (r <= 0.08)), (head, k, r.min(), r.max())


def test_signs_hamstrings_extend_hip_and_flex_knee():
    for head in BIARTICULAR:
        assert moment_arm(head, "hip", 30.0, 30.0) < 0
    hip, knee = np.meshgrid(np.linspace(-30, 120, 31), np.linspace(-10, 130, 71))
    for head in HAMSTRING_HEADS:
        # a knee flexor everywhere in the documented range (see the knee tests below)
        assert moment_arm(head, "knee", hip, knee).min() > 0
        assert moment_arm(head, "knee", 30.0, 30.0) > 0


# The knee offset data end at 120°; beyond, the spline's slope eases to zero, so the length
# has no kink there and dL/dθ is checked right across it.
@given(hips.filter(lambda h: -29 < h < 119), knees.filter(lambda k: -9 < k < 129))
@settings(max_examples=200, deadline=None)
def test_moment_arm_is_minus_dl_dtheta(hip, knee):
    step = 0.05  # degrees; a different step from the one the package uses
    for head in HAMSTRING_HEADS:
        dl_hip = (muscle_tendon_length(head, hip + step, knee)
                  - muscle_tendon_length(head, hip - step, knee)) / math.radians(2 * step)
        dl_knee = (muscle_tendon_length(head, hip, knee + step)
                   - muscle_tendon_length(head, hip, knee - step)) / math.radians(2 * step)
        assert moment_arm(head, "hip", hip, knee) == pytest.approx(-dl_hip, abs=2e-5)
        assert moment_arm(head, "knee", hip, knee) == pytest.approx(-dl_knee, abs=2e-5)


def test_no_kink_where_the_published_knee_data_end():
    """Issue 10, item 9: the knee offset spline is published to 120°; the moment arms (the
    length's slope) must be continuous across it."""
    for head in HAMSTRING_HEADS:
        below = moment_arm(head, "knee", 30.0, 119.9)
        above = moment_arm(head, "knee", 30.0, 120.1)
        assert abs(above - below) < 5e-4, head


# The whole knee range, densely, at hip angles across the model's range.
_KNEE_ALL = np.linspace(*KNEE_FLEXION_RANGE_DEG, 281)  # every 0.5°
_HIPS = np.array([-30.0, 0.0, 45.0, 90.0, 120.0])[:, None]
KNEE_ARM_MIN_M = 0.015
"""Smallest knee flexion moment arm any head may have anywhere in the range. Cadaver and MRI
sources put hamstring knee moment arms at about 2-5 cm (BF about 2 cm, a textbook summary of
Spoor & van Leeuwen 1992); 1.5 cm leaves room for the model's spread but not for the
near-zero or negative arms the published path geometry gave near 120° (BFlh -3.7 mm)."""


def test_every_head_flexes_the_knee_over_the_whole_range():
    """Issue 10, item 9: every hamstring's knee flexion moment arm stays above 15 mm over the
    model's whole knee range (-10° to 130°), at every hip angle."""
    for head in HAMSTRING_HEADS:
        arms = moment_arm(head, "knee", _HIPS, _KNEE_ALL)
        assert arms.min() > KNEE_ARM_MIN_M, (head, arms.min())
        assert arms.max() < 0.06, (head, arms.max())


def test_biceps_long_head_knee_moment_arm_about_constant_as_in_cadavers():
    """Visser et al. 1990 (six cadaver limbs, tendon excursion) found the biceps femoris knee
    moment arm constant throughout the whole range of knee flexion; Buford et al. 1997 (15
    cadaver knees) measured variable but repeatable patterns. Tolerance: at each hip angle,
    BFlh's arm stays within ±30% of its own mean over -10° to 130°, and never more than 1.7
    times its smallest value. The published geometry, followed to 130°, gave -3.7 to 34.7 mm."""
    arms = moment_arm("biceps_femoris_long", "knee", _HIPS, _KNEE_ALL)
    mean = arms.mean(axis=1, keepdims=True)
    assert np.all(np.abs(arms / mean - 1.0) < 0.30), np.round(arms / mean, 2)
    assert np.all(arms.max(axis=1) / arms.min(axis=1) < 1.7)
    # and its size is that of the cadaver data (about 2 cm; 1.5-4 cm allowed)
    assert 0.015 < arms.min() and arms.max() < 0.04


def _slope_jump(head, hip, knee_deg, step=0.5):
    """Change in the moment arm's slope (m per degree) across ``knee_deg``."""
    k = knee_deg + step * np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
    r = moment_arm(head, "knee", hip, k)
    left = (r[2] - r[0]) / (2 * step)
    right = (r[4] - r[2]) / (2 * step)
    return abs(right - left), np.abs(np.diff(r)).max() / step


@pytest.mark.parametrize("knee", [120.0, 75.0])
def test_no_jump_in_moment_arm_slope_where_knee_data_or_path_lengths_end(knee):
    """No kink in the moment arm where the published knee data end (120°) nor where lengths
    switch from the drawn path to their continuation (75°): the slope just left and just
    right of the angle agree to within a tenth of the steepest slope nearby."""
    for head in HAMSTRING_HEADS:
        for hip in (-30.0, 0.0, 90.0):
            jump, steepest = _slope_jump(head, hip, knee)
            assert jump < max(0.1 * steepest, 2e-6), (head, hip, jump, steepest)


def test_lengths_below_the_continuation_are_the_drawn_paths():
    """Below 75° of knee flexion nothing changed: the length is the drawn path's length."""
    from anatomy.model.muscles import KNEE_CONTINUATION_START_DEG, _path_length
    knee = np.linspace(-10.0, KNEE_CONTINUATION_START_DEG, 60)
    for head in HAMSTRING_HEADS:
        np.testing.assert_array_equal(muscle_tendon_length(head, _HIPS, knee),
                                      _path_length(head, _HIPS, knee))


def test_pelvic_tilt_with_thigh_still_is_hip_flexion():
    """Tilt the pelvis 1° anteriorly while the thigh stays put in space: the muscles see
    exactly one more degree of hip flexion. Measured on the ground-frame paths."""
    def ground_length(tilt, hip, knee, head):
        pp = anatomy.pose_points(tilt, hip, knee)
        path = pp.paths[head]
        return float(np.linalg.norm(np.diff(path, axis=-2), axis=-1).sum())

    for head in BIARTICULAR:
        for hip, knee in [(0.0, 0.0), (40.0, 30.0), (80.0, 10.0)]:
            base = ground_length(0.0, hip, knee, head)
            tilted = ground_length(1.0, hip + 1.0, knee, head)  # femur angle in ground unchanged
            frames0 = anatomy.segment_frames(0.0, hip, knee)
            frames1 = anatomy.segment_frames(1.0, hip + 1.0, knee)
            np.testing.assert_allclose(frames0["femur"].rotation, frames1["femur"].rotation,
                                       atol=1e-12)
            flexed = muscle_tendon_length(head, hip + 1.0, knee)
            assert tilted - base > 0
            assert tilted == pytest.approx(flexed, abs=1e-6)


def test_ground_paths_match_lengths():
    pp = anatomy.pose_points(15.0, 50.0, 70.0)
    for head, path in pp.paths.items():
        polyline = np.linalg.norm(np.diff(path, axis=-2), axis=-1).sum()
        # the drawn polyline samples the wrap arc, so it is a little shorter than the length
        assert polyline == pytest.approx(muscle_tendon_length(head, 50.0, 70.0), abs=2e-4)


def test_paths_stay_behind_the_condyles_in_deep_flexion():
    hip, knee = np.meshgrid(np.linspace(-20, 120, 15), np.linspace(60, 130, 15))
    c, r = CONDYLE_WRAP_CENTRE_IN_FEMUR, CONDYLE_WRAP_RADIUS_M
    for head in HAMSTRING_HEADS:
        path = muscle_paths_in_femur(head, hip, knee)[..., :2]
        a, b = path[..., :-1, :], path[..., 1:, :]
        ab = b - a
        t = np.clip(np.einsum("...i,...i", c - a, ab) / np.einsum("...i,...i", ab, ab), 0, 1)
        closest = a + t[..., None] * ab
        dist = np.linalg.norm(closest - c, axis=-1)
        assert dist.min() > r * 0.995, head


def test_wrap_engages_somewhere():
    """The cylinder is not decoration: at least some poses use it."""
    from anatomy.model.muscles import _wrap, _distal_in_femur, _proximal_in_femur
    knee = np.linspace(0, 130, 131)
    contact_any = False
    for head in HAMSTRING_HEADS:
        p = np.broadcast_to(_proximal_in_femur(head, 0.0)[..., -1, :], knee.shape + (3,))
        q = _distal_in_femur(head, knee)[..., 0, :]
        contact_any |= bool(_wrap(p, q)[-1].any())
    assert contact_any


def test_facts_complete_and_cited():
    from anatomy.model.references import REFERENCES
    assert set(FACTS) == set(HAMSTRING_HEADS)
    for head, f in FACTS.items():
        assert f.origin and f.insertion and f.nerve and f.actions
        for key in f.sources:
            assert key in REFERENCES
    assert "fibular" in FACTS["biceps_femoris_short"].nerve.lower()
    for head in BIARTICULAR:
        assert "tibial" in FACTS[head].nerve.lower()
    # Ward et al. 2009 orderings
    fl = {h: FACTS[h].fibre_length_cm for h in HAMSTRING_HEADS}
    assert fl["semitendinosus"] > fl["biceps_femoris_short"] > fl["biceps_femoris_long"] > \
        fl["semimembranosus"]
    pcsa = {h: FACTS[h].pcsa_cm2 for h in HAMSTRING_HEADS}
    assert max(pcsa, key=pcsa.get) == "semimembranosus"


@pytest.mark.parametrize("bad, word", [
    (float("nan"), "hip_flexion_deg"), (float("inf"), "hip_flexion_deg"),
    ("ten", "hip_flexion_deg"), (None, "hip_flexion_deg"), (500.0, "hip_flexion_deg"),
    (-90.0, "hip_flexion_deg"), ([0.0, float("nan")], "hip_flexion_deg"),
])
def test_bad_hip_input_names_parameter_value_and_range(bad, word):
    with pytest.raises(ValueError) as err:
        muscle_tendon_length("semitendinosus", bad, 0.0)
    msg = str(err.value)
    assert word in msg and "-30" in msg and "120" in msg


def test_bad_knee_head_joint():
    with pytest.raises(ValueError, match=r"knee_flexion_deg=170 deg is outside .*-10 to 130"):
        muscle_tendon_length("semitendinosus", 0.0, 170.0)
    with pytest.raises(ValueError, match="head must be one of"):
        muscle_tendon_length("gluteus", 0.0, 0.0)
    with pytest.raises(ValueError, match="joint must be one of"):
        moment_arm("semitendinosus", "ankle", 0.0, 0.0)
    with pytest.raises(TypeError):
        moment_arm("semitendinosus", 3, 0.0, 0.0)


def test_knee_offset_has_no_kink_where_the_published_data_end():
    """The knee's rolling-gliding spline is published to 120°; beyond, its slope fades to zero
    by 130°. Value, slope and curvature are continuous at 120° (the old linear fade made the
    curvature jump there, which put a kink in every moment arm)."""
    from anatomy.model.geometry import knee_offset_m
    d = 0.05
    k = 120.0 + d * np.arange(-3, 4)
    off = knee_offset_m(k)[:, :2]
    slope = np.diff(off, axis=0) / d
    curv = np.diff(slope, axis=0) / d
    # curvature left of 120° vs right of it: no jump beyond what 0.15° of smooth change gives
    assert np.all(np.abs(curv[3] - curv[1]) < 1e-6), curv
    # and the fade reaches zero slope at 130° smoothly
    end = knee_offset_m(np.array([129.9, 130.0, 130.1]))
    assert np.allclose(end[0], end[1], atol=1e-9) and np.allclose(end[1], end[2])
