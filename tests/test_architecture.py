"""The package's shape: the model never plots, the flow runs model → view → ui, no cycles."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import anatomy

PACKAGE = Path(anatomy.__file__).resolve().parent
LAYERS = ("model", "view", "ui")
# what each layer may import from the package (besides itself)
ALLOWED = {"model": set(), "view": {"model"}, "ui": {"model", "view"}}


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path, source: str | None = None) -> set[str]:
    """Every ``anatomy...`` module a file imports, relative imports resolved (any depth,
    including imports inside functions)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    text = path.read_text() if source is None else source
    for node in ast.walk(ast.parse(text, filename=str(path))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "anatomy"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if mod.split(".")[0] != "anatomy":
                continue
            found.add(mod)
            for a in node.names:  # ``from . import posture`` names a module
                if (PACKAGE.parent / (mod.replace(".", "/") + f"/{a.name}.py")).exists():
                    found.add(f"{mod}.{a.name}")
    return found


def _graph() -> dict[str, set[str]]:
    files = sorted(PACKAGE.rglob("*.py"))
    names = {_module_name(f) for f in files}
    graph = {}
    for f in files:
        deps = {d for d in _imports(f) if d in names and d != _module_name(f)}
        graph[_module_name(f)] = deps
    return graph


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def test_every_module_lives_in_a_layer():
    stray = [m for m in _graph() if m != "anatomy" and _layer(m) is None]
    assert stray == [], f"modules outside anatomy/model, view or ui: {stray}"


def _against_the_flow(graph, layer):
    bad = []
    for module, deps in graph.items():
        if _layer(module) != layer:
            continue
        for d in deps:
            target = _layer(d)
            if d == "anatomy" or (target not in (layer, None) and target not in ALLOWED[layer]):
                bad.append(f"{module} imports {d}")
    return bad


@pytest.mark.parametrize("layer", LAYERS)
def test_imports_flow_one_way(layer):
    bad = _against_the_flow(_graph(), layer)
    assert bad == [], "imports against the flow model → view → ui:\n" + "\n".join(bad)


def test_no_import_cycles():
    graph = _graph()
    # the package's own __init__ re-exports: leave it out of the cycle search
    graph = {m: {d for d in deps if d != "anatomy"} for m, deps in graph.items()
             if m != "anatomy"}
    for module in graph:
        graph[module] -= {p for p in graph if module.startswith(p + ".") and
                          p.count(".") == 1}  # a module imports its package's __init__
    state: dict[str, int] = {}
    cycles = []

    def visit(node, stack):
        state[node] = 1
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for m in graph:
        if m not in state:
            visit(m, [m])
    assert cycles == [], f"import cycles: {cycles}"


def test_the_walker_sees_a_forbidden_import():
    """The check itself can fail: a model file that imports the view is reported."""
    probe = PACKAGE / "model" / "probe.py"  # never written: the source is passed in
    deps = _imports(probe, "def f():\n    from ..view import scene\n")
    assert deps == {"anatomy.view", "anatomy.view.scene"}
    graph = dict(_graph(), **{"anatomy.model.probe": deps})
    assert sorted(_against_the_flow(graph, "model")) == [
        "anatomy.model.probe imports anatomy.view",
        "anatomy.model.probe imports anatomy.view.scene"]


def test_import_anatomy_loads_the_model_only():
    code = ("import sys, anatomy; "
            "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'IPython') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]", f"import anatomy loaded {out}"


def test_lazy_names_still_work():
    out = subprocess.run(
        [sys.executable, "-c",
         "import anatomy, sys; from anatomy import controls, figures; "
         "print(callable(anatomy.present), callable(anatomy.notebook_hints), "
         "controls.__name__, figures.__name__, 'matplotlib' in sys.modules)"],
        capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "True", "anatomy.ui.controls", "anatomy.view.figures", "True"]


def test_every_public_name_resolves():
    missing = [n for n in anatomy.__all__ if getattr(anatomy, n, None) is None]
    assert missing == []
