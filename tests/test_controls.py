"""Control panels driven without a browser: set ``slider.value`` in Python, as a drag does.

Each move must reach the scene (``panel.scene.posture``) and the HTML readouts the right way,
never pile up figures, and keep errors visible. Save buttons write into a temporary folder.
"""
import html
import re

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import anatomy
import anatomy.ui.controls as controls
from anatomy import posture as P
from anatomy.ui.controls import joint_explorer, pelvis_explorer, readout_html, task_explorer
from anatomy.model.geometry import HIP_FLEXION_RANGE_DEG, KNEE_FLEXION_RANGE_DEG
from anatomy.view.scene import readout_text
from anatomy.model.spine import PELVIC_INCIDENCE_RANGE_DEG

from anatomy.model.tasks import JOINT_TILT_RANGE_DEG, TASK_REGISTRY


# ------------------------------------------------------------------------------------------
# fixtures and helpers
# ------------------------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def _exports_in_tmp(tmp_path, monkeypatch):
    """Save buttons write under a temporary folder, never into the repository."""
    monkeypatch.setattr(controls, "EXPORT_DIR", tmp_path / "exports")


@pytest.fixture
def panels(closing):
    """Build panels through ``panels(factory, ...)``; all are closed afterwards."""
    return lambda factory, *args, **kwargs: closing(factory(*args, **kwargs))


@pytest.fixture(scope="module")
def all_panels():
    """One panel per task, plus the joints and pelvis panels (shared: tests put every
    slider back where it was)."""
    built = [(task, task_explorer(task)) for task in anatomy.TASKS]
    built += [("joint_pose", joint_explorer()), ("pelvis", pelvis_explorer())]
    yield built
    for _, panel in built:
        panel.close()


def _number(html, label, unit):
    """The bold number shown after ``label`` in the readout HTML."""
    m = re.search(re.escape(label) + r"</td><td[^>]*><b>([-+]?[\d.]+)\s*" + re.escape(unit),
                  html)
    assert m, f"{label!r} not in the readouts"
    return float(m.group(1))


def _length_cm(html, muscle):
    return _number(html, muscle, " cm")


def _consistent(panel):
    """The scene, the figure readout and the HTML all show the panel's posture."""
    p = panel.posture
    assert panel.scene.posture is p
    assert panel.readouts.value == readout_html(p, big=panel.presenter,
                                                status=panel.scene.status.get_text())
    assert (panel.scene.info.readout.get_text() + "\n"
            + panel.scene.info.readout_right.get_text()) == readout_text(p)


# ------------------------------------------------------------------------------------------
# every task panel: the sliders reach the scene and the readouts
# ------------------------------------------------------------------------------------------
def test_forward_bend_fingertips_come_down_as_the_trunk_flexes(panels):
    panel = panels(task_explorer, "forward_bend", slr_deg=80.0)
    slider = panel.sliders["trunk_flexion_deg"]
    reach = []
    for value in (0.0, 30.0, 60.0, 90.0):
        slider.value = value
        assert panel.posture.task == "forward_bend"
        assert panel.posture.trunk_flexion_deg == pytest.approx(value)
        _consistent(panel)
        reach.append(_number(panel.readouts.value, "Fingertips to floor", " cm"))
    assert np.all(np.diff(reach) < -2.0), reach


def test_forward_bend_shorter_hamstrings_bend_less_at_the_hip(panels):
    panel = panels(task_explorer, "forward_bend", slr_deg=90.0, value=125.0)
    hip_long = panel.posture.hip_flexion_deg
    panel.sliders["slr_deg"].value = 50.0
    assert panel.posture.slr_deg == 50.0
    assert panel.posture.hip_flexion_deg < hip_long - 5.0
    assert _number(panel.readouts.value, "Hip flexion", "°") == pytest.approx(
        panel.posture.hip_flexion_deg, abs=0.5)


def test_straight_leg_raise_past_the_limit_says_so(panels):
    panel = panels(task_explorer, "straight_leg_raise", slr_deg=60.0)
    slider = panel.sliders["leg_raise_deg"]
    slider.value = 40.0
    assert panel.posture.reachable
    assert _number(panel.readouts.value, "SLR angle (leg to table)", "°") == 40.0
    assert "Stopped at" not in panel.readouts.value
    slider.value = 70.0
    assert not panel.posture.reachable
    status = panel.scene.status.get_text()
    assert status == "Stopped at 60° of leg raised from the table (asked for 70°): " \
                     "hamstrings at their limit"
    assert html.escape(status) in panel.readouts.value  # the same words in both places
    # the picture shows the furthest pose: the leg stops at the person's SLR
    assert _number(panel.readouts.value, "SLR angle (leg to table)", "°") == 60.0
    slider.value = 50.0
    assert "Stopped" not in panel.readouts.value and panel.scene.status.get_text() == ""


def test_straight_leg_raise_lengthens_the_hamstrings(panels):
    panel = panels(task_explorer, "straight_leg_raise", slr_deg=80.0)
    lengths = []
    for value in (0.0, 30.0, 60.0):
        panel.sliders["leg_raise_deg"].value = value
        _consistent(panel)
        lengths.append(_length_cm(panel.readouts.value, "Semimembranosus"))
    assert np.all(np.diff(lengths) > 1.0), lengths


def test_long_sitting_reach_grows_with_the_lean(panels):
    panel = panels(task_explorer, "long_sitting", slr_deg=80.0)
    reach = []
    for value in (-25.0, -10.0, 5.0):  # the end of the lean is about 12° for an SLR of 80°
        panel.sliders["trunk_flexion_deg"].value = value
        _consistent(panel)
        reach.append(_number(panel.readouts.value, "Reach past the ankles", " cm"))
    assert np.all(np.diff(reach) > 3.0), reach


def test_active_knee_extension_straightening_the_knee_stretches(panels):
    panel = panels(task_explorer, "active_knee_extension", slr_deg=80.0)
    assert panel.sliders["knee_flexion_deg"].value == 90.0  # starts bent
    lengths = []
    for value in (90.0, 60.0, 40.0):
        panel.sliders["knee_flexion_deg"].value = value
        assert panel.posture.knee_flexion_deg == pytest.approx(value)
        _consistent(panel)
        lengths.append(_length_cm(panel.readouts.value, "Semitendinosus"))
    assert np.all(np.diff(lengths) > 1.0), lengths
    from anatomy.model.readouts import QUANTITIES
    assert QUANTITIES["ake_deg"].label in panel.readouts.value


@pytest.mark.parametrize("task", ["standing", "chair_sitting"])
def test_one_pose_tasks_follow_the_extensibility_slider(panels, task):
    panel = panels(task_explorer, task, slr_deg=80.0)
    assert list(panel.sliders) == ["slr_deg"]
    first = panel.readouts.value
    panel.sliders["slr_deg"].value = 45.0
    assert panel.posture.task == task and panel.posture.slr_deg == 45.0
    _consistent(panel)
    assert panel.readouts.value != first  # the "% of limit" column changes
    # shorter hamstrings: each head is nearer its limit
    pct = [int(x) for x in re.findall(r"(\d+)% of limit", panel.readouts.value)]
    pct_first = [int(x) for x in re.findall(r"(\d+)% of limit", first)]
    assert all(a > b for a, b in zip(pct, pct_first))


def test_every_task_panel_builds_and_shows_its_posture(all_panels):
    for task, panel in all_panels[:len(anatomy.TASKS)]:
        assert panel.posture.task == task
        _consistent(panel)
        assert panel.title == TASK_REGISTRY[task].title
        assert panel.errors.outputs == () and panel.message.value == ""


# ------------------------------------------------------------------------------------------
# joints and pelvis panels
# ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("factory", [joint_explorer, pelvis_explorer],
                         ids=["joints", "pelvis"])
def test_joint_and_pelvis_explorers_build(panels, factory):
    panel = panels(factory)
    assert panel.posture.task == "joint_pose"
    _consistent(panel)


def test_joint_explorer_hip_flexion_lengthens_and_knee_flexion_shortens(panels):
    panel = panels(joint_explorer)
    st = [_length_cm(panel.readouts.value, "Semitendinosus")]
    for hip in (20.0, 40.0, 60.0):  # within the default person's limit (SLR 80°)
        panel.sliders["hip_flexion_deg"].value = hip
        assert panel.posture.hip_flexion_deg == pytest.approx(hip)
        _consistent(panel)
        st.append(_length_cm(panel.readouts.value, "Semitendinosus"))
    assert np.all(np.diff(st) > 1.0), st
    before = st[-1]
    panel.sliders["knee_flexion_deg"].value = 60.0
    assert panel.posture.knee_flexion_deg == pytest.approx(60.0)
    assert _length_cm(panel.readouts.value, "Semitendinosus") < before - 1.0
    panel.sliders["pelvic_tilt_deg"].value = 10.0
    assert panel.posture.pelvic_tilt_deg == pytest.approx(10.0)
    # thigh fixed in space: tilting the pelvis forward flexes the hip by as much
    assert panel.posture.hip_flexion_deg == pytest.approx(70.0)


def test_joint_explorer_past_the_limit_says_so(panels):
    panel = panels(joint_explorer, slr_deg=50.0)
    panel.sliders["hip_flexion_deg"].value = 110.0
    p = panel.posture
    assert p.reachable  # the pose drawn stops at the limit...
    assert max(p.hamstring_stretch.values()) == pytest.approx(1.0, abs=1e-3)
    assert 40.0 < p.hip_flexion_deg < 110.0
    status = panel.scene.status.get_text()  # ...and the figure and readouts say so
    assert status.startswith("Stopped at hip") and "at their limit" in status
    assert html.escape(status) in panel.readouts.value


def test_pelvis_explorer_anterior_tilt_deepens_the_lordosis(panels):
    panel = panels(pelvis_explorer)
    lordosis = []
    for tilt in (-10.0, 0.0, 10.0):
        panel.sliders["pelvic_tilt_deg"].value = tilt
        p = panel.posture
        assert p.pelvic_tilt_deg == pytest.approx(tilt)
        assert p.hip_flexion_deg == pytest.approx(tilt)  # thighs stay vertical
        _consistent(panel)
        lordosis.append(_number(panel.readouts.value, "Lumbar lordosis (L1-S1)", "°"))
    assert np.all(np.diff(lordosis) > 5.0), lordosis


def test_pelvis_explorer_incidence_changes_the_person(panels):
    panel = panels(pelvis_explorer)
    panel.sliders["pelvic_incidence_deg"].value = 70.0
    assert panel.posture.pelvic_incidence_deg == pytest.approx(70.0, abs=0.5)
    from anatomy.model.readouts import QUANTITIES
    pi, pt, ss = (_number(panel.readouts.value, QUANTITIES[k].label, "°") for k in (
        "pelvic_incidence_deg", "radiographic_pelvic_tilt_deg", "sacral_slope_deg"))
    assert pi == 70.0 and abs(pi - (pt + ss)) <= 1.0


# ------------------------------------------------------------------------------------------
# no figures pile up; reset; play
# ------------------------------------------------------------------------------------------
def test_fifty_slider_moves_keep_the_number_of_figures(panels):
    panel = panels(task_explorer, "forward_bend")
    before = plt.get_fignums()
    slider = panel.sliders["trunk_flexion_deg"]
    for value in np.linspace(slider.min, slider.max, 50):
        slider.value = float(value)
    assert plt.get_fignums() == before
    assert panel.posture == anatomy.forward_bend(slider.max)  # the last move was shown


def test_rebuilding_a_panel_replaces_its_figure(panels, monkeypatch):
    import anatomy.ui.controls as C

    # in a notebook a panel is named after the cell that makes it (the front end's cell id)
    monkeypatch.setattr(C, "_cell_key", lambda: "@cell-7")
    first = panels(task_explorer, "straight_leg_raise")
    count = len(plt.get_fignums())
    for _ in range(2):  # re-running the cell
        panels(task_explorer, "straight_leg_raise")
    assert len(plt.get_fignums()) == count
    assert first.scene.closed
    monkeypatch.setattr(C, "_cell_key", lambda: "@another-cell")
    panels(task_explorer, "straight_leg_raise")  # a panel in another cell lives beside it
    assert len(plt.get_fignums()) == count + 1


def test_reset_puts_every_slider_back(panels):
    panel = panels(task_explorer, "forward_bend", slr_deg=70.0, value=20.0)
    start = {k: s.value for k, s in panel.sliders.items()}
    first = panel.posture
    panel.sliders["trunk_flexion_deg"].value = 100.0
    panel.sliders["slr_deg"].value = 95.0
    panel.reset_button.click()
    assert {k: s.value for k, s in panel.sliders.items()} == start == {
        "slr_deg": 70.0, "trunk_flexion_deg": 20.0}
    assert panel.posture == first
    _consistent(panel)


@pytest.mark.parametrize("which, key", [
    ("forward_bend", "trunk_flexion_deg"), ("straight_leg_raise", "leg_raise_deg"),
    ("active_knee_extension", "knee_flexion_deg"), ("standing", "slr_deg"),
    ("joint_pose", "hip_flexion_deg"), ("pelvis", "pelvic_tilt_deg"),
])
def test_play_is_linked_to_the_task_slider(all_panels, which, key):
    """Play runs the slider in its own steps, the registry's way round, end to end."""
    panel = dict(all_panels)[which]
    slider = panel.sliders[key]
    assert panel.play is not None
    assert panel.play.min == 0
    assert panel.play.max == round((slider.max - slider.min) / slider.step)
    ends = (panel._play_value(0), panel._play_value(panel.play.max))
    assert sorted(ends) == [slider.min, slider.max]
    if which == "active_knee_extension":  # the test straightens the knee: 90° → 0°
        assert ends == (slider.max, slider.min)
    try:
        for i in (panel.play.max // 3, panel.play.max):  # what Play ticks do
            panel.play.value = i
            assert slider.value == panel._play_value(i)
            _consistent(panel)
        assert slider.value == ends[1]  # Play ends at the end
    finally:
        slider.value = panel._defaults[key]


# ------------------------------------------------------------------------------------------
# saving
# ------------------------------------------------------------------------------------------
def test_save_png_and_svg_buttons_write_files(panels, tmp_path):
    panel = panels(task_explorer, "forward_bend", value=45.0)
    panel.png_button.click()
    link_png = panel.message.value
    panel.svg_button.click()
    stem = "forward-bend_slr-80deg_trunk-flexion-45deg"  # says what the figure shows
    png = tmp_path / "exports" / f"{stem}.png"
    svg = tmp_path / "exports" / f"{stem}.svg"
    assert png.is_file() and svg.is_file(), sorted(p.name for p in tmp_path.rglob("*"))
    with Image.open(png) as image:
        w_in, h_in = panel.scene.figure.get_size_inches()
        assert image.width >= 200 * w_in - 1 and image.height >= 200 * h_in - 1
    assert "<svg" in svg.read_text(encoding="utf-8")[:2000]
    # the browser gets the file itself: a download link carrying the bytes
    assert f'download="{stem}.png"' in link_png and "data:image/png;base64," in link_png
    assert f'download="{stem}.svg"' in panel.message.value
    assert "data:image/svg+xml;base64," in panel.message.value
    assert panel.errors.outputs == ()


def test_saving_twice_never_overwrites(panels, tmp_path):
    panel = panels(task_explorer, "forward_bend", value=45.0)
    panel.png_button.click()
    first = (tmp_path / "exports" / "forward-bend_slr-80deg_trunk-flexion-45deg.png")
    data = first.read_bytes()
    panel.png_button.click()
    second = first.with_name(first.stem + "-2.png")
    assert second.is_file() and first.read_bytes() == data
    assert 'download="forward-bend_slr-80deg_trunk-flexion-45deg-2.png"' in panel.message.value
    panel.sliders["trunk_flexion_deg"].value = 60.0
    panel.png_button.click()
    assert "trunk-flexion-60deg.png" in panel.message.value


def test_save_gif_button_writes_an_animation_with_progress(panels, tmp_path, monkeypatch):
    panel = panels(task_explorer, "straight_leg_raise", value=20.0)
    sweep = panel._sweep
    monkeypatch.setattr(panel, "_sweep", lambda steps: sweep(6))  # a short sweep: fast
    ticks = []
    panel.progress.observe(lambda change: ticks.append(change["new"]), names="value")
    before = panel.posture
    panel.gif_button.click()
    gif = tmp_path / "exports" / "straight-leg-raise_slr-80deg_leg-raise-20deg_sweep.gif"
    assert gif.is_file(), (panel.errors.outputs, sorted(p.name for p in tmp_path.rglob("*")))
    with Image.open(gif) as image:
        assert image.n_frames > 1
        assert image.n_frames <= panel.progress.max
    assert panel.progress.max == 6
    assert ticks[-6:] == [1, 2, 3, 4, 5, 6]
    assert panel.progress.value == panel.progress.max
    assert panel.progress.layout.visibility == "hidden"
    assert panel.posture == before  # the scene is back where the slider is
    assert 'download="straight-leg-raise_slr-80deg_leg-raise-20deg_sweep.gif"' in \
        panel.message.value and "data:image/gif;base64," in panel.message.value


def test_save_gif_keeps_the_second_person(panels, tmp_path, monkeypatch):
    """With a second person shown, every GIF frame draws both (the second moves with the
    same slider values), and the panel shows both again afterwards."""
    panel = panels(task_explorer, "forward_bend", value=45.0)
    sweep = panel._sweep
    monkeypatch.setattr(panel, "_sweep", lambda steps, slr_deg=None: sweep(4, slr_deg))
    frames = {}
    for option in (None, panel.compare.options[1][1]):
        panel.compare.value = option
        out = panel.save_gif(tmp_path / f"bend-{option}.gif")
        with Image.open(out) as image:
            frames[option] = [np.asarray(image.seek(i) or image.convert("RGB"), float)
                              for i in range(image.n_frames)]
    alone, both = frames[None], frames[panel.compare.options[1][1]]
    assert len(alone) == len(both) > 1
    assert all(np.abs(a - b).mean() > 0.5 for a, b in zip(alone, both)), \
        "a frame lacks the second person"
    assert panel.scene.side.ghost_tag.get_visible(), "the second person is gone after saving"
    others = sweep(4, panel.compare.value)
    assert [p.slr_deg for p in others] == [panel.compare.value] * 4


def test_every_panel_with_a_sweep_has_a_gif_button(panels):
    for panel in (panels(task_explorer, "chair_sitting"), panels(joint_explorer),
                  panels(pelvis_explorer)):
        assert panel.gif_button is not None
        postures = panel._sweep(4)
        assert len(postures) == 4
        assert len({p.hip_flexion_deg for p in postures} | {p.slr_deg for p in postures}) > 1


# ------------------------------------------------------------------------------------------
# errors stay visible
# ------------------------------------------------------------------------------------------
def _fail(**kwargs):
    raise ValueError("boom from the solver")


def _shown(panel):
    return "".join(o.get("text", "") for o in panel.errors.outputs)


def test_an_error_in_a_callback_is_shown_in_the_panel(panels, monkeypatch, capsys):
    panel = panels(task_explorer, "forward_bend")
    before = panel.posture
    assert panel.errors.outputs == ()
    monkeypatch.setattr(panel, "solver", _fail)
    panel.sliders["trunk_flexion_deg"].value = 50.0  # must not raise
    assert panel.posture is before  # the last good picture stays
    shown = _shown(panel)
    assert "Something went wrong: ValueError: boom from the solver" in shown
    assert "Traceback" not in shown or "_fail" in shown  # a short trace, naming the place
    assert "boom" not in capsys.readouterr().out  # in the panel, not lost on stdout
    # the next good move works again, and the error stays readable
    monkeypatch.undo()
    panel.sliders["trunk_flexion_deg"].value = 60.0
    assert panel.posture.trunk_flexion_deg == pytest.approx(60.0)
    assert "boom" in _shown(panel)


def test_an_error_in_a_button_is_shown_in_the_panel(panels, monkeypatch):
    panel = panels(task_explorer, "forward_bend")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(panel.scene, "save", broken)
    panel.png_button.click()  # must not raise
    assert "OSError: disk full" in _shown(panel)
    assert "download=" not in panel.message.value


# ------------------------------------------------------------------------------------------
# slider ranges and units
# ------------------------------------------------------------------------------------------
_MODEL_RANGE = {
    "slr_deg": P.SLR_RANGE_DEG, "pelvic_incidence_deg": PELVIC_INCIDENCE_RANGE_DEG,
    "hip_flexion_deg": HIP_FLEXION_RANGE_DEG, "knee_flexion_deg": KNEE_FLEXION_RANGE_DEG,
    "pelvic_tilt_deg": JOINT_TILT_RANGE_DEG,
}


def test_sliders_offer_physiological_ranges_with_units(all_panels, capsys):
    for task, panel in all_panels:
        for key, slider in panel.sliders.items():
            own = TASK_REGISTRY[task].slider if task in TASK_REGISTRY else None
            lo, hi = (own.model_range_deg if own is not None and key == own.name
                      else _MODEL_RANGE[key])
            assert lo <= slider.min < slider.max <= hi, (task, key)
            assert "°" in slider.description, (task, key)
            assert slider.step <= 1.0 and slider.continuous_update
            # both ends of every slider solve without an error
            for value in (slider.max, slider.min):
                slider.value = value
                assert panel.posture is panel.scene.posture
            slider.value = panel._defaults[key]
        assert panel.errors.outputs == ()
    assert "Something went wrong" not in capsys.readouterr().out
    spec = controls.SLIDER_SPECS
    assert spec["hip_flexion_deg"][2] <= 120.0
    assert (spec["slr_deg"][1], spec["slr_deg"][2]) == (40.0, 100.0)


def test_readout_html_never_shows_minus_zero():
    html = readout_html(anatomy.joint_pose(0.0, 0.0, 0.0))
    assert "-0°" not in html


# ------------------------------------------------------------------------------------------
# presenter toggle and accessibility
# ------------------------------------------------------------------------------------------
def test_presenter_toggle_rebuilds_the_figure_larger_and_keeps_the_pose(panels):
    panel = panels(task_explorer, "forward_bend", value=40.0)
    small = panel.scene.figure.get_size_inches() * panel.scene.figure.get_dpi()
    assert "anatomy-presenter" not in panel.widget._dom_classes
    panel.presenter_button.value = True  # what clicking the toggle does
    big = panel.scene.figure.get_size_inches() * panel.scene.figure.get_dpi()
    assert panel.presenter and "anatomy-presenter" in panel.widget._dom_classes
    assert big[0] > small[0] * 1.3, (small, big)
    assert panel.scene.posture.trunk_flexion_deg == pytest.approx(40.0)
    assert "1.6em" in panel.heading.value
    panel.presenter_button.value = False
    assert not panel.presenter and "anatomy-presenter" not in panel.widget._dom_classes
    panel.sliders["trunk_flexion_deg"].value = 50.0  # the new scene follows the sliders
    assert panel.posture.trunk_flexion_deg == pytest.approx(50.0)
    assert panel.errors.outputs == ()


def test_text_alternative_states_the_pose_in_words(panels):
    panel = panels(pelvis_explorer)
    before = panel.alt.value
    assert "pelvis at its standing tilt" in before and "% of its range (0% at its standing length" in before
    panel.sliders["pelvic_tilt_deg"].value = -12.0
    assert "pelvis rotated 12° back from standing" in panel.alt.value
    assert "role='status'" in panel.alt.value


def test_slr_nerve_panel_ankle_and_neck_load_the_nerve_not_the_hamstrings(panels):
    """Structural differentiation in the SLR panel: the ankle and neck sliders move the foot
    and the head, lengthen the nerve bed and leave the hamstrings' lengths alone."""
    from anatomy.model.body import posture_points

    panel = panels(task_explorer, "straight_leg_raise", slr_deg=80.0, nerve=True)
    panel.sliders["leg_raise_deg"].value = 60.0
    before = panel.readouts.value
    foot_before = posture_points(panel.posture).foot.copy()
    bed_before = _number(before, "Sciatic nerve bed from standing (model)", " mm")
    panel.sliders["ankle_dorsiflexion_deg"].value = 15.0
    after = panel.readouts.value
    _consistent(panel)
    assert not np.allclose(posture_points(panel.posture).foot, foot_before)
    assert _number(after, "Sciatic nerve bed from standing (model)", " mm") > bed_before + 3
    for muscle in ("Semitendinosus", "Semimembranosus", "Biceps femoris, long head"):
        assert _length_cm(after, muscle) == _length_cm(before, muscle)
    head_before = posture_points(panel.posture).head_centre.copy()
    panel.sliders["neck_flexion_deg"].value = 40.0
    assert not np.allclose(posture_points(panel.posture).head_centre, head_before)
    # the nerve is drawn in the side view and its line follows the posture
    from anatomy.model.nerve_course import nerve_path_points
    line = panel.scene.side.nerve.line
    assert line.axes is panel.scene.side.ax and line in panel.scene._animated
    assert np.allclose(np.column_stack(line.get_data()), nerve_path_points(panel.posture)[:, :2])
    # raise the leg past where the nerve stops it: the panel says what stopped it
    panel.sliders["leg_raise_deg"].value = 85.0
    assert not panel.posture.reachable
    assert "the nerve</b>" in panel.readouts.value
    with pytest.raises(ValueError, match="straight leg raise and the slump"):
        task_explorer("forward_bend", nerve=True)


def test_running_a_cell_again_frees_the_old_panels_widgets(monkeypatch, closing):
    """Re-running a panel's cell replaces the panel: the old one's widgets (sliders, their
    styles and layouts, buttons, toggles) leave ipywidgets' registry, so a class re-running
    cells all lesson does not pile them up in the kernel."""

    from anatomy.ui import controls as ui_controls
    monkeypatch.setattr(ui_controls, "_cell_key", lambda: "@the-same-cell")
    from ipywidgets.widgets.widget import _instances as registry  # Widget.widgets, not deprecated
    closing(task_explorer("straight_leg_raise"))
    after_one = len(registry)
    for _ in range(3):
        closing(task_explorer("straight_leg_raise"))
    assert len(registry) == after_one, (after_one, len(registry))


def test_the_table_shows_x_ray_angles_only_where_they_mean_something():
    """PI, PT and SS are defined on upright standing or sitting radiographs: the table lists
    them there, not in a deep forward bend (SS 89°) or lying supine."""
    standing = readout_html(anatomy.standing())
    from anatomy.model.readouts import QUANTITIES
    ss, ll = QUANTITIES["sacral_slope_deg"].label, QUANTITIES["lumbar_lordosis_deg"].label
    assert "upright only" not in standing and _number(standing, ss, "°") > 0
    for posture in (anatomy.forward_bend(100.0, slr_deg=55.0), anatomy.straight_leg_raise(60.0)):
        html_text = readout_html(posture)
        assert html_text.count("upright only") == 3, posture.task  # PI, PT, SS
        assert _number(html_text, ll, "°") > 0
