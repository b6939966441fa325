"""Where the leg drawing lives now (kept so that ``anatomy.drawing`` keeps working).

* `anatomy.view.outlines`: bone outlines from landmarks (pure numpy);
* `anatomy.view.leg_art`: the leg's artists and their labels (`draw_leg`, `update_leg`);
* `anatomy.view.figures`: `figure_meet_the_hamstrings` and the other notebook figures;
* `anatomy.view.text`: `facts_table`;
* `anatomy.view.palette`: every colour (`OKABE_ITO`).
"""
from __future__ import annotations

from .figures import figure_meet_the_hamstrings
from .leg_art import HEAD_STYLE, LANDMARK_LABELS, draw_leg, update_leg
from .outlines import VIEWS, bone_outlines
from .palette import OKABE_ITO
from .text import facts_table

__all__ = ["OKABE_ITO", "HEAD_STYLE", "LANDMARK_LABELS", "VIEWS", "bone_outlines", "draw_leg",
           "update_leg", "figure_meet_the_hamstrings", "facts_table"]
