"""Static figures and text tables of `anatomy.figures` (notebooks 02-06)."""
import io
import itertools
import re

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import anatomy
from anatomy import figures as F
from anatomy.model.exercises import EXERCISES

FIGURES = [name for name in F.__all__ if name.startswith("figure_")]
CHARTS = [name for name in FIGURES if name != "figure_meet_the_hamstrings"]
"""Figures with data axes (the labelled leg of notebook 01 is a drawing: no axes lines)."""


def _labelled_lines(ax):
    return [ln for ln in ax.get_lines() if not ln.get_label().startswith("_")]


def _drawn(fig):
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return canvas.get_renderer()


# ------------------------------------------------------------------------------------------
# every figure
# ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", CHARTS)
def test_figure_is_one_pyplot_free_figure_with_labelled_axes(name):
    before = plt.get_fignums()
    fig = getattr(F, name)()
    assert isinstance(fig, Figure)
    assert plt.get_fignums() == before, "figures must be made without pyplot"
    assert fig.get_suptitle()
    assert fig.get_figwidth() <= 9.0, "wider than a laptop's notebook column"
    for ax in fig.axes:
        shared = [a for a in ax.get_shared_x_axes().get_siblings(ax) if a.get_xlabel()]
        categories = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
        assert ax.get_xlabel() or shared or (categories and not any(
            re.fullmatch(r"[−\d.]+", c) for c in categories)), f"{name}: an unlabelled x axis"
    assert fig.axes[0].get_ylabel() or name == "figure_exercises"
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=60)
    assert buf.tell() > 1000


@pytest.mark.parametrize("name", FIGURES)
def test_nothing_drawn_outside_the_figure(name):
    fig = getattr(F, name)()
    tight = fig.get_tightbbox(_drawn(fig))
    box = fig.bbox_inches
    assert tight.x0 >= box.x0 - 0.01 and tight.y0 >= box.y0 - 0.01
    assert tight.x1 <= box.x1 + 0.01 and tight.y1 <= box.y1 + 0.01


@pytest.mark.parametrize("name", FIGURES)
def test_titles_labels_legends_and_notes_do_not_overlap(name):
    fig = getattr(F, name)()
    renderer = _drawn(fig)
    items = {id(t): t for t in fig.texts if t.get_text()}
    items.update({id(lg): lg for lg in fig.legends})
    for ax in fig.axes:
        for t in (ax.xaxis.label, ax.yaxis.label, ax.title, *ax.texts):
            if t.get_text():
                items[id(t)] = t
        if ax.get_legend():
            items[id(ax.get_legend())] = ax.get_legend()
    boxes = [(a, a.get_window_extent(renderer)) for a in items.values()]
    for (a, ba), (b, bb) in itertools.combinations(boxes, 2):
        assert not ba.overlaps(bb), f"{name}: {a} overlaps {b}"


# ------------------------------------------------------------------------------------------
# length and moment arm
# ------------------------------------------------------------------------------------------
def test_lengths_one_panel_per_head_one_line_per_knee_angle():
    knees = (0.0, 30.0, 60.0, 90.0)
    fig = F.figure_lengths(knees)
    assert len(fig.axes) == len(anatomy.HAMSTRING_HEADS)
    for ax, head in zip(fig.axes, anatomy.HAMSTRING_HEADS):
        assert anatomy.FACTS[head].abbreviation in ax.get_title()
        lines = _labelled_lines(ax)
        assert [ln.get_label() for ln in lines] == [f"knee {k:g}°" for k in knees]
    # the short head does not cross the hip: flat lines
    for line in _labelled_lines(fig.axes[3]):
        assert np.ptp(line.get_ydata()) < 1e-9
    # ST, knee straight: zero change in standing, longer with hip flexion (+9.9 cm at 90°)
    st = _labelled_lines(fig.axes[0])[0]
    x, y = st.get_xdata(), st.get_ydata()
    assert np.interp(0.0, x, y) == pytest.approx(0.0, abs=1e-9)
    assert np.interp(90.0, x, y) == pytest.approx(9.9, abs=0.05)
    assert np.all(np.diff(y[x <= 110]) > 0)
    # bending the knee shortens every head at every hip angle
    for ax in fig.axes:
        ys = [ln.get_ydata() for ln in _labelled_lines(ax)]
        for a, b in zip(ys, ys[1:]):
            assert np.all(b < a)


def test_moment_arm_signs_hip_extensors_knee_flexors():
    fig = F.figure_moment_arms()
    ax_hip, ax_knee = fig.axes
    hip_lines = {ln.get_label(): ln for ln in _labelled_lines(ax_hip)}
    knee_lines = {ln.get_label(): ln for ln in _labelled_lines(ax_knee)}
    assert len(hip_lines) == len(knee_lines) == 4
    bfsh = anatomy.drawing.HEAD_STYLE["biceps_femoris_short"]["label"]
    for label, line in hip_lines.items():
        if label == bfsh:
            assert np.all(line.get_ydata() == 0.0)
        else:
            assert np.all(line.get_ydata() < 0.0), label
    for label, line in knee_lines.items():
        x, y = line.get_xdata(), line.get_ydata()
        assert np.all(y[x <= 100] > 0.0), label
    st = hip_lines[anatomy.drawing.HEAD_STYLE["semitendinosus"]["label"]]
    peak = st.get_xdata()[np.argmin(st.get_ydata())]
    assert 25.0 < peak < 40.0  # largest leverage near 34° (docs/model.md)


def test_tangent_has_slope_minus_the_moment_arm():
    fig = F.figure_moment_arm_from_length("semimembranosus", "knee", 40.0, 0.0)
    tangent = [ln for ln in fig.axes[0].get_lines() if ln.get_linestyle() == "--"][0]
    x, y = tangent.get_xdata(), tangent.get_ydata()
    slope_cm_per_rad = (y[1] - y[0]) / np.radians(x[1] - x[0])
    r_cm = 100.0 * anatomy.moment_arm("semimembranosus", "knee", 0.0, 40.0)
    assert slope_cm_per_rad == pytest.approx(-r_cm, rel=1e-9)


def test_explain_moment_arm_agrees_with_the_package():
    text = F.explain_moment_arm("semitendinosus", "hip", 30, 0)
    values = [float(v) for v in re.findall(r"([+-]\d+\.\d+) cm", text.splitlines()[-1])]
    r = 100 * anatomy.moment_arm("semitendinosus", "hip", 30, 0)
    assert values[0] == pytest.approx(r, abs=0.006)
    finite = float(re.search(r"r = -dL/dθ = ([+-]\d+\.\d+)", text).group(1))
    assert finite == pytest.approx(r, abs=0.02)
    assert "extends the hip" in text
    assert "flexes the knee" in F.explain_moment_arm("semitendinosus", "knee", 0, 45)
    assert "does not cross" in F.explain_moment_arm("biceps_femoris_short", "hip", 30, 0)
    with pytest.raises(ValueError, match="joint"):
        F.explain_moment_arm("semitendinosus", "ankle", 0, 0)


# ------------------------------------------------------------------------------------------
# pelvis
# ------------------------------------------------------------------------------------------
def test_pelvic_incidence_figure_obeys_pi_equals_pt_plus_ss():
    fig = F.figure_pelvic_incidence((35.0, 80.0))
    lines = {ln.get_label(): ln for ln in _labelled_lines(fig.axes[0])}
    assert set(lines) == {"lumbar lordosis LL", "sacral slope SS",
                          "radiographic pelvic tilt PT"}
    pi = lines["sacral slope SS"].get_xdata()
    ss = lines["sacral slope SS"].get_ydata()
    pt = lines["radiographic pelvic tilt PT"].get_ydata()
    np.testing.assert_allclose(pt + ss, pi, atol=1e-6)
    assert np.interp(53.0, pi, ss) == pytest.approx(41.08, abs=0.05)
    assert np.all(np.diff(lines["lumbar lordosis LL"].get_ydata()) > 0)


@pytest.mark.parametrize("ss, expected", [(20.0, "type 1 or 2"), (34.99, "type 1 or 2"),
                                          (35.0, "type 3"), (44.99, "type 3"),
                                          (45.0, "type 4"), (70.0, "type 4")])
def test_roussouly_bands(ss, expected):
    assert F.roussouly_type(ss) == expected


def test_roussouly_type_of_the_model_people():
    types = [F.roussouly_type(anatomy.standing(pelvic_incidence_deg=pi).sacral_slope_deg)
             for pi in (35, 53, 75)]
    assert types == ["type 1 or 2", "type 3", "type 4"]


# ------------------------------------------------------------------------------------------
# tasks
# ------------------------------------------------------------------------------------------
def test_task_comparison_bars_and_hatching():
    fig = F.figure_task_comparison((55.0, 80.0))
    for ax in fig.axes:
        bars = ax.patches
        assert len(bars) == 4 * 2
        hatched = [b for b in bars if b.get_hatch()]
        assert len(hatched) == 1  # long sitting upright with SLR 55° is not reachable
    tilt = [b.get_height() for b in fig.axes[0].patches]
    assert tilt[0] == pytest.approx(tilt[4], abs=1.0)  # standing: SLR 55 ≈ SLR 80
    assert tilt[2] < tilt[6] < 0.0  # long sitting: shorter rolls the pelvis further back


def test_task_curves_short_hamstrings_stop_earlier():
    fig = F.figure_task_curves("forward_bend", (55.0, 80.0))
    for ax in fig.axes:
        short, normal = _labelled_lines(ax)
        assert short.get_label() == "SLR 55°" and normal.get_label() == "SLR 80°"
        assert short.get_xdata()[-1] < normal.get_xdata()[-1]
        n = min(len(short.get_xdata()), 80)  # the first 60° or so: close, not identical
        np.testing.assert_allclose(short.get_ydata()[:n], normal.get_ydata()[:n], atol=3.0)
    with pytest.raises(ValueError, match="task"):
        F.figure_task_curves("chair_sitting")


def test_slr_figure_hip_below_the_leg_angle():
    fig = F.figure_slr_pelvis((55.0, 80.0))
    ax_hip, ax_share = fig.axes
    assert len(_labelled_lines(ax_hip)) == len(_labelled_lines(ax_share)) == 2
    for line in _labelled_lines(ax_hip):
        assert np.all(line.get_ydata() < line.get_xdata())
        assert line.get_xdata()[-1] == pytest.approx(float(line.get_label()[4:6]))
    for line in _labelled_lines(ax_share):  # the pelvis shares the raise from the start
        assert np.all(np.asarray(line.get_ydata())[1:] > 0.0)


def test_exercise_figure_one_bar_per_exercise():
    fig = F.figure_exercises(80.0)
    ax_used, ax_lumbar = fig.axes
    assert len(ax_used.patches) - 1 == len(EXERCISES)  # plus the shaded tension band
    assert len(ax_lumbar.patches) == len(EXERCISES)
    names = [t.get_text() for t in ax_used.get_yticklabels()]
    assert names == [ex.label for ex in EXERCISES.values()]


# ------------------------------------------------------------------------------------------
# compare_table
# ------------------------------------------------------------------------------------------
def test_compare_table_default_columns_and_star():
    postures = [anatomy.long_sitting(slr_deg=55), anatomy.long_sitting(slr_deg=80),
                anatomy.standing(slr_deg=50), anatomy.standing(slr_deg=90)]
    text = F.compare_table(postures)
    lines = text.splitlines()
    assert lines[0].split() == ["posture", "pelvic", "tilt", "lordosis"]
    assert lines[1].startswith("long sitting, SLR 55° *")
    for line, p in zip(lines[1:5], postures):
        assert f"{p.pelvic_tilt_deg:+.1f}°" in line and f"{p.lumbar_lordosis_deg:.1f}°" in line
    assert lines[-1].startswith("* past the hamstrings' limit: the pose asked for")
    assert "-0.0" not in text


def test_compare_table_columns_labels_and_errors():
    p = anatomy.toe_touch()
    text = F.compare_table([p, anatomy.chair_sitting()],
                           ["range_used:SM", "length_change:BFsh", "fibre_change:ST",
                            "fingertip_to_floor_m", "slr_band", "most_stretched"],
                           ["toe touch", "chair"])
    head, toe, chair = text.splitlines()[:3]
    assert head.split()[1:3] == ["SM", "used"]
    reach = f"{100 * p.readouts['fingertip_to_floor_m']:.1f} cm"
    assert "100%" in toe and reach in toe and "normal" in toe
    assert toe.split()[-1] in ("ST", "SM", "BFlh", "BFsh")
    assert chair.split()[-3] == "-"  # a chair has no fingertip-to-floor readout
    assert "-4.8 cm" in chair
    assert any(line.startswith("used:") for line in text.splitlines())
    with pytest.raises(ValueError, match="known columns"):
        F.compare_table([p], ["no_such_column"])
    with pytest.raises(ValueError, match="labels"):
        F.compare_table([p, p], labels=["only one"])
