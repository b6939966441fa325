"""The sacrum's S1 endplate, pelvic incidence, tilt and slope, and the lumbar curve L1-L5.

Two words that are easy to mix up
---------------------------------
* ``pelvic_tilt_deg`` (what the sliders move) is the *rotation* of the pelvis from its neutral
  standing position, anterior positive, in degrees.
* Radiographic pelvic tilt (PT) is an *angle measured on a side X-ray*: between the vertical
  and the line from the middle of the S1 endplate to the femoral heads (Legaye et al. 1998).
  It is positive when the endplate lies behind the hips, and it grows when the pelvis rotates
  posteriorly. Clinicians at the bedside use yet another angle, the line ASIS-PSIS to the
  horizontal (Preece et al. 2008); `anatomy.Posture` reports it as ``asis_psis_angle_deg``.

Pelvic incidence (PI) is the angle between the perpendicular to the S1 endplate at its middle
and the line from there to the femoral heads. It belongs to the shape of a person's pelvis and
does not change with posture, so PI = PT + SS (sacral slope) in every pose (Legaye 1998).

How the model places the sacrum
-------------------------------
The S1 endplate's middle sits at the distance the lumbosacral joint has from the hip centre in
the Delp model (0.151 m, [gait2392]), in the direction that gives a standing radiographic PT of
0.44·PI - 11.4° (Le Huec & Hasegawa 2016, 268 adults); the endplate is then inclined so that
the incidence equals PI. With the default PI of 53° (the mean of 709 adults, Mac-Thiong et al.
2011) this puts the endplate within 1.5 mm of the Delp model's lumbosacral joint. A person
with a larger PI has the sacrum further behind the hips and more steeply inclined.

The lumbar curve
----------------
Standing lordosis (Cobb angle L1-S1) follows PI: LL = 0.54·PI + 27.6° (Le Huec & Hasegawa
2016). ``lumbar_flexion_deg`` is measured from that standing curve, so
``lumbar_lordosis_deg = standing lordosis - lumbar_flexion_deg``; with the trunk upright, an
anterior pelvic tilt of δ deepens the lordosis by δ. The five lumbar discs share the
curvature: in standing by the weights `LORDOSIS_SHARE`, in flexion by `FLEXION_SHARE`.
Vertebral bodies are drawn as rectangles (no wedging) of the size in `VERTEBRA_*`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validate import real_array
from .geometry import HIP_JOINT_CENTRE_IN_PELVIS, PELVIS_LANDMARKS, rot_z

PELVIC_INCIDENCE_RANGE_DEG = (30.0, 85.0)
"""PI the model accepts: about the range seen in normal adults (33-85°, as restated in
PMC5859489 after Legaye 1998; Mac-Thiong 2011: mean ± 2 SD 32-74°)."""
DEFAULT_PELVIC_INCIDENCE_DEG = 53.0
"""Population mean PI of 709 asymptomatic adults (Mac-Thiong et al. 2011: ±2 SD 32-74°)."""

# Sagittal distance from the hip centre to the lumbosacral joint in [gait2392].
_HIP_TO_S1_M = float(np.hypot(*(PELVIS_LANDMARKS["lumbosacral_joint"]
                                - HIP_JOINT_CENTRE_IN_PELVIS)[:2]))
_HIP_MID = np.array([HIP_JOINT_CENTRE_IN_PELVIS[0], HIP_JOINT_CENTRE_IN_PELVIS[1], 0.0])

# Drawing sizes of lumbar vertebral bodies and discs (m). Approximate adult values: endplate
# depth about 35 mm and body height about 27 mm (Panjabi et al. 1992, Spine 17:299-306);
# disc height about 10 mm. They set the picture and the trunk's length, no angle.
VERTEBRA_DEPTH_M = 0.035
VERTEBRA_HEIGHT_M = 0.027
DISC_HEIGHT_M = 0.010
S1_ENDPLATE_DEPTH_M = 0.045  # sacral endplate drawn a little deeper than the lumbar bodies

# Share of standing lordosis at each disc, L5-S1 first: most of it is in the lowest two
# levels (about two thirds at L4-S1; Bernhardt & Bridwell 1989, Spine 14:717-721).
LORDOSIS_SHARE = np.array([0.40, 0.27, 0.16, 0.10, 0.07])
# Share of lumbar flexion at each disc, L5-S1 first, proportional to mean segmental sagittal
# ranges of motion in vivo (about 9, 13, 12, 10 and 8°; Pearcy et al. 1984, Spine 9:294-297).
FLEXION_SHARE = np.array([9.0, 13.0, 12.0, 10.0, 8.0]) / 52.0


def standing_radiographic_tilt_deg(pelvic_incidence_deg):
    """Standing PT predicted from PI: 0.44·PI − 11.4 (Le Huec & Hasegawa 2016)."""
    return 0.44 * np.asarray(pelvic_incidence_deg, float) - 11.4


def standing_lordosis_deg(pelvic_incidence_deg):
    """Standing L1-S1 lordosis predicted from PI: 0.54·PI + 27.6 (Le Huec & Hasegawa 2016)."""
    return 0.54 * np.asarray(pelvic_incidence_deg, float) + 27.6


def s1_endplate_in_pelvis(pelvic_incidence_deg) -> dict[str, np.ndarray]:
    """The S1 endplate's middle, anterior and posterior edges in the pelvis frame (m)."""
    pi = np.asarray(pelvic_incidence_deg, float)
    pt0 = np.radians(standing_radiographic_tilt_deg(pi))
    ss0 = np.radians(pi) - pt0
    mid = np.stack([_HIP_MID[0] - _HIP_TO_S1_M * np.sin(pt0),
                    _HIP_MID[1] + _HIP_TO_S1_M * np.cos(pt0), np.zeros_like(pt0)], -1)
    along = np.stack([np.cos(ss0), -np.sin(ss0), np.zeros_like(ss0)], -1)  # to the front
    half = 0.5 * S1_ENDPLATE_DEPTH_M
    return {"s1_mid": mid, "s1_anterior": mid + half * along, "s1_posterior": mid - half * along}


def measure_spinopelvic(s1_anterior, s1_posterior, hip_axis, frame_angle_deg=0.0):
    """Measure PI, PT and SS on points, as a radiologist would on a side view.

    Parameters
    ----------
    s1_anterior, s1_posterior, hip_axis
        Points in ground, ``(..., 3)`` (only x and y are used).
    frame_angle_deg
        The task frame's rotation (0 upright; +90 supine): angles are measured against the
        body's own vertical, as if the X-ray were taken with the person stood up.

    Returns
    -------
    tuple of arrays
        ``(pelvic_incidence_deg, radiographic_pelvic_tilt_deg, sacral_slope_deg)``.
    """
    back = rot_z(-np.asarray(frame_angle_deg, float))
    a = np.einsum("...ij,...j->...i", back, np.asarray(s1_anterior, float))
    p = np.einsum("...ij,...j->...i", back, np.asarray(s1_posterior, float))
    h = np.einsum("...ij,...j->...i", back, np.asarray(hip_axis, float))
    m = 0.5 * (a + p)
    e = a - p
    ss = np.degrees(np.arctan2(-e[..., 1], e[..., 0]))  # anterior edge lower: positive
    v = m - h
    pt = np.degrees(np.arctan2(-v[..., 0], v[..., 1]))  # endplate behind the hips: positive
    # incidence: between the endplate's caudal normal and the line to the hip axis
    normal = np.stack([-np.sin(np.radians(ss)), -np.cos(np.radians(ss))], -1)
    u = h[..., :2] - m[..., :2]
    cross = normal[..., 0] * u[..., 1] - normal[..., 1] * u[..., 0]
    dot = (normal * u).sum(-1)
    pi = np.degrees(np.arctan2(cross, dot))
    return pi, pt, ss


@dataclass(frozen=True)
class SpinoPelvic:
    """Sagittal spino-pelvic parameters of one pose (degrees)."""

    pelvic_incidence_deg: float
    radiographic_pelvic_tilt_deg: float
    sacral_slope_deg: float
    lumbar_lordosis_deg: float
    pelvic_tilt_deg: float = 0.0


def spinopelvic(pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG, pelvic_tilt_deg=0.0):
    """PI, radiographic PT, SS and lordosis when the pelvis tilts and the trunk stays upright.

    Parameters
    ----------
    pelvic_incidence_deg
        The person's pelvic incidence, 30 to 85 degrees (default 53°, Mac-Thiong 2011).
    pelvic_tilt_deg
        Rotation of the pelvis from neutral standing, anterior positive.

    Examples
    --------
    >>> sp = spinopelvic(53.0)
    >>> round(sp.radiographic_pelvic_tilt_deg, 2), round(sp.sacral_slope_deg, 2)
    (11.92, 41.08)
    >>> tilted = spinopelvic(53.0, pelvic_tilt_deg=10.0)   # anterior tilt, trunk upright
    >>> round(tilted.sacral_slope_deg - sp.sacral_slope_deg, 6)
    10.0
    >>> round(tilted.lumbar_lordosis_deg - sp.lumbar_lordosis_deg, 6)
    10.0
    """
    pi = real_array("pelvic_incidence_deg", pelvic_incidence_deg, *PELVIC_INCIDENCE_RANGE_DEG)
    tilt = real_array("pelvic_tilt_deg", pelvic_tilt_deg, -45.0, 45.0)
    ends = s1_endplate_in_pelvis(pi)
    r = rot_z(-np.asarray(tilt))
    pts = {k: np.einsum("...ij,...j->...i", r, v) for k, v in ends.items()}
    hip = np.einsum("...ij,...j->...i", r, _HIP_MID)
    pi_m, pt, ss = measure_spinopelvic(pts["s1_anterior"], pts["s1_posterior"], hip)
    ll = standing_lordosis_deg(pi) + np.asarray(tilt)
    out = [pi_m, pt, ss, ll, np.asarray(tilt, float)]
    if all(np.ndim(v) == 0 for v in (pelvic_incidence_deg, pelvic_tilt_deg)):
        out = [float(v) for v in out]
    return SpinoPelvic(*out)


def disc_angles_deg(pelvic_incidence_deg, lumbar_flexion_deg) -> np.ndarray:
    """Lordotic angle at each disc (L5-S1 first), ``(..., 5)``; they add up to the lordosis."""
    ll0 = standing_lordosis_deg(pelvic_incidence_deg)
    f = np.asarray(lumbar_flexion_deg, float)
    return ll0[..., None] * LORDOSIS_SHARE - f[..., None] * FLEXION_SHARE


def lumbar_column_in_pelvis(pelvic_incidence_deg, lumbar_flexion_deg):
    """Outline corners of L5..L1 and the L1 top, in the pelvis frame.

    Returns
    -------
    bodies : ndarray, ``(..., 5, 4, 3)``
        Each vertebral body's corners: posterior-inferior, anterior-inferior,
        anterior-superior, posterior-superior (L5 first).
    l1_top_mid : ndarray, ``(..., 3)``
        Middle of L1's upper endplate.
    l1_angle_deg : ndarray
        Angle of L1's upper endplate in the pelvis frame (anticlockwise from +x).
    """
    pi = np.asarray(pelvic_incidence_deg, float)
    f = np.asarray(lumbar_flexion_deg, float)
    pi, f = np.broadcast_arrays(pi, f)
    ends = s1_endplate_in_pelvis(pi)
    ss0 = pi - standing_radiographic_tilt_deg(pi)
    angle = -ss0  # direction of the S1 endplate (posterior → anterior), from +x
    mid = ends["s1_mid"][..., :2]
    discs = disc_angles_deg(pi, f)
    bodies = []
    for i in range(5):
        # the disc opens by its angle: rotate about the disc's middle
        angle = angle + discs[..., i] * 0.5
        a = np.radians(angle)
        up = np.stack([-np.sin(a), np.cos(a)], -1)
        mid = mid + up * DISC_HEIGHT_M
        angle = angle + discs[..., i] * 0.5
        a = np.radians(angle)
        along = np.stack([np.cos(a), np.sin(a)], -1)
        up = np.stack([-np.sin(a), np.cos(a)], -1)
        half = 0.5 * VERTEBRA_DEPTH_M * along
        top = mid + up * VERTEBRA_HEIGHT_M
        bodies.append(np.stack([mid - half, mid + half, top + half, top - half], -2))
        mid = top
    bodies = np.stack(bodies, -3)
    z = np.zeros(bodies.shape[:-1] + (1,))
    return (np.concatenate([bodies, z], -1),
            np.concatenate([mid, np.zeros(mid.shape[:-1] + (1,))], -1), angle)
