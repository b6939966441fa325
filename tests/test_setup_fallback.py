"""A notebook run where ipympl (the live-figure backend) is missing still gives pictures.

The kernel gets a stand-in ``ipympl`` package that refuses to import, as on a machine or hub
without it. The setup cell must fall back to still pictures and say so in one line; no cell
may fail (no NameError cascade), and the panels and figures must hold PNG pictures.
"""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def without_ipympl(tmp_path, monkeypatch):
    fake = tmp_path / "blocked" / "ipympl"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        'raise ImportError("No module named ipympl (blocked for this test)")\n')
    monkeypatch.setenv("PYTHONPATH", str(fake.parent))
    monkeypatch.delenv("MPLBACKEND", raising=False)
    return fake.parent


@pytest.mark.parametrize("name", ["00_start_here.ipynb", "03_pelvis_and_lumbar_curve.ipynb"])
def test_notebook_without_ipympl_gives_pictures_not_errors(without_ipympl, tmp_path, name):
    from nbclient import NotebookClient

    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    workdir = tmp_path / "notebooks"
    workdir.mkdir()
    client = NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(workdir)}})
    client.execute()
    code = [c for c in nb.cells if c.cell_type == "code"]
    errors = [(i, o.get("ename"), o.get("evalue")) for i, c in enumerate(code)
              for o in c.outputs if o.output_type == "error"]
    assert errors == [], f"{name}: cells failed without ipympl: {errors}"
    setup = "".join(o.get("text", "") for o in code[0].outputs if o.output_type == "stream")
    lines = [ln for ln in setup.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Still pictures"), setup
    # pictures: in the cells' outputs (static figures) or in the panels' output widgets
    cell_pngs = sum("image/png" in o.get("data", {}) for c in code for o in c.outputs)
    state = nb.metadata.get("widgets", {}).get(
        "application/vnd.jupyter.widget-state+json", {}).get("state", {})
    widget_pngs = sum(
        "image/png" in json.dumps(m["state"].get("outputs", []))
        for m in state.values() if m.get("model_name") == "OutputModel")
    panels = sum("controls." in c.source for c in code)
    assert widget_pngs >= panels, f"{name}: {panels} panels but {widget_pngs} panel pictures"
    assert cell_pngs + widget_pngs >= 1, f"{name}: no picture at all"
