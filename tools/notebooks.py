"""Keep the notebooks clean: stored outputs only where nbval compares them.

    python tools/notebooks.py refresh [NOTEBOOK ...]   # run, then keep only the check outputs
    python tools/notebooks.py check                    # report notebooks that are not clean

A clean notebook has no outputs and no execution counts, except in cells marked
``# NBVAL_CHECK_OUTPUT``: those keep their text output and an execution count, because nbval
compares a cell's new output with the stored one only when both are there (a cell whose
stored execution count is empty is not compared). Widget state and other run-time metadata
are dropped. ``refresh`` runs each notebook in a fresh kernel from the notebooks folder
(nbclient, which Voila brings in).
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
CHECK = "# NBVAL_CHECK_OUTPUT"
RUNTIME_METADATA = ("widgets", "execution", "collapsed", "scrolled", "ExecuteTime")


def is_check_cell(cell) -> bool:
    return cell.cell_type == "code" and cell.source.lstrip().startswith(CHECK)


def _text_outputs(cell):
    """A check cell keeps plain-text stream and result outputs only (no images, no HTML)."""
    kept = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream" and out.name == "stdout":
            kept.append(out)
        elif out.output_type in ("execute_result", "display_data"):
            data = {k: v for k, v in out.get("data", {}).items() if k == "text/plain"}
            if data:
                out = nbformat.v4.new_output(out.output_type, data=data,
                                             execution_count=out.get("execution_count"))
                if out.output_type == "display_data":
                    out.pop("execution_count", None)
                kept.append(out)
    return kept


def strip(nb):
    """Clear outputs and counts except in check cells; drop run-time metadata. In place."""
    count = 0
    for key in RUNTIME_METADATA:
        nb.metadata.pop(key, None)
    for cell in nb.cells:
        for key in RUNTIME_METADATA:
            cell.metadata.pop(key, None)
        cell.pop("id", None) if nb.nbformat_minor < 5 else None
        if cell.cell_type != "code":
            continue
        if is_check_cell(cell):
            count += 1
            cell.outputs = _text_outputs(cell)
            cell.execution_count = count
            for out in cell.outputs:
                if out.output_type == "execute_result":
                    out.execution_count = count
        else:
            cell.outputs = []
            cell.execution_count = None
    return nb


def problems(nb) -> list[str]:
    """What is not clean in a notebook (an empty list when it is)."""
    found = []
    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        found.append("kernelspec is not python3")
    if "widgets" in nb.metadata:
        found.append("stored widget state in the notebook metadata")
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if is_check_cell(cell):
            if not cell.outputs or cell.execution_count is None:
                found.append(f"cell {i} is a check cell without a stored output and count "
                             "(nbval would not compare it): run tools/notebooks.py refresh")
            elif any(o.output_type not in ("stream", "execute_result") for o in cell.outputs):
                found.append(f"cell {i} is a check cell with non-text output")
        elif cell.outputs or cell.execution_count is not None:
            found.append(f"cell {i} has stored outputs or an execution count")
    return found


def refresh(paths):
    from nbclient import NotebookClient

    for path in paths:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, timeout=600, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}})
        client.execute()
        nbformat.write(strip(nb), path)
        print(f"refreshed {path.relative_to(ROOT)}")


def all_notebooks():
    return sorted(p for p in NOTEBOOKS.glob("*.ipynb"))


def main(argv):
    if not argv or argv[0] not in ("refresh", "check", "strip"):
        print(__doc__)
        return 2
    paths = [Path(a).resolve() for a in argv[1:]] or all_notebooks()
    if argv[0] == "refresh":
        refresh(paths)
        return 0
    if argv[0] == "strip":
        for path in paths:
            nbformat.write(strip(nbformat.read(path, as_version=4)), path)
        return 0
    bad = 0
    for path in paths:
        for p in problems(nbformat.read(path, as_version=4)):
            print(f"{path.relative_to(ROOT)}: {p}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
