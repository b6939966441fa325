"""Drawing helpers: bone outlines, the leg views, the first figure and the facts table."""
import io
import itertools

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

import anatomy
from anatomy import FACTS, HAMSTRING_HEADS
from anatomy.view.drawing import (
    HEAD_STYLE,
    LANDMARK_LABELS,
    OKABE_ITO,
    VIEWS,
    bone_outlines,
    draw_leg,
    facts_table,
    figure_meet_the_hamstrings,
    update_leg,
)

SCREEN = {"side": (0, 1), "back": (2, 1)}  # ground axes on screen, from the conventions


def _draw(view, hip=0.0, knee=0.0, labels=True):
    fig = Figure(figsize=(5, 6))
    ax = fig.add_subplot()
    return fig, ax, draw_leg(ax, anatomy.pose_points(0.0, hip, knee), view=view,
                             labels=labels)


@pytest.mark.parametrize("view", VIEWS)
def test_draw_leg_returns_artists_for_all_four_heads(view):
    _, ax, art = _draw(view)
    assert set(art["muscles"]) == set(HAMSTRING_HEADS)
    assert set(art["muscle_labels"]) == set(HAMSTRING_HEADS)
    assert set(art["landmark_labels"]) == set(LANDMARK_LABELS)
    for head, line in art["muscles"].items():
        assert line.axes is ax
        assert len(line.get_xdata()) >= 2
        assert line.get_solid_capstyle() == "round"
    assert art["bones"] and set(art["bone_fills"]) <= set(art["bones"])
    assert ax.get_title() and not ax.axison


@pytest.mark.parametrize("view", VIEWS)
def test_muscle_lines_are_the_model_paths_seen_from_the_view(view):
    pose = anatomy.pose_points(0.0, 20.0, 40.0)
    fig = Figure()
    art = draw_leg(fig.add_subplot(), pose, view=view)
    h, v = SCREEN[view]
    for head, line in art["muscles"].items():
        np.testing.assert_allclose(line.get_xdata(), pose.paths[head][:, h])
        np.testing.assert_allclose(line.get_ydata(), pose.paths[head][:, v])


def test_back_view_semitendinosus_and_semimembranosus_are_medial_to_biceps():
    _, _, art = _draw("back")
    mean_x = {h: np.mean(art["muscles"][h].get_xdata()) for h in HAMSTRING_HEADS}
    for medial in ("semitendinosus", "semimembranosus"):
        assert mean_x[medial] < mean_x["biceps_femoris_long"]
    # this is the right leg: everything lies to the right of the midline (z > 0)
    assert all(x > 0 for x in mean_x.values())


@pytest.mark.parametrize("view", VIEWS)
def test_every_head_is_named_in_text(view):
    _, _, art = _draw(view, labels=False)
    for head in HAMSTRING_HEADS:
        text = art["muscle_labels"][head].get_text()
        assert FACTS[head].abbreviation in text
        assert FACTS[head].label.split(",")[0] in text
    assert art["landmark_labels"] == {} and art["landmarks"] is None


def test_head_styles_use_distinct_okabe_ito_colours():
    colours = [HEAD_STYLE[h]["color"] for h in HAMSTRING_HEADS]
    assert len(set(colours)) == 4
    assert set(colours) <= set(OKABE_ITO.values())
    assert HEAD_STYLE["semitendinosus"]["label"] == "Semitendinosus (ST)"


def test_figure_adds_no_pyplot_figure_and_saves_a_png():
    before = set(plt.get_fignums())
    fig = figure_meet_the_hamstrings()
    assert set(plt.get_fignums()) == before
    width, height = fig.get_size_inches()
    assert width <= 9 and height <= 5.5
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=60)
    assert buf.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"
    assert set(plt.get_fignums()) == before


def _label_boxes(fig):
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = []
    for ax in fig.axes:
        for t in ax.texts:  # annotations are texts too; Text's extent leaves out the leader
            boxes.append((ax, t.get_text(), Text.get_window_extent(t, renderer)))
    return boxes, fig.bbox


@pytest.mark.parametrize("pose", [(0.0, 0.0), (30.0, 60.0), (60.0, 0.0), (90.0, 90.0)])
def test_figure_labels_do_not_overlap_and_are_not_clipped(pose):
    boxes, page = _label_boxes(figure_meet_the_hamstrings(*pose))
    assert len(boxes) >= 2 * (len(HAMSTRING_HEADS) + len(LANDMARK_LABELS))
    for _, text, box in boxes:
        assert page.x0 <= box.x0 and box.x1 <= page.x1, f"{text!r} runs off the figure"
        assert page.y0 <= box.y0 and box.y1 <= page.y1, f"{text!r} runs off the figure"
    for (ax1, t1, b1), (ax2, t2, b2) in itertools.combinations(boxes, 2):
        if ax1 is ax2:
            assert not b1.overlaps(b2), f"{t1!r} overlaps {t2!r}"


def test_figure_shows_both_views_at_the_same_scale():
    fig = figure_meet_the_hamstrings()
    back, side = fig.axes
    assert back.get_title() == "From behind" and "side" in side.get_title()

    def points_per_metre(ax):
        pos = ax.get_position(original=True)
        return pos.width * fig.get_figwidth() * 72 / np.ptp(ax.get_xlim())

    assert points_per_metre(back) == pytest.approx(points_per_metre(side), rel=1e-6)


def test_facts_table_mentions_every_head_and_the_fibular_nerve():
    for table in (facts_table(), facts_table(markdown=False)):
        for head in HAMSTRING_HEADS:
            assert FACTS[head].label in table
    lines = facts_table().splitlines()
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    rows = [[c.strip() for c in r.strip("|").split("|")] for r in lines if r.startswith("| **")]
    assert len(rows) == 4 and all(len(r) == len(header) for r in rows)
    nerve = {r[0]: r[header.index("Nerve")] for r in rows}
    assert "fibular" in nerve["**Biceps femoris, short head (BFsh)**"].lower()
    for head in HAMSTRING_HEADS[:3]:
        assert nerve[f"**{HEAD_STYLE[head]['label']}**"].startswith("Tibial division")
    assert "Ward" in facts_table()  # the sources are named


@pytest.mark.parametrize("view", VIEWS)
def test_bone_outlines_follow_the_bones(view):
    still = bone_outlines(anatomy.pose_points(0.0, 0.0, 0.0).landmarks, view)
    pose = anatomy.pose_points(0.0, 60.0, 90.0)
    moved = bone_outlines(pose.landmarks, view)
    assert set(still) == set(moved)
    # the pelvis stays; the femur turns rigidly about the femoral head
    np.testing.assert_allclose(moved["hip_bone"], still["hip_bone"], atol=1e-12)
    head0 = anatomy.pose_points(0.0, 0.0, 0.0).landmarks["femoral_head"]
    r_still = np.linalg.norm(still["femur"] - head0, axis=1)
    r_moved = np.linalg.norm(moved["femur"] - pose.landmarks["femoral_head"], axis=1)
    np.testing.assert_allclose(r_moved, r_still, atol=1e-9)
    assert np.abs(moved["femur"] - still["femur"]).max() > 0.1


def test_side_view_hip_bone_passes_through_its_landmarks():
    lm = anatomy.pose_points(0.0, 0.0, 0.0).landmarks
    hip_bone = bone_outlines(lm, "side")["hip_bone"][:, :2]
    for name in ("asis", "psis", "posterior_iliac_crest", "anterior_inferior_iliac_spine"):
        gap = np.min(np.linalg.norm(hip_bone - lm[name][:2], axis=1))
        assert gap < 0.006, f"{name} is {gap * 100:.1f} cm from the outline"


def test_update_leg_moves_lines_and_labels():
    fig = Figure()
    ax = fig.add_subplot()
    art = draw_leg(ax, anatomy.pose_points(0.0, 0.0, 0.0), view="side")
    before = art["muscle_labels"]["semitendinosus"].xy
    pose = anatomy.pose_points(0.0, 60.0, 90.0)
    update_leg(art, pose)
    np.testing.assert_allclose(art["muscles"]["semimembranosus"].get_xdata(),
                               pose.paths["semimembranosus"][:, 0])
    assert art["muscle_labels"]["semitendinosus"].xy != before


def test_one_pose_only():
    with pytest.raises(ValueError, match="one pose"):
        draw_leg(Figure().add_subplot(), anatomy.pose_points(0.0, [0.0, 30.0], 0.0))
    with pytest.raises(ValueError, match="view"):
        bone_outlines(anatomy.pose_points().landmarks, view="front")
