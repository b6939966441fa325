"""The sciatic-tibial nerve in the side view: one labelled line with its own colour scale.

A small drawing piece with the same two steps as every view: `NerveArt.build` makes the
artists once on an axes (the side view), `NerveArt.update` moves them for a new posture (set
data, set colour, set text; nothing is created on a slider move).

Colours
-------
The nerve never uses the muscles' colours (sky blue → orange → vermillion for the load, blue
and reddish purple for the labels). Its own scale is one of lightness: Okabe-Ito yellow (bed
no longer than in the anatomical position) darkening to black (bed at the symptom threshold
of this person, in the model), drawn with a dark edge so the yellow reads on white; readable
without colour vision, and the label says the same in words.

Hook for the scene (issue 13): a side view calls ``art.build(ax)`` once when it builds and
``art.update(points, posture)`` on each update, and adds ``art.artists`` to what it blits.
"""
from __future__ import annotations

import numpy as np
from matplotlib import patheffects
from matplotlib.colors import LinearSegmentedColormap

from ..model.nerve_course import nerve_path_points
from ..model.neuro import nerve_threshold_m
from .palette import NERVE_RAMP
from .picture_spec import NERVE

_SLACK, _HALF = NERVE_RAMP[0][1], NERVE_RAMP[1][1]
NERVE_CMAP = LinearSegmentedColormap.from_list("nerve_load", list(NERVE_RAMP))
"""Bed elongation as a share of the symptom threshold: 0 → yellow, 1 → black."""
_TOP = NERVE["top"]


def nerve_load(posture) -> float:
    """The nerve bed's elongation as a share of this person's symptom threshold (model)."""
    stretch = posture.readouts.get("nerve_stretch_m", 0.0)
    return float(stretch / nerve_threshold_m(posture.slr_deg))


def nerve_colour(load: float):
    """Colour of the nerve at ``load`` (share of the threshold; 1 = at the threshold)."""
    return NERVE_CMAP(float(np.clip(load, 0.0, _TOP) / _TOP))


def nerve_label(posture) -> str:
    """Words for the nerve's state, as the label shows them (two short lines)."""
    load = nerve_load(posture)
    stretch_mm = 1000.0 * posture.readouts.get("nerve_stretch_m", 0.0)
    if abs(load - 1.0) < 0.005:
        state = "at its threshold"
    elif load > 0.0:
        state = f"{round(100 * load):d}% of threshold"
    else:
        state = "shorter than standing"
    return f"sciatic nerve\nbed {stretch_mm:+.0f} mm, {state}"


_LAB_FONT_PT = 7.5
"""The label's size in the notebook layout (the scene's small type); the label's offsets from
the thigh are set for it and grow with larger type."""


class NerveArt:
    """The nerve's line, its label and its colour scale on one axes."""

    def __init__(self, *, linewidth: float = 2.2, fontsize: float = _LAB_FONT_PT):
        self.linewidth = linewidth
        self.fontsize = fontsize
        self.line = self.label = self.scale = None

    @property
    def artists(self) -> list:
        return [a for a in (self.line, self.label) if a is not None]

    def build(self, ax, *, corner: str = "upper left") -> None:
        """Make the artists once (hidden until the first `update`).

        ``corner`` places the colour scale where the task leaves room: ``"upper left"`` for
        the lying tests (the raised leg fills the right), ``"upper right"`` when seated or
        standing (the trunk and head fill the upper left)."""
        edge = [patheffects.withStroke(linewidth=self.linewidth + NERVE["edge_extra"],
                                       foreground=NERVE["edge"])]
        (self.line,) = ax.plot([], [], color=_SLACK, lw=self.linewidth, zorder=NERVE["z"],
                               solid_capstyle="round", path_effects=edge,
                               label=NERVE["name"])
        # the label hangs below and behind the back of the thigh, an arrow pointing at it
        self.label = ax.annotate("", xy=(0.0, 0.0), xycoords="data", xytext=(-60, -55),
                                 textcoords="offset points", fontsize=self.fontsize, zorder=7,
                                 ha="center", va="top",
                                 bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": _HALF,
                                       "alpha": NERVE["label_box_opacity"]},
                                 # patchA None: the arrow is not clipped to the box (a
                                 # Bezier split that cost 4 ms a move); the box, drawn
                                 # over the arrow, hides its start all the same
                                 arrowprops={"arrowstyle": "-|>", "color": NERVE["edge"],
                                             "lw": NERVE["arrow_width"], "shrinkA": 0,
                                             "shrinkB": 2, "patchA": None})
        # the scale: a thin bar in an upper corner, away from the label and the body
        corners = {"upper left": 0.08, "upper right": 0.70}
        if corner not in corners:
            raise ValueError(f"corner must be one of {sorted(corners)}; got {corner!r}")
        self.scale = ax.inset_axes([corners[corner], 0.95, 0.22, 0.022])
        self.scale.imshow(np.linspace(0.0, 1.0, 128)[None, :], aspect="auto", cmap=NERVE_CMAP,
                          extent=(0.0, _TOP, 0.0, 1.0))
        self.scale.set_yticks([])
        self.scale.set_xticks([0.0, 1.0], NERVE["scale_ticks"],
                              fontsize=self.fontsize * NERVE["scale_tick_scale"])
        self.scale.tick_params(length=2, pad=1)

    def update(self, points, posture) -> None:
        """Move the line and the label to ``posture`` (the course from
        `anatomy.model.nerve_course.nerve_path_points`, reusing the scene's body points)."""
        course = (nerve_path_points(posture) if points is None else
                  nerve_path_points(posture, body=points.body, frames=points.frames))
        self.line.set_data(course[:, 0], course[:, 1])
        colour = nerve_colour(nerve_load(posture))
        self.line.set_color(colour)
        thigh = course[int(len(course) * NERVE["label_at"])]
        self.label.xy = (float(thigh[0]), float(thigh[1]))
        # below the thigh when upright or seated; above it when lying (the table is below)
        lying = abs(posture.frame_angle_deg) > 45.0
        # offsets in points, grown with the type (presenter sizes) so the box clears the leg
        grow = max(1.0, self.fontsize / _LAB_FONT_PT)
        self.label.xyann = tuple(grow * np.array(
            NERVE["label_offset_pt"]["lying" if lying else "upright"]))
        self.label.set_va("bottom" if lying else "top")
        self.label.set_text(nerve_label(posture))
        self.label.get_bbox_patch().set_edgecolor(colour)

    def remove(self) -> None:
        for a in (self.line, self.label, self.scale):
            if a is not None:
                a.remove()
        self.line = self.label = self.scale = None


__all__ = ["NerveArt", "NERVE_CMAP", "nerve_colour", "nerve_load", "nerve_label"]
