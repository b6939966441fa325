"""environment.yml (conda, Binder) and pyproject.toml (pip) must list the same packages."""
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# conda-forge names that differ from PyPI names
CONDA_TO_PYPI = {}
NOT_PACKAGES = {"python", "pip"}


def _split(req: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", req)
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def _environment_yml() -> dict[str, str]:
    out = {}
    section = None
    for line in (ROOT / "environment.yml").read_text().splitlines():
        head = re.match(r"^(\w+):", line)
        if head:
            section = head.group(1)
        if section != "dependencies":
            continue
        m = re.match(r"^\s*-\s+([^#:]+?)\s*$", line)
        if not m:
            continue
        name, spec = _split(m.group(1).replace("=", "==", 1) if re.match(
            r"^[A-Za-z0-9_.\-]+=[^=<>]", m.group(1)) else m.group(1))
        name = CONDA_TO_PYPI.get(name, name)
        if name not in NOT_PACKAGES:
            out[name] = spec
    return out


def _pyproject() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(data["dependencies"])
    for extra in data.get("optional-dependencies", {}).values():
        reqs += extra
    return dict(_split(r) for r in reqs)


def test_same_packages_and_bounds():
    conda, pip = _environment_yml(), _pyproject()
    assert set(conda) == set(pip), (
        f"only in environment.yml: {sorted(set(conda) - set(pip))}; "
        f"only in pyproject.toml: {sorted(set(pip) - set(conda))}")
    for name in pip:
        assert conda[name] == pip[name], f"{name}: environment.yml {conda[name]!r} vs " \
                                         f"pyproject.toml {pip[name]!r}"


def test_design_card_packages_present():
    for name in ("jupyterlab", "matplotlib", "ipywidgets", "numpy", "nbval", "ipympl"):
        assert name in _pyproject()


def test_binder_pins_python_and_installs_package():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"^\s*-\s+python=3\.\d+\s*$", text, re.M), "Binder needs an exact python"
    assert "-e ." not in text, "repo2docker cannot install the package from environment.yml"
    assert "pip install" in (ROOT / "postBuild").read_text()
    assert not (ROOT / "binder").exists(), "a binder/ folder would hide environment.yml"
