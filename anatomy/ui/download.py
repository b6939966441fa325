"""Save buttons that reach the student: a file the browser downloads, with a name that says
what it shows and never overwrites the last one.

The kernel renders the figure, keeps a copy in ``exports/`` beside the notebook (for the
teacher's own machine), and hands the bytes to the page as a ``data:`` link with a
``download`` attribute. The page's helper script (`anatomy.ui.a11y.PAGE_SCRIPT`) clicks the
link once when it appears, so one click on *Save* starts the download, in JupyterLab and in
Voila alike; the link stays visible in case the browser blocked it.

Examples
--------
>>> from anatomy.ui.download import pose_slug, free_path
>>> pose_slug("forward_bend", {"slr_deg": 55.0, "trunk_flexion_deg": 60.4})
'forward-bend_slr-55deg_trunk-flexion-60deg'
>>> pose_slug("joint_pose", {"pelvic_tilt_deg": -5.0})
'joint-pose_pelvic-tilt-minus5deg'
"""
from __future__ import annotations

import base64
import html
from pathlib import Path

MIME = {"png": "image/png", "svg": "image/svg+xml", "gif": "image/gif", "pdf": "application/pdf"}


def pose_slug(task: str, values: dict[str, float]) -> str:
    """A file-name stem that says what a figure shows: the task and each slider's value."""
    parts = [task.replace("_", "-")]
    for key, value in values.items():
        name = key.removesuffix("_deg").replace("_", "-")
        v = int(round(float(value)))
        parts.append(f"{name}-{'minus' if v < 0 else ''}{abs(v)}deg")
    return "_".join(parts)


def free_path(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem.suffix``, or ``stem-2``, ``stem-3``... if that file already exists."""
    folder = Path(folder)
    path = folder / f"{stem}.{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.{suffix}"
        n += 1
    return path


def download_link(path, label: str | None = None) -> str:
    """HTML for a link that makes the browser download the file at ``path`` (its bytes are in
    the link, so it works wherever the page is served from)."""
    path = Path(path)
    data = path.read_bytes()
    kind = path.suffix.lower().lstrip(".")
    href = f"data:{MIME.get(kind, 'application/octet-stream')};base64," \
           f"{base64.b64encode(data).decode('ascii')}"
    name = html.escape(path.name, quote=True)
    size = f"{len(data) / 1024:.0f} kB"
    text = html.escape(label or f"Download {path.name}")
    return (f"<a class='anatomy-download' data-autoclick='1' download=\"{name}\" "
            f"href=\"{href}\">⬇ {text}</a> <small>({size}; a copy is in "
            f"<code>{html.escape(str(path.parent))}/</code>)</small>")
