"""The nerve's drawing piece: built once, moved in place, its own colours, labelled."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

import anatomy  # noqa: E402
from anatomy.model.nerve_course import nerve_path_points  # noqa: E402
from anatomy.view import palette  # noqa: E402
from anatomy.view.nerve_art import NerveArt, nerve_colour, nerve_load  # noqa: E402
from anatomy.view.scene import STRAIN_CMAP  # noqa: E402


@pytest.fixture
def axes():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


def _length(posture):
    xy = nerve_path_points(posture)[:, :2]
    return float(np.linalg.norm(np.diff(xy, axis=0), axis=1).sum())


def test_drawn_course_lengthens_with_the_bed():
    base = anatomy.straight_leg_raise(40.0)
    assert _length(anatomy.straight_leg_raise(60.0)) > _length(base)
    assert _length(anatomy.straight_leg_raise(40.0, ankle_dorsiflexion_deg=20.0)) > _length(base)
    assert _length(anatomy.joint_pose(0.0, 0.0, 0.0)) > _length(anatomy.joint_pose(0.0, 0.0, 60.0))


def test_built_once_and_updated_in_place(axes):
    art = NerveArt()
    art.build(axes)
    n_artists = len(axes.get_children())
    line = art.line
    calm = anatomy.straight_leg_raise(20.0)
    loaded = anatomy.straight_leg_raise_end(ankle_dorsiflexion_deg=20.0)
    art.update(None, calm)
    calm_colour = to_hex(line.get_color())
    art.update(None, loaded)
    assert art.line is line and len(axes.get_children()) == n_artists
    assert to_hex(line.get_color()) != calm_colour
    assert "threshold" in art.label.get_text() and "sciatic nerve" in art.label.get_text()
    xy = np.column_stack(line.get_data())
    assert np.allclose(xy, nerve_path_points(loaded)[:, :2])
    assert nerve_load(loaded) == pytest.approx(1.0, abs=1e-3)


def test_nerve_colours_are_never_the_muscles():
    muscle = {to_hex(STRAIN_CMAP(u)) for u in np.linspace(0.0, 1.0, 64)}
    muscle |= {to_hex(c) for c in palette.HEAD_COLOURS.values()}
    for load in np.linspace(0.0, 1.0, 21):
        c = np.array(matplotlib.colors.to_rgb(nerve_colour(load)))
        for m in muscle:
            assert np.abs(c - np.array(matplotlib.colors.to_rgb(m))).sum() > 0.15, (load, m)
