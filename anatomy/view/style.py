"""Presenter mode: the one setting the views read when they build a figure.

`anatomy.present` (in `anatomy.ui.presenter`) switches it; scenes and panels built afterwards
read `presenter_mode`. Kept here, below both the scene and the export code, so neither has to
import the other for it.
"""
from __future__ import annotations

PRESENTER_MIN_PT = 18.0
"""Smallest text in presenter mode (readable from the back of a lecture hall at 1080p)."""

_PRESENTER = {"on": False}


def presenter_mode() -> bool:
    """Whether new scenes and panels are built for a projector (see `anatomy.present`)."""
    return _PRESENTER["on"]


def set_presenter_mode(on: bool) -> None:
    """Switch presenter mode for figures built from now on."""
    _PRESENTER["on"] = bool(on)
