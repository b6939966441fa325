"""The notebooks as committed: clean, structured, short cells (nbval then runs them)."""
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as nbtools  # noqa: E402

BOOKS = nbtools.all_notebooks()


def test_there_are_notebooks():
    assert BOOKS, "no notebooks under notebooks/"


@pytest.mark.parametrize("path", BOOKS, ids=[p.name for p in BOOKS])
def test_clean_outputs_only_in_check_cells(path):
    nb = nbformat.read(path, as_version=4)
    assert nbtools.problems(nb) == []
    assert any(nbtools.is_check_cell(c) for c in nb.cells), "no # NBVAL_CHECK_OUTPUT cell"


@pytest.mark.parametrize("path", BOOKS, ids=[p.name for p in BOOKS])
def test_structure_of_a_lesson(path):
    nb = nbformat.read(path, as_version=4)
    md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert len(re.findall(r"^# ", md, flags=re.M)) == 1, "exactly one H1"
    for heading in ("Overview", "Prerequisites", "Summary", "What's next", "References"):
        assert re.search(rf"^##+ .*{re.escape(heading)}", md, flags=re.M | re.I), heading
    assert re.search(r"you will be able to", md, flags=re.I), "objectives"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and "import" in code[0].source, "the first code cell is the setup cell"
    for cell in code[1:]:
        assert not re.search(r"^\s*(import|from \S+ import)", cell.source, flags=re.M), \
            "imports belong in the one setup cell"
        lines = [ln for ln in cell.source.splitlines()
                 if ln.strip() and not ln.strip().startswith("#")]
        assert len(lines) <= 12, f"a code cell of {len(lines)} lines: move logic to anatomy/"
        assert "np." not in cell.source, "model maths in a notebook cell: move it to anatomy/"
