"""Presenter mode and the scene's matplotlib style: one setting, one `rc_context`.

`anatomy.present` (in `anatomy.ui.presenter`) switches presenter mode; scenes and panels built
afterwards read `presenter_mode`. A scene is built inside `scene_style`, a matplotlib
``rc_context`` whose base font size and line width are the only numbers that differ between
the notebook look and the projector look; every text in the scene is sized relative to the
base (``"medium"``, ``"large"``), every line width is a multiple of ``lines.linewidth``. So
presenter mode is one switch, not sizes threaded through every call.

Kept here, below both the scene and the export code, so neither has to import the other.
"""
from __future__ import annotations

PRESENTER_MIN_PT = 18.0
"""Smallest text in presenter mode (readable from the back of a lecture hall at 1080p)."""
DEFAULT_MIN_PT = 9.0
"""Smallest text in the notebook look."""

_PRESENTER = {"on": False}


def presenter_mode() -> bool:
    """Whether new scenes and panels are built for a projector (see `anatomy.present`)."""
    return _PRESENTER["on"]


def set_presenter_mode(on: bool) -> None:
    """Switch presenter mode for figures built from now on."""
    _PRESENTER["on"] = bool(on)


def scene_rc(presenter: bool) -> dict:
    """The rcParams of a scene: base font size and line width, everything else relative."""
    base = PRESENTER_MIN_PT if presenter else DEFAULT_MIN_PT
    return {
        "font.size": base,
        "axes.titlesize": "large",
        "axes.titlepad": 3.0,
        "xtick.labelsize": "medium",
        "ytick.labelsize": "medium",
        "legend.fontsize": "medium",
        "figure.titlesize": "large",
        "lines.linewidth": 2.0 if presenter else 1.0,
        "patch.linewidth": 1.6 if presenter else 0.8,
        "lines.markersize": 12.0 if presenter else 6.0,
        "axes.titlecolor": "#1A1A1A",
        "text.color": "#1A1A1A",
    }


def scene_style(presenter: bool):
    """A context in which a scene's artists are made (sizes are fixed when they are made)."""
    import matplotlib

    return matplotlib.rc_context(scene_rc(presenter))
