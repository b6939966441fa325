"""Bone outlines from the model's landmarks: pure numpy, no matplotlib.

The outlines are schematic silhouettes drawn for this project from the model's landmarks
(`anatomy.model.geometry`): each bone gets a frame built from two of its landmarks, every
control point of its outline is a landmark plus an offset in that frame (offsets in metres
for the generic model, scaled with the bone's size), and a Catmull-Rom curve runs through the
control points. No meshes or images are used. Because the frame comes from the landmarks in
ground, the outlines follow the pose. A silhouette depends on the direction of view, so
`bone_outlines` takes the view as an argument; the model moves in the sagittal plane only
(every joint turns about z), so ground z is every bone's medial-lateral axis.

Views
-----
``"side"``
    The right leg seen from the subject's right: ground (x, y) on screen, anterior to the
    right of the picture.
``"back"``
    The leg seen from behind: ground (z, y) on screen, the subject's right to the right of
    the picture, so for this right leg *medial* (toward the midline, smaller z) is to the
    left and *lateral* to the right.

Examples
--------
>>> import anatomy
>>> from anatomy.view.outlines import bone_outlines
>>> outlines = bone_outlines(anatomy.pose_points(0.0, 0.0, 0.0).landmarks, "side")
>>> sorted(outlines)[:3]
['acetabulum', 'femoral_head', 'femur']
"""
from __future__ import annotations

import numpy as np

from ..model._validate import AnatomyInputError, choice
from ..model.muscles import HAMSTRING_HEADS

__all__ = ["VIEWS", "bone_outlines", "screen", "point_along", "single_pose"]

VIEWS = ("side", "back")
_SCREEN = {"side": (0, 1), "back": (2, 1)}  # ground axes on screen (horizontal, vertical)

_ML_AXIS = np.array([0.0, 0.0, 1.0])  # ground z: medial-lateral axis of every bone
# Reference sizes of the generic model (m); outlines scale with the actual bone.
_PELVIS_DEPTH_M = 0.148  # ASIS to PSIS, front to back
_FEMUR_LENGTH_M = 0.404  # hip centre to the epicondylar midpoint
_TIBIA_LENGTH_M = 0.43  # knee centre to ankle centre


class _BoneFrame:
    """A frame fixed to a bone, built from its landmarks in ground.

    ``u`` is the bone's anterior axis, ``v`` its superior axis and ``w`` ground z (the
    subject's right); ``k`` is the bone's size relative to the generic model.
    """

    def __init__(self, origin, axis, axis_is, size_m, reference_m, landmarks, names):
        a = np.asarray(axis, float) - np.dot(axis, _ML_AXIS) * _ML_AXIS
        a = a / np.linalg.norm(a)
        if axis_is == "superior":
            ev, eu = a, np.cross(a, _ML_AXIS)
        else:
            eu, ev = a, np.cross(_ML_AXIS, a)
        self.origin = np.asarray(origin, float)
        self.rows = np.stack([eu, ev, _ML_AXIS])
        self.k = float(size_m) / reference_m
        self.lm = {n: self.rows @ (np.asarray(landmarks[n], float) - self.origin)
                   for n in names}

    def at(self, name, across=0.0, up=0.0, view="side"):
        """Landmark ``name`` (local) moved by offsets in model metres, scaled by ``k``.

        ``across`` runs along the view's horizontal screen axis (``u`` for the side view,
        ``w`` for the back view) and ``up`` along ``v``.
        """
        p = self.lm[name].copy()
        p[0 if view == "side" else 2] += self.k * across
        p[1] += self.k * up
        return p

    def mix(self, a, b, t=0.5):
        """A point between two landmarks (local)."""
        return (1 - t) * self.lm[a] + t * self.lm[b]

    def to_ground(self, local):
        return self.origin + np.asarray(local, float) @ self.rows


def _catmull_rom(points, closed, samples=8):
    """A smooth curve through control points ``(K, 3)`` (uniform Catmull-Rom spline)."""
    p = np.asarray(points, float)
    if closed:
        ext = np.concatenate([p[-1:], p, p[:2]])
        nseg = len(p)
    else:
        ext = np.concatenate([p[:1], p, p[-1:]])
        nseg = len(p) - 1
    t = np.linspace(0.0, 1.0, samples, endpoint=False)[None, :, None]
    p0, p1, p2, p3 = (ext[i:i + nseg, None, :] for i in range(4))  # all segments at once
    curve = 0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2
                   + (3 * p1 - p0 - 3 * p2 + p3) * t**3)
    end = (p[0] if closed else p[-1])[None, :]
    return np.concatenate([curve.reshape(-1, p.shape[1]), end])


def _corner(point):
    """Mark a control point where an outline turns sharply (a spine, the symphysis)."""
    return ("corner", np.asarray(point, float))


def _smooth(control, closed=True, samples=8):
    """A curve through control points; points made with `_corner` stay sharp."""
    pts, corners = [], []
    for i, c in enumerate(control):
        if isinstance(c, tuple):
            corners.append(i)
            c = c[1]
        pts.append(np.asarray(c, float))
    pts = np.array(pts)
    if not corners:
        return _catmull_rom(pts, closed, samples)
    if closed:
        start = corners[0]
        pts = np.roll(pts, -start, axis=0)
        corners = sorted((c - start) % len(pts) for c in corners)
        pts = np.concatenate([pts, pts[:1]])
        corners.append(len(pts) - 1)
    else:
        corners = sorted({0, *corners, len(pts) - 1})
    pieces = []
    for a, b in zip(corners[:-1], corners[1:]):
        seg = _catmull_rom(pts[a:b + 1], closed=False, samples=samples)
        pieces.append(seg if not pieces else seg[1:])
    return np.concatenate(pieces)


def _ellipse(centre, r_across, r_up, view, n=48):
    """Local points of an ellipse in the view's plane, closed (first point repeated)."""
    a = np.linspace(0.0, 2 * np.pi, n + 1)
    pts = np.repeat(np.asarray(centre, float)[None, :], n + 1, axis=0)
    pts[:, 0 if view == "side" else 2] += r_across * np.cos(a)
    pts[:, 1] += r_up * np.sin(a)
    return pts


def _flat(points, view, depth):
    """Put local points in the view's plane (depth along u for the back view, w for side)."""
    p = np.array(points, float)
    p[:, 2 if view == "side" else 0] = depth
    return p


def _pelvis(lm, view):
    names = ("asis", "psis", "iliac_crest", "posterior_iliac_crest",
             "anterior_inferior_iliac_spine", "hip_joint_centre", "ischial_tuberosity",
             "ischial_tuberosity_inferior", "pubic_symphysis", "pubic_crest",
             "lumbosacral_joint")
    asis, psis, sym = (np.asarray(lm[n], float) for n in ("asis", "psis", "pubic_symphysis"))
    origin = asis - np.dot(asis - sym, _ML_AXIS) * _ML_AXIS  # mid-ASIS, on the midline
    ant = asis - psis
    size = np.linalg.norm(ant - np.dot(ant, _ML_AXIS) * _ML_AXIS)
    f = _BoneFrame(origin, ant, "anterior", size, _PELVIS_DEPTH_M, lm, names)
    k = f.k

    def at(name, a=0.0, b=0.0):
        return f.at(name, a, b, view)

    out = {}
    if view == "side":
        hip_bone = [
            _corner(at("asis")),
            at("iliac_crest", 0.0, 0.020),
            f.mix("iliac_crest", "posterior_iliac_crest") + k * np.array([0, 0.030, 0]),
            at("posterior_iliac_crest"),
            at("psis", -0.002, 0.0),
            at("psis", 0.002, -0.022),  # posterior inferior iliac spine
            at("psis", 0.026, -0.048),  # greater sciatic notch
            at("ischial_tuberosity", -0.011, 0.033),  # ischial spine
            at("ischial_tuberosity", -0.004, 0.020),  # lesser sciatic notch
            at("ischial_tuberosity", -0.009, -0.002),
            at("ischial_tuberosity_inferior", -0.006, -0.006),
            f.mix("ischial_tuberosity_inferior", "pubic_symphysis") + k * np.array(
                [0, -0.012, 0]),  # ischiopubic ramus
            _corner(at("pubic_symphysis", 0.002, -0.012)),
            at("pubic_symphysis", 0.007, 0.002),
            at("pubic_crest", 0.006, -0.002),
            f.mix("pubic_crest", "anterior_inferior_iliac_spine") + k * np.array(
                [-0.014, -0.006, 0]),  # iliopubic eminence
            at("anterior_inferior_iliac_spine", 0.004, 0.0),
            f.mix("anterior_inferior_iliac_spine", "asis") + k * np.array([-0.008, 0, 0]),
        ]
        depth = f.lm["hip_joint_centre"][2]
        out["hip_bone"] = _flat(_smooth(hip_bone), view, depth)
        out["acetabulum"] = _flat(_ellipse(f.lm["hip_joint_centre"], 0.027 * k, 0.027 * k,
                                           view), view, depth)
    else:
        # Seen from behind, the ilium's crest, the posterior wall of the acetabulum over the
        # femoral head, the ischium down to its tuberosity, the pubis seen through the
        # pelvic outlet, and the greater sciatic notch under the PSIS.
        hip_bone = [
            at("psis"),
            at("posterior_iliac_crest"),
            f.mix("posterior_iliac_crest", "iliac_crest", 0.3) + k * np.array([0, 0.024, 0]),
            f.mix("posterior_iliac_crest", "iliac_crest", 0.65) + k * np.array([0, 0.030, 0]),
            at("iliac_crest", 0.004, 0.016),  # iliac tubercle
            _corner(at("asis", 0.003, 0.0)),
            at("anterior_inferior_iliac_spine", 0.008, 0.004),
            at("hip_joint_centre", 0.012, 0.022),
            at("hip_joint_centre", 0.004, 0.0),  # posterior wall of the acetabulum
            at("hip_joint_centre", 0.006, -0.022),
            at("ischial_tuberosity", 0.012, -0.004),
            at("ischial_tuberosity", 0.002, -0.016),
            at("ischial_tuberosity_inferior", -0.004, -0.004),
            f.mix("ischial_tuberosity_inferior", "pubic_symphysis") + k * np.array(
                [0, -0.010, 0]),  # ischiopubic ramus
            _corner(at("pubic_symphysis", 0.003, -0.012)),
            _corner(at("pubic_crest", 0.003, 0.002)),
            at("pubic_crest", 0.020, 0.007),
            at("ischial_tuberosity", -0.019, 0.037),  # ischial spine
            at("psis", 0.015, -0.040),  # greater sciatic notch
            at("psis", 0.001, -0.018),  # posterior inferior iliac spine
        ]
        depth = f.lm["ischial_tuberosity"][0]
        hip = _flat(_smooth(hip_bone), view, depth)
        foramen = _flat(_ellipse(f.mix("ischial_tuberosity_inferior", "pubic_crest", 0.45)
                                 + k * np.array([0, 0.0, 0.004]), 0.014 * k, 0.010 * k,
                                 view, n=32), view, depth)
        out["hip_bone"] = hip
        out["obturator_foramen"] = foramen
        mirror = np.array([1.0, 1.0, -1.0])  # the midline is w = 0 in this frame
        out["hip_bone_left"] = hip * mirror
        out["obturator_foramen_left"] = foramen * mirror
        # sacrum, seen from behind: its base just under the lumbosacral joint, the sacroiliac
        # joints beside the PSIS, tapering to the coccyx
        half = [(0.0, -0.008), (0.018, -0.008), (0.046, -0.022), (0.050, -0.050),
                (0.044, -0.085), (0.030, -0.115), (0.014, -0.140), (0.004, -0.160)]
        pts = [at("lumbosacral_joint", a, b) for a, b in half]
        pts += [at("lumbosacral_joint", -a, b) for a, b in reversed(half[1:])]
        pts = _flat(pts, view, f.lm["lumbosacral_joint"][0] - 0.03 * k)
        out["sacrum"] = _smooth(pts)
    return {n: f.to_ground(p) for n, p in out.items()}


def _femur(lm, view):
    names = ("femoral_head", "greater_trochanter", "lesser_trochanter", "linea_aspera",
             "medial_epicondyle", "lateral_epicondyle", "adductor_tubercle",
             "medial_condyle", "lateral_condyle")
    head = np.asarray(lm["femoral_head"], float)
    mid_epi = 0.5 * (np.asarray(lm["medial_epicondyle"], float)
                     + np.asarray(lm["lateral_epicondyle"], float))
    up = head - mid_epi
    f = _BoneFrame(head, up, "superior", np.linalg.norm(up), _FEMUR_LENGTH_M, lm, names)
    f.lm["epicondyles"] = f.mix("medial_epicondyle", "lateral_epicondyle")
    k = f.k
    r_head = 0.0234 * k

    def at(name, a=0.0, b=0.0):
        return f.at(name, a, b, view)

    out = {}
    if view == "side":
        depth = f.lm["epicondyles"][2]
        hw = 0.0135  # half the shaft's depth, front to back
        top = at("lesser_trochanter", 0.023, -0.018)  # shaft centre below the trochanters
        mid = at("linea_aspera", hw, 0.0)  # the linea aspera is the shaft's back
        low = at("epicondyles", 0.009, 0.054)
        femur = [
            at("greater_trochanter", -0.008, 0.014),
            at("greater_trochanter", 0.010, 0.018),  # tip of the greater trochanter
            at("greater_trochanter", 0.030, 0.002),
            top + k * np.array([hw, 0, 0]), mid + k * np.array([hw, 0, 0]),
            low + k * np.array([hw, 0, 0]),
            at("epicondyles", 0.031, 0.019),  # patellar surface
            at("epicondyles", 0.023, -0.011),
            at("epicondyles", 0.003, -0.020),  # distal condyles
            at("epicondyles", -0.014, -0.014),
            at("epicondyles", -0.020, 0.002),  # posterior condyles
            at("epicondyles", -0.015, 0.018),
            at("epicondyles", -0.008, 0.040),
            low - k * np.array([hw, 0, 0]), mid - k * np.array([hw, 0, 0]),
            top - k * np.array([hw, 0, 0]),
            at("lesser_trochanter", -0.003, 0.004),
            at("greater_trochanter", -0.012, -0.022),  # intertrochanteric crest
        ]
        out["femur"] = _flat(_smooth(femur), view, depth)
        out["femoral_head"] = _flat(_ellipse(f.lm["femoral_head"], r_head, r_head, view),
                                    view, depth)
    else:
        depth = f.lm["linea_aspera"][0]
        hw = 0.0140  # half the shaft's width, side to side
        top = 0.5 * (f.lm["greater_trochanter"] + f.lm["lesser_trochanter"])
        top[1] = f.lm["lesser_trochanter"][1] - 0.020 * k
        low = f.lm["epicondyles"] + k * np.array([0, 0.054, 0])
        mid = 0.5 * (top + low) + k * np.array([0, 0, 0.0005])
        across = k * np.array([0, 0, hw])
        arc = np.radians(np.linspace(35, 245, 15))
        head_arc = [f.lm["femoral_head"] + r_head * np.array([0, np.sin(a), np.cos(a)])
                    for a in arc]
        femur = head_arc + [
            at("femoral_head", 0.004, -0.036),  # neck, lower border
            at("lesser_trochanter", -0.006, 0.0),
            at("lesser_trochanter", 0.004, -0.018),
            top - across, mid - across, low - across,
            at("adductor_tubercle", -0.010, 0.010),
            at("medial_epicondyle", -0.002, 0.0),
            at("medial_epicondyle", 0.022, -0.020),  # medial condyle
            at("epicondyles", -0.012, -0.016),
            at("epicondyles", 0.0, 0.006),  # intercondylar fossa
            at("epicondyles", 0.012, -0.016),
            at("lateral_epicondyle", -0.022, -0.020),  # lateral condyle
            at("lateral_epicondyle", 0.002, 0.0),
            at("lateral_epicondyle", -0.012, 0.030),
            low + across, mid + across, top + across,
            at("greater_trochanter", 0.003, -0.030),
            at("greater_trochanter", 0.006, -0.012),
            at("greater_trochanter", -0.004, 0.014),  # tip of the greater trochanter
            at("greater_trochanter", -0.018, 0.006),  # trochanteric fossa
        ]
        out["femur"] = _flat(_smooth(femur), view, depth)
        out["femoral_head"] = _flat(_ellipse(f.lm["femoral_head"], r_head, r_head, view),
                                    view, depth)
    return {n: f.to_ground(p) for n, p in out.items()}


def _leg_below_knee(lm, view):
    names = ("knee_joint_centre", "ankle_joint_centre", "medial_tibial_condyle",
             "lateral_tibial_condyle", "fibular_head", "tibial_tuberosity", "pes_anserinus")
    knee = np.asarray(lm["knee_joint_centre"], float)
    up = knee - np.asarray(lm["ankle_joint_centre"], float)
    f = _BoneFrame(knee, up, "superior", np.linalg.norm(up), _TIBIA_LENGTH_M, lm, names)
    k = f.k
    # the tibial plateau, a little above the biceps femoris's point on the lateral condyle
    f.lm["plateau"] = np.array([0.0, f.lm["lateral_tibial_condyle"][1] + 0.008 * k, 0.0])
    f.lm["shaft"] = f.mix("knee_joint_centre", "ankle_joint_centre", 0.5)

    def at(name, a=0.0, b=0.0):
        return f.at(name, a, b, view)

    def ank(a, b):
        return at("ankle_joint_centre", a, b)

    out = {}
    if view == "side":
        depth = f.lm["knee_joint_centre"][2]
        tibia = [
            at("plateau", -0.034, -0.004), at("plateau", -0.015, 0.002),
            at("plateau", 0.018, 0.001), at("plateau", 0.024, -0.010),
            at("tibial_tuberosity", 0.006, 0.010),
            at("tibial_tuberosity", 0.004, -0.012),
            at("shaft", 0.016, 0.070), at("shaft", 0.013, -0.085),
            ank(0.016, 0.040), ank(0.020, 0.012), ank(0.002, 0.008), ank(-0.018, 0.010),
            ank(-0.015, 0.050), at("shaft", -0.012, -0.035), at("shaft", -0.016, 0.075),
            at("plateau", -0.030, -0.042),
        ]
        fibula = [
            at("fibular_head", -0.011, -0.004), at("fibular_head", -0.005, 0.010),
            at("fibular_head", 0.009, 0.006), at("fibular_head", 0.011, -0.008),
            at("fibular_head", 0.009, -0.034),
            at("shaft", -0.008, -0.035),
            ank(-0.003, 0.030), ank(0.000, 0.000), ank(-0.008, -0.022), ank(-0.018, 0.000),
            ank(-0.018, 0.050), at("shaft", -0.020, -0.035),
            at("fibular_head", -0.001, -0.034),
        ]
        out["tibia"] = _flat(_smooth(tibia), view, depth)
        out["fibula"] = _flat(_smooth(fibula), view, f.lm["fibular_head"][2])
    else:
        depth = f.lm["knee_joint_centre"][0]
        tibia = [
            at("plateau", 0.037, -0.002), at("plateau", 0.020, 0.0),
            at("plateau", 0.006, 0.007), at("plateau", 0.0, 0.003),
            at("plateau", -0.005, 0.008), at("plateau", -0.022, 0.0),
            at("plateau", -0.039, -0.003),
            at("plateau", -0.040, -0.017),
            at("plateau", -0.030, -0.047),  # medial condyle
            at("shaft", -0.017, 0.085), at("shaft", -0.015, -0.035), ank(-0.018, 0.070),
            ank(-0.024, 0.030), ank(-0.025, -0.002), ank(-0.019, -0.012),  # medial malleolus
            ank(-0.012, 0.005), ank(0.012, 0.008), ank(0.019, 0.015), ank(0.016, 0.050),
            at("shaft", 0.013, -0.085), at("shaft", 0.014, 0.075),
            at("plateau", 0.026, -0.047),
            at("plateau", 0.038, -0.017),
        ]
        fibula = [
            at("fibular_head", -0.006, 0.005), at("fibular_head", 0.004, 0.012),
            at("fibular_head", 0.014, 0.002), at("fibular_head", 0.012, -0.014),
            at("fibular_head", 0.007, -0.024),
            at("shaft", 0.038, 0.0), ank(0.036, 0.050), ank(0.040, 0.020),
            ank(0.038, -0.008), ank(0.030, -0.022), ank(0.024, 0.000), ank(0.026, 0.050),
            at("shaft", 0.030, 0.0),
            at("fibular_head", -0.003, -0.024), at("fibular_head", -0.008, -0.010),
        ]
        out["tibia"] = _flat(_smooth(tibia), view, depth)
        out["fibula"] = _flat(_smooth(fibula), view, f.lm["fibular_head"][0])
    return {n: f.to_ground(p) for n, p in out.items()}


def _single_pose_landmarks(landmarks) -> dict:
    out = {}
    for name, p in landmarks.items():
        arr = np.asarray(p, float)
        if arr.shape != (3,):
            raise AnatomyInputError(
                f"landmarks must be for one pose (each an array of shape (3,)); "
                f"{name!r} has shape {arr.shape}. Pick one pose from a batch first.")
        out[name] = arr
    return out


def bone_outlines(landmarks, view="side") -> dict[str, np.ndarray]:
    """Outlines of the pelvis, femur, tibia and fibula for one pose, in ground.

    Parameters
    ----------
    landmarks : dict
        ``{name: array (3,)}`` in ground, as in ``anatomy.pose_points(...).landmarks`` for a
        single pose.
    view : {"side", "back"}
        The direction of view the silhouettes are drawn for (see the module docstring).

    Returns
    -------
    dict
        ``{name: array (N, 3)}`` polylines in ground (metres). Closed outlines repeat their
        first point at the end. Side view: ``hip_bone`` (iliac crest, ASIS, AIIS, pubic
        symphysis, ischial tuberosity, PSIS, posterior iliac crest), ``acetabulum``,
        ``femur`` (greater trochanter, shaft, condyles), ``femoral_head``,
        ``tibia`` (condyles, tuberosity, shaft to the ankle) and ``fibula`` (head and shaft).
        Back view: ``hip_bone`` and ``obturator_foramen`` (right), ``hip_bone_left`` and
        ``obturator_foramen_left`` (the right side mirrored, for context), ``sacrum``,
        ``femur`` (head, neck, greater and lesser trochanters, shaft, condyles),
        ``femoral_head``, ``tibia`` and ``fibula``. The keys for a view do not depend on the
        pose, so a scene can update its lines by name.

    Raises
    ------
    ValueError
        If ``view`` is not a view name or the landmarks are for more than one pose.

    Examples
    --------
    >>> import anatomy
    >>> lm = anatomy.pose_points(0.0, 0.0, 0.0).landmarks
    >>> back = bone_outlines(lm, "back")
    >>> back["femur"].shape[1]
    3
    >>> bool(back["femoral_head"][:, 2].mean() > 0)   # the right femoral head, z > 0
    True
    """
    choice("view", view, VIEWS)
    lm = _single_pose_landmarks(landmarks)
    out = {}
    for part in (_pelvis, _femur, _leg_below_knee):
        out.update(part(lm, view))
    return out


def single_pose(pose):
    """Landmarks and hamstring paths of one pose (raises for a batch of poses)."""
    lm = _single_pose_landmarks(pose.landmarks)
    paths = {}
    for head in HAMSTRING_HEADS:
        p = np.asarray(pose.paths[head], float)
        if p.ndim != 2:
            raise AnatomyInputError(
                f"draw_leg draws one pose; the path of {head!r} has shape {p.shape}")
        paths[head] = p
    return lm, paths


def point_along(path, fraction):
    """The point at ``fraction`` of a polyline's length (``path`` is ``(K, 2)``)."""
    seg = np.linalg.norm(np.diff(path, axis=0), axis=1)
    s = np.concatenate([[0.0], np.cumsum(seg)])
    target = fraction * s[-1]
    return np.array([np.interp(target, s, path[:, 0]), np.interp(target, s, path[:, 1])])


def screen(points, view):
    """Ground points ``(..., 3)`` as screen points ``(..., 2)`` of a view."""
    h, v = _SCREEN[view]
    p = np.asarray(points, float)
    return np.stack([p[..., h], p[..., v]], axis=-1)
