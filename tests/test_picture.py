"""The picture as a student meets it (issue 11), without a browser (Agg).

* Every panel of every notebook, from its own starting state: each slider, each toggle and
  Play change the pixels of the figure, or the control is disabled and says why.
* Over the task registry: no drawn pose is past the model's limits, no head is shown above
  100%, and a "Stopped at" message appears exactly when the limit pose is drawn.
* Pictures of every panel (notebook and presenter sizes) are saved to test-artifacts/ to look
  at.
"""
import ast
import json
from pathlib import Path

import numpy as np
import pytest

import anatomy
import anatomy.ui.controls as controls
from anatomy.model.tasks import TASK_REGISTRY
from anatomy.ui.presenter import present
from anatomy.view.scene import Scene, status_text

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts" / "picture"


def _notebook_panels():
    """(notebook, source) of every panel-building call in the notebooks' code cells."""
    out = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"])
            try:
                tree = ast.parse(source)
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and isinstance(node.func.value, ast.Name)
                        and node.func.value.id == "controls"
                        and node.func.attr.endswith("_explorer")):
                    out.append((path.stem, ast.unparse(node)))
    return out


PANELS = _notebook_panels()


def test_the_notebooks_have_panels():
    """The driver below is live: it finds the panels the notebooks build."""
    assert len(PANELS) >= 7, PANELS
    assert {nb for nb, _ in PANELS} >= {"00_start_here", "02_two_joints_one_muscle",
                                        "03_pelvis_and_lumbar_curve"}


def _pixels(panel):
    canvas = panel.scene.figure.canvas
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


def _changed(a, b):
    return int(np.any(a != b, axis=-1).sum())


def _controls(panel):
    """Every control of a panel: (name, widget, the values to try)."""
    out = []
    for key, slider in panel.sliders.items():
        others = [v for v in (slider.min, slider.max) if v != slider.value]
        out.append((key, slider, others))
    if panel.compare is not None:
        out.append(("compare", panel.compare,
                    [v for _, v in panel.compare.options if v is not None]))
    out.append(("close-up", panel.secondary,
                [v for _, v in panel.secondary.options if v != panel.secondary.value]))
    return out


@pytest.mark.parametrize("notebook, call", PANELS, ids=[f"{n}:{c[:40]}" for n, c in PANELS])
def test_every_control_changes_the_picture_or_says_why_not(closing, notebook, call):
    panel = closing(eval(call, {"controls": controls}))
    start = {k: s.value for k, s in panel.sliders.items()}
    for name, widget, values in _controls(panel):
        if widget.disabled:
            assert widget.tooltip or widget.description, f"{notebook}: {name} disabled, no reason"
            continue
        before = _pixels(panel)
        original = widget.value
        for value in values:
            widget.value = value
            after = _pixels(panel)
            assert _changed(before, after) > 50, \
                f"{notebook} {call}: moving {name} to {value} left the picture as it was"
        widget.value = original
        panel.reset()
    assert {k: s.value for k, s in panel.sliders.items()} == start
    # Play, pressed from the starting state, changes the picture and ends at the end
    before = _pixels(panel)
    frames = []
    for i in range(panel.play.max + 1):  # what Play's ticks do
        panel.play.value = i
        if i in (panel.play.max // 2, panel.play.max):
            frames.append(_pixels(panel))
    assert _changed(before, frames[0]) > 50 or _changed(before, frames[1]) > 50, \
        f"{notebook} {call}: Play left the picture as it was"
    key = panel.play_key
    assert panel.sliders[key].value == panel._play_value(panel.play.max)


@pytest.mark.parametrize("task", [t for t, r in TASK_REGISTRY.items() if r.slider])
def test_no_drawn_pose_is_past_the_limits_and_stopped_means_the_limit_is_drawn(task):
    """Past its limit a target draws the model's furthest pose (the same one, whatever the
    target), and the message says where it stopped; within reach, no message."""
    from anatomy.model.readouts import QUANTITIES
    spec = TASK_REGISTRY[task].slider
    q = QUANTITIES[spec.name]
    values = np.arange(spec.offered_range_deg[0], spec.offered_range_deg[1] + 1e-9, 2.5)
    stopped = 0
    for slr in (40.0, 55.0, 80.0, 100.0):
        ends = set()
        for value, p in zip(values, anatomy.sweep(task, values, slr_deg=slr)):
            message = status_text(p, value)
            if p.reachable:
                assert message == ""
                continue
            stopped += 1
            if TASK_REGISTRY[task].past_the_end == "hold":
                # a posture people hold (long sitting): drawn as asked, never called stopped
                assert q.value(p) == pytest.approx(value) and "Stopped" not in message
                assert message.startswith("Past the hamstrings' limit") and \
                    f"tolerates {p.tolerance_nm:.0f} N·m" in message, message
                continue
            assert message.startswith(f"Stopped at {q.text(p)} of ") and "limit" \
                in message, message
            ends.add(round(q.value(p), 6))
        assert len(ends) <= 1, (task, slr, ends)  # one limit pose drawn, whatever the target
    assert stopped > 0, f"{task}: no target beyond reach was tried"


def test_the_joint_explorer_never_draws_a_pose_past_the_limit(closing):
    panel = closing(controls.joint_explorer(slr_deg=55.0))
    for hip in (40.0, 80.0, 120.0):
        for knee in (0.0, 40.0):
            panel.sliders["knee_flexion_deg"].value = knee
            panel.sliders["hip_flexion_deg"].value = hip
            p = panel.posture
            assert p.reachable  # the model's word on its limits
            status = panel.scene.status.get_text()
            assert bool(status) == (p.hip_flexion_deg < hip - 0.01), (hip, knee, status)


@pytest.mark.parametrize("presenter", [False, True], ids=["lab", "presenter"])
def test_pictures_of_every_panel_are_saved_to_look_at(closing, presenter):
    """Not a check of looks (a person looks at these): every panel renders and is saved."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    present(presenter)
    try:
        for i, (notebook, call) in enumerate(PANELS):
            panel = closing(eval(call, {"controls": controls}))
            if panel.compare is not None:
                panel.compare.value = panel.compare.options[1][1]
            out = ARTIFACTS / f"{notebook}-{i}-{'presenter' if presenter else 'lab'}.png"
            out.write_bytes(panel.scene.png(dpi=100))
            assert out.stat().st_size > 10_000
            w, h = panel.scene.figure.get_size_inches() * 100
            assert (w, h) == ((1360, 1000) if presenter else (900, 560))
    finally:
        present(False)


def test_keyboard_shortcuts_are_off_on_a_scene_canvas(closing):
    from matplotlib.backend_bases import KeyEvent
    scene = closing(Scene(anatomy.forward_bend(30.0), name="test-keys"))
    ax = scene.side.ax
    before = (ax.get_xscale(), ax.get_yscale(), ax.xaxis._major_tick_kw.get("gridOn"))
    canvas = scene.figure.canvas
    for key in ("l", "k", "g", "G"):
        canvas.callbacks.process("key_press_event", KeyEvent("key_press_event", canvas, key,
                                                            x=200, y=200))
    assert (ax.get_xscale(), ax.get_yscale(),
            ax.xaxis._major_tick_kw.get("gridOn")) == before


def _overlap(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


@pytest.mark.parametrize("notebook, call", PANELS, ids=[f"{nb}-{i}" for i, (nb, _) in
                                                        enumerate(PANELS)])
def test_the_pelvis_words_and_the_nerve_scale_leave_the_drawing_clear(closing, notebook, call):
    """The close-up's words sit in a corner the spine does not run into, and the nerve's
    colour scale clears the dashed person's tag (both once covered part of the slump)."""
    panel = closing(eval(call, {"controls": controls}))
    if panel.compare is not None:
        panel.compare.value = panel.compare.options[1][1]
    scene = panel.scene
    fig = scene.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    close_up = scene.pelvis
    for text in (close_up.text["ll"], close_up.note):
        if not text.get_visible():
            continue
        words = text.get_window_extent(renderer)
        for i, vertebra in enumerate(close_up.vertebrae):
            assert not _overlap(words, vertebra.get_window_extent(renderer)), (
                f"'{text.get_text()}' covers vertebra {i}")
        femur = close_up.bones["femur"].get_window_extent(renderer)
        assert not _overlap(words, femur), f"'{text.get_text()}' covers the femur"
    nerve = scene.side.nerve
    if nerve is not None:
        scale = nerve.scale.get_tightbbox(renderer)
        for text in (scene.side.ghost_tag, *scene.side.angle_text.values()):
            if text.get_visible() and text.get_text():
                assert not _overlap(scale, text.get_window_extent(renderer)), (
                    f"the nerve scale covers '{text.get_text()}'")


@pytest.mark.parametrize("presenter", [False, True], ids=["lab", "presenter"])
def test_the_readout_columns_never_overlap_even_with_two_people(closing, presenter):
    """Two people's numbers side by side at presenter sizes are wider than the default
    layout: the second column moves right, and both stay inside the figure."""
    present(presenter)
    try:
        for notebook, call in PANELS:
            panel = closing(eval(call, {"controls": controls}))
            options = [None] if panel.compare is None else [o[1] for o in panel.compare.options]
            for option in options:
                if panel.compare is not None:
                    panel.compare.value = option
                info = panel.scene.info
                fig = panel.scene.figure
                with info.shown():
                    fig.canvas.draw()
                    r = fig.canvas.get_renderer()
                    left = info.readout.get_window_extent(r)
                    right = info.readout_right.get_window_extent(r)
                where = f"{notebook}: {call}, comparing with {option}"
                assert left.x1 < right.x0, f"the readout columns overlap in {where}"
                assert right.x1 <= fig.bbox.width, f"the readout leaves the figure in {where}"
    finally:
        present(False)
