"""Every colour the pictures use, written once, as plain data (no matplotlib).

Plain strings and tuples only, so the static site's renderer can read the same colours as
JSON (`as_json`). Every view module (scene, leg art, figures) takes its colours from here.

* `OKABE_ITO`: the colour-blind-safe set of Okabe & Ito (2008, "Color Universal Design").
* `STRAIN_RAMP`: the one ramp that means strain (how much of its range a hamstring head has
  used): calm → stretched → at its limit. No other meaning is given to a colour on that ramp
  in the interactive scene; the heads are told apart by name, position and outline.
* `HEAD_COLOURS`: identity colours of the heads for static figures that show no strain
  (line charts, the labelled atlas of notebook 01), always with a name or a line style too.

Examples
--------
>>> from anatomy.view import palette
>>> palette.OKABE_ITO["blue"]
'#0072B2'
>>> palette.STRAIN_RAMP[0], palette.STRAIN_RAMP[-1]
((0.0, '#56B4E9'), (1.0, '#D55E00'))
>>> import json; sorted(json.loads(palette.as_json()))[:3]
['ANGLES', 'BODY', 'BONE']
"""
from __future__ import annotations

import json
from types import MappingProxyType

OKABE_ITO = MappingProxyType({
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
})
"""The Okabe-Ito colour-blind-safe palette (Okabe & Ito 2008)."""

STRAIN_RAMP = ((0.0, OKABE_ITO["sky_blue"]), (0.33, "#CFE6F2"), (0.62, "#F3E3C3"),
               (0.9, OKABE_ITO["orange"]), (1.0, OKABE_ITO["vermillion"]))
"""The strain ramp as (position 0-1, colour) stops: slack → standing → tension → limit."""
STRAIN_RANGE = (-0.5, 1.0)
"""The 'range used' mapped onto the ramp: -0.5 (slack) at its start, 1 (the limit) at its end."""

HEAD_COLOURS = MappingProxyType({
    "semitendinosus": OKABE_ITO["reddish_purple"],
    "semimembranosus": OKABE_ITO["blue"],
    "biceps_femoris_long": OKABE_ITO["vermillion"],
    "biceps_femoris_short": OKABE_ITO["orange"],
})
"""Identity colours of the heads, for static figures that do not show strain."""

SERIES = (OKABE_ITO["blue"], OKABE_ITO["vermillion"], OKABE_ITO["bluish_green"],
          OKABE_ITO["reddish_purple"], OKABE_ITO["orange"])
"""Line colours for series in charts, in order (each series also has its own line style)."""

BONE = MappingProxyType({
    "fill": "#F1E9D8", "edge": "#4A4A4A", "context_fill": "#F7F4EE", "context_edge": "#A0A0A0",
    "sacrum_fill": "#EFE4CC",
})
"""Bone fills and edges (context bones: drawn only for orientation)."""

BODY = MappingProxyType({
    "segment": "#7A7A7A", "head_fill": "#EDEDED", "other_leg": "#BBBBBB", "support": "#3A3A3A",
    "support_fill": "#D9D4CA", "tendon": "#6E6E6E", "belly_edge": "#333333",
    "comparison": "#555555",
})
"""The body outside the bones: trunk, head, limbs, the support, tendons, the comparison person."""

TEXT = MappingProxyType({
    "main": "#1A1A1A", "secondary": "#444444", "muted": "#555555", "faint": "#6E6E6E",
    "grid": "#DDDDDD", "axis": "#888888", "warning": "#B34700", "box": "#FFFFFF",
})
"""Text, grid and axis greys; ``warning`` is the honest-state message (dark orange text)."""

ANGLES = MappingProxyType({
    "pelvis": OKABE_ITO["bluish_green"], "hip": OKABE_ITO["black"],
    "knee": OKABE_ITO["black"], "lumbar": OKABE_ITO["reddish_purple"],
    "trunk": OKABE_ITO["black"],
    "endplate": OKABE_ITO["black"], "pt": "#007A58", "ss": "#005A8C", "pi": "#A0507E",
})
"""Angle arcs and radiographic lines (each also named in text beside it)."""

SHADES = ("#EAF3FA", "#FFFFFF", "#FDF0E1")
"""Light background bands (low, middle, high) behind charts."""
TENSION_BAND = "#FBE3D6"
"""Background of the 'tension' zone (85-100% of the range) in charts."""
NERVE_RAMP = ((0.0, OKABE_ITO["yellow"]), (0.6, "#8C7E00"), (1.0, OKABE_ITO["black"]))
"""The sciatic nerve's own ramp (`anatomy.view.nerve_art`): its bed's elongation as a share
of the symptom threshold, slack (yellow) darkening to black at the threshold. A ramp of
lightness, never the strain ramp's colours."""
NERVE_EDGE = "#222222"
"""The dark edge round the nerve's line (the yellow end reads on white) and its label's arrow."""


def as_json() -> str:
    """Every colour of this module as one JSON object (for the static site's renderer)."""
    names = ("OKABE_ITO", "STRAIN_RAMP", "STRAIN_RANGE", "HEAD_COLOURS", "SERIES", "BONE",
             "BODY", "TEXT", "ANGLES", "SHADES", "TENSION_BAND", "NERVE_RAMP", "NERVE_EDGE")
    g = globals()
    return json.dumps({n: (dict(g[n]) if isinstance(g[n], MappingProxyType) else g[n])
                       for n in names}, indent=1, sort_keys=True)


__all__ = ["OKABE_ITO", "STRAIN_RAMP", "STRAIN_RANGE", "HEAD_COLOURS", "SERIES", "BONE",
           "BODY", "TEXT", "ANGLES", "SHADES", "TENSION_BAND", "NERVE_RAMP", "NERVE_EDGE",
           "as_json"]
