"""The presenter switch for notebooks.

Examples
--------
>>> import anatomy
>>> anatomy.present()          # large type, thick lines, no toolbar: for the back row
>>> anatomy.present(False)     # back to the notebook look
"""
from __future__ import annotations

from ..view.style import set_presenter_mode


def present(on: bool = True) -> None:
    """Switch presenter mode for scenes and panels built from now on.

    With it on, text is at least 18 pt and lines are twice as thick (readable from the back
    of a lecture hall on a 1080p projector), the figure's toolbar and header are hidden,
    sliders are wide, and the figure fills a 16:9 screen. Re-run the cell that builds a
    panel after switching. Without code: every panel's *Presenter* toggle switches that
    panel, and in Voila ``?present=1`` in the address switches every panel of the page
    (`anatomy.notebook_setup` reads it). Pair it with JupyterLab's View → Presentation Mode.
    """
    set_presenter_mode(on)
