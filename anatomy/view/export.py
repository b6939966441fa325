"""Figures to take away: PNG, SVG or PDF files and animated GIFs."""
from __future__ import annotations

from pathlib import Path


MIN_PNG_DPI = 200


def save_figure(figure, path, dpi: int = MIN_PNG_DPI) -> str:
    """Save a figure to ``path``: PNG (at least 200 dpi), SVG or PDF, by the file's suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in {".png", ".svg", ".pdf"}:
        raise ValueError(f"path must end in .png, .svg or .pdf; got {str(path)!r}")
    if suffix == ".png" and dpi < MIN_PNG_DPI:
        raise ValueError(f"dpi={dpi} is below {MIN_PNG_DPI}, too coarse for slides")
    path.parent.mkdir(parents=True, exist_ok=True)
    import matplotlib
    # SVG text stays text (editable and searchable in slides), not glyph outlines
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        figure.savefig(path, dpi=dpi if suffix == ".png" else None, format=suffix[1:])
    return str(path)


def save_sweep_gif(scene, postures, path, *, fps: int = 8, dpi: int = 80, progress=None,
                   compare=None, compare_label: str = ""):
    """Render ``postures`` one by one on ``scene`` and save them as an animated GIF.

    Uses matplotlib's `~matplotlib.animation.PillowWriter`; every frame is drawn with the
    scene's readouts.

    Parameters
    ----------
    scene
        A `anatomy.view.scene.Scene`; it is left showing the last posture.
    postures
        A sequence of `anatomy.Posture` (for example from `anatomy.sweep`).
    path
        Where to write the ``.gif``.
    progress
        Optional callable ``progress(done, total)`` (the panels pass a progress bar).
    compare, compare_label
        Optional: a second person's postures, one per frame (drawn dashed, as the panel
        shows them), and the label that names that person.
    """
    from matplotlib.animation import PillowWriter

    path = Path(path)
    if path.suffix.lower() != ".gif":
        raise ValueError(f"path must end in .gif; got {str(path)!r}")
    postures = list(postures)
    if not postures:
        raise ValueError("postures is empty: nothing to animate")
    others = [None] * len(postures) if compare is None else list(compare)
    if len(others) != len(postures):
        raise ValueError(f"compare has {len(others)} postures for {len(postures)} frames")
    path.parent.mkdir(parents=True, exist_ok=True)
    animated = [a for a in scene.figure.findobj() if a.get_animated()]
    for artist in animated:  # a saved frame is a full draw: every artist in it
        artist.set_animated(False)
    # PillowWriter grabs the frames; no FuncAnimation: on a live ipympl canvas (Lab, Voila) its
    # draw-event hook started the animation on the page and the save wrote no frame at all
    # (IndexError in PillowWriter.finish), so Save GIF never reached the browser.
    writer = PillowWriter(fps=fps)
    try:
        with scene.info.shown(), writer.saving(scene.figure, str(path), dpi):
            for i, (posture, other) in enumerate(zip(postures, others)):
                scene.update(posture, compare=other, compare_label=compare_label)
                writer.grab_frame()
                if progress is not None:
                    progress(i + 1, len(postures))
    finally:
        for artist in animated:
            artist.set_animated(True)
    return str(path)
