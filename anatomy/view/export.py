"""Figures to take away: PNG, SVG or PDF files and animated GIFs."""
from __future__ import annotations

import io
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

    Parameters
    ----------
    scene
        A `anatomy.scene.Scene`; it is left showing the last posture.
    postures
        A sequence of `anatomy.Posture` (for example from `anatomy.sweep`).
    path
        Where to write the ``.gif``.
    progress
        Optional callable ``progress(done, total)`` (the panels pass a progress bar).
    """
    from PIL import Image

    path = Path(path)
    if path.suffix.lower() != ".gif":
        raise ValueError(f"path must end in .gif; got {str(path)!r}")
    frames = []
    total = len(postures)
    for i, posture in enumerate(postures):
        scene.update(posture)
        buf = io.BytesIO()
        scene.figure.savefig(buf, format="png", dpi=dpi)
        buf.seek(0)
        frames.append(Image.open(buf).convert("P", palette=Image.ADAPTIVE, colors=128))
        if progress is not None:
            progress(i + 1, total)
    path.parent.mkdir(parents=True, exist_ok=True)
    frames[0].save(path, save_all=True, append_images=frames[1:], loop=0,
                   duration=int(1000 / fps), optimize=False)
    return str(path)
