"""One description of the picture: the kernel scene draws what `picture_spec` says.

The browser side (tools/site_assets/panel.js) is checked against the same spec in
tests/browser/test_site.py; together they fail when the two pictures drift apart.
"""
import re
from pathlib import Path

import numpy as np
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Polygon
from matplotlib.text import Text

import anatomy
from anatomy.view import picture_spec
from anatomy.view import scene as kernel
from anatomy.view.picture_spec import SPEC, as_json, strain_rgb

ROOT = Path(__file__).resolve().parents[1]


def _side_axes(scene):
    return scene.views["side"].ax


def _spec_colours():
    out = {SPEC["bone_style"]["fill"], SPEC["bone_style"]["stroke"]}
    for style in SPEC["side"].values():
        out |= {style[k] for k in ("fill", "stroke") if k in style}
    return {c.lower() for c in out}


def _scene_only_colours():
    """What only the kernel scene draws so far (arcs, comparison person): listed in the spec,
    not all of them in every pose."""
    out = set(picture_spec.SCENE_ONLY["angle_arcs"].values())
    out.add(picture_spec.SCENE_ONLY["comparison"])
    return {c.lower() for c in out}


def test_kernel_side_view_uses_the_spec_colours_and_words(closing):
    scene = closing(kernel.Scene(anatomy.forward_bend(100.0, slr_deg=55.0)))
    ax = _side_axes(scene)
    used, bellies = set(), []
    axis_parts = {id(a) for part in (ax.xaxis, ax.yaxis, *ax.spines.values())
                  for a in part.findobj()}
    for a in ax.findobj(lambda a: id(a) not in axis_parts):
        if isinstance(a, Line2D) and a.axes is ax and len(a.get_xdata()):
            used.add(to_hex(a.get_color()))
        elif isinstance(a, (Polygon, Circle)):
            edge = to_hex(a.get_edgecolor())
            if edge == SPEC["side"]["belly"]["stroke"].lower():
                bellies.append(a)  # its face is a strain colour
            elif a.get_facecolor()[3] > 0:
                used.add(to_hex(a.get_facecolor()))
            if a.get_linewidth() > 0 and a.get_edgecolor()[3] > 0:
                used.add(edge)
    spec, extra = _spec_colours(), _scene_only_colours()
    assert used <= spec | extra and spec <= used, (
        f"in the scene only: {sorted(used - spec - extra)}; "
        f"in the spec only: {sorted(spec - used)}")
    posture = scene.posture
    assert len(bellies) >= len(anatomy.HAMSTRING_HEADS)
    faces = {tuple(round(255 * c) for c in b.get_facecolor()[:3]) for b in bellies}
    want = {strain_rgb(posture.hamstring_range_used[h]) for h in anatomy.HAMSTRING_HEADS}
    assert all(min(max(abs(a - b) for a, b in zip(f, w)) for f in faces) <= 1 for w in want)
    words = {t.get_text() for t in ax.findobj(Text)}
    for key in ("group_tag", "directions"):
        assert SPEC["text"][key] in words, key
    assert any(w.startswith(SPEC["text"]["hip"].split("{")[0]) for w in words)


def test_colour_scale_words_are_the_scenes(closing):
    scene = closing(kernel.Scene(anatomy.standing()))
    every = [a for ax in scene.figure.axes for a in (ax, *ax.child_axes)]
    scales = [ax for ax in every if SPEC["text"]["legend_title"] in
              (ax.get_title(loc="left"), ax.get_title())]
    assert len(scales) == 1, "the scene's colour scale carries the spec's title"
    ax = scales[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == SPEC["text"]["legend_ticks"]
    assert list(ax.get_xticks()) == SPEC["strain"]["legend_ticks"]


def test_spec_ramp_is_the_scenes_ramp():
    for u in np.linspace(-1.0, 1.5, 101):
        mpl = tuple(round(255 * c) for c in kernel.strain_colour(u)[:3])
        assert max(abs(a - b) for a, b in zip(mpl, strain_rgb(u))) <= 1, u
    for head, span in SPEC["belly"]["span"].items():
        assert tuple(span) == tuple(kernel.BELLY_SPAN[head])


def test_js_renderer_has_no_palette_or_words_of_its_own():
    js = (ROOT / "tools" / "site_assets" / "panel.js").read_text()
    assert not re.findall(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b(?![\w-])", js.replace(
        "#\" + this.root.id", "")), "colours belong in anatomy/view/picture_spec.py"
    for word in ("hamstrings", "posterior", "From the side", "range used (end"):
        assert word not in js, f"{word!r}: words on the picture belong in the spec"
    assert '"side_title"' in as_json()
