"""The four hamstring heads: facts, paths, muscle-tendon lengths and moment arms.

Paths
-----
Each head runs from its origin to its insertion through the points of the Delp et al. (1990)
model as distributed in OpenSim's gait2392 file ([gait2392]; coordinates in metres, each in the
frame of the bone it is fixed to). Two changes, both about the knee:

* gait2392 keeps ST and SM behind the knee with *conditional* via points that switch off past
  19° (ST) and 32° (SM) of knee flexion. A switching point puts a kink in the length curve
  and a jump in the moment arm, so this model drops those two points.
* Instead, every head wraps over a cylinder fixed to the femur whose axis is the knee's
  flexion axis (z). Its centre is on the epicondylar line of the same model; its radius,
  25 mm, is the distance from that centre to the gastrocnemius origins on the back of the
  condyles (about 18-20 mm in [gait2392]) plus about 5 mm for the gastrocnemius heads that
  lie between the condyles and the hamstring tendons. In deep knee flexion the straight line
  from the ischium to the tibia would pass through the condyles; the wrap keeps the path
  behind them. The wrap is computed in the sagittal (x-y) plane of the femur, and the
  medial-lateral coordinate changes in proportion to the distance travelled (a helix on the
  cylinder), so the length is exact for that path and smooth in both joint angles.

Lengths depend on hip and knee flexion only: pelvic tilt moves the pelvis and femur together
in space, and tilting the pelvis anteriorly with the thigh held still *is* hip flexion.

Deep knee flexion
-----------------
Followed to 130°, the path geometry above makes every head's knee moment arm fall steeply
after about 60° and takes that of biceps femoris below zero at 116-124° (hip straight:
-3.7 mm at 120°), which would make it a knee *extensor*. Two things in the published
geometry do it, both larger the more the knee bends:

* biceps femoris's tibial via point ([gait2392], on the back of the lateral tibial
  condyle) turns in front of the straight line from the thigh to the fibular head from
  about 16° (long head) and 31° (short head) of flexion, so the path hooks forward around a
  point that a taut tendon, not attached there, would lift off (about 20 mm in front of
  that line at 90-130°);
* the knee's rolling-gliding translation ([gait2392] after Yamaguchi & Zajac 1989) moves
  the tibia's instantaneous centre of rotation about 10 mm backwards between 60° and 120°,
  towards the tendons, which costs every head about 15 mm of moment arm there.

Tendon-excursion measurements on cadaver knees find the biceps femoris knee moment arm
about constant over the whole range of flexion ([visser1990]; [buford1997] measured all
knee muscles over the range in 15 specimens). So beyond `KNEE_CONTINUATION_START_DEG` the
model no longer reads the lengths off the drawn path: it continues each head's length from
its value, moment arm and the moment arm's slope at that angle, with the slope fading out
over `KNEE_CONTINUATION_EASE_DEG` (an assumption), so the moment arm levels off instead of
collapsing. Length, moment arm and the moment arm's slope are continuous there (no kink);
below that angle nothing changes. At 90° of knee flexion (chair sitting, the start of the
knee tests) lengths are 0.3-0.5 mm shorter than the drawn path; at 130°, 1.0-1.4 cm.

Moment arms are ``r = -dL/dθ`` (θ the joint's flexion angle in radians), taken by a central
difference of the length function, so they are consistent with the lengths by construction:
hamstrings have negative hip moment arms (they extend the hip) and positive knee moment arms
(they flex the knee).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ._validate import choice, real_array
from .geometry import (
    HIP_FLEXION_RANGE_DEG,
    FEMUR_LANDMARKS,
    HIP_JOINT_CENTRE_IN_PELVIS,
    KNEE_FLEXION_RANGE_DEG,
    LANDMARKS_BY_SEGMENT,
    Frame,
    knee_offset_m,
    landmarks_in_ground,
    rot_z,
    segment_frames,
)

HAMSTRING_HEADS = ("semitendinosus", "semimembranosus", "biceps_femoris_long",
                   "biceps_femoris_short")
JOINTS = ("hip", "knee")


@dataclass(frozen=True)
class MuscleFacts:
    """What a student needs to know about one head, with its sources.

    Architecture numbers are means from Ward et al. (2009), 19-21 cadaver limbs; fibre
    lengths there are normalised to a sarcomere length of 2.7 µm.
    """

    name: str
    label: str
    abbreviation: str
    origin: str
    insertion: str
    nerve: str
    joints_crossed: tuple[str, ...]
    actions: tuple[str, ...]
    mass_g: float
    muscle_length_cm: float
    fibre_length_cm: float
    pennation_deg: float
    pcsa_cm2: float
    notes: str
    sources: tuple[str, ...] = field(default=("ward2009",))


FACTS: dict[str, MuscleFacts] = {
    "semitendinosus": MuscleFacts(
        "semitendinosus", "Semitendinosus", "ST",
        origin="Ischial tuberosity, by a tendon shared with the biceps femoris long head",
        insertion="Medial surface of the upper tibia (pes anserinus, with sartorius and "
                  "gracilis)",
        nerve="Tibial division of the sciatic nerve",
        joints_crossed=("hip", "knee"),
        actions=("extends the hip", "flexes the knee",
                 "rotates the tibia medially when the knee is bent"),
        mass_g=99.7, muscle_length_cm=29.67, fibre_length_cm=19.30, pennation_deg=12.9,
        pcsa_cm2=4.8,
        notes="Longest fibres of the group and a long, cord-like distal tendon; two bellies in "
              "series divided by a tendinous inscription (present in 96% of dissections).",
        sources=("ward2009", "woodley2005", "vandermade2015", "feucht2015")),
    "semimembranosus": MuscleFacts(
        "semimembranosus", "Semimembranosus", "SM",
        origin="Ischial tuberosity, on its own footprint anterolateral to the shared tendon; "
               "a broad membranous proximal tendon",
        insertion="Posteromedial surface of the medial tibial condyle, with expansions to the "
                  "oblique popliteal ligament and the posteromedial capsule",
        nerve="Tibial division of the sciatic nerve",
        joints_crossed=("hip", "knee"),
        actions=("extends the hip", "flexes the knee",
                 "rotates the tibia medially when the knee is bent"),
        mass_g=134.3, muscle_length_cm=29.34, fibre_length_cm=6.90, pennation_deg=15.1,
        pcsa_cm2=18.4,
        notes="Largest cross-section (the strongest) and shortest fibres of the group.",
        sources=("ward2009", "feucht2015")),
    "biceps_femoris_long": MuscleFacts(
        "biceps_femoris_long", "Biceps femoris, long head", "BFlh",
        origin="Ischial tuberosity, by the tendon shared with semitendinosus",
        insertion="Head of the fibula (with the short head); some fibres to the lateral "
                  "tibial condyle",
        nerve="Tibial division of the sciatic nerve",
        joints_crossed=("hip", "knee"),
        actions=("extends the hip", "flexes the knee",
                 "rotates the tibia laterally when the knee is bent"),
        mass_g=113.4, muscle_length_cm=34.73, fibre_length_cm=9.76, pennation_deg=11.6,
        pcsa_cm2=11.3,
        notes="Shares its proximal tendon with semitendinosus for about 10 cm.",
        sources=("ward2009", "feucht2015", "woodley2005")),
    "biceps_femoris_short": MuscleFacts(
        "biceps_femoris_short", "Biceps femoris, short head", "BFsh",
        origin="Linea aspera and lateral supracondylar line of the femur",
        insertion="Head of the fibula, joining the long head's tendon",
        nerve="Common fibular (peroneal) division of the sciatic nerve",
        joints_crossed=("knee",),
        actions=("flexes the knee", "rotates the tibia laterally when the knee is bent"),
        mass_g=59.8, muscle_length_cm=22.39, fibre_length_cm=11.03, pennation_deg=12.3,
        pcsa_cm2=5.1,
        notes="The only head that crosses one joint: hip position does not change its length.",
        sources=("ward2009", "woodley2005")),
}

# --------------------------------------------------------------------------------------------
# Path points [gait2392] (metres, in the named segment's frame).
# --------------------------------------------------------------------------------------------
# A point is either its coordinates or the name of a landmark of that segment
# (`anatomy.model.geometry`), so a landmark that is also a path point is typed once.
_PROXIMAL = {  # (segment, points before the knee wrap)
    "semitendinosus": ("pelvis", [[-0.12635, -0.10988, 0.06039]]),
    "semimembranosus": ("pelvis", [[-0.1192, -0.09747, 0.07151]]),
    "biceps_femoris_long": ("pelvis", [[-0.12596, -0.10257, 0.06944]]),
    "biceps_femoris_short": ("femur", ["linea_aspera"]),
}
_DISTAL = {  # tibia points after the knee wrap (the conditional via points are dropped)
    "semitendinosus": [[-0.03322, -0.05282, -0.02288], [-0.0113, -0.0746, -0.0245],
                       "pes_anserinus"],
    "semimembranosus": ["medial_tibial_condyle"],
    "biceps_femoris_long": ["lateral_tibial_condyle", "fibular_head"],
    "biceps_femoris_short": ["lateral_tibial_condyle", "fibular_head"],
}


def _points(segment: str, points) -> np.ndarray:
    table = LANDMARKS_BY_SEGMENT[segment]
    return np.array([table[p] if isinstance(p, str) else p for p in points], float)


_PROX = {h: _points(seg, p) for h, (seg, p) in _PROXIMAL.items()}
_DIST = {h: _points("tibia", p) for h, p in _DISTAL.items()}
# Constant length of the part of each path that lies within the tibia.
_DIST_FIXED_M = {h: float(np.linalg.norm(np.diff(p, axis=0), axis=1).sum()) for h, p in
                 _DIST.items()}

CONDYLE_WRAP_CENTRE_IN_FEMUR = 0.5 * (FEMUR_LANDMARKS["medial_epicondyle"]
                                      + FEMUR_LANDMARKS["lateral_epicondyle"])[:2]
"""Centre of the knee wrapping cylinder in the femur's x-y plane (m): the epicondylar line."""
CONDYLE_WRAP_RADIUS_M = 0.025
"""Radius of the knee wrapping cylinder (m); see the module docstring for how it was set."""
ARC_SAMPLES = 9
"""Points drawn along the wrap (or along the straight segment when it is not in contact)."""


def _proximal_in_femur(head: str, hip_deg) -> np.ndarray:
    """The head's proximal points in the femur frame, ``(..., n, 3)``."""
    seg, _ = _PROXIMAL[head]
    pts = _PROX[head]
    if seg == "femur":
        return np.broadcast_to(pts, np.shape(hip_deg) + pts.shape)
    r = rot_z(-np.asarray(hip_deg, float))  # pelvis → femur
    return np.einsum("...ij,kj->...ki", r, pts - HIP_JOINT_CENTRE_IN_PELVIS)


def _distal_in_femur(head: str, knee_deg) -> np.ndarray:
    r = rot_z(-np.asarray(knee_deg, float))  # tibia → femur
    off = knee_offset_m(knee_deg)
    return np.einsum("...ij,kj->...ki", r, _DIST[head]) + off[..., None, :]


def _wrap_xy(px, py, qx, qy):
    """Shortest planar path from p to q (femur frame) that stays behind the condyles.

    Returns the lengths of its three parts (p→t1 straight, the arc, t2→q straight), the
    angle ``a1`` where the arc starts, the arc's angle ``span`` (anticlockwise, radians) and
    a mask of the poses in contact. Where the straight line clears the cylinder the arc has
    zero length and the first part is the whole straight line.
    """
    cx, cy = CONDYLE_WRAP_CENTRE_IN_FEMUR
    rad = CONDYLE_WRAP_RADIUS_M
    dpx, dpy, dqx, dqy = px - cx, py - cy, qx - cx, qy - cy
    # Points never come inside the cylinder in the documented range; guard all the same.
    floor = rad * (1 + 1e-9)
    np_ = np.maximum(np.hypot(dpx, dpy), floor)
    nq = np.maximum(np.hypot(dqx, dqy), floor)
    # The path leaves p and runs anticlockwise, down the back of the condyles.
    a1 = np.arctan2(dpy, dpx) + np.arccos(rad / np_)
    a2 = np.arctan2(dqy, dqx) - np.arccos(rad / nq)
    span = np.mod(a2 - a1, 2 * np.pi)
    contact = span < np.pi
    span = np.where(contact, span, 0.0)
    l1 = np.where(contact, np.sqrt(np_**2 - rad**2), np.hypot(qx - px, qy - py))
    l3 = np.where(contact, np.sqrt(nq**2 - rad**2), 0.0)
    return l1, rad * span, l3, a1, span, contact


def _wrap(p: np.ndarray, q: np.ndarray):
    """`_wrap_xy` for points given as ``(..., 3)`` arrays."""
    return _wrap_xy(p[..., 0], p[..., 1], q[..., 0], q[..., 1])


def _crossing_points(head: str, hip_deg, knee_deg):
    """Last point before and first point after the knee, in the femur frame (fast path)."""
    hip = np.radians(np.asarray(hip_deg, float))
    knee = np.asarray(knee_deg, float)
    p0 = _PROX[head][-1]
    if _PROXIMAL[head][0] == "femur":
        px, py = np.full(hip.shape, p0[0]), np.full(hip.shape, p0[1])
    else:  # rotate the pelvis point by -hip about the hip centre (the femur origin)
        dx, dy = p0[0] - HIP_JOINT_CENTRE_IN_PELVIS[0], p0[1] - HIP_JOINT_CENTRE_IN_PELVIS[1]
        c, s = np.cos(hip), np.sin(hip)
        px, py = c * dx + s * dy, -s * dx + c * dy
    pz = p0[2] - (HIP_JOINT_CENTRE_IN_PELVIS[2] if _PROXIMAL[head][0] == "pelvis" else 0.0)
    q0 = _DIST[head][0]
    kr = np.radians(knee)
    c, s = np.cos(kr), np.sin(kr)
    off = knee_offset_m(knee)
    qx = off[..., 0] + c * q0[0] + s * q0[1]
    qy = off[..., 1] - s * q0[0] + c * q0[1]
    return px, py, pz, qx, qy, q0[2]


KNEE_CONTINUATION_START_DEG = 75.0
"""Knee flexion beyond which lengths are continued from the moment arm rather than read off
the drawn path (see "Deep knee flexion" above). Assumed: chosen below the angles where the
published geometry's moment arms collapse and above the knee angles at which the tasks'
hamstrings are long (knee at most 30-40° at the end of the knee tests)."""
KNEE_CONTINUATION_EASE_DEG = 10.0
"""Over about this many degrees the moment arm's slope fades out beyond
`KNEE_CONTINUATION_START_DEG` (exponentially), so the moment arm levels off. Assumed."""
_CONT_STEP_DEG = 0.01


def _path_length(head: str, hip_deg, knee_deg) -> np.ndarray:
    """Length of the drawn path (origin, knee wrap, tibial points), metres."""
    px, py, pz, qx, qy, qz = _crossing_points(head, hip_deg, knee_deg)
    l1, l2, l3, *_ = _wrap_xy(px, py, qx, qy)
    planar = l1 + l2 + l3
    crossing = np.sqrt(planar**2 + (qz - pz) ** 2)
    return crossing + _DIST_FIXED_M[head]


def _length_unchecked(head: str, hip_deg, knee_deg) -> np.ndarray:
    hip, knee = np.broadcast_arrays(np.asarray(hip_deg, float), np.asarray(knee_deg, float))
    k0 = KNEE_CONTINUATION_START_DEG
    deep = knee > k0
    if not deep.any():
        return _path_length(head, hip, knee)
    length = np.array(_path_length(head, hip, np.minimum(knee, k0)), ndmin=1)
    deep1 = np.array(deep, ndmin=1)
    # Continue from k0 with the path's length L0, moment arm r0 = -dL/dθ and its slope r1,
    # the slope fading with scale tau: r(u) = r0 + r1·tau·(1 - exp(-u/tau)), u = θ - k0 (rad).
    # Only the deep poses pay for the three extra path lengths (one call, stacked).
    hd = np.array(hip, ndmin=1)[deep1]
    lm, l0, lp = _path_length(head, hd[:, None], k0 + _CONT_STEP_DEG * np.array([-1.0, 0.0, 1.0])).T
    h = np.radians(_CONT_STEP_DEG)
    r0 = -(lp - lm) / (2 * h)
    r1 = -(lp - 2 * l0 + lm) / h**2
    tau = np.radians(KNEE_CONTINUATION_EASE_DEG)
    u = np.radians(np.array(knee, ndmin=1)[deep1] - k0)
    length[deep1] = l0 - r0 * u - r1 * tau * (u - tau * -np.expm1(-u / tau))
    return length.reshape(knee.shape)


def _check_pose(head, hip_flexion_deg, knee_flexion_deg):
    choice("head", head, HAMSTRING_HEADS)
    hip = real_array("hip_flexion_deg", hip_flexion_deg, *HIP_FLEXION_RANGE_DEG)
    knee = real_array("knee_flexion_deg", knee_flexion_deg, *KNEE_FLEXION_RANGE_DEG)
    return hip, knee


def _as_output(x, *inputs):
    """A float when every input was a scalar, else an array."""
    if all(np.ndim(v) == 0 for v in inputs):
        return float(x)
    return np.asarray(x, float)


def muscle_tendon_length(head: str, hip_flexion_deg, knee_flexion_deg):
    """Muscle-tendon length of one head in metres, origin to insertion along its path.

    Parameters
    ----------
    head
        One of `HAMSTRING_HEADS`.
    hip_flexion_deg
        Hip flexion (femur on pelvis), from -30 to 140 degrees. Scalars or arrays.
    knee_flexion_deg
        Knee flexion (tibia on femur), from -10 to 140 degrees; broadcasts with the hip.

    Returns
    -------
    float or numpy.ndarray
        Length in metres: a float for scalar input, else an array of the broadcast shape.

    Examples
    --------
    >>> round(muscle_tendon_length("semitendinosus", 0.0, 0.0), 3)
    0.462
    >>> muscle_tendon_length("semimembranosus", 90.0, 0.0) > muscle_tendon_length(
    ...     "semimembranosus", 0.0, 0.0)
    True
    """
    hip, knee = _check_pose(head, hip_flexion_deg, knee_flexion_deg)
    return _as_output(_length_unchecked(head, hip, knee), hip_flexion_deg, knee_flexion_deg)


_FD_STEP_DEG = 0.01


def _moment_arm_unchecked(head, joint, hip, knee):
    h = _FD_STEP_DEG
    step_rad = np.radians(2 * h)
    if joint == "hip":
        if _PROXIMAL[head][0] == "femur":  # a one-joint head: no hip moment arm at all
            return np.zeros(np.broadcast(np.asarray(hip), np.asarray(knee)).shape)
        dl = _length_unchecked(head, hip + h, knee) - _length_unchecked(head, hip - h, knee)
    else:
        dl = _length_unchecked(head, hip, knee + h) - _length_unchecked(head, hip, knee - h)
    return -dl / step_rad


def moment_arm(head: str, joint: str, hip_flexion_deg, knee_flexion_deg):
    """Flexion moment arm of one head about the hip or the knee, in metres.

    Defined as ``r = -dL/dθ`` with θ the joint's flexion angle in radians, so a positive value
    means the muscle flexes that joint. Hamstrings extend the hip (negative hip moment arms)
    and flex the knee (positive knee moment arms); the short head of biceps femoris does not
    cross the hip, so its hip moment arm is exactly 0.

    Parameters
    ----------
    head
        One of `HAMSTRING_HEADS`.
    joint
        ``"hip"`` or ``"knee"``.
    hip_flexion_deg, knee_flexion_deg
        Joint angles in degrees (see `muscle_tendon_length` for the ranges); broadcast.

    Examples
    --------
    >>> moment_arm("semimembranosus", "hip", 0.0, 0.0) < 0   # a hip extensor
    True
    >>> moment_arm("biceps_femoris_short", "hip", 45.0, 30.0)
    0.0
    """
    choice("joint", joint, JOINTS)
    hip, knee = _check_pose(head, hip_flexion_deg, knee_flexion_deg)
    return _as_output(_moment_arm_unchecked(head, joint, hip, knee), hip_flexion_deg,
                      knee_flexion_deg)


def muscle_paths_in_femur(head: str, hip_deg, knee_deg) -> np.ndarray:
    """The head's path points in the femur frame, ``(..., K, 3)`` (K fixed per head)."""
    prox = _proximal_in_femur(head, hip_deg)
    dist = _distal_in_femur(head, knee_deg)
    shape = np.broadcast_shapes(prox.shape[:-2], dist.shape[:-2])
    prox = np.broadcast_to(prox, shape + prox.shape[-2:])
    dist = np.broadcast_to(dist, shape + dist.shape[-2:])
    p, q = prox[..., -1, :], dist[..., 0, :]
    l1, l2, l3, a1, span, contact = _wrap(p, q)
    total = l1 + l2 + l3
    u = np.linspace(0.0, 1.0, ARC_SAMPLES)
    # along the arc where in contact; along the straight line p→q where not
    ang = a1[..., None] + span[..., None] * u
    c, rad = CONDYLE_WRAP_CENTRE_IN_FEMUR, CONDYLE_WRAP_RADIUS_M
    arc_xy = np.stack([c[0] + rad * np.cos(ang), c[1] + rad * np.sin(ang)], -1)
    line_u = np.linspace(0.0, 1.0, ARC_SAMPLES + 2)[1:-1]
    line_xy = p[..., None, :2] + (q[..., None, :2] - p[..., None, :2]) * line_u[:, None]
    xy = np.where(contact[..., None, None], arc_xy, line_xy)
    # medial-lateral coordinate in proportion to the distance travelled (a helix)
    s_arc = np.where(contact[..., None], (l1[..., None] + l2[..., None] * u) /
                     np.maximum(total[..., None], 1e-12), line_u)
    z = p[..., None, 2] + (q[..., None, 2] - p[..., None, 2]) * s_arc
    mid = np.concatenate([xy, z[..., None]], axis=-1)
    return np.concatenate([prox, mid, dist], axis=-2)


def muscle_paths(frames: dict[str, Frame], hip_deg, knee_deg) -> dict[str, np.ndarray]:
    """Every head's path in ground, ``{head: (..., K, 3)}``, for frames from `segment_frames`."""
    return {h: frames["femur"].apply(muscle_paths_in_femur(h, hip_deg, knee_deg))
            for h in HAMSTRING_HEADS}


@dataclass(frozen=True)
class PosePoints:
    """Everything the drawing layer needs for a batch of poses, in ground coordinates (m).

    Attributes
    ----------
    landmarks
        ``{name: array (..., 3)}`` for every landmark of pelvis, femur and tibia.
    paths
        ``{head: array (..., K, 3)}``: each head's path from origin to insertion, K fixed
        per head, with `ARC_SAMPLES` points over the knee.
    frames
        The segment frames the points were computed with (see `segment_frames`).
    """

    landmarks: dict
    paths: dict
    frames: dict


def pose_points(pelvic_tilt_deg=0.0, hip_flexion_deg=0.0, knee_flexion_deg=0.0, *,
                frame_angle_deg=0.0, origin_m=None) -> PosePoints:
    """Landmarks and muscle paths in ground for one pose or a batch of poses.

    All angle arguments broadcast together; a batch of N poses gives arrays with a leading
    axis of length N.

    Examples
    --------
    >>> pp = pose_points(0.0, [0.0, 30.0, 60.0], 20.0)
    >>> pp.landmarks["ischial_tuberosity"].shape, pp.paths["semimembranosus"].shape
    ((3, 3), (3, 11, 3))
    """
    frames = segment_frames(pelvic_tilt_deg, hip_flexion_deg, knee_flexion_deg,
                            frame_angle_deg=frame_angle_deg, origin_m=origin_m)
    hip = np.asarray(hip_flexion_deg, float)
    knee = np.asarray(knee_flexion_deg, float)
    shape = frames["pelvis"].origin.shape[:-1]
    hip, knee = np.broadcast_to(hip, shape), np.broadcast_to(knee, shape)
    return PosePoints(landmarks_in_ground(frames), muscle_paths(frames, hip, knee), frames)


def path_points(head: str, pelvic_tilt_deg=0.0, hip_flexion_deg=0.0, knee_flexion_deg=0.0):
    """One head's path in ground for a batch of poses (a convenience over `muscle_paths`).

    Examples
    --------
    >>> pts = path_points("semitendinosus", 0.0, [0.0, 45.0, 90.0], 0.0)
    >>> pts.shape
    (3, 13, 3)
    """
    choice("head", head, HAMSTRING_HEADS)
    frames = segment_frames(pelvic_tilt_deg, hip_flexion_deg, knee_flexion_deg)
    hip, knee = _check_pose(head, hip_flexion_deg, knee_flexion_deg)
    return frames["femur"].apply(muscle_paths_in_femur(head, hip, knee))
