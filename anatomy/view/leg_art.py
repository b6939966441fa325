"""The leg as matplotlib artists: bones, the four hamstring heads, their labels and layout.

`draw_leg` builds the artists for one view (``"side"`` or ``"back"``, see
`anatomy.view.outlines`), `update_leg` moves them. They read points from
`anatomy.pose_points` and outlines from `anatomy.view.outlines`; no model maths here.
Colours come from `anatomy.view.palette`; every head is also named in text on the figure.
"""
from __future__ import annotations

import matplotlib.patheffects as patheffects
import numpy as np
from matplotlib.patches import Polygon

from ..model._validate import choice
from ..model.muscles import FACTS, HAMSTRING_HEADS
from . import palette
from .outlines import VIEWS, bone_outlines
from .outlines import point_along as _point_along
from .outlines import screen as _screen
from .outlines import single_pose as _single_pose

__all__ = ["HEAD_STYLE", "LANDMARK_LABELS", "draw_leg", "update_leg"]

def _head_style(head, color, linewidth):
    facts = FACTS[head]
    label = f"{facts.label} ({facts.abbreviation})"
    return dict(color=color, label=label, abbreviation=facts.abbreviation,
                text=label.replace(", ", ",\n"), linewidth=linewidth)


_WIDTH_PT = {"semitendinosus": 4.0, "semimembranosus": 10.0, "biceps_femoris_long": 6.5,
             "biceps_femoris_short": 5.5}
HEAD_STYLE = {h: _head_style(h, palette.HEAD_COLOURS[h], _WIDTH_PT[h]) for h in HAMSTRING_HEADS}
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

_TITLE = {"side": "From the side (seen from the right)", "back": "From behind"}
_DIRECTIONS = {"side": ("posterior", "anterior"), "back": ("medial", "lateral")}

_BONE_FILL = palette.BONE["fill"]
_BONE_EDGE = palette.BONE["edge"]
_CONTEXT_FILL = palette.BONE["context_fill"]  # bones drawn only for context (left hip bone, sacrum)
_CONTEXT_EDGE = palette.BONE["context_edge"]
_LABEL_FONT_PT = 8.5
_LANDMARK_FONT_PT = 7.5
_TEXT_COLOUR = palette.TEXT["main"]

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


def _label_items(lm, paths, view, labels, text_pt=None):
    """Each label's anchor (screen), side, text and font size."""
    items = []
    for head in HAMSTRING_HEADS:
        anchor = _point_along(_screen(paths[head], view), _ANCHOR_FRACTION[view][head])
        items.append(dict(key=head, anchor=anchor, side=_LABEL_SIDE[view][head],
                          text=HEAD_STYLE[head]["text"], size=text_pt or _LABEL_FONT_PT, kind="muscle"))
    if labels:
        for name, text in LANDMARK_LABELS.items():
            items.append(dict(key=name, anchor=_screen(lm[name], view),
                              side=_LABEL_SIDE[view][name],
                              text=_LANDMARK_TEXT[view].get(name, text),
                              size=text_pt or _LANDMARK_FONT_PT, kind="landmark"))
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


def draw_leg(ax, pose_points, view="side", labels=True, text_pt=None):
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
    text_pt : float, optional
        One size (points) for every label, title and note (a scene passes its style's base
        size); default: the sizes of the notebook's static figure.

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
    items = _label_items(lm, paths, view, labels, text_pt)
    art["text_pt"] = text_pt
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    _set_limits(ax, lo, hi, items, _best_scale(ax, lo, hi, items))
    art["title"] = ax.set_title(_TITLE[view], fontsize=text_pt or 11, color=_TEXT_COLOUR, pad=4)

    if view == "back":
        x, top, bottom = _midline(lm, view, lo)
        (mid,) = ax.plot([x, x], [top, bottom], color=palette.TEXT["axis"], lw=0.8, ls=(0, (4, 3)),
                         zorder=0.5)
        art["extras"]["midline"] = mid
        art["extras"]["midline_label"] = ax.text(
            x, bottom, "midline ", rotation=90, ha="right", va="bottom",
            fontsize=text_pt or _LANDMARK_FONT_PT, color=palette.TEXT["faint"], zorder=0.5)
    left, right = _DIRECTIONS[view]
    art["extras"]["directions"] = ax.text(
        0.5, 0.0, f"\u2190 {left}      {right} \u2192", transform=ax.transAxes,
        ha="center", va="bottom", fontsize=text_pt or _LANDMARK_FONT_PT + 0.5,
        color=palette.TEXT["muted"])

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
                fontsize=it["size"], color=palette.TEXT["secondary"], style="italic", zorder=5,
                arrowprops=dict(arrowstyle="-", color=palette.TEXT["faint"], lw=0.7, shrinkA=1,
                                shrinkB=2.5))
            art["landmark_labels"][it["key"]] = ann
    if labels:
        pts = np.array([_screen(lm[n], view) for n in LANDMARK_LABELS])
        (dots,) = ax.plot(pts[:, 0], pts[:, 1], ls="none", marker="o", ms=4.0, mfc="white",
                          mec=palette.TEXT["main"], mew=1.0, zorder=4)
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
    items = _label_items(lm, paths, view, labels, artists.get("text_pt"))
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
