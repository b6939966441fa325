"""Build the read-only edition of the course: a static site that works offline, from file://.

    python3 dev.py site                  # builds site/ (git-ignored) and site.zip inside it
    .venv/bin/python tools/build_site.py --out DIR [--repo OWNER/REPO] [--quick]

What it makes
-------------
* ``index.html``: the course map (every notebook, its question and reading time; teacher
  notes, worksheets, the model for teachers; the zip).
* one page per notebook: the notebook run top to bottom (text, static figures, printed
  tables, references), code hidden, questions with their answers folded in ``<details>``.
  Every interactive panel (``controls.task_explorer``, ``joint_explorer``,
  ``pelvis_explorer``) becomes a kernel-free panel: the same sliders (built by the real
  panel, so labels, ranges and start values are the notebook's), poses solved by the
  Python model on a grid over the sliders and drawn in the browser by
  ``tools/site_assets/panel.js`` from `anatomy.view.picture_spec`.
* one page per Markdown file in ``docs/`` (teacher notes, worksheets, the model).
* ``hamstring-explainer-site.zip``: the whole site, for a learning platform.

No network at build or view time: no CDN, no web fonts; every page is self-contained apart
from ``assets/`` (relative links, so ``file://`` works). The build prints each panel's data
size and the whole site's size, and fails if a panel's data passes 2 MB or the site 30 MB.

Layering: this builder imports the model, the view and the ui (to build the real panels);
nothing in ``anatomy/`` imports it.
"""
from __future__ import annotations

import argparse
import ast
import copy
import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from html.parser import HTMLParser
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from anatomy.model.posture import LIMITS  # what can stop a pose (`Posture.limited_by`)

_LIMITS = list(LIMITS)  # grows if a pose names a limit the tuple does not list

ROOT = Path(__file__).resolve().parents[1]
ASSETS = Path(__file__).resolve().parent / "site_assets"
PANEL_FUNCTIONS = ("task_explorer", "joint_explorer", "pelvis_explorer")
MAX_PANEL_BYTES = 2_000_000
MAX_SITE_BYTES = 30_000_000
ZIP_NAME = "hamstring-explainer-site.zip"
BINDER = "https://mybinder.org/v2/gh/{repo}/HEAD?urlpath=lab/tree/notebooks/{name}"

# Grid step per slider (degrees). Panels with one or two sliders get a fine grid (SLR every
# 5°, so the 55° and 80° the course talks about are grid points); the
# four-slider joint panel a coarser one (the data stays under 2 MB). The readouts say the step.
GRID_STEP = {"slr_deg": 5.0, "pelvic_incidence_deg": 5.0}
GRID_STEP_DEFAULT = 1.0
GRID_STEP_MANY = {"slr_deg": 10.0, "pelvic_tilt_deg": 10.0}  # more than two sliders
GRID_STEP_MANY_DEFAULT = 10.0


def _say(msg):
    print(f"[site] {msg}", flush=True)


# ------------------------------------------------------------------------------------------
# Panels: find them in the notebooks, solve them on a grid
# ------------------------------------------------------------------------------------------
def panel_calls(source: str):
    """``[(function, args, kwargs)]`` for every panel call in a code cell's source."""
    try:
        tree = ast.parse(source)
    except SyntaxError:  # a cell with IPython magics
        tree = ast.parse("\n".join(l for l in source.splitlines()
                                   if not l.lstrip().startswith(("%", "!"))))
    out = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in PANEL_FUNCTIONS):
            args = [ast.literal_eval(a) for a in node.args]
            kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
            out.append((node.func.attr, args, kwargs))
    return out


def grid_values(lo, hi, step, start):
    """Grid over [lo, hi] at ``step``, with both ends and the start value included."""
    n = int(np.floor((hi - lo) / step + 1e-9))
    vals = set(np.round(lo + step * np.arange(n + 1), 6).tolist()) | {round(hi, 6),
                                                                   round(start, 6)}
    return sorted(vals)


def _segment_transform(frame):
    r, o = frame.rotation, frame.origin
    return float(o[0]), float(o[1]), float(np.degrees(np.arctan2(r[1, 0], r[0, 0])))


def _local_outlines(posture):
    """Each side-view bone outline in its segment's frame (fixed for the person)."""
    from anatomy.model.body import _frames, posture_points
    from anatomy.view.outlines import bone_outlines
    from anatomy.view.picture_spec import BONES

    frames, _ = _frames(posture)
    outlines = bone_outlines(posture_points(posture).landmarks, "side")
    local = {}
    for name, (segment, _, _) in BONES.items():
        f = frames[segment]
        local[name] = (outlines[name] - f.origin) @ f.rotation  # rows: R^T (p - o)
    return local


def _check_rigid(local, posture):
    """The outlines must be rigid with their segments (what lets the page store 3 numbers
    per bone per pose); fail the build if a change to the outlines breaks that."""
    from anatomy.model.body import _frames, posture_points
    from anatomy.view.outlines import bone_outlines
    from anatomy.view.picture_spec import BONES

    frames, _ = _frames(posture)
    outlines = bone_outlines(posture_points(posture).landmarks, "side")
    for name, (segment, _, _) in BONES.items():
        f = frames[segment]
        again = local[name] @ f.rotation.T + f.origin
        err = float(np.abs(again - outlines[name]).max())
        if err > 2e-4:
            raise SystemExit(f"bone outline {name!r} is not rigid with the {segment} "
                             f"({err * 1000:.2f} mm off): store full outlines per pose")


GEOMETRY_LAYOUT = None  # filled on first use: [(name, number of 2-D points)]
_GEOMETRY_CACHE = {}


def _pose_key(p):
    return (p.task, p.pelvic_tilt_deg, p.hip_flexion_deg, p.knee_flexion_deg,
            p.lumbar_flexion_deg, p.pelvic_incidence_deg, p.frame_angle_deg,
            p.other_hip_flexion_deg, p.other_knee_flexion_deg,
            # the nerve panels' sliders move the head and the foot (`body.posture_points`)
            p.readouts.get("neck_flexion_deg", 0.0), p.readouts.get("ankle_dorsiflexion_deg", 0.0))


def geometry_record(posture):
    """The side-view point sets of one pose, as integers (mm; segment angles in 0.01°)."""
    key = _pose_key(posture)
    if key not in _GEOMETRY_CACHE:  # a stopped task repeats its last pose many times
        if len(_GEOMETRY_CACHE) > 20000:
            _GEOMETRY_CACHE.clear()
        _GEOMETRY_CACHE[key] = _geometry_record(posture)
    return _GEOMETRY_CACHE[key][0]


def _geometry_record(posture):
    from anatomy.model.body import _frames, posture_points
    from anatomy.model.muscles import HAMSTRING_HEADS

    pts = posture_points(posture)
    frames, _ = _frames(posture)
    nums = []
    for seg in ("pelvis", "femur", "tibia"):
        x, y, a = _segment_transform(frames[seg])
        nums += [round(x * 1000), round(y * 1000), round(a * 100)]
    arrays = [(f"path:{h}", pts.paths[h]) for h in HAMSTRING_HEADS] + [
        ("lumbar", pts.lumbar.reshape(-1, 3)), ("trunk", np.stack([pts.l1_top, pts.shoulder])),
        ("head", pts.head_centre[None]), ("arm", pts.arm), ("foot", pts.foot),
        ("other_leg", pts.other_leg), ("support", pts.support),
        ("hip", pts.hip_axis[None]), ("knee", pts.landmarks["knee_joint_centre"][None])]
    layout = [("transforms", 3)]
    for name, arr in arrays:
        xy = np.asarray(arr)[:, :2]
        layout.append((name, len(xy)))
        nums += np.round(xy * 1000).astype(int).ravel().tolist()
    # the joint-angle arcs, placed by the kernel scene's own function: per arc four pairs,
    # centre (mm), (from, sweep) in 0.01°, label (mm), (text-anchor, shown); the lumbar
    # label one pair (its words are in the point's record: `arc_texts`)
    marks = angle_marks(pts, posture, upright_task=_upright_task(posture.task))
    for key in ARC_KEYS:
        m = marks.get(key)
        layout.append((f"arc:{key}", 4))
        if m is None:
            nums += [0] * 8
            continue
        nums += [*np.round(m["centre"] * 1000).astype(int).tolist(),
                 round(np.degrees(m["from_rad"]) * 100), round(np.degrees(m["sweep_rad"]) * 100),
                 *np.round(m["label_at"] * 1000).astype(int).tolist(),
                 ANCHORS.index(m["ha"]), 1]
    layout.append(("label:lumbar", 1))
    nums += np.round(marks["lumbar"]["label_at"] * 1000).astype(int).tolist()
    # the group tag ("hamstrings") where the kernel scene puts it: text (mm), leader end (mm),
    # (text-anchor, 0)
    from anatomy.view.outlines import screen
    from anatomy.view.scene import group_tag_place
    at, end, ha = group_tag_place(screen(pts.paths["semimembranosus"], "side"), posture)
    layout.append(("tag", 3))
    nums += [*np.round(np.asarray(at) * 1000).astype(int).tolist(),
             *np.round(np.asarray(end) * 1000).astype(int).tolist(), ANCHORS.index(ha), 0]
    texts = [marks[k]["text"] if k in marks else "" for k in (*ARC_KEYS, "lumbar")]
    global GEOMETRY_LAYOUT
    if GEOMETRY_LAYOUT is None:
        GEOMETRY_LAYOUT = layout
    elif GEOMETRY_LAYOUT != layout:
        raise SystemExit("geometry layout changed between poses")
    return nums, texts


ARC_KEYS = ("pelvis", "hip", "knee", "trunk")  # the kernel scene's `SideView.ARCS`
ANCHORS = ("left", "center", "right")


def _upright_task(task):
    from anatomy.model.tasks import task_record
    return task_record(task).solver == "upright"  # as `Scene.task_solver` decides it


def angle_marks(*args, **kwargs):
    from anatomy.view.scene import angle_marks as marks
    return marks(*args, **kwargs)


def arc_texts(posture):
    """The words of the arcs and of the lumbar label, as the kernel scene writes them."""
    geometry_record(posture)
    return _GEOMETRY_CACHE[_pose_key(posture)][1]


def person_cells(posture):
    """One person's column of the comparison table (the kernel figure's readout rows)."""
    from anatomy.view.scene import person_rows
    angles, heads = person_rows(posture)
    return [text for _, text in angles + heads]


def person_labels(posture):
    from anatomy.model.muscles import FACTS, HAMSTRING_HEADS
    from anatomy.view.scene import person_rows
    angles, heads = person_rows(posture)
    labels = dict(zip((FACTS[h].abbreviation for h in HAMSTRING_HEADS),
                      (FACTS[h].label for h in HAMSTRING_HEADS)))
    return [[label, labels.get(label, label)] for label, _ in angles + heads]


def nerve_load(posture):
    from anatomy.view.nerve_art import nerve_load as load
    return load(posture)


def nerve_label(posture):
    from anatomy.view.nerve_art import nerve_label as label
    return label(posture)


def nerve_course(posture):
    """The nerve's course on screen (mm, flat), as `anatomy.view.nerve_art` draws it."""
    from anatomy.model.nerve_course import nerve_path_points
    return np.round(nerve_path_points(posture)[:, :2] * 1000).astype(int).ravel().tolist()


def delta_rows(rows):
    """Each row (a list of ints, or None) as its difference from the last row before it."""
    out, prev = [], None
    for row in rows:
        if row is None:
            out.append(None)
            continue
        out.append(list(row) if prev is None else [b - a for a, b in zip(prev, row)])
        prev = row
    return out


class _Strings:
    """A table of strings, each stored once; records hold indices into it."""

    def __init__(self):
        self.strings, self._index = [], {}

    def __call__(self, text):
        if text not in self._index:
            self._index[text] = len(self.strings)
            self.strings.append(text)
        return self._index[text]


def _deg(v):
    return round(v) + 0


def status_text(posture, target, note):
    from anatomy.view.scene import status_text as text
    return text(posture, target, note)


def readout_record(posture):
    """The numbers the picture itself needs (ints): what it draws as text and colour."""
    from anatomy.model.muscles import HAMSTRING_HEADS

    p = posture
    vals = [_deg(p.hip_flexion_deg), _deg(p.knee_flexion_deg), _deg(p.trunk_flexion_deg)]
    for key in ("leg_raise_deg",):
        vals.append(_deg(p.readouts[key]) if key in p.readouts else 0)
    vals += [round(1000 * p.hamstring_range_used[h]) for h in HAMSTRING_HEADS]  # per mille
    limited = getattr(p, "limited_by", None)
    if limited and limited not in _LIMITS:  # a limit the model added (the nerve, say)
        _LIMITS.append(limited)
    return vals + [1 if p.reachable else 0, _LIMITS.index(limited) + 1 if limited else 0]


def readout_columns():
    """Names of the values in `readout_record`, in order (for the page's renderer)."""
    from anatomy.model.muscles import HAMSTRING_HEADS

    return (["hip", "knee", "trunk", "leg_raise_deg"]
            + [f"colour:{h}" for h in HAMSTRING_HEADS] + ["reachable", "limited_by"])


class _Tables(HTMLParser):
    """Tables of an HTML snippet as ``[[[(tag, text), ...] per row] per table]``."""

    def __init__(self):
        super().__init__()
        self.tables, self._cell = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables and self.tables[-1]:
            self._cell = [tag, ""]

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append((self._cell[0], self._cell[1].strip()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[1] += data


def readout_tables(posture):
    """The kernel panel's readouts for ``posture`` (`anatomy.ui.controls.readout_html`),
    as tables of cells: the static panel shows exactly these strings."""
    from anatomy.ui.controls import readout_html

    parser = _Tables()
    parser.feed(readout_html(posture))
    return parser.tables


def panel_data(function, args, kwargs, quick=False, coarser=None):
    """Build the real panel, read its sliders, and solve it on a grid over them.

    ``coarser``: ``{slider key: factor}`` multiplying that slider's grid step."""
    from anatomy.model.muscles import FACTS, HAMSTRING_HEADS
    from anatomy.ui import controls

    panel = getattr(controls, function)(*args, presenter=False, **kwargs)
    try:
        sliders = [{"key": k, "label": s.description, "min": float(s.min),
                    "max": float(s.max), "step": float(s.step), "value": float(s.value)}
                   for k, s in panel.sliders.items()]
        play, play_direction = panel.play_key, panel.play_direction  # the slider Play moves
        lo, hi = panel.scene.limits
        title = panel.title
        solve = panel.solver  # the panel's own solver: slider values in, Posture out
        first = panel.posture
        target_key = panel._target_key  # the slider whose value the status line quotes
        nerve = panel.scene.nerve  # the nerve panels draw the sciatic nerve
        # the second persons the panel offers (ToggleButtons: label, passive SLR)
        compare = None if panel.compare is None else {
            "description": panel.compare.description,
            "options": [[label, slr] for label, slr in panel.compare.options]}
    finally:
        panel.close()
    many = len(sliders) > 2
    for s in sliders:
        table, default = (GRID_STEP_MANY, GRID_STEP_MANY_DEFAULT) if many else (
            GRID_STEP, GRID_STEP_DEFAULT)
        step = max(table.get(s["key"], default), s["step"])
        if quick:
            step *= 4
        step *= (coarser or {}).get(s["key"], 1)
        s["grid_step"] = step
        s["grid"] = grid_values(s["min"], s["max"], step, s["value"])
    local = _local_outlines(first)
    shape = [len(s["grid"]) for s in sliders]
    geoms, geom_index, points = [], {}, []
    columns = readout_columns()
    table_shape, cells = None, []
    words = _Strings()  # arc labels, status lines, the comparison table's cells
    nerve_courses = {}  # geometry index: the nerve's course (nerve panels)
    extra = []          # per grid point: indices into ``words``
    checked = 0
    for flat in range(int(np.prod(shape))):
        idx = np.unravel_index(flat, shape)
        values = {s["key"]: s["grid"][i] for s, i in zip(sliders, idx)}
        posture = solve(**values)
        note = getattr(solve, "note", None)  # read at once, as the kernel panel does
        target = None if target_key is None else float(values[target_key])
        status = status_text(posture, target, note)
        more = [words(t) for t in arc_texts(posture)] + [words(status)]
        if compare:
            more += [words(t) for t in person_cells(posture)]
        if nerve:  # its load (per mille of the threshold) and its label's words
            more += [round(1000 * nerve_load(posture)), words(nerve_label(posture)),
                     1 if abs(posture.frame_angle_deg) > 45.0 else 0]  # lying: label above
        extra.append(more)
        if checked < 3 and flat % max(1, int(np.prod(shape)) // 3) == 0:
            _check_rigid(local, posture)
            checked += 1
        g = geometry_record(posture)
        key = tuple(g)
        if key not in geom_index:
            geom_index[key] = len(geoms)
            geoms.append(g)
        rec = readout_record(posture)
        tables = readout_tables(posture)
        this_shape = [[[tag for tag, _ in row] for row in t] for t in tables]
        if table_shape is None:
            table_shape = this_shape
        elif this_shape != table_shape:
            raise SystemExit(f"{title}: the readout tables change shape between poses")
        cells.append([text for t in tables for row in t for _, text in row])
        points.append([geom_index[key]] + rec)
        if nerve and geom_index[key] not in nerve_courses:
            nerve_courses[geom_index[key]] = nerve_course(posture)
    # cells that never change are stored once; the others as indices into a string table
    varying = [i for i in range(len(cells[0])) if any(c[i] != cells[0][i] for c in cells)]
    strings = sorted({c[i] for c in cells for i in varying})
    lookup = {t: n for n, t in enumerate(strings)}
    for point, c, more in zip(points, cells, extra):
        point += [lookup[c[i]] for i in varying] + more
    people = None
    if compare:
        people = _compare_people(compare, sliders, solve, local, geom_index, geoms, words)
        people["labels"] = person_labels(first)
    outlines = {name: np.round(xy[:, :2] * 1000, 1).tolist() for name, xy in local.items()}
    return {
        "title": title, "function": function, "args": args, "kwargs": kwargs,
        "task": first.task, "sliders": sliders, "play": play,
        "limits_m": [round(float(v), 4) for v in (*lo, *hi)],
        # each pose's numbers as differences from the pose before it in this list (the first
        # as it is): poses come in grid order, so neighbours differ by a few mm, most parts
        # not at all; the page adds them up again once (panel.js ``undelta``)
        "outlines_mm": outlines, "layout": GEOMETRY_LAYOUT,
        "geometry": delta_rows(geoms),
        "columns": columns, "points": points,
        "tables": {"shape": table_shape, "fixed": cells[0], "varying": varying, "strings": strings},
        # after the tables' indices, each point holds: the arc labels (ARC_KEYS, then lumbar),
        # the status line, and (with a comparison) this person's column; indices into words
        "extra": {"arcs": [*ARC_KEYS, "lumbar"], "status": len(ARC_KEYS) + 1,
                  "person": len(ARC_KEYS) + 2 if compare else None,
                  "nerve": (len(ARC_KEYS) + 2 + (len(person_cells(first)) if compare else 0)
                            if nerve else None)},
        # the nerve's course (mm, x y x y ...) per geometry index (null: a second person's)
        "nerve": (delta_rows([nerve_courses.get(i) for i in range(len(geoms))]) if nerve
                  else None),
        "words": words.strings, "anchors": list(ANCHORS),
        "compare": people,
        "limits": _LIMITS,
        "play_direction": play_direction,
        "heads": {h: FACTS[h].abbreviation for h in HAMSTRING_HEADS},
        "head_labels": {h: FACTS[h].label for h in HAMSTRING_HEADS},
    }


def _compare_people(compare, sliders, solve, local, geom_index, geoms, words):
    """The second persons, solved on the panel's grid without its SLR slider (their SLR is
    theirs): per person, per point of that smaller grid, ``[geometry index, column cells]``,
    as the kernel panel solves them (`Panel._render`: the same slider values, SLR replaced)."""
    from anatomy.ui.controls import compare_label

    rest = [s for s in sliders if s["key"] != "slr_deg"]
    shape = [len(s["grid"]) for s in rest]
    out = {"description": compare["description"], "keys": [s["key"] for s in rest],
           "people": []}
    for label, slr in compare["options"]:
        if slr is None:
            out["nobody"] = label
            continue
        points = []
        for flat in range(int(np.prod(shape))):
            idx = np.unravel_index(flat, shape)
            values = {s["key"]: s["grid"][i] for s, i in zip(rest, idx)}
            posture = solve(**values, slr_deg=slr)
            if flat == 0:
                _check_rigid(local, posture)  # the same bones for the second person
            g = geometry_record(posture)
            key = tuple(g)
            if key not in geom_index:
                geom_index[key] = len(geoms)
                geoms.append(g)
            points.append([geom_index[key]] + [words(t) for t in person_cells(posture)])
        out["people"].append({"option": label, "slr": slr, "label": compare_label(slr),
                              "points": points})
    return out


# ------------------------------------------------------------------------------------------
# Pages
# ------------------------------------------------------------------------------------------
def _repo() -> str:
    env = os.environ.get("SITE_REPO")
    if env:
        return env
    try:
        url = subprocess.run(["git", "-C", str(ROOT), "remote", "get-url", "origin"],
                             capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "OWNER/REPO"
    m = re.search(r"github\.com[:/]([^/]+/[^/.]+?)(?:\.git)?$", url)
    return m.group(1) if m else "OWNER/REPO"


def page(title, body, *, depth=0, live=None, repo="OWNER/REPO", scripts="", nav=""):
    up = "../" * depth
    if live:
        url = BINDER.format(repo=repo, name=live)
        note = ("" if repo != "OWNER/REPO" else
                " (replace OWNER/REPO in the link with the course's GitHub path)")
        link = (f"<a href=\"{html.escape(url)}\" rel=\"noopener\">open the live notebook on "
                f"Binder</a>{note}, or on your university's JupyterHub")
    else:
        link = ("use the live notebooks: each notebook page links to its Binder copy, or use "
                "your university's JupyterHub")
    banner = (f"<div class=\"banner\" role=\"note\"><strong>Read-only edition.</strong> The "
              f"figures move, but no code runs here: poses were computed in advance on a "
              f"grid. To run and change the model, {link}.</div>")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<link rel="stylesheet" href="{up}assets/site.css">
</head>
<body>
{banner}
<nav class="topnav" aria-label="Course"><a href="{up}index.html">Course map</a>{nav}</nav>
<main>
{body}
</main>
<footer><p>The hamstring explainer, read-only edition. Educational material, not medical
advice. Code MIT; text and figures CC BY 4.0.</p></footer>
{scripts}
</body>
</html>
"""


def print_answers(body: str) -> str:
    """Copy every folded answer, after the question it answers (the paragraph before it),
    into a section that only prints, after a page break."""
    found = re.findall(r"(?:<p>((?:(?!</?p>).)*)</p>\s*)?<details>\s*<summary>(.*?)</summary>"
                       r"(.*?)</details>", body, re.S)
    if not found:
        return body
    items = "".join(f"<li>{f'<p class=question>{q}</p>' if q else ''}"
                    f"<p class=\"answer-label\">{s}</p>{c}</li>" for q, s, c in found)
    return body + (f"<section class=\"print-answers\" aria-hidden=\"true\"><h2>Answers</h2>"
                   f"<ol>{items}</ol></section>")


def rewrite_links(body: str, source: Path, target: Path, pages: dict) -> str:
    """Point links at the site's pages: ``x.ipynb`` and ``docs/*.md`` become ``.html``."""
    def fix(m):
        href = m.group(2)
        if re.match(r"^[a-z]+:|^#|^//", href):
            return m.group(0)
        path, _, frag = href.partition("#")
        dest = (source.parent / path).resolve()
        if dest in pages:
            rel = os.path.relpath(pages[dest], target.parent)
            return f"{m.group(1)}{rel}{'#' + frag if frag else ''}\""
        return f"{m.group(1)}#\" data-repo-path=\"{html.escape(path)}\" class=\"repo-link\""  # no dead link
    return re.sub(r'(<a\s[^>]*?href=")([^"]*)"', fix, body)


def _first(pattern, text, default=""):
    m = re.search(pattern, text, re.M)
    return m.group(1).strip() if m else default


def prepare_notebook(path: Path):
    """A copy of the notebook to run: each panel cell becomes a placeholder for its static
    panel, ``%matplotlib widget`` becomes ``inline`` (static figures as PNG)."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    panels = []
    run = copy.deepcopy(nb)
    for cell in run.cells:
        if cell.cell_type != "code":
            continue
        cell.source = cell.source.replace("%matplotlib widget", "%matplotlib inline")
        calls = panel_calls(cell.source)
        if calls:
            divs = []
            for call in calls:
                n = len(panels)
                panels.append(call)
                divs.append(f'<div class="site-panel" id="panel-{n}"></div>')
            cell.cell_type = "raw"
            cell.metadata = {"raw_mimetype": "text/html"}
            cell.source = "\n".join(divs)
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
    title = _first(r"^# (.+)$", "\n".join(c.source for c in nb.cells
                                          if c.cell_type == "markdown"), path.stem)
    return run, panels, title


def execute_notebook(path: Path, run, timeout=600):
    """Run the notebook copy top to bottom in a fresh kernel (its own process)."""
    from nbclient import NotebookClient

    t0 = time.perf_counter()
    NotebookClient(run, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - t0


def panels_json(panels, quick):
    data, sizes = [], []
    for n, (function, args, kwargs) in enumerate(panels):
        t0 = time.perf_counter()
        coarser = {}
        while True:  # a panel whose poses all differ may need a coarser grid to fit 2 MB
            d = panel_data(function, args, kwargs, quick=quick, coarser=coarser)
            text = json.dumps(d, separators=(",", ":"))
            if len(text) <= MAX_PANEL_BYTES or len(coarser) > 8:
                break
            widest = max(d["sliders"], key=lambda s: len(s["grid"]))
            coarser[widest["key"]] = coarser.get(widest["key"], 1) * 2
            _say(f"    '{d['title']}': {len(text) / 1e6:.2f} MB, over 2 MB: grid step of "
                 f"'{widest['label']}' doubled")
        sizes.append((d["title"], len(text), len(d["points"]), len(d["geometry"]),
                      time.perf_counter() - t0))
        data.append(f'<script type="application/json" id="panel-data-{n}">{text}</script>')
    return data, sizes


def notebook_page(path: Path, out: Path, run, title, data, repo, pages):
    from nbconvert import HTMLExporter

    from anatomy.view.picture_spec import as_json

    exporter = HTMLExporter(template_name="basic", exclude_input=True,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(run)
    body = rewrite_links(body, path, out / f"{path.stem}.html", pages)
    scripts = (f'<script type="application/json" id="picture-spec">{as_json()}</script>\n'
               + "\n".join(data) + '\n<script src="assets/panel.js"></script>')
    html_text = page(title, f'<article class="notebook">{print_answers(body)}</article>',
                     live=path.name, repo=repo, scripts=scripts if data else "")
    (out / f"{path.stem}.html").write_text(html_text)


def markdown_page(path: Path, target: Path, out: Path, repo, pages):
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    text = path.read_text()
    body = markdown2html_mistune(text)
    body = rewrite_links(body, path, target, pages)
    depth = len(target.relative_to(out).parts) - 1
    title = _first(r"^# (.+)$", text, path.stem)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page(title, f'<article class="doc">{print_answers(body)}</article>',
                           depth=depth, repo=repo))
    return title


def home_page(notebooks, docs, repo):
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    rows = []
    for path, title in notebooks:
        nb = json.loads(path.read_text())
        md = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
        minutes = _first(r"\*\*Time to learn\*\*:\s*(.+)$", md)
        intro = _first(r"^(?!#)([A-Z][^\n]+(?:\n[^\n#|>-][^\n]*)*)", md)
        intro = re.sub(r"\s+", " ", intro)
        if len(intro) > 240:
            intro = intro[:240].rsplit(" ", 1)[0] + "…"
        number = path.stem.split("_")[0]
        rows.append(f"<li><a href=\"{path.stem}.html\"><strong>{number} {html.escape(title)}"
                    f"</strong></a>"
                    f"{' <span class=meta>(' + html.escape(minutes) + ')</span>' if minutes else ''}"
                    f"{markdown2html_mistune(intro)}</li>")
    doc_rows = "".join(f"<li><a href=\"{html.escape(rel)}\">{html.escape(t)}</a></li>"
                       for rel, t in docs)
    body = f"""<h1>The hamstring explainer</h1>
<p>How the three hamstring muscles cross the hip and the knee, and how their length is tied to
pelvic tilt and the curve of the lower back. This is the <strong>read-only edition</strong>:
it works offline, on a phone, and from a learning platform. The panels move: every pose
they show was solved by the course's model in advance, on a grid over the sliders, and the
readouts say the grid step. To change the model or run your own numbers, use the live
notebooks (Binder or a JupyterHub).</p>
<h2>The course map</h2>
<ul class="course-map">{''.join(rows)}</ul>
<h2>For teachers</h2>
<ul>{doc_rows}</ul>
<h2>Download</h2>
<p><a href="{ZIP_NAME}" download>The whole site as one zip</a>, for a learning platform or a
USB stick: unzip it and open <code>index.html</code>.</p>"""
    return page("The hamstring explainer: course map", body, repo=repo)


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def build(out: Path, repo=None, quick=False, only=None) -> dict:
    """Build the site into ``out`` (emptied first); returns a summary dict."""
    t0 = time.perf_counter()
    repo = repo or _repo()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copytree(ASSETS, out / "assets")
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    docs = sorted((ROOT / "docs").rglob("*.md"))
    pages = {p.resolve(): out / f"{p.stem}.html" for p in notebooks}
    if only:
        notebooks = [p for p in notebooks if any(o in p.name for o in only)]
    for d in docs:
        pages[d.resolve()] = out / d.relative_to(ROOT).with_suffix(".html")
    summary = {"panels": [], "pages": []}
    titles = []
    prepared = [(path, *prepare_notebook(path)) for path in notebooks]
    # The kernels run in their own processes (two worker threads wait on them) while this
    # process solves the panels' grids: they overlap on a 2-core machine.
    # jupyter_client imports IPython.paths lazily when it first looks for a kernel; two
    # threads doing that first import at once failed once with KeyError: 'IPython'. Import it
    # here, before the threads start.
    import IPython.paths  # noqa: F401
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = [pool.submit(execute_notebook, path, run) for path, run, _, _ in prepared]
        panel_parts = [panels_json(panels, quick) for _, _, panels, _ in prepared]
        for (path, run, panels, title), job, (data, sizes) in zip(prepared, runs, panel_parts):
            seconds = job.result()
            notebook_page(path, out, run, title, data, repo, pages)
            titles.append((path, title))
            summary["pages"].append(f"{path.stem}.html")
            _say(f"{path.name}: ran in {seconds:.1f} s; {len(sizes)} panel(s)")
            for name, size, npts, ngeo, dt in sizes:
                _say(f"    panel '{name}': {size / 1e6:.2f} MB of data ({npts} grid points, "
                     f"{ngeo} distinct poses, {dt:.1f} s)")
                summary["panels"].append({"page": path.stem, "title": name, "bytes": size})
                if size > MAX_PANEL_BYTES:
                    raise SystemExit(f"panel '{name}' data is {size / 1e6:.2f} MB (limit 2 MB)")
    doc_links = []
    for d in docs:
        target = pages[d.resolve()]
        title = markdown_page(d, target, out, repo, pages)
        rel = str(target.relative_to(out))
        doc_links.append((rel, title))
        summary["pages"].append(rel)
    (out / "index.html").write_text(home_page(titles, doc_links, repo))
    summary["pages"].insert(0, "index.html")
    zpath = out / ZIP_NAME
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(out.rglob("*")):
            if f.is_file() and f != zpath:
                z.write(f, Path("hamstring-explainer") / f.relative_to(out))
    total = _size(out)
    _say(f"zip: {zpath.stat().st_size / 1e6:.2f} MB")
    _say(f"whole site: {total / 1e6:.2f} MB in {len(list(out.rglob('*.html')))} pages "
         f"(limit 30 MB), built in {time.perf_counter() - t0:.0f} s -> {out}")
    if total > MAX_SITE_BYTES:
        raise SystemExit(f"the site is {total / 1e6:.1f} MB (limit 30 MB)")
    summary["bytes"] = total
    (out / "assets" / "site-summary.json").write_text(json.dumps(summary, indent=1))
    return summary


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "site")
    ap.add_argument("--repo", help="GitHub OWNER/REPO for the Binder links")
    ap.add_argument("--quick", action="store_true",
                    help="grids 4x coarser per slider (the tests' build)")
    ap.add_argument("--only", nargs="*", help="build only notebooks whose name contains these")
    a = ap.parse_args(argv)
    os.environ.setdefault("MPLBACKEND", "Agg")
    build(a.out, a.repo, a.quick, a.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
