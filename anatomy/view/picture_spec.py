"""One description of the side-view picture, read by the kernel scene and the static site.

The kernel scene (`anatomy.view.scene`, matplotlib) and the kernel-free panels of the static
site (``tools/site_assets/panel.js``, SVG in the browser) draw the same picture. What the
picture looks like (which palette colour goes where, line widths in points, drawing order,
which outlines are drawn, the words on it, the shape of the muscle bellies) is written here
once, the colours themselves in `anatomy.view.palette`; `as_json` hands it to the browser.
``tests/test_picture_spec.py`` (kernel scene) and ``tests/browser/test_site.py`` (browser)
fail when either drifts from it.

Plain data only (no matplotlib), so a builder can read it without a plotting backend.

Examples
--------
>>> from anatomy.view.picture_spec import SPEC, strain_rgb
>>> SPEC["strain"]["stops"][0]
[0.0, '#56B4E9']
>>> strain_rgb(1.0)
(213, 94, 0)
"""
from __future__ import annotations

import json

from . import palette
from ..model.body import HEAD_RADIUS_M
from ..model.muscles import FACTS, HAMSTRING_HEADS

# Colours come from the palette (written once there); the spec says where the picture uses
# them.
CALM, STRETCHED, LIMIT = (c for _, c in (palette.STRAIN_RAMP[0], palette.STRAIN_RAMP[3],
                                          palette.STRAIN_RAMP[-1]))
STRAIN_STOPS = palette.STRAIN_RAMP
"""The strain ramp: calm → stretched → at its limit, as (position 0-1, colour)."""
STRAIN_RANGE_LO = palette.STRAIN_RANGE[0]
"""'Range used' at the calm end of the ramp (1 = at the limit)."""
STRAIN_LUT_SIZE = 256
"""Colours in the ramp's look-up table (matplotlib's default ``N``)."""

BELLY_SPAN = {"semitendinosus": (0.10, 0.70), "semimembranosus": (0.30, 0.94),
              "biceps_femoris_long": (0.14, 0.90), "biceps_femoris_short": (0.05, 0.88)}
"""Where along each head's path its belly lies (fractions of the path from origin to
insertion), after the proportions of muscle to muscle-tendon length in Ward et al. 2009 and
the tendon anatomy: ST has a long distal tendon, SM a long proximal tendon sheet and its
belly low, BFlh a short proximal tendon shared with ST, BFsh fleshy almost to the knee."""
BELLY_WIDTH_PER_SQRT_CM2 = 0.0065
"""Belly width on screen (m) in proportion to the square root of PCSA (Ward et al. 2009)."""
BELLY_SAMPLES = 24
"""Points along each side of a belly outline."""

BONE_FILL, BONE_EDGE = palette.BONE["fill"], palette.BONE["edge"]
GREY = palette.BODY["segment"]

SIDE = {
    # name: how the side view draws it. width in points (at the standard, non-presenter
    # size), z the drawing order (higher is nearer the viewer), as in the kernel scene.
    "support": {"stroke": palette.BODY["support"], "width": 2.5, "z": 0.6},
    "other_leg": {"stroke": palette.BODY["other_leg"], "width": 5.0, "z": 0.8, "cap": "round"},
    "foot": {"stroke": GREY, "width": 3.0, "z": 1.4, "cap": "round"},
    "trunk": {"stroke": GREY, "width": 6.0, "z": 1.5, "cap": "round", "opacity": 0.55},
    "head": {"fill": palette.BODY["head_fill"], "stroke": GREY, "width": 1.0, "z": 1.5,
             "radius_m": round(HEAD_RADIUS_M, 5)},  # the model's head (was 0.1: 9% small)
    "arm": {"stroke": GREY, "width": 4.0, "z": 1.6, "cap": "round", "opacity": 0.6},
    "vertebra": {"fill": BONE_FILL, "stroke": BONE_EDGE, "width": 0.8, "z": 2.2},
    "tendon": {"stroke": palette.BODY["tendon"], "width": 1.6},
    "belly": {"stroke": palette.BODY["belly_edge"], "width": 0.6},
}

BONES = {
    # bone: (segment it moves with, drawing order, filled?)
    "hip_bone": ("pelvis", 1.1, True), "acetabulum": ("pelvis", 1.25, False),
    "femoral_head": ("femur", 1.2, True), "femur": ("femur", 1.3, True),
    "tibia": ("tibia", 1.3, True), "fibula": ("tibia", 1.4, True),
}
"""The bone outlines the side view draws (from `anatomy.view.drawing.bone_outlines`)."""
BONE_STYLE = {"fill": BONE_FILL, "stroke": BONE_EDGE, "width": 1.1, "fill_opacity": 0.6}

MUSCLE_Z = {"semitendinosus": 0.8, "semimembranosus": 0.85, "biceps_femoris_short": 2.1,
            "biceps_femoris_long": 2.2}
"""Side view, painter's order: the medial heads (ST, SM) lie beyond the bones."""

ARCS = {
    # joint: arc radius (m), the word before its value. Each arc runs from the joint's
    # reference direction (where it was standing) to where it is now, the short way round.
    "pelvis": {"radius_m": 0.09, "word": "pelvis", "colour": palette.ANGLES["pelvis"]},
    "hip": {"radius_m": 0.15, "word": "hip", "colour": palette.ANGLES["hip"]},
    "knee": {"radius_m": 0.10, "word": "knee", "colour": palette.ANGLES["knee"]},
    "trunk": {"radius_m": 0.16, "word": "trunk", "colour": palette.ANGLES["trunk"]},
}
"""The joint-angle arcs of the side view (the trunk's only in the upright tasks)."""
ARC_STYLE = {
    "width": 1.6, "z": 5.5,                       # the arc
    "ref_width": 1.0, "ref_dash": [3.0, 2.0],     # the reference line, dashed (in widths)
    "ref_z": 5.4, "ref_length": 1.25,             # ... as long as this many radii
    "label_step": 1.9,                            # label at the arc's middle, radii out
    "samples": 20,                                # points along an arc
    "text_z": 6.0,
}
LUMBAR_LABEL = {"word": "lumbar", "colour": palette.ANGLES["lumbar"]}
"""The lumbar flexion, written beside the lumbar spine (no arc)."""

COMPARISON = {
    # the second person: outlines only, dashed, semi-transparent, named above the head
    "stroke": palette.BODY["comparison"], "opacity": 0.55, "z": 3.0, "dash": [4.0, 2.0],
    "widths": {"bone": 1.2, "trunk": 3.0, "arm": 2.0, "other_leg": 2.0, "foot": 2.0,
               "spine": 1.5, "belly": 1.0, "head": 1.2},
    "tag_colour": palette.TEXT["secondary"], "tag_box_opacity": 0.85,
    "tag_above_head": 1.2,  # the tag's bottom, in head radii above the head's centre
}
"""How the comparison person is drawn (bellies solid, everything else dashed)."""

NERVE = {
    # the sciatic-tibial nerve (nerve panels only; `anatomy.view.nerve_art`): one line on its
    # own ramp of lightness, over a dark edge, labelled below (lying: above) the thigh
    "name": "sciatic and tibial nerve",
    "ramp": [[a, c] for a, c in palette.NERVE_RAMP], "lut": STRAIN_LUT_SIZE, "top": 1.0,
    "width": 2.2, "edge": palette.NERVE_EDGE, "edge_extra": 1.6, "z": 6.0,
    "label_at": 0.5,  # the arrow points at this fraction of the course (its points)
    "label_offset_pt": {"upright": [-60.0, -55.0], "lying": [-80.0, 54.0]},
    "label_box_opacity": 0.9, "arrow_width": 1.0, "font_scale": 0.833,  # "small"
    "scale_ticks": ["nerve slack", "at threshold"], "scale_tick_scale": 0.8,
}
"""How the nerve is drawn: colours, widths (points), the label's offset (points)."""

TEXT = {
    "side_title": "",  # the figure's title names the task; the side view has no caption
    "directions": "\u2190 posterior      anterior \u2192",
    "group_tag": "hamstrings",
    "angle": "{word} {value}",  # an arc's label ({value}: the readout's text, with unit)
    "comparison_tag": "dashed: {label}",
    "legend_title": ("colour and %: how far each head has gone\nfrom its standing length (0%)"
                     "\nto its length at the end of this\nperson's SLR (100%)"),
    "legend_ticks": ["shorter", "0%", "100%"],
    "comparison_columns": ["solid", "dashed: {label}"]}  # the static panel's table heads
"""The words drawn on the picture, and the static panel's comparison table heads."""
LEGEND_TICKS = (STRAIN_RANGE_LO, 0.0, 1.0)
"""Where the legend's three words sit on the 'range used' axis."""
TEXT_COLOUR = palette.TEXT["main"]
MUTED_TEXT_COLOUR = palette.TEXT["muted"]  # the direction words, the group tag's leader
FONT_PT = 9.0


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def strain_rgb(range_used: float) -> tuple[int, int, int]:
    """The ramp's colour for ``range_used`` as 0-255 RGB, computed as matplotlib does.

    (`LinearSegmentedColormap.from_list`: linear RGB between the stops, sampled into a
    256-entry table, the entry chosen by truncation.)
    """
    x = min(max((float(range_used) - STRAIN_RANGE_LO) / (1 - STRAIN_RANGE_LO), 0.0), 1.0)
    return _lut_rgb(STRAIN_STOPS, STRAIN_LUT_SIZE, x)


def nerve_rgb(load: float) -> tuple[int, int, int]:
    """The nerve's colour at ``load`` (share of its threshold) as 0-255 RGB, as matplotlib
    computes it from `NERVE` (the same look-up table as `strain_rgb`)."""
    x = min(max(float(load), 0.0), NERVE["top"]) / NERVE["top"]
    return _lut_rgb(NERVE["ramp"], NERVE["lut"], x)


def _lut_rgb(stops, n, x):
    """The colour at ``x`` (0-1) of an ``n``-entry table sampled from ``stops``, as 0-255 RGB."""
    i = min(int(x * n), n - 1)
    t = i / (n - 1)
    for (a, ca), (b, cb) in zip(stops[:-1], stops[1:]):
        if t <= b:
            f = 0.0 if b == a else (t - a) / (b - a)
            return tuple(int(round(((1 - f) * u + f * v) / 255.0 * 255.0))
                         for u, v in zip(_hex(ca), _hex(cb)))
    return _hex(stops[-1][1])  # pragma: no cover - t <= 1 always


SPEC = {
    "strain": {"stops": [[a, c] for a, c in STRAIN_STOPS], "lo": STRAIN_RANGE_LO,
               "lut": STRAIN_LUT_SIZE, "legend_ticks": list(LEGEND_TICKS)},
    "belly": {"span": {h: list(v) for h, v in BELLY_SPAN.items()},
              "half_width_m": {h: 0.5 * BELLY_WIDTH_PER_SQRT_CM2 * FACTS[h].pcsa_cm2 ** 0.5
                               for h in HAMSTRING_HEADS},
              "samples": BELLY_SAMPLES},
    "side": SIDE,
    "bones": {k: {"segment": s, "z": z, "filled": f} for k, (s, z, f) in BONES.items()},
    "bone_style": BONE_STYLE,
    "muscle_z": MUSCLE_Z,
    "heads": {h: {"abbreviation": FACTS[h].abbreviation, "label": FACTS[h].label}
              for h in HAMSTRING_HEADS},
    "arcs": ARCS,
    "arc_style": ARC_STYLE,
    "lumbar_label": LUMBAR_LABEL,
    "comparison": COMPARISON,
    "nerve": NERVE,
    "text": TEXT,
    "text_colour": TEXT_COLOUR,
    "muted_text_colour": MUTED_TEXT_COLOUR,
    "font_pt": FONT_PT,
}
"""Everything above as one JSON-ready dict (what the browser renderer reads)."""


def as_json() -> str:
    """`SPEC` as compact JSON, for the static site's pages."""
    return json.dumps(SPEC, separators=(",", ":"), sort_keys=True)


__all__ = ["SPEC", "as_json", "strain_rgb", "STRAIN_STOPS", "STRAIN_RANGE_LO", "BELLY_SPAN",
           "BELLY_WIDTH_PER_SQRT_CM2", "SIDE", "BONES", "TEXT", "MUSCLE_Z", "ARCS", "ARC_STYLE",
           "LUMBAR_LABEL", "COMPARISON", "NERVE", "nerve_rgb"]
