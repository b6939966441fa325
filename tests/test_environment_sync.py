"""environment.yml (conda, Binder) carries what students run; pyproject.toml says the same.

Students run `dependencies` + the `notebook` extra; the `test` extra (pytest, nbval, ...) is
for CI and contributors and must stay out of the Binder image.
"""
import json
import re
import sys
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


def _pyproject(*extras: str) -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(data["dependencies"])
    for extra in extras:
        reqs += data["optional-dependencies"][extra]
    return dict(_split(r) for r in reqs)


STUDENT = ("numpy", "matplotlib", "ipywidgets", "ipympl", "jupyterlab", "voila", "pillow")


def test_same_packages_and_bounds():
    conda, pip = _environment_yml(), _pyproject("notebook")
    assert set(conda) == set(pip), (
        f"only in environment.yml: {sorted(set(conda) - set(pip))}; "
        f"only in pyproject.toml: {sorted(set(pip) - set(conda))}")
    for name in pip:
        assert conda[name] == pip[name], f"{name}: environment.yml {conda[name]!r} vs " \
                                         f"pyproject.toml {pip[name]!r}"


def test_binder_carries_what_students_run_and_no_test_tools():
    conda = _environment_yml()
    assert set(conda) == set(STUDENT), sorted(set(conda) ^ set(STUDENT))
    test_tools = set(_pyproject("test")) - set(_pyproject())
    assert test_tools >= {"pytest", "nbval", "hypothesis", "playwright"}, test_tools
    assert not test_tools & set(conda), f"test tools in the Binder image: {test_tools & set(conda)}"
    assert "pip:" not in (ROOT / "environment.yml").read_text(), "an extra pip step in Binder"


def test_readme_python_is_the_one_pyproject_requires():
    """The README's Python version is the oldest one the project (and its tests) runs on."""
    need = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    m = re.match(r">=\s*3\.(\d+)$", need)
    assert m, need
    readme = (ROOT / "README.md").read_text()
    assert f"3.{m.group(1)} or newer" in readme, f"README should say Python 3.{m.group(1)}"
    assert sys.version_info >= (3, int(m.group(1))), "tests run on an older Python than stated"


def test_postbuild_leaves_nothing_in_home():
    text = (ROOT / "postBuild").read_text()
    assert re.search(r"rm -rf build \./\*\.egg-info", text), "postBuild must remove build/ and *.egg-info"
    assert "-e ." not in text, "an editable install keeps build files in the student's home"


def test_binder_pins_python_and_installs_package():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"^\s*-\s+python=3\.\d+\s*$", text, re.M), "Binder needs an exact python"
    assert "-e ." not in text, "repo2docker cannot install the package from environment.yml"
    assert "pip install" in (ROOT / "postBuild").read_text()
    assert not (ROOT / "binder").exists(), "a binder/ folder would hide environment.yml"


def test_lab_opens_at_the_repository_root_on_the_start_page_even_with_arguments(monkeypatch):
    sys.path.insert(0, str(ROOT))
    import dev

    seen = []
    monkeypatch.setattr(dev, "_ensure_venv", lambda: None)
    monkeypatch.setattr(dev.subprocess, "call", lambda cmd, **k: seen.append(cmd) or 0)
    for args in ([], ["--port", "9999"]):
        dev.lab(args)
        cmd = seen[-1]
        assert f"--ServerApp.root_dir={ROOT}" in cmd, cmd  # docs/ is one click away
        assert "--LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb" in cmd, cmd
        assert cmd[-len(args):] == args if args else True
    assert (ROOT / "notebooks" / "00_start_here.ipynb").is_file()


def test_voila_command_serves_the_notebooks_folder_with_the_course_template(monkeypatch):
    sys.path.insert(0, str(ROOT))
    import dev

    seen = {}
    monkeypatch.setattr(dev, "_ensure_venv", lambda: None)
    monkeypatch.setattr(dev.subprocess, "call",
                        lambda cmd, **k: seen.update(cmd=cmd, **k) or 0)
    dev.voila([])
    assert seen["cmd"][-1] == "notebooks" and seen["cwd"] == dev.ROOT  # reads voila.json
    assert str(ROOT / "share" / "jupyter") in seen["env"]["JUPYTER_PATH"]
    config = json.loads((ROOT / "voila.json").read_text())
    assert config["VoilaConfiguration"]["template"] == "course"
    assert (ROOT / "share/jupyter/voila/templates/course/index.html.j2").is_file()
    cull = config["MappingKernelManager"]
    assert cull["cull_idle_timeout"] + cull["cull_interval"] <= 60, "freed within a minute"
    assert not cull["cull_connected"], "an open page's kernel must never be culled"
