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


def save_sweep_gif(scene, postures, path, *, fps: int = 8, dpi: int = 80, progress=None):
    """Render ``postures`` one by one on ``scene`` and save them as an animated GIF.

    Uses matplotlib's `~matplotlib.animation.FuncAnimation` and
    `~matplotlib.animation.PillowWriter`; every frame is drawn with the scene's readouts.

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
    """
    from matplotlib.animation import FuncAnimation, PillowWriter

    path = Path(path)
    if path.suffix.lower() != ".gif":
        raise ValueError(f"path must end in .gif; got {str(path)!r}")
    postures = list(postures)
    if not postures:
        raise ValueError("postures is empty: nothing to animate")
    path.parent.mkdir(parents=True, exist_ok=True)
    animated = [a for a in scene.figure.findobj() if a.get_animated()]
    for artist in animated:  # a saved frame is a full draw: every artist in it
        artist.set_animated(False)
    try:
        with scene.info.shown():
            animation = FuncAnimation(scene.figure, lambda i: scene.update(postures[i]),
                                      frames=len(postures), blit=False, repeat=False,
                                      cache_frame_data=False)
            callback = None if progress is None else (lambda i, n: progress(i + 1, n))
            try:
                animation.save(path, writer=PillowWriter(fps=fps), dpi=dpi,
                               progress_callback=callback)
            finally:
                # an animation left connected would start playing on the canvas's next draw
                scene.figure.canvas.mpl_disconnect(animation._first_draw_id)
                animation._stop()
    finally:
        for artist in animated:
            artist.set_animated(True)
    return str(path)
