"""The interactive picture (`anatomy.scene.Scene`): built once, then only moved.

What is checked here, without a browser (Agg, set by conftest.py):

* no figure piles up (updates, and re-building a scene under the same name);
* `Scene.update` never clears, re-lays out or autoscales, and never makes new artists;
* the drawn data move the right way (trunk, belly colours, the raised leg);
* readouts, exports (PNG at 200 dpi, SVG) carry the posture's numbers;
* the blitting path (cached background, deterministic frames, same picture as a full draw);
* presenter mode text sizes.
"""
import io
import itertools
import re

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib import _pylab_helpers
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

import anatomy
from anatomy.model.body import posture_points
from anatomy.ui.presenter import present
from anatomy.view.scene import Scene, readout_columns, readout_text, strain_colour
from anatomy.view.style import presenter_mode

PRESENTER_MIN_PT = 18.0


# ------------------------------------------------------------------------------------------
# fixtures and helpers
# ------------------------------------------------------------------------------------------
@pytest.fixture
def make_scene(closing):
    """Build scenes under unique names and close them all afterwards."""
    count = iter(range(10**6))

    def make(*args, **kwargs):
        kwargs.setdefault("name", f"test-scene-{next(count)}")
        return closing(Scene(*args, **kwargs))

    return make


@pytest.fixture
def presenting():
    """Presenter mode on for one test, always switched off again."""
    present(True)
    try:
        yield
    finally:
        present(False)


def _open_figures():
    return [m.canvas.figure for m in _pylab_helpers.Gcf.get_all_fig_managers()]


def _all_axes(fig):
    """Every axes of the figure, inset axes (the colour scale) included."""
    out = []

    def walk(ax):
        out.append(ax)
        for child in ax.child_axes:
            walk(child)

    for ax in fig.axes:
        walk(ax)
    return out


def _degrees(text, prefix):
    """The whole number of degrees on the readout line that starts with ``prefix``."""
    line = next(l for l in text.splitlines() if l.lstrip().startswith(prefix))
    return int(re.findall(r"([-+]?\d+)°", line)[-1])


def _buffer(scene):
    return np.asarray(scene.figure.canvas.buffer_rgba()).copy()


def _region(scene, ax, image):
    """Pixels of ``image`` (rows top-down, as buffer_rgba) inside ``ax``'s box."""
    height = image.shape[0]
    x0, y0, x1, y1 = ax.get_window_extent().extents
    return image[int(height - y1):int(height - y0), int(x0):int(x1)]


def _drawn_texts(fig, monkeypatch):
    """(artist, text, size in points, box in pixels) of every Text actually drawn when the
    figure is saved at its own dpi (axes that are switched off draw no tick labels). The box
    is the text's own (an annotation's arrow is left out)."""
    from anatomy.view.sprite_text import SpriteText

    drawn = []
    originals = {Text: Text.draw, SpriteText: SpriteText.draw}

    def recorder(cls):
        def recording(self, renderer):
            # a sprite label is recorded once, by its own draw (its cached pixels may be
            # rendered through Text.draw on a small canvas of its own)
            if (cls is SpriteText or type(self) is not SpriteText) and self.get_visible() \
                    and self.get_text().strip():
                drawn.append((self, self.get_text(), self.get_fontsize(),
                              Text.get_window_extent(self, renderer)))
            return originals[cls](self, renderer)
        return recording

    for cls in originals:
        monkeypatch.setattr(cls, "draw", recorder(cls))
    fig.savefig(io.BytesIO(), format="png", dpi=fig.dpi)
    for cls, draw in originals.items():
        monkeypatch.setattr(cls, "draw", draw)
    return drawn


def _outside(fig, drawn, slack_px=1.0):
    """Drawn texts that run off the figure's edge (cut off in the picture)."""
    w, h = fig.bbox.width, fig.bbox.height
    return sorted({(text[:24], tuple(round(v) for v in box.extents))
                   for _, text, _, box in drawn
                   if box.x0 < -slack_px or box.y0 < -slack_px or box.x1 > w + slack_px
                   or box.y1 > h + slack_px})


# ------------------------------------------------------------------------------------------
# no figures pile up
# ------------------------------------------------------------------------------------------
def test_many_updates_keep_the_number_of_figures(make_scene):
    scene = make_scene(anatomy.forward_bend(0.0))
    before = plt.get_fignums()
    for trunk in np.linspace(0.0, 150.0, 16):  # runs past the reachable end (a restage)
        scene.update(anatomy.forward_bend(float(trunk)))
    assert plt.get_fignums() == before
    assert _open_figures().count(scene.figure) == 1


def test_a_scene_with_the_same_name_replaces_the_old_one(make_scene):
    first = make_scene(anatomy.standing(), name="test-same-name")
    count = len(plt.get_fignums())
    scenes = [first]
    for _ in range(2):  # re-running a notebook cell
        scenes.append(make_scene(anatomy.standing(), name="test-same-name"))
        assert len(plt.get_fignums()) == count
    open_now = _open_figures()
    assert scenes[-1].figure in open_now
    assert not any(s.figure in open_now for s in scenes[:-1])


def test_close_frees_the_figure(make_scene):
    scene = make_scene(anatomy.standing())
    count = len(plt.get_fignums())
    scene.close()
    assert len(plt.get_fignums()) == count - 1
    assert scene.figure not in _open_figures()


# ------------------------------------------------------------------------------------------
# update only moves artists
# ------------------------------------------------------------------------------------------
_FORBIDDEN = [
    (Figure, "clear"), (Figure, "clf"), (Figure, "tight_layout"), (Figure, "add_subplot"),
    (Figure, "add_axes"), (Figure, "text"), (Figure, "colorbar"),
    (Axes, "clear"), (Axes, "cla"), (Axes, "relim"), (Axes, "autoscale_view"),
    (Axes, "autoscale"), (Axes, "plot"), (Axes, "text"), (Axes, "annotate"),
    (Axes, "add_patch"), (Axes, "add_line"), (Axes, "add_artist"), (Axes, "add_collection"),
    (Axes, "imshow"), (Axes, "inset_axes"),
]


def _forbid(monkeypatch):
    for cls, name in _FORBIDDEN:
        def refuse(*args, _name=f"{cls.__name__}.{name}", **kwargs):
            raise AssertionError(f"Scene.update called {_name}")
        monkeypatch.setattr(cls, name, refuse)

    def no_figure(*args, **kwargs):
        raise AssertionError("update made a figure")
    monkeypatch.setattr(plt, "figure", no_figure)


def _snapshot(scene):
    fig = scene.figure
    return {
        "children": [len(ax.get_children()) for ax in _all_axes(fig)],
        "figure_children": len(fig.get_children()),
        "artists": len(fig.findobj()),
        "limits": [(ax.get_xlim(), ax.get_ylim()) for ax in _all_axes(fig)],
        "positions": [tuple(ax.get_position().bounds) for ax in _all_axes(fig)],
    }


@pytest.mark.parametrize("task, values", [
    ("forward_bend", [10.0, 45.0, 90.0, 150.0, 30.0]),   # 150: beyond reach (restage)
    ("straight_leg_raise", [0.0, 40.0, 75.0, 120.0, 5.0]),
])
def test_update_never_clears_relayouts_autoscales_or_adds_artists(make_scene, monkeypatch,
                                                                  task, values):
    scene = make_scene(anatomy.sweep(task, [values[0]])[0])
    scene.figure.canvas.draw()  # ticks and layout made once, as when first shown
    before = _snapshot(scene)
    assert scene.figure.get_layout_engine() is None  # no layout pass on each draw
    _forbid(monkeypatch)
    for posture in anatomy.sweep(task, values):
        scene.update(posture)
    scene.figure.canvas.draw()  # a full redraw (resize, first show) adds nothing either
    monkeypatch.undo()
    after = _snapshot(scene)
    assert after["children"] == before["children"]
    assert after["figure_children"] == before["figure_children"]
    assert after["artists"] == before["artists"]
    for (x0, y0), (x1, y1) in zip(before["limits"], after["limits"]):
        np.testing.assert_array_equal(x0, x1)
        np.testing.assert_array_equal(y0, y1)
    assert after["positions"] == before["positions"]


def test_the_forbidden_list_does_catch_a_rebuild(make_scene, monkeypatch):
    """The guard above is live: building a scene (what update must never do) trips it."""
    make_scene(anatomy.standing())
    _forbid(monkeypatch)
    with pytest.raises(AssertionError, match="Scene.update called|update made a figure"):
        Scene(anatomy.standing(), name="test-forbidden")
    monkeypatch.undo()
    plt.close("test-forbidden")


# ------------------------------------------------------------------------------------------
# the drawn data move the right way
# ------------------------------------------------------------------------------------------
def test_forward_bend_moves_the_trunk_forward_and_down(make_scene):
    p20, p80 = anatomy.sweep("forward_bend", [20.0, 80.0])
    scene = make_scene(p20)
    x20, y20 = (np.asarray(v) for v in scene.side.trunk.get_data())
    scene.update(p80)
    x80, y80 = (np.asarray(v) for v in scene.side.trunk.get_data())
    # the far end of the trunk line is the shoulder: forward (anterior = +x) and down
    assert x80[-1] > x20[-1] + 0.1
    assert y80[-1] < y20[-1] - 0.1
    np.testing.assert_allclose([x80[-1], y80[-1]], posture_points(p80).shoulder[:2])


def test_belly_colour_moves_toward_the_limit_colour_as_the_muscle_stretches(make_scene):
    p20, p80 = anatomy.sweep("forward_bend", [20.0, 80.0])
    limit = np.array(strain_colour(1.0)[:3])
    scene = make_scene(p20)
    dist = {}
    for p in (p20, p80):
        scene.update(p)
        used = p.hamstring_range_used["semimembranosus"]
        for view in ("side", "back"):
            scene.show_secondary("back" if view == "back" else "pelvis")
            face = scene.views[view].bellies["semimembranosus"].get_facecolor()
            np.testing.assert_allclose(face, strain_colour(used), atol=1e-6)
        face = np.array(scene.side.bellies["semimembranosus"].get_facecolor()[:3])
        dist[p.trunk_flexion_deg] = np.linalg.norm(face - limit)
    assert p80.hamstring_range_used["semimembranosus"] > p20.hamstring_range_used[
        "semimembranosus"]
    assert dist[80.0] < dist[20.0] - 0.05


def test_the_colour_scale_runs_from_calm_to_limit():
    calm, stretched, limit = (np.array(strain_colour(u)[:3]) for u in (-0.5, 0.85, 1.0))
    assert np.linalg.norm(calm - limit) > 0.5
    assert strain_colour(5.0) == strain_colour(1.0)  # clipped, never out of the scale
    assert strain_colour(-9.0) == strain_colour(-0.5)
    assert np.linalg.norm(stretched - limit) < np.linalg.norm(calm - limit)


def test_straight_leg_raise_lifts_the_leg(make_scene):
    raises = [10.0, 40.0, 70.0]
    postures = anatomy.sweep("straight_leg_raise", raises, slr_deg=80.0)
    scene = make_scene(postures[0])
    knee_y, foot_y = [], []
    for p in postures:
        scene.update(p)
        x, y = scene.side.angle_text["knee"].get_position()
        knee = posture_points(p).landmarks["knee_joint_centre"][:2]
        assert np.hypot(x - knee[0], y - knee[1]) < 0.25  # the label sits by the knee
        knee_y.append(y)
        foot_y.append(np.max(scene.side.foot.get_data()[1]))
    assert np.all(np.diff(knee_y) > 0.05)
    assert np.all(np.diff(foot_y) > 0.05)


# ------------------------------------------------------------------------------------------
# readouts and exports
# ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("posture", [
    anatomy.forward_bend(60.0), anatomy.straight_leg_raise(50.0, slr_deg=65.0),
    anatomy.long_sitting(trunk_flexion_deg=20.0), anatomy.active_knee_extension(),
    anatomy.joint_pose(10.0, 30.0, 20.0)], ids=lambda p: p.task)
def test_readout_shows_the_postures_numbers(make_scene, posture):
    """Every angle line carries the readout table's short label and the rounded value."""
    from anatomy.model.readouts import QUANTITIES
    text = readout_text(posture)
    for key in ("trunk_flexion_deg", "pelvic_tilt_deg", "lumbar_lordosis_deg",
                "lumbar_flexion_deg", "hip_flexion_deg", "knee_flexion_deg"):
        q = QUANTITIES[key]
        assert _degrees(text, q.short) == round(q.value(posture)), key
    from anatomy.model.tasks import task_record
    # each readout the task's registry record lists: its label, then its value (a posture may
    # carry more readouts, e.g. the nerve bed in every task; the registry says what is shown)
    # the figure shows them in the registry's order while the right column is no taller than
    # the angles (the colour scale sits under both; the HTML table has them all)
    left, right = readout_columns(posture)
    assert len(right.splitlines()) <= len(left.splitlines())
    lines = [line.strip() for line in text.splitlines()]
    shown = [k for k in task_record(posture.task).readouts if QUANTITIES[k].short in lines]
    assert shown == list(task_record(posture.task).readouts[:len(shown)])
    assert shown or not task_record(posture.task).readouts, "the task's first readout is missing"
    for key in shown:
        q = QUANTITIES[key]
        assert lines[lines.index(q.short) + 1] == q.text(posture), key
    if "leg_raise_deg" in posture.readouts:
        assert f"{round(posture.readouts['leg_raise_deg'])}°" in text
    assert "-0°" not in text and "-0 " not in text
    scene = make_scene(posture, limits_from=[posture])
    assert scene.info.readout.get_text() + "\n" + scene.info.readout_right.get_text() == text


def test_a_scene_can_show_a_joint_pose(make_scene):
    scene = make_scene(anatomy.joint_pose(0.0, 60.0, 30.0))
    assert scene.posture.task == "joint_pose"


def test_png_is_at_least_200_dpi(make_scene):
    scene = make_scene(anatomy.forward_bend(40.0))
    image = Image.open(io.BytesIO(scene.png(dpi=200)))
    w_in, h_in = scene.figure.get_size_inches()
    assert image.width >= 200 * w_in - 1
    assert image.height >= 200 * h_in - 1
    assert image.info["dpi"][0] == pytest.approx(200, abs=0.5)
    # and the figure on screen is back at its own dpi
    assert scene.figure.dpi == 100


def test_png_draws_the_readout_even_when_it_is_hidden_on_screen(make_scene):
    scene = make_scene(anatomy.forward_bend(40.0), readout_in_figure=False)
    assert not scene.info.readout.get_visible()
    with_readout = np.asarray(Image.open(io.BytesIO(scene.png(dpi=200))).convert("RGB"))
    assert not scene.info.readout.get_visible()  # restored
    buf = io.BytesIO()
    scene.figure.savefig(buf, format="png", dpi=200)  # the figure as is: no readout
    without = np.asarray(Image.open(buf).convert("RGB"))
    assert with_readout.shape == without.shape
    # the readout sits in the upper part of the info panel
    h = with_readout.shape[0]
    x0, y0, x1, y1 = scene.info.ax.get_window_extent().extents * 2  # 100 → 200 dpi
    top = slice(int(h - y1), int(h - (y0 + 0.6 * (y1 - y0))))
    cols = slice(int(x0), int(x1))
    changed = np.any(with_readout[top, cols] != without[top, cols], axis=-1)
    assert changed.sum() > 2000  # several lines of text


def test_svg_export_carries_the_readout_text(make_scene, tmp_path):
    posture = anatomy.forward_bend(30.0)
    scene = make_scene(posture, readout_in_figure=False)
    out = scene.save(tmp_path / "bend.svg")
    svg = (tmp_path / "bend.svg").read_text(encoding="utf-8")
    assert out.endswith("bend.svg") and svg.lstrip().startswith("<?xml")
    line = next(s for s in readout_text(posture).splitlines() if s.startswith("lordosis"))
    assert line in svg
    assert not scene.info.readout.get_visible()
    # control: the figure saved as is (readout hidden) does not carry it
    bare = io.StringIO()
    scene.figure.savefig(bare, format="svg")
    assert line not in bare.getvalue()


# ------------------------------------------------------------------------------------------
# blitting
# ------------------------------------------------------------------------------------------
def test_blitting_updates_the_side_view_deterministically(make_scene):
    scene = make_scene(anatomy.forward_bend(20.0), readout_in_figure=False)
    assert scene.blit
    scene.figure.canvas.draw()
    assert scene._background is not None
    assert all(a.get_animated() for a in scene._animated)
    before = _buffer(scene)
    p = anatomy.forward_bend(70.0)
    scene.update(p)
    assert scene._background is not None  # no restage: same title and status
    once = _buffer(scene)
    changed = np.any(_region(scene, scene.side.ax, once) != _region(scene, scene.side.ax, before),
                     axis=-1)
    assert changed.sum() > 500
    scene.update(p)
    np.testing.assert_array_equal(_buffer(scene), once)
    # the static parts (the colour scale) are untouched by a blit
    np.testing.assert_array_equal(_region(scene, scene.info.scale, once),
                                  _region(scene, scene.info.scale, before))


def test_a_restage_redraws_the_background(make_scene):
    scene = make_scene(anatomy.forward_bend(20.0), readout_in_figure=False)
    scene.figure.canvas.draw()
    scene.update(anatomy.forward_bend(150.0))  # beyond reach: the status text appears
    assert scene.status.get_text().startswith("Stopped at")
    assert scene._background is not None  # Agg draws at once and keeps the new background
    scene.update(anatomy.forward_bend(20.0))
    assert scene.status.get_text() == ""


def test_saving_a_png_does_not_spoil_the_next_blit(make_scene):
    scene = make_scene(anatomy.forward_bend(20.0), readout_in_figure=False)
    scene.figure.canvas.draw()
    p = anatomy.forward_bend(50.0)
    scene.update(p)
    before = _buffer(scene)
    scene.png(dpi=200)
    scene.update(p)
    np.testing.assert_array_equal(_buffer(scene), before)


def _blit_and_full(scene, posture):
    scene.figure.canvas.draw()
    scene.update(posture)
    blitted = _buffer(scene)
    for artist in scene._animated:
        artist.set_animated(False)
    scene.blit = False
    scene.figure.canvas.draw()
    return blitted, _buffer(scene)


def test_a_blitted_frame_looks_like_a_full_draw(make_scene):
    scene = make_scene(anatomy.forward_bend(20.0), readout_in_figure=False)
    blitted, full = _blit_and_full(scene, anatomy.forward_bend(60.0))
    differ = np.abs(blitted.astype(int) - full.astype(int)).max(-1) > 30
    # a few pixels where moving leader lines meet static label boxes are expected
    assert differ.sum() < 300, f"{differ.sum()} pixels differ between blit and full draw"


# ------------------------------------------------------------------------------------------
# presenter mode
# ------------------------------------------------------------------------------------------
def test_presenter_mode_is_off_by_default_and_restored():
    assert presenter_mode() is False


def test_presenter_scene_is_larger(make_scene, presenting):
    scene = make_scene(anatomy.forward_bend(40.0))
    assert scene.presenter
    w, h = scene.figure.get_size_inches()
    normal = make_scene(anatomy.forward_bend(40.0), presenter=False)
    n_w, n_h = normal.figure.get_size_inches()
    assert w > 1.4 * n_w and h > 1.6 * n_h  # fills a projector, not a notebook column
    # a 1920x1080 screen less a 520-px column of controls beside the figure
    assert w / h == pytest.approx((1920 - 40 - 520) / (1080 - 70), rel=0.05)
    assert scene.info.title.get_fontsize() >= PRESENTER_MIN_PT
    assert scene.side.title.get_fontsize() >= PRESENTER_MIN_PT
    assert max(line.get_linewidth() for line in scene.side.art["muscles"].values()) > \
        max(line.get_linewidth() for line in normal.side.art["muscles"].values())


def test_presenter_colour_scale_labels_are_at_least_18pt(make_scene, presenting):
    scene = make_scene(anatomy.forward_bend(40.0))
    labels = [t for t in scene.info.scale.get_xticklabels() if t.get_text().strip()]
    assert labels
    sizes = {t.get_text(): t.get_fontsize() for t in labels}
    assert min(sizes.values()) >= PRESENTER_MIN_PT, sizes


def test_presenter_every_drawn_text_is_at_least_18pt(make_scene, presenting, monkeypatch):
    scene = make_scene(anatomy.forward_bend(140.0))  # status text shown too
    drawn = _drawn_texts(scene.figure, monkeypatch)
    assert len(drawn) > 12
    small = sorted({(text[:24], size) for _, text, size, _ in drawn
                    if size < PRESENTER_MIN_PT})
    assert not small, f"{len(small)} texts below {PRESENTER_MIN_PT} pt: {small}"


def test_drawn_text_recorder_sees_what_is_drawn(make_scene, monkeypatch):
    """The recorder in the presenter test counts drawn text only (axis-off ticks excluded)."""
    scene = make_scene(anatomy.forward_bend(40.0))
    texts = {t for _, t, _, _ in _drawn_texts(scene.figure, monkeypatch)}
    assert "Forward bend (toe touch)" in texts
    assert scene.info.readout.get_text() in texts and scene.info.readout_right.get_text() in texts
    assert "0.0" not in texts  # tick labels of the axes that are switched off


# ------------------------------------------------------------------------------------------
# nothing is cut off or piled up
# ------------------------------------------------------------------------------------------
_LAYOUT_POSTURES = [anatomy.forward_bend(140.0), anatomy.straight_leg_raise(50.0),
                    anatomy.long_sitting(trunk_flexion_deg=30.0)]


@pytest.mark.parametrize("posture", _LAYOUT_POSTURES, ids=lambda p: p.task)
def test_no_text_runs_off_the_figure(make_scene, monkeypatch, posture):
    scene = make_scene(posture)
    drawn = _drawn_texts(scene.figure, monkeypatch)
    assert len(drawn) > 12
    assert not _outside(scene.figure, drawn)


def test_presenter_no_text_runs_off_the_figure(make_scene, presenting, monkeypatch):
    scene = make_scene(anatomy.straight_leg_raise(50.0))
    drawn = _drawn_texts(scene.figure, monkeypatch)
    assert not _outside(scene.figure, drawn)


@pytest.mark.parametrize("posture", _LAYOUT_POSTURES, ids=lambda p: p.task)
def test_side_view_labels_do_not_pile_up(make_scene, monkeypatch, posture):
    scene = make_scene(posture)
    labels = {a for a in {scene.side.tag} | set(scene.side.angle_text.values())
              if a.get_visible()}
    boxes = {text: box for artist, text, _, box in _drawn_texts(scene.figure, monkeypatch)
             if artist in labels}
    assert len(boxes) == len(labels) >= 3
    piled = [(a, b) for (a, ba), (b, bb) in itertools.combinations(boxes.items(), 2)
             if ba.overlaps(bb)]
    assert not piled, piled


def test_layout_checks_see_a_text_off_the_edge(make_scene, monkeypatch):
    """The two checks above are live: a label moved off the figure is caught."""
    scene = make_scene(anatomy.straight_leg_raise(50.0))
    scene.info.ax.text(1.3, 0.5, "far away", transform=scene.info.ax.transAxes)
    outside = _outside(scene.figure, _drawn_texts(scene.figure, monkeypatch))
    assert any(text == "far away" for text, _ in outside)


@pytest.mark.parametrize("posture", [anatomy.standing(), anatomy.joint_pose(-0.2, -0.3, -0.2)],
                         ids=["standing", "joint_pose_small"])
def test_no_label_shows_minus_zero(make_scene, posture):
    scene = make_scene(posture)
    minus_zero = re.compile(r"(?<![\d.])-0(?![\d.])")
    shown = [t.get_text() for t in scene.figure.findobj(Text)
             if t.get_visible() and minus_zero.search(t.get_text())]
    assert not shown, shown


# ------------------------------------------------------------------------------------------
# frames as ipympl sends them (webagg core: the same frame logic ipympl inherits)
# ------------------------------------------------------------------------------------------
class _Browser:
    """Stands in for the page: records the image mode announced before each frame."""

    def __init__(self):
        self.mode = "full"  # webagg's starting mode; it announces changes only
        self.frames = []

    def send_json(self, content):
        if content["type"] == "image_mode":
            self.mode = content["mode"]

    def send_binary(self, blob):
        self.frames.append(self.mode)


def test_every_frame_sent_to_a_browser_is_whole(make_scene):
    """A lost 'diff' frame leaves stale pixels and a lost first frame a blank canvas (the
    browser drops a frame that a newer one replaces before it has loaded), so the scene
    sends whole frames only. Drives the webagg core canvas ipympl is built on."""
    from matplotlib.backends.backend_webagg_core import (FigureCanvasWebAggCore,
                                                         FigureManagerWebAgg)
    # (from 45° on, the close-up's static note stays in one corner: every move is a blit)
    scene = make_scene(anatomy.forward_bend(45.0, slr_deg=70.0))
    canvas = FigureCanvasWebAggCore(scene.figure)
    manager = FigureManagerWebAgg(canvas, 99)
    browser = _Browser()
    manager.web_sockets.add(browser)
    canvas.draw()  # the first frame: the browser asked for it ('refresh')
    assert scene._background is not None, "the first draw should cache the background"
    for trunk in (50.0, 55.0, 60.0, 61.0):
        scene.update(anatomy.forward_bend(trunk, slr_deg=70.0))
    assert len(browser.frames) >= 5, browser.frames
    assert set(browser.frames) == {"full"}, browser.frames
    # the probe can fail: without the scene's request, the same canvas sends diffs
    canvas.restore_region(scene._background)
    canvas.blit(scene.figure.bbox)
    assert browser.frames[-1] == "diff"


@pytest.mark.parametrize("close_up", ["pelvis", "back"])
def test_no_identity_colour_where_colour_means_strain(make_scene, close_up):
    """In the scene the bellies' colour means strain, so no line or label box uses a head's
    identity colour (SM's blue box beside a fully stretched SM read as 'slack'): heads are
    named by text and place."""
    import matplotlib.colors as mc

    from anatomy.view import palette
    identity = {mc.to_hex(c) for c in palette.HEAD_COLOURS.values()}
    scene = make_scene(anatomy.forward_bend(100.0, slr_deg=55.0))
    scene.show_secondary(close_up)
    used = []  # the boxed labels (their text and box) and the back view's leader lines; the
    # angle labels have colours of their own (palette.ANGLES), named in their text
    for artist in scene.figure.findobj(lambda a: a.get_visible()):
        if isinstance(artist, Text) and artist.get_text() and artist.get_bbox_patch():
            used.append((artist, artist.get_color()))
            used.append((artist, artist.get_bbox_patch().get_edgecolor()))
    used += [(line, line.get_color()) for line, _ in scene.back.leaders.values()
             if close_up == "back"]
    wrong = [(type(a).__name__, mc.to_hex(c)) for a, c in used if mc.to_hex(c) in identity]
    assert used and not wrong, wrong


def test_the_close_ups_fixed_words_are_drawn_once_not_per_move(make_scene):
    """Text is the costliest thing to redraw per move; the close-up's '(X-ray angles: upright
    only)' never changes, so it is part of the cached background, and the background is
    redrawn once when the note appears, disappears or changes corner."""
    scene = make_scene(anatomy.forward_bend(0.0, slr_deg=70.0))
    scene.figure.canvas.draw()
    full_draws = []
    scene.figure.canvas.mpl_connect("draw_event", lambda event: full_draws.append(1))
    note = scene.pelvis.note
    assert note not in scene._animated and not note.get_visible()  # upright: X-ray angles
    scene.update(anatomy.forward_bend(60.0, slr_deg=70.0))
    assert note.get_visible() and len(full_draws) == 1  # shown: one full redraw
    scene.update(anatomy.forward_bend(61.0, slr_deg=70.0))
    scene.update(anatomy.forward_bend(62.0, slr_deg=70.0))
    assert len(full_draws) == 1  # unchanged: the moves are blits
