"""Pictures of the leg: bone outlines, the four hamstring heads and their labels.

Pure drawing helpers, shared by the static notebooks and (later) the interactive scenes. They
read points from `anatomy.pose_points` and draw them; they contain no model maths.

Views
-----
``"side"``
    The right leg seen from the subject's right: ground (x, y) on screen, anterior to the
    right of the picture.
``"back"``
    The leg seen from behind: ground (z, y) on screen, the subject's right to the right of
    the picture, so for this right leg *medial* (toward the midline, smaller z) is to the
    left and *lateral* to the right.

Bones
-----
The outlines are schematic silhouettes drawn for this project from the model's landmarks
(`anatomy.geometry`): each bone gets a frame built from two of its landmarks, every
control point of its outline is a landmark plus an offset in that frame (offsets in metres
for the generic model, scaled with the bone's size), and a Catmull-Rom curve runs through the
control points. No meshes or images are used. Because the frame comes from the landmarks in
ground, the outlines follow the pose. A silhouette depends on the direction of view, so
`bone_outlines` takes the view as an argument; the model moves in the sagittal plane only
(every joint turns about z), so ground z is every bone's medial-lateral axis.

Colour
------
Heads are coloured from the Okabe-Ito palette, which stays distinguishable with the common
colour-vision deficiencies, and every head is also named in text on the figure.

Examples
--------
>>> import anatomy
>>> from anatomy.view.drawing import bone_outlines
>>> outlines = bone_outlines(anatomy.pose_points(0.0, 0.0, 0.0).landmarks, "side")
>>> sorted(outlines)[:3]
['acetabulum', 'femoral_head', 'femur']
"""
from __future__ import annotations

import textwrap

import matplotlib.patheffects as patheffects
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Polygon

from ..model._validate import AnatomyInputError, choice
from ..model.muscles import FACTS, HAMSTRING_HEADS, pose_points
from ..model.references import REFERENCES

__all__ = [
    "OKABE_ITO", "HEAD_STYLE", "LANDMARK_LABELS", "VIEWS", "bone_outlines", "draw_leg",
    "update_leg", "figure_meet_the_hamstrings", "facts_table",
]

# --------------------------------------------------------------------------------------------
# Style
# --------------------------------------------------------------------------------------------
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
"""The Okabe-Ito colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design")."""


def _head_style(head, color, linewidth):
    facts = FACTS[head]
    label = f"{facts.label} ({facts.abbreviation})"
    return dict(color=color, label=label, abbreviation=facts.abbreviation,
                text=label.replace(", ", ",\n"), linewidth=linewidth)


HEAD_STYLE = {
    "semitendinosus": _head_style("semitendinosus", OKABE_ITO["reddish_purple"], 4.0),
    "semimembranosus": _head_style("semimembranosus", OKABE_ITO["blue"], 10.0),
    "biceps_femoris_long": _head_style("biceps_femoris_long", OKABE_ITO["vermillion"], 6.5),
    "biceps_femoris_short": _head_style("biceps_femoris_short", OKABE_ITO["orange"], 5.5),
}
"""Per head: ``color`` (Okabe-Ito), ``label`` (``"Semitendinosus (ST)"``), ``abbreviation``,
``text`` (the label as drawn on a figure, with line breaks) and ``linewidth`` in points. The
widths only suggest bulk (the semimembranosus is the largest head, the semitendinosus the
most slender); they are not to scale."""

LANDMARK_LABELS = {
    "ischial_tuberosity": "ischial tuberosity",
    "greater_trochanter": "greater trochanter",
    "fibular_head": "fibular head",
    "pes_anserinus": "pes anserinus",
}
"""Landmarks named on the figures, with their text."""

VIEWS = ("side", "back")
_SCREEN = {"side": (0, 1), "back": (2, 1)}  # ground axes on screen (horizontal, vertical)
_TITLE = {"side": "From the side (seen from the right)", "back": "From behind"}
_DIRECTIONS = {"side": ("posterior", "anterior"), "back": ("medial", "lateral")}

_BONE_FILL = "#F1E9D8"
_BONE_EDGE = "#4A4A4A"
_CONTEXT_FILL = "#F7F4EE"  # bones drawn only for context (left hip bone, sacrum)
_CONTEXT_EDGE = "#A0A0A0"
_LABEL_FONT_PT = 8.5
_LANDMARK_FONT_PT = 7.5
_TEXT_COLOUR = "#1A1A1A"

# Drawing order per view, painter's style: what is nearer the viewer is drawn later. From
# behind, the semitendinosus lies on the semimembranosus and the long head of biceps on the
# short head. From the right side, the medial heads (ST, SM) are beyond the tibia and the
# hip bone, so they go under the (semi-transparent) bones; biceps femoris is lateral.
_MUSCLE_Z = {
    "back": {"biceps_femoris_short": 2.1, "semimembranosus": 2.2, "biceps_femoris_long": 2.3,
             "semitendinosus": 2.4},
    "side": {"semitendinosus": 0.8, "semimembranosus": 0.85, "biceps_femoris_short": 2.1,
             "biceps_femoris_long": 2.2},
}
_BONE_Z = {
    # from the side the femur and its head are lateral to (in front of) the hip bone...
    "side": {"hip_bone": 1.1, "femoral_head": 1.2, "acetabulum": 1.25, "femur": 1.3,
             "tibia": 1.3, "fibula": 1.4},
    # ...from behind the ischium and the back of the acetabulum are in front of the femur
    "back": {"sacrum": 1.0, "hip_bone_left": 1.0, "obturator_foramen_left": 1.02,
             "femur": 1.05, "femoral_head": 1.06, "hip_bone": 1.1, "obturator_foramen": 1.12,
             "tibia": 1.3, "fibula": 1.4},
}
_BONE_ALPHA = {"side": 0.6, "back": 1.0}
_LINE_ONLY = {"acetabulum"}  # rims: drawn as lines, not filled
_HOLES = {"obturator_foramen", "obturator_foramen_left"}  # filled with the background
_CONTEXT = {"hip_bone_left", "obturator_foramen_left", "sacrum"}

# Where along each head (fraction of its length) its label points, per view: chosen so that
# each leader ends on a part of the head that is visible and not shared with another head.
_ANCHOR_FRACTION = {
    "back": {"semitendinosus": 0.42, "semimembranosus": 0.70, "biceps_femoris_long": 0.30,
             "biceps_femoris_short": 0.40},
    "side": {"semitendinosus": 0.97, "semimembranosus": 0.80, "biceps_femoris_long": 0.32,
             "biceps_femoris_short": 0.22},
}
# Which side of the picture each label sits on ("left" or "right"), per view.
_LABEL_SIDE = {
    "back": {"semitendinosus": "left", "semimembranosus": "left",
             "biceps_femoris_long": "right", "biceps_femoris_short": "right",
             "ischial_tuberosity": "left", "pes_anserinus": "left",
             "greater_trochanter": "right", "fibular_head": "right"},
    "side": {"semitendinosus": "left", "semimembranosus": "left",
             "biceps_femoris_long": "left", "biceps_femoris_short": "left",
             "ischial_tuberosity": "left", "fibular_head": "left",
             "greater_trochanter": "right", "pes_anserinus": "right"},
}
_LANDMARK_TEXT = {"side": {"pes_anserinus": "pes anserinus\n(on the medial side)"}, "back": {}}

# --------------------------------------------------------------------------------------------
# Bone outlines
# --------------------------------------------------------------------------------------------
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


# --------------------------------------------------------------------------------------------
# Drawing
# --------------------------------------------------------------------------------------------
def _single_pose(pose):
    lm = _single_pose_landmarks(pose.landmarks)
    paths = {}
    for head in HAMSTRING_HEADS:
        p = np.asarray(pose.paths[head], float)
        if p.ndim != 2:
            raise AnatomyInputError(
                f"draw_leg draws one pose; the path of {head!r} has shape {p.shape}")
        paths[head] = p
    return lm, paths


def _point_along(path, fraction):
    """The point at ``fraction`` of a polyline's length (``path`` is ``(K, 2)``)."""
    seg = np.linalg.norm(np.diff(path, axis=0), axis=1)
    s = np.concatenate([[0.0], np.cumsum(seg)])
    target = fraction * s[-1]
    return np.array([np.interp(target, s, path[:, 0]), np.interp(target, s, path[:, 1])])


def _screen(points, view):
    h, v = _SCREEN[view]
    p = np.asarray(points, float)
    return np.stack([p[..., h], p[..., v]], axis=-1)


def _label_items(lm, paths, view, labels):
    """Each label's anchor (screen), side, text and font size."""
    items = []
    for head in HAMSTRING_HEADS:
        anchor = _point_along(_screen(paths[head], view), _ANCHOR_FRACTION[view][head])
        items.append(dict(key=head, anchor=anchor, side=_LABEL_SIDE[view][head],
                          text=HEAD_STYLE[head]["text"], size=_LABEL_FONT_PT, kind="muscle"))
    if labels:
        for name, text in LANDMARK_LABELS.items():
            items.append(dict(key=name, anchor=_screen(lm[name], view),
                              side=_LABEL_SIDE[view][name],
                              text=_LANDMARK_TEXT[view].get(name, text),
                              size=_LANDMARK_FONT_PT, kind="landmark"))
    return items


_GAP_PT = 14.0  # between the leg and a column of labels
_BOTTOM_PT = 16.0  # under the leg: the direction words
_TOP_PT = 4.0


def _text_size_pt(item):
    """Rough width and height of a label in points (its box included)."""
    lines = item["text"].split("\n")
    pad = 7.0 if item["kind"] == "muscle" else 2.0
    width = max(len(s) for s in lines) * 0.58 * item["size"] + pad
    height = len(lines) * 1.22 * item["size"] + pad
    return width, height


def _columns_pt(items):
    """Widths (points) of the left and right label columns; 0 where a column is empty."""
    widths = {"left": [0.0], "right": [0.0]}
    for it in items:
        widths[it["side"]].append(_text_size_pt(it)[0])
    return max(widths["left"]), max(widths["right"])


def _box_pt(ax):
    """Width and height of the axes box in points (as laid out, before any aspect fix)."""
    pos = ax.get_position(original=True)
    fig = ax.figure
    return pos.width * fig.get_figwidth() * 72.0, pos.height * fig.get_figheight() * 72.0


def _best_scale(ax, lo, hi, items):
    """The largest scale (points per metre) at which leg and labels fit in ``ax``."""
    w_pt, h_pt = _box_pt(ax)
    left, right = _columns_pt(items)
    by_height = (h_pt - _BOTTOM_PT - _TOP_PT) / max(hi[1] - lo[1], 1e-6)
    by_width = (w_pt - left - right - 2 * _GAP_PT) / max(hi[0] - lo[0], 1e-6)
    return max(min(by_height, by_width), 1.0)


def _set_limits(ax, lo, hi, items, scale):
    """Limits for ``scale`` points per metre: leg, label columns, spare room shared out."""
    w_pt, h_pt = _box_pt(ax)
    left, right = _columns_pt(items)
    x0, x1 = lo[0] - (left + _GAP_PT) / scale, hi[0] + (right + _GAP_PT) / scale
    y0, y1 = lo[1] - _BOTTOM_PT / scale, hi[1] + _TOP_PT / scale
    spare_x = w_pt / scale - (x1 - x0)
    spare_y = h_pt / scale - (y1 - y0)
    ax.set_xlim(x0 - spare_x / 2, x1 + spare_x / 2)
    ax.set_ylim(y0 - spare_y / 2, y1 + spare_y / 2)


def _metres_per_point(ax):
    """Data units per typographic point on ``ax`` (equal aspect)."""
    w_pt, h_pt = _box_pt(ax)
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    return max(abs(x1 - x0) / w_pt, abs(y1 - y0) / h_pt)


def _spread(desired, heights, gap, lo, hi):
    """Vertical positions near ``desired`` that keep labels of ``heights`` apart."""
    desired = np.asarray(desired, float)
    if desired.size == 0:
        return desired
    order = np.argsort(-desired)
    y = desired[order].copy()
    h = np.asarray(heights, float)[order]
    y[0] = min(y[0], hi - h[0] / 2)
    for i in range(1, len(y)):
        y[i] = min(y[i], y[i - 1] - (h[i - 1] + h[i]) / 2 - gap)
    if y[-1] < lo + h[-1] / 2:  # ran off the bottom: push back up
        y[-1] = lo + h[-1] / 2
        for i in range(len(y) - 2, -1, -1):
            y[i] = max(y[i], y[i + 1] + (h[i] + h[i + 1]) / 2 + gap)
    out = np.empty_like(y)
    out[order] = y
    return out


def _leg_extent(outlines, paths, view):
    pts = np.concatenate([_screen(p, view) for p in list(outlines.values())
                          + list(paths.values())])
    return pts.min(axis=0), pts.max(axis=0)


def _layout_labels(ax, items, lo, hi):
    """``{key: (x, y, ha)}``: label positions in two columns beside the leg, kept apart."""
    m_pt = _metres_per_point(ax)
    y0, y1 = sorted(ax.get_ylim())
    positions = {}
    for side in ("left", "right"):
        group = [it for it in items if it["side"] == side]
        heights = [_text_size_pt(it)[1] * m_pt for it in group]
        ys = _spread([it["anchor"][1] for it in group], heights, 3.0 * m_pt,
                     y0 + _BOTTOM_PT * m_pt, y1)
        x = lo[0] - _GAP_PT * m_pt if side == "left" else hi[0] + _GAP_PT * m_pt
        for it, y in zip(group, ys):
            positions[it["key"]] = (x, y, "right" if side == "left" else "left")
    return positions


def _midline(lm, view, lo):
    sym = _screen(lm["pubic_symphysis"], view)
    top = _screen(lm["lumbosacral_joint"], view)[1] + 0.02
    return sym[0], top, lo[1]


def draw_leg(ax, pose_points, view="side", labels=True):
    """Draw bones, the four hamstring heads and their labels for one pose.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw. Its limits are set to fit the leg and the labels at the largest scale
        that fits; the aspect is made equal and the axis lines are turned off.
    pose_points : anatomy.PosePoints
        One pose, from ``anatomy.pose_points(tilt, hip, knee)`` with scalar angles.
    view : {"side", "back"}
        ``"side"``: seen from the subject's right, anterior to the right of the picture.
        ``"back"``: seen from behind, medial (toward the midline) to the left for this
        right leg, with the left hip bone and the midline drawn faintly for orientation.
    labels : bool
        If true (default), also name the ischial tuberosity, greater trochanter, fibular
        head and pes anserinus. The four heads are always named in text.

    Returns
    -------
    dict
        The artists, for scenes that update them (see `update_leg`): ``"bones"`` and
        ``"bone_fills"`` (``{name: Line2D}``, ``{name: Polygon}``), ``"muscles"``
        (``{head: Line2D}``), ``"muscle_labels"`` (``{head: Annotation}``),
        ``"landmarks"`` (a Line2D of dots, or None without landmark labels),
        ``"landmark_labels"`` (``{name: Annotation}``), ``"extras"`` (midline, direction
        words) and ``"title"`` (a Text); ``"view"`` holds the view name and ``"extent"``
        the leg's bounding box on screen, ``(lower_left, upper_right)`` in metres.

    Raises
    ------
    ValueError
        For an unknown view, or points for more than one pose.

    Examples
    --------
    >>> import anatomy
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> art = draw_leg(ax, anatomy.pose_points(0.0, 30.0, 45.0), view="side")
    >>> sorted(art["muscles"]) == sorted(anatomy.HAMSTRING_HEADS)
    True
    """
    choice("view", view, VIEWS)
    lm, paths = _single_pose(pose_points)
    outlines = bone_outlines(lm, view)
    art = {"view": view, "bones": {}, "bone_fills": {}, "muscles": {}, "muscle_labels": {},
           "landmarks": None, "landmark_labels": {}, "extras": {}, "title": None}

    for name, pts in outlines.items():
        xy = _screen(pts, view)
        context = name in _CONTEXT
        z = _BONE_Z[view][name]
        if name not in _LINE_ONLY:
            face = "white" if name in _HOLES else (_CONTEXT_FILL if context else _BONE_FILL)
            fill = Polygon(xy, closed=True, facecolor=face, edgecolor="none", zorder=z,
                           alpha=1.0 if name in _HOLES else _BONE_ALPHA[view])
            ax.add_patch(fill)
            art["bone_fills"][name] = fill
        (line,) = ax.plot(xy[:, 0], xy[:, 1], color=_CONTEXT_EDGE if context else _BONE_EDGE,
                          lw=0.8 if context else 1.1, zorder=z + 0.005,
                          solid_joinstyle="round")
        art["bones"][name] = line

    for head in HAMSTRING_HEADS:
        st = HEAD_STYLE[head]
        xy = _screen(paths[head], view)
        (line,) = ax.plot(
            xy[:, 0], xy[:, 1], color=st["color"], lw=st["linewidth"],
            solid_capstyle="round", solid_joinstyle="round", zorder=_MUSCLE_Z[view][head],
            label=st["label"],
            path_effects=[patheffects.Stroke(linewidth=st["linewidth"] + 1.8,
                                             foreground="white"), patheffects.Normal()])
        art["muscles"][head] = line

    lo, hi = _leg_extent(outlines, paths, view)
    art["extent"] = (lo, hi)
    items = _label_items(lm, paths, view, labels)
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    _set_limits(ax, lo, hi, items, _best_scale(ax, lo, hi, items))
    art["title"] = ax.set_title(_TITLE[view], fontsize=11, color=_TEXT_COLOUR, pad=4)

    if view == "back":
        x, top, bottom = _midline(lm, view, lo)
        (mid,) = ax.plot([x, x], [top, bottom], color="#8C8C8C", lw=0.8, ls=(0, (4, 3)),
                         zorder=0.5)
        art["extras"]["midline"] = mid
        art["extras"]["midline_label"] = ax.text(
            x, bottom, "midline ", rotation=90, ha="right", va="bottom",
            fontsize=_LANDMARK_FONT_PT, color="#6E6E6E", zorder=0.5)
    left, right = _DIRECTIONS[view]
    art["extras"]["directions"] = ax.text(
        0.5, 0.0, f"\u2190 {left}      {right} \u2192", transform=ax.transAxes,
        ha="center", va="bottom", fontsize=_LANDMARK_FONT_PT + 0.5, color="#555555")

    positions = _layout_labels(ax, items, lo, hi)
    for it in items:
        x, y, ha = positions[it["key"]]
        if it["kind"] == "muscle":
            colour = HEAD_STYLE[it["key"]]["color"]
            ann = ax.annotate(
                it["text"], xy=tuple(it["anchor"]), xytext=(x, y), ha=ha, va="center",
                fontsize=it["size"], color=_TEXT_COLOUR, zorder=5,
                bbox=dict(boxstyle="round,pad=0.3", fc="white", ec=colour, lw=1.6),
                arrowprops=dict(arrowstyle="-", color=colour, lw=1.4, shrinkA=0, shrinkB=1.5))
            art["muscle_labels"][it["key"]] = ann
        else:
            ann = ax.annotate(
                it["text"], xy=tuple(it["anchor"]), xytext=(x, y), ha=ha, va="center",
                fontsize=it["size"], color="#333333", style="italic", zorder=5,
                arrowprops=dict(arrowstyle="-", color="#6E6E6E", lw=0.7, shrinkA=1,
                                shrinkB=2.5))
            art["landmark_labels"][it["key"]] = ann
    if labels:
        pts = np.array([_screen(lm[n], view) for n in LANDMARK_LABELS])
        (dots,) = ax.plot(pts[:, 0], pts[:, 1], ls="none", marker="o", ms=4.0, mfc="white",
                          mec="#1A1A1A", mew=1.0, zorder=4)
        art["landmarks"] = dots
    return art


def update_leg(artists, pose_points):
    """Move the artists made by `draw_leg` to a new pose (for interactive scenes).

    Bones, heads, landmark dots and labels are moved with ``set_data``/``set_xy``, and the
    labels are spread again so that they do not overlap. The axes limits are left alone, so
    a scene can fix them once for its whole range of poses.

    Parameters
    ----------
    artists : dict
        What `draw_leg` returned; its ``"extent"`` is updated.
    pose_points : anatomy.PosePoints
        The new pose (scalar angles).

    Examples
    --------
    >>> import anatomy
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> art = draw_leg(ax, anatomy.pose_points(0.0, 0.0, 0.0), "side")
    >>> update_leg(art, anatomy.pose_points(0.0, 60.0, 90.0))
    """
    view = artists["view"]
    lm, paths = _single_pose(pose_points)
    outlines = bone_outlines(lm, view)
    for name, pts in outlines.items():
        xy = _screen(pts, view)
        artists["bones"][name].set_data(xy[:, 0], xy[:, 1])
        if name in artists["bone_fills"]:
            artists["bone_fills"][name].set_xy(xy)
    for head, line in artists["muscles"].items():
        xy = _screen(paths[head], view)
        line.set_data(xy[:, 0], xy[:, 1])
    labels = artists["landmarks"] is not None
    if labels:
        pts = np.array([_screen(lm[n], view) for n in LANDMARK_LABELS])
        artists["landmarks"].set_data(pts[:, 0], pts[:, 1])
    ax = artists["muscles"][HAMSTRING_HEADS[0]].axes
    lo, hi = _leg_extent(outlines, paths, view)
    artists["extent"] = (lo, hi)
    items = _label_items(lm, paths, view, labels)
    positions = _layout_labels(ax, items, lo, hi)
    for it in items:
        group = "muscle_labels" if it["kind"] == "muscle" else "landmark_labels"
        ann = artists[group][it["key"]]
        x, y, ha = positions[it["key"]]
        ann.xy = tuple(it["anchor"])
        ann.set_position((x, y))
        ann.set_horizontalalignment(ha)
    if "midline" in artists["extras"]:
        x, top, bottom = _midline(lm, view, lo)
        artists["extras"]["midline"].set_data([x, x], [top, bottom])
        artists["extras"]["midline_label"].set_position((x, bottom))


def figure_meet_the_hamstrings(hip_flexion_deg=0.0, knee_flexion_deg=0.0):
    """The four hamstring heads from behind and from the side, labelled.

    Parameters
    ----------
    hip_flexion_deg, knee_flexion_deg : float
        The pose (degrees); the default, 0 and 0, is the anatomical position.

    Returns
    -------
    matplotlib.figure.Figure
        A 9 x 5.5 inch figure made without pyplot (so it is not kept in pyplot's list of
        open figures): the back view on the left, the side view on the right, both at the
        same scale.

    Examples
    --------
    >>> fig = figure_meet_the_hamstrings()
    >>> [ax.get_title() for ax in fig.axes]
    ['From behind', 'From the side (seen from the right)']
    """
    pose = pose_points(0.0, hip_flexion_deg, knee_flexion_deg)
    fig = Figure(figsize=(9.0, 5.5))
    fig.patch.set_facecolor("white")
    views = ("back", "side")
    axes = [fig.add_axes((0.0, 0.0, 0.5, 0.8)) for _ in views]
    arts = [draw_leg(ax, pose, view=v) for ax, v in zip(axes, views)]

    # One scale for both views, as large as the figure allows.
    lm, paths = _single_pose(pose)
    fig_w, fig_h = 9.0 * 72, 5.5 * 72
    top_pt, bottom_pt, side_pt, between_pt = 46.0, 14.0, 4.0, 10.0
    items = [_label_items(lm, paths, v, True) for v in views]
    cols = [_columns_pt(it) for it in items]
    sizes = [a["extent"][1] - a["extent"][0] for a in arts]
    fixed_w = sum(left + right + 2 * _GAP_PT for left, right in cols)
    scale = min((fig_w - 2 * side_pt - between_pt - fixed_w) / sum(s[0] for s in sizes),
                (fig_h - top_pt - bottom_pt - _BOTTOM_PT - _TOP_PT) / max(s[1] for s in sizes))
    widths = [s[0] * scale + left + right + 2 * _GAP_PT for s, (left, right) in zip(sizes, cols)]
    height = max(s[1] for s in sizes) * scale + _BOTTOM_PT + _TOP_PT
    spare = (fig_w - 2 * side_pt - between_pt - sum(widths)) / 3
    x = side_pt + spare
    for ax, art, it, w in zip(axes, arts, items, widths):
        y = bottom_pt + 0.5 * (fig_h - top_pt - bottom_pt - height)
        ax.set_position((x / fig_w, y / fig_h, w / fig_w, height / fig_h))
        _set_limits(ax, *art["extent"], it, scale)
        update_leg(art, pose)
        x += w + between_pt + spare

    if hip_flexion_deg == 0 and knee_flexion_deg == 0:
        title = "The hamstrings: right leg in the anatomical position"
    else:
        title = (f"The hamstrings: right leg, hip flexion {hip_flexion_deg:g}\u00b0, "
                 f"knee flexion {knee_flexion_deg:g}\u00b0")
    fig.suptitle(title, fontsize=13, fontweight="bold", color=_TEXT_COLOUR, y=0.985)
    fig.text(0.5, 0.006, "Each head is drawn as a line from origin to insertion (leg model "
             "of Delp et al. 1990). Line widths hint at bulk; they are not to scale.",
             ha="center", va="bottom", fontsize=7, color="#555555")
    return fig


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------
def _short_cite(key: str) -> str:
    """``"Ward et al. 2009"``, ``"Woodley & Mercer 2005"``: a short in-text citation."""
    ref = REFERENCES[key]
    names = [a.strip() for a in ref.authors.replace(" et al.", ", et al.").split(",")]

    def surname(author):
        if author.startswith("("):  # a group, not a person
            return author.strip("()")
        return author.rsplit(" ", 1)[0] if " " in author else author

    if len(names) == 1:
        who = surname(names[0])
    elif len(names) == 2 and names[1] != "et al.":
        who = f"{surname(names[0])} & {surname(names[1])}"
    else:
        who = f"{surname(names[0])} et al."
    return f"{who} {ref.year}"


def facts_table(markdown=True) -> str:
    """Origin, insertion, nerve, joints crossed and actions of each head, as a table.

    Built from `anatomy.FACTS`, with the sources named below the table.

    Parameters
    ----------
    markdown : bool
        True (default): a Markdown table (display it with ``IPython.display.Markdown``).
        False: plain text, one block per head, wrapped to 88 characters.

    Returns
    -------
    str

    Examples
    --------
    >>> print(facts_table(markdown=False).splitlines()[0])
    Semitendinosus (ST)
    """
    heads = [(HEAD_STYLE[h]["label"], FACTS[h]) for h in HAMSTRING_HEADS]
    keys = list(dict.fromkeys(k for h in HAMSTRING_HEADS for k in FACTS[h].sources))
    sources = "Sources: " + "; ".join(_short_cite(k) for k in keys) + "."
    if markdown:
        def cell(text):
            return text.replace("|", "\\|")
        lines = ["| Head | Origin | Insertion | Nerve | Crosses | Action |",
                 "| --- | --- | --- | --- | --- | --- |"]
        for label, f in heads:
            lines.append("| " + " | ".join(cell(c) for c in (
                f"**{label}**", f.origin, f.insertion, f.nerve,
                " and ".join(f.joints_crossed), "; ".join(f.actions))) + " |")
        return "\n".join(lines + ["", sources])
    blocks = []
    for label, f in heads:
        rows = [label]
        for name, text in (("origin", f.origin), ("insertion", f.insertion),
                           ("nerve", f.nerve), ("crosses", " and ".join(f.joints_crossed)),
                           ("action", "; ".join(f.actions))):
            rows.append(textwrap.fill(text, 88, initial_indent=f"  {name + ':':<11}",
                                      subsequent_indent=" " * 13))
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks + [textwrap.fill(sources, 88)])
