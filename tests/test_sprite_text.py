"""Labels drawn from a cache of their pixels (`anatomy.view.sprite_text`)."""
import io

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import IdentityTransform

from anatomy.view.sprite_text import SpriteText, sprite


def _pixels(at, text, sprited, **style):
    fig = Figure(figsize=(3.0, 1.5), dpi=100)
    FigureCanvasAgg(fig)
    label = fig.text(*at, text, transform=IdentityTransform(), **style)
    if sprited:
        sprite(label)
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).astype(int), label


STYLES = [dict(fontsize=11), dict(fontsize=9, color="#B34700", fontweight="bold"),
          dict(fontsize=10, ha="right", va="top",
               bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="#555555"))]


@pytest.mark.parametrize("style", STYLES, ids=["plain", "bold colour", "boxed"])
def test_a_sprite_at_a_whole_pixel_is_the_direct_drawing(style):
    SpriteText._cache.clear()
    direct, plain = _pixels((150.0, 70.0), "hip 57°", False, **style)
    first, label = _pixels((150.0, 70.0), "hip 57°", True, **style)   # rendered, cached
    again, _ = _pixels((150.0, 70.0), "hip 57°", True, **style)       # from the cache
    assert type(plain) is Text and type(label) is SpriteText
    assert np.abs(first - direct).max() == 0 and np.abs(again - direct).max() == 0


def test_moved_the_cached_pixels_follow_and_new_words_are_drawn_anew():
    SpriteText._cache.clear()
    _pixels((100.0, 70.0), "knee 5°", True)                 # cached at one place
    moved, _ = _pixels((160.0, 40.0), "knee 5°", True)      # pasted at another
    direct, _ = _pixels((160.0, 40.0), "knee 5°", False)
    assert np.abs(moved - direct).max() == 0
    other, _ = _pixels((160.0, 40.0), "knee 6°", True)      # other words: not the old pixels
    assert np.abs(other - moved).max() > 100
    assert np.abs(other - _pixels((160.0, 40.0), "knee 6°", False)[0]).max() == 0


def test_a_style_change_is_a_new_picture_not_a_stale_one():
    SpriteText._cache.clear()
    _, label = _pixels((150.0, 70.0), "pelvis +12°", True)
    canvas = label.figure.canvas
    label.set_color("#009E73")
    canvas.draw()
    green = np.asarray(canvas.buffer_rgba()).astype(int)
    direct, _ = _pixels((150.0, 70.0), "pelvis +12°", False, color="#009E73")
    assert np.abs(green - direct).max() == 0


def test_vector_files_get_real_text_not_a_picture_of_it():
    fig = Figure(figsize=(3.0, 1.5), dpi=100)
    sprite(fig.text(0.5, 0.5, "hamstrings"))
    out = io.StringIO()
    fig.savefig(out, format="svg")
    assert "<image" not in out.getvalue()


def test_only_plain_labels_become_sprites():
    fig = Figure()
    ax = fig.add_subplot()
    note = ax.annotate("nerve", xy=(0.5, 0.5), xytext=(0.2, 0.2), arrowprops={})
    assert sprite(note) is note and type(note) is not SpriteText
