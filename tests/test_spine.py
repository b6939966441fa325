"""Spino-pelvic geometry measured on the S1 endplate and hip axis (issue: posture)."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import anatomy
from anatomy.model.geometry import HIP_JOINT_CENTRE_IN_PELVIS, rot_z
from anatomy.model.spine import (
    lumbar_column_in_pelvis,
    measure_spinopelvic,
    s1_endplate_in_pelvis,
    standing_lordosis_deg,
    standing_radiographic_tilt_deg,
)

pis = st.floats(30.0, 85.0)
tilts = st.floats(-45.0, 45.0)


@given(pis, tilts)
@settings(max_examples=300, deadline=None)
def test_pi_equals_pt_plus_ss_in_every_pose(pi, tilt):
    sp = anatomy.spinopelvic(pi, tilt)
    assert sp.pelvic_incidence_deg == pytest.approx(pi, abs=1e-9)
    assert abs(sp.radiographic_pelvic_tilt_deg + sp.sacral_slope_deg
               - sp.pelvic_incidence_deg) < 1e-9


@given(pis, tilts, st.floats(-20.0, 20.0))
@settings(max_examples=200, deadline=None)
def test_anterior_rotation_raises_ss_and_lowers_pt_equally(pi, tilt, delta):
    a = anatomy.spinopelvic(pi, tilt)
    b = anatomy.spinopelvic(pi, np.clip(tilt + delta, -45, 45))
    d = np.clip(tilt + delta, -45, 45) - tilt
    assert b.sacral_slope_deg - a.sacral_slope_deg == pytest.approx(d, abs=1e-9)
    assert b.radiographic_pelvic_tilt_deg - a.radiographic_pelvic_tilt_deg == pytest.approx(
        -d, abs=1e-9)


def test_measurement_is_geometric_not_a_formula():
    """Rotate the endplate points by hand and measure them: the numbers follow the points."""
    ends = s1_endplate_in_pelvis(53.0)
    hip = np.array([HIP_JOINT_CENTRE_IN_PELVIS[0], HIP_JOINT_CENTRE_IN_PELVIS[1], 0.0])
    r = rot_z(7.0)  # a 7° anticlockwise turn seen from the right = 7° posterior rotation
    pi, pt, ss = measure_spinopelvic(r @ ends["s1_anterior"], r @ ends["s1_posterior"], r @ hip)
    base = anatomy.spinopelvic(53.0)
    assert pi == pytest.approx(53.0, abs=1e-9)
    assert pt == pytest.approx(base.radiographic_pelvic_tilt_deg + 7.0, abs=1e-9)
    assert ss == pytest.approx(base.sacral_slope_deg - 7.0, abs=1e-9)
    # Moving the endplate's anterior edge up flattens the measured slope
    pi2, pt2, ss2 = measure_spinopelvic(ends["s1_anterior"] + [0, 0.01, 0],
                                        ends["s1_posterior"], hip)
    assert ss2 < base.sacral_slope_deg


def test_default_matches_populations_and_delp():
    sp = anatomy.spinopelvic()
    assert sp.pelvic_incidence_deg == pytest.approx(anatomy.DEFAULT_PELVIC_INCIDENCE_DEG)
    # Le Huec & Hasegawa 2016 regressions at the default PI
    assert sp.radiographic_pelvic_tilt_deg == pytest.approx(0.44 * 53 - 11.4, abs=1e-9)
    assert sp.lumbar_lordosis_deg == pytest.approx(0.54 * 53 + 27.6, abs=1e-9)
    # Mac-Thiong 2011 normal ranges (mean ± 2 SD)
    assert 0 <= sp.radiographic_pelvic_tilt_deg <= 27 and 24 <= sp.sacral_slope_deg <= 55
    # the endplate sits within 2 mm of the Delp model's lumbosacral joint
    mid = s1_endplate_in_pelvis(53.0)["s1_mid"]
    assert np.linalg.norm(mid - [-0.1007, 0.0815, 0.0]) < 0.002


def test_higher_pi_means_more_lordosis_and_slope():
    low, high = anatomy.spinopelvic(40.0), anatomy.spinopelvic(70.0)
    assert high.sacral_slope_deg > low.sacral_slope_deg
    assert high.lumbar_lordosis_deg > low.lumbar_lordosis_deg
    assert standing_radiographic_tilt_deg(70.0) > standing_radiographic_tilt_deg(40.0)


def test_lumbar_column_cobb_angle_is_the_lordosis():
    for pi in (35.0, 53.0, 80.0):
        for flex in (-10.0, 0.0, 20.0, 45.0):
            bodies, top, angle = lumbar_column_in_pelvis(pi, flex)
            ss0 = pi - standing_radiographic_tilt_deg(pi)
            cobb = float(angle) - (-ss0)
            assert cobb == pytest.approx(standing_lordosis_deg(pi) - flex, abs=1e-9)
            assert bodies.shape == (5, 4, 3)
            # vertebrae stack upwards from the sacrum in standing
            if flex == 0.0:
                assert np.all(np.diff(bodies[:, 0, 1]) > 0)


def test_spinopelvic_bad_input():
    with pytest.raises(ValueError, match=r"pelvic_incidence_deg=95 deg is outside .*30 to 85"):
        anatomy.spinopelvic(95.0)
    with pytest.raises(ValueError, match="pelvic_tilt_deg"):
        anatomy.spinopelvic(50.0, float("nan"))
