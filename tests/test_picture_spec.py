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
from anatomy.view import scene as kernel
from anatomy.view.picture_spec import SPEC, as_json, strain_rgb

ROOT = Path(__file__).resolve().parents[1]


def _side_axes(scene):
    return scene.views["side"].ax


def _spec_colours():
    out = {SPEC["bone_style"]["fill"], SPEC["bone_style"]["stroke"]}
    for style in SPEC["side"].values():
        out |= {style[k] for k in ("fill", "stroke") if k in style}
    out |= {a["colour"] for a in SPEC["arcs"].values()}
    out.add(SPEC["comparison"]["stroke"])
    return {c.lower() for c in out}


def test_kernel_side_view_uses_the_spec_colours_and_words(closing):
    posture = anatomy.forward_bend(100.0, slr_deg=55.0)
    other = anatomy.forward_bend(100.0, slr_deg=95.0)
    scene = closing(kernel.Scene(posture))
    scene.update(posture, compare=other, compare_label="SLR 95°")
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
    spec = _spec_colours()
    assert used == spec, (f"in the scene only: {sorted(used - spec)}; "
                          f"in the spec only: {sorted(spec - used)}")
    assert len(bellies) >= len(anatomy.HAMSTRING_HEADS)
    faces = {tuple(round(255 * c) for c in b.get_facecolor()[:3]) for b in bellies}
    want = {strain_rgb(posture.hamstring_range_used[h]) for h in anatomy.HAMSTRING_HEADS}
    assert all(min(max(abs(a - b) for a, b in zip(f, w)) for f in faces) <= 1 for w in want)
    words = {t.get_text() for t in ax.findobj(Text)}
    for key in ("group_tag", "directions"):
        assert SPEC["text"][key] in words, key
    assert SPEC["text"]["comparison_tag"].format(label="SLR 95°") in words
    for circle in (scene.side.head, scene.side.ghost["head"]):  # the static heads' size
        assert abs(circle.get_radius() - SPEC["side"]["head"]["radius_m"]) < 1e-5
    for key in ("hip", "knee", "pelvis"):
        assert any(w.startswith(SPEC["arcs"][key]["word"] + " ") for w in words), key


def test_kernel_arcs_and_comparison_are_drawn_as_the_spec_says(closing):
    """Radii, widths, dashes, colours, order and words of the arcs and of the second person
    are the spec's (non-presenter scene: line widths in points are the spec's numbers)."""
    from anatomy.model.body import posture_points

    posture = anatomy.forward_bend(60.0, slr_deg=55.0)
    scene = closing(kernel.Scene(posture))
    scene.update(posture, compare=anatomy.forward_bend(60.0, slr_deg=95.0),
                 compare_label="SLR 95°")
    side, st = scene.side, SPEC["arc_style"]
    marks = kernel.angle_marks(posture_points(posture), posture, upright_task=True)
    assert set(marks) == {"pelvis", "hip", "knee", "trunk", "lumbar"}
    for key, arc in SPEC["arcs"].items():
        line, ref, text = side.arcs[key], side.refs[key], side.angle_text[key]
        xy = np.column_stack([line.get_xdata(), line.get_ydata()])
        assert len(xy) == st["samples"], key
        centre = marks[key]["centre"]
        assert np.allclose(np.linalg.norm(xy - centre, axis=1), arc["radius_m"]), key
        rxy = np.column_stack([ref.get_xdata(), ref.get_ydata()])
        assert np.isclose(np.linalg.norm(rxy[1] - rxy[0]), arc["radius_m"] * st["ref_length"])
        assert to_hex(line.get_color()) == arc["colour"].lower() == to_hex(text.get_color())
        assert line.get_linewidth() == st["width"] and ref.get_linewidth() == st["ref_width"]
        assert ref.get_linestyle() == "--" and line.get_zorder() == st["z"]
        assert ref.get_zorder() == st["ref_z"] and text.get_zorder() == st["text_z"]
        assert text.get_text() == marks[key]["text"]
        value = kernel.QUANTITIES[{"pelvis": "pelvic_tilt_deg", "hip": "hip_flexion_deg",
                                   "knee": "knee_flexion_deg",
                                   "trunk": "trunk_flexion_deg"}[key]].text(posture)
        assert text.get_text() == SPEC["text"]["angle"].format(word=arc["word"], value=value)
    lumbar = side.angle_text["lumbar"]
    assert to_hex(lumbar.get_color()) == SPEC["lumbar_label"]["colour"].lower()
    assert lumbar.get_text().startswith(SPEC["lumbar_label"]["word"] + " ")
    c = SPEC["comparison"]
    for name, artist in side.ghost.items():
        width = c["widths"]["belly" if name.startswith("belly:") else
                            name if name in c["widths"] else "bone"]
        assert artist.get_linewidth() == width, name
        assert artist.get_alpha() == c["opacity"] and artist.get_zorder() == c["z"], name
        assert to_hex(artist.get_edgecolor() if isinstance(artist, Circle)
                      else artist.get_color()) == c["stroke"].lower(), name
        assert (artist.get_linestyle() in ("-", "solid")) == name.startswith("belly:"), name
    assert to_hex(side.ghost_tag.get_color()) == c["tag_colour"].lower()


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


def test_kernel_nerve_is_drawn_as_the_spec_says(closing):
    """The nerve panels' line, edge, label and scale words are the spec's; its ramp, as
    the browser computes it (`nerve_rgb`), is matplotlib's."""
    from matplotlib.colors import to_rgba

    from anatomy.ui import controls
    from anatomy.view.nerve_art import nerve_colour
    from anatomy.view.picture_spec import nerve_rgb

    for load in np.linspace(-0.5, 1.5, 81):
        mpl = tuple(round(255 * c) for c in nerve_colour(load)[:3])
        assert max(abs(a - b) for a, b in zip(mpl, nerve_rgb(load))) <= 1, load
    panel = closing(controls.task_explorer("straight_leg_raise", value=110, nerve=True))
    art, n = panel.scene.side.nerve, SPEC["nerve"]
    assert art.line.get_linewidth() == n["width"] and art.line.get_zorder() == n["z"]
    assert art.line.get_label() == n["name"]
    edge = art.line.get_path_effects()[0]
    assert to_rgba(edge._gc["foreground"]) == to_rgba(n["edge"])
    assert edge._gc["linewidth"] == n["width"] + n["edge_extra"]
    assert [t.get_text() for t in art.scale.get_xticklabels()] == n["scale_ticks"]
    lying = abs(panel.posture.frame_angle_deg) > 45.0
    assert tuple(art.label.xyann) == tuple(n["label_offset_pt"]["lying" if lying else "upright"])
