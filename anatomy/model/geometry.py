"""Segments, cited landmarks and the kinematic chain ground → pelvis → femur → tibia.

Each segment has its own frame, fixed to the bone, with the same axis names as the package
convention (x anterior, y superior, z to the subject's right) when the body stands in the
anatomical position. Coordinates are in metres and are transcribed from the generic
lower-limb model of Delp et al. (1990) as distributed in OpenSim's gait2392 file
(``[gait2392]`` below: opensim-org/opensim-models, commit 07927ac). That model is scaled to a
man about 1.8 m tall. Landmarks that the model file does not list are placed on a muscle
attachment of the same model that sits on that landmark; the comment beside each says which.

The chain (all rotations about the z axis; the model is planar in its joint motion):

- pelvis in ground: rotated by ``-pelvic_tilt_deg`` (anterior tilt turns the front of the
  pelvis down, a clockwise turn seen from the subject's right) plus the task's whole-body
  frame angle (0 standing, +90 lying supine), then placed at ``origin_m``;
- femur on pelvis: rotated by ``+hip_flexion_deg`` about the hip joint centre;
- tibia on femur: translated by the knee's rolling-gliding offset (a function of knee angle,
  [gait2392], from Yamaguchi & Zajac 1989) and rotated by ``-knee_flexion_deg``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validate import real_array

# --------------------------------------------------------------------------------------------
# Documented joint ranges (degrees). Inputs outside them raise a clear error.
# --------------------------------------------------------------------------------------------
HIP_FLEXION_RANGE_DEG = (-30.0, 120.0)
"""Hip flexion the model accepts: the range of [gait2392] (flexion to 120°) with 30° of
extension. Beyond 120° the straight-line hamstring paths of that model would pass in front of
the hip centre, which real muscles (wrapped over the ischium) do not."""
KNEE_FLEXION_RANGE_DEG = (-10.0, 130.0)
"""Knee flexion the model accepts: 10° hyperextension as in [gait2392] to 130° flexion. The
knee offset spline is published to 120°; beyond that its slope eases to zero by 130° (no kink).
Hamstring lengths beyond 75° are continued from their moment arms rather than read off the
drawn paths (see `anatomy.model.muscles`, "Deep knee flexion"), because the published path
geometry takes biceps femoris's knee moment arm below zero near 120°."""
PELVIC_TILT_RANGE_DEG = (-60.0, 130.0)
"""Pelvic rotation from the neutral standing position (anterior positive). Large values occur
in forward bending, where the pelvis rotates on the thighs by about 70° (Esola et al. 1996)."""


# --------------------------------------------------------------------------------------------
# Landmarks, each in its own segment's frame (metres).
# --------------------------------------------------------------------------------------------
HIP_JOINT_CENTRE_IN_PELVIS = np.array([-0.0707, -0.0661, 0.0835])  # [gait2392] hip_r location

PELVIS_LANDMARKS: dict[str, np.ndarray] = {
    # Pelvis frame origin: midpoint between the two ASIS [gait2392; Delp 1990].
    "asis": np.array([0.0, 0.0, 0.128]),  # right ASIS; inter-ASIS width 0.256 m [delp1990]
    "psis": np.array([-0.148, 0.0, 0.047]),  # right PSIS, level with the ASIS [delp1990]
    "hip_joint_centre": HIP_JOINT_CENTRE_IN_PELVIS,
    # Ischial tuberosity: mean of the three hamstring origins below [gait2392].
    "ischial_tuberosity": np.array([-0.12384, -0.10331, 0.06711]),
    # Its lowest part, the seat contact in sitting: adductor magnus (ischial part) origin.
    "ischial_tuberosity_inferior": np.array([-0.11108, -0.11413, 0.04882]),  # [gait2392]
    # Pubic symphysis: adductor longus origin on the body of the pubis, moved to the midline.
    "pubic_symphysis": np.array([-0.0316, -0.0836, 0.0]),  # [gait2392] add_long_r P1
    # Pubic crest: external oblique insertion, moved to the midline.
    "pubic_crest": np.array([-0.03, -0.0636, 0.0]),  # [gait2392] extobl_r P1
    "iliac_crest": np.array([-0.0408, 0.0304, 0.1209]),  # gluteus medius origin [gait2392]
    "posterior_iliac_crest": np.array([-0.14, 0.0439, 0.0436]),  # erector spinae origin
    "lumbosacral_joint": np.array([-0.1007, 0.0815, 0.0]),  # back joint [gait2392]
    "anterior_inferior_iliac_spine": np.array([-0.0295, -0.0311, 0.0968]),  # rectus femoris
}

FEMUR_LANDMARKS: dict[str, np.ndarray] = {
    # Femur frame origin: the hip joint centre [gait2392].
    "femoral_head": np.zeros(3),
    "greater_trochanter": np.array([-0.0218, -0.0117, 0.0555]),  # glut. medius insertion
    "lesser_trochanter": np.array([-0.0193, -0.0621, 0.0129]),  # iliacus insertion
    "gluteal_tuberosity": np.array([-0.0277, -0.0566, 0.047]),  # gluteus maximus insertion
    "linea_aspera": np.array([0.005, -0.2111, 0.0234]),  # BF short head origin [gait2392]
    "medial_condyle": np.array([-0.019, -0.3929, -0.0235]),  # med. gastrocnemius origin
    "lateral_condyle": np.array([-0.022, -0.3946, 0.0272]),  # lat. gastrocnemius origin
    # Epicondyles 0.404 m below the hip centre and 0.05 m either side of the shaft axis,
    # as in the published Delp geometry (MSK_Delp transcription of [delp1990]); x taken
    # from the knee offset at full extension.
    "medial_epicondyle": np.array([-0.00525, -0.404, -0.05]),
    "lateral_epicondyle": np.array([-0.00525, -0.404, 0.05]),
    "adductor_tubercle": np.array([0.007, -0.3837, -0.0266]),  # add. magnus insertion
}

TIBIA_LANDMARKS: dict[str, np.ndarray] = {
    # Tibia frame origin: on the knee joint line, moved by the knee offset spline [gait2392].
    "knee_joint_centre": np.zeros(3),
    "medial_tibial_condyle": np.array([-0.027, -0.04771, -0.01957]),  # SM insertion
    "lateral_tibial_condyle": np.array([-0.0301, -0.036, 0.02943]),  # BF via point
    "fibular_head": np.array([-0.0234, -0.0563, 0.0343]),  # BF insertion [gait2392]
    "pes_anserinus": np.array([0.0027, -0.0956, -0.0193]),  # semitendinosus insertion
    "tibial_tuberosity": np.array([0.0243, -0.084, -0.0252]),  # sartorius insertion
    "ankle_joint_centre": np.array([0.0, -0.43, 0.0]),  # ankle_r location [gait2392]
}

LANDMARKS_BY_SEGMENT = {
    "pelvis": PELVIS_LANDMARKS,
    "femur": FEMUR_LANDMARKS,
    "tibia": TIBIA_LANDMARKS,
}

# --------------------------------------------------------------------------------------------
# Knee: the tibia's origin moves in the femur frame as the knee flexes (rolling and gliding).
# Knots from [gait2392] knee_r translation1/2 (SimmSpline of knee_angle_r in radians,
# flexion negative there), after Yamaguchi & Zajac (1989). Evaluated as a natural cubic
# spline of knee flexion in degrees (flexion positive here).
# --------------------------------------------------------------------------------------------
_KNEE_X_KNOTS_RAD = np.array([-2.0944, -1.74533, -1.39626, -1.0472, -0.698132, -0.349066,
                              -0.174533, 0.197344, 0.337395, 0.490178, 1.52146, 2.0944])
_KNEE_X_VALUES_M = np.array([-0.0032, 0.00179, 0.00411, 0.0041, 0.00212, -0.001, -0.0031,
                             -0.005227, -0.005435, -0.005574, -0.005435, -0.00525])
_KNEE_Y_KNOTS_RAD = np.array([-2.0944, -1.22173, -0.523599, -0.349066, -0.174533, 0.159149,
                              2.0944])
_KNEE_Y_VALUES_M = np.array([-0.4226, -0.4082, -0.399, -0.3976, -0.3966, -0.395264, -0.396])


class _NaturalCubicSpline:
    """A natural cubic spline through given knots. Beyond the first knot it continues along
    its end slope; beyond the last knot its slope eases to zero over `EASE_DEG` along a
    smoothstep (3s² - 2s³) and the value is then held. A natural spline has no curvature at
    its last knot and the smoothstep starts with none either, so value, slope and curvature
    are continuous everywhere (no kink where the published data end, and no jump in the
    slope of anything computed from the slope, such as a moment arm)."""

    EASE_DEG = 10.0

    def __init__(self, x: np.ndarray, y: np.ndarray):
        order = np.argsort(x)
        x, y = np.asarray(x, float)[order], np.asarray(y, float)[order]
        n = len(x)
        h = np.diff(x)
        a = np.zeros((n, n))
        rhs = np.zeros(n)
        a[0, 0] = a[-1, -1] = 1.0
        for i in range(1, n - 1):
            a[i, i - 1], a[i, i], a[i, i + 1] = h[i - 1], 2 * (h[i - 1] + h[i]), h[i]
            rhs[i] = 3 * ((y[i + 1] - y[i]) / h[i] - (y[i] - y[i - 1]) / h[i - 1])
        c = np.linalg.solve(a, rhs)
        self.x, self.y, self.c, self.h = x, y, c, h
        self.b = (y[1:] - y[:-1]) / h - h * (2 * c[:-1] + c[1:]) / 3
        self.d = (c[1:] - c[:-1]) / (3 * h)

    def __call__(self, t):
        t = np.asarray(t, float)
        i = np.clip(np.searchsorted(self.x, t) - 1, 0, len(self.h) - 1)
        dt = t - self.x[i]
        inner = self.y[i] + dt * (self.b[i] + dt * (self.c[i] + dt * self.d[i]))
        slope0 = self.b[0]
        h = self.h[-1]
        slope1 = self.b[-1] + 2 * self.c[-2] * h + 3 * self.d[-1] * h**2
        w = self.EASE_DEG
        s = np.clip(t - self.x[-1], 0.0, w) / w
        # slope1 * (1 - smoothstep(s)) integrated from the last knot
        after = self.y[-1] + slope1 * w * (s - s**3 + 0.5 * s**4)
        return np.where(t < self.x[0], self.y[0] + slope0 * (t - self.x[0]),
                        np.where(t > self.x[-1], after, inner))


# Splines of knee flexion in degrees (the file's angle is minus flexion, in radians).
_knee_dx = _NaturalCubicSpline(-np.degrees(_KNEE_X_KNOTS_RAD), _KNEE_X_VALUES_M)
_knee_dy = _NaturalCubicSpline(-np.degrees(_KNEE_Y_KNOTS_RAD), _KNEE_Y_VALUES_M)


def knee_offset_m(knee_flexion_deg) -> np.ndarray:
    """Position of the tibia frame's origin in the femur frame, shape ``(..., 3)``.

    Examples
    --------
    >>> import numpy as np
    >>> np.round(knee_offset_m(0.0), 4)
    array([-0.0045, -0.3958,  0.    ])
    """
    k = np.asarray(knee_flexion_deg, float)
    return np.stack([_knee_dx(k), _knee_dy(k), np.zeros_like(k)], axis=-1)


# --------------------------------------------------------------------------------------------
# Rigid transforms
# --------------------------------------------------------------------------------------------
def rot_z(angle_deg) -> np.ndarray:
    """Rotation matrices about +z (anticlockwise seen from the subject's right), ``(..., 3, 3)``."""
    a = np.radians(np.asarray(angle_deg, float))
    c, s = np.cos(a), np.sin(a)
    z, o = np.zeros_like(a), np.ones_like(a)
    return np.stack([np.stack([c, -s, z], -1), np.stack([s, c, z], -1),
                     np.stack([z, z, o], -1)], -2)


@dataclass(frozen=True)
class Frame:
    """A segment's pose in ground: ``p_ground = rotation @ p_local + origin``.

    ``rotation`` has shape ``(..., 3, 3)`` and ``origin`` shape ``(..., 3)``, so one `Frame`
    holds a whole batch of poses.
    """

    rotation: np.ndarray
    origin: np.ndarray

    def apply(self, points_local) -> np.ndarray:
        """Map local points ``(..., K, 3)`` or ``(3,)`` to ground."""
        p = np.asarray(points_local, float)
        if p.ndim == 1:
            return np.einsum("...ij,j->...i", self.rotation, p) + self.origin
        return np.einsum("...ij,...kj->...ki", self.rotation, p) + self.origin[..., None, :]


def segment_frames(pelvic_tilt_deg=0.0, hip_flexion_deg=0.0, knee_flexion_deg=0.0, *,
                   frame_angle_deg=0.0, origin_m=None) -> dict[str, Frame]:
    """Frames of pelvis, femur and tibia in ground for a batch of poses.

    Parameters
    ----------
    pelvic_tilt_deg
        Rotation of the pelvis from its neutral position, anterior positive.
    hip_flexion_deg
        Femur relative to pelvis, flexion positive.
    knee_flexion_deg
        Tibia relative to femur, flexion positive.
    frame_angle_deg
        Whole-body orientation of the task (0 upright, +90 lying supine, head to the left of a
        side view), anticlockwise seen from the subject's right.
    origin_m
        Position of the pelvis origin (mid-ASIS) in ground, ``(..., 3)``; default the origin.

    Returns
    -------
    dict
        ``{"pelvis": Frame, "femur": Frame, "tibia": Frame}``; all arguments broadcast.

    Examples
    --------
    >>> f = segment_frames(0.0, 90.0, 0.0)
    >>> knee = f["tibia"].origin
    >>> bool(knee[0] > 0.3)   # with the hip flexed 90°, the knee is far in front
    True
    """
    tilt = real_array("pelvic_tilt_deg", pelvic_tilt_deg, *PELVIC_TILT_RANGE_DEG)
    hip = real_array("hip_flexion_deg", hip_flexion_deg, *HIP_FLEXION_RANGE_DEG)
    knee = real_array("knee_flexion_deg", knee_flexion_deg, *KNEE_FLEXION_RANGE_DEG)
    frame = np.asarray(frame_angle_deg, float)
    tilt, hip, knee, frame = np.broadcast_arrays(tilt, hip, knee, frame)
    origin = np.zeros(tilt.shape + (3,)) if origin_m is None else np.broadcast_to(
        np.asarray(origin_m, float), tilt.shape + (3,))
    r_pelvis = rot_z(frame - tilt)
    pelvis = Frame(r_pelvis, origin)
    r_femur = rot_z(frame - tilt + hip)
    femur = Frame(r_femur, pelvis.apply(HIP_JOINT_CENTRE_IN_PELVIS))
    knee_origin = np.einsum("...ij,...j->...i", r_femur, knee_offset_m(knee)) + femur.origin
    tibia = Frame(rot_z(frame - tilt + hip - knee), knee_origin)
    return {"pelvis": pelvis, "femur": femur, "tibia": tibia}


def landmarks_in_ground(frames: dict[str, Frame]) -> dict[str, np.ndarray]:
    """Every landmark of every segment in ground, ``{name: (..., 3)}``."""
    out = {}
    for seg, marks in LANDMARKS_BY_SEGMENT.items():
        for name, p in marks.items():
            out[name] = frames[seg].apply(p)
    return out
