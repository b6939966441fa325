#!/usr/bin/env python3
"""The project's two set-up commands, for a fresh machine that has only ``python3``.

    python3 dev.py lab     # JupyterLab at the repository root, on notebooks/00_start_here.ipynb
    python3 dev.py voila   # the course as apps (Voila): the course map at http://127.0.0.1:8866/
    python3 dev.py test    # run every test: unit tests, nbval on every notebook, browser tests
    python3 dev.py site    # build the read-only edition (static site, works offline) in site/

Each command creates a virtual environment in ``.venv/`` the first time (or reuses it), and
installs the project into it with the packages listed in ``pyproject.toml``. It re-installs
only when ``pyproject.toml`` has changed since the last install.

Extra arguments after ``test`` are handed to pytest (``python3 dev.py test -k muscles``).
Extra arguments after ``lab`` or ``voila`` are handed to ``jupyter lab`` or ``voila`` (the
start page stays); after ``site``, to ``tools/build_site.py`` (``python3 dev.py site --repo
OWNER/REPO`` for the Binder links). Needs Python 3.11 or newer.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

if sys.version_info < (3, 11):
    sys.exit(f"[dev.py] needs Python 3.11 or newer; this is {sys.version.split()[0]}")

import tomllib  # noqa: E402

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed-from"


def _say(msg: str) -> None:
    print(f"[dev.py] {msg}", flush=True)


def _ensure_venv() -> None:
    if not PY.exists():
        _say(f"creating a virtual environment in {VENV}")
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        except Exception as exc:  # Debian splits venv/ensurepip into python3-venv
            sys.exit(
                f"[dev.py] could not create {VENV}: {exc}\n"
                "On Debian/Ubuntu install the venv module first: sudo apt-get install python3-venv"
            )
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    packages = [*project["dependencies"], *project["optional-dependencies"]["notebook"],
                *project["optional-dependencies"]["test"]]
    _say("step 1/3: updating pip")
    subprocess.run([str(PY), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    _say(f"step 2/3: installing {len(packages)} packages and what they need "
         "(first run only: a few minutes; pip prints each one)")
    subprocess.run([str(PY), "-m", "pip", "install", "--progress-bar", "on", *packages],
                   check=True)
    _say("step 3/3: installing this project (editable, so your edits to anatomy/ count)")
    done = subprocess.run(
        [str(PY), "-m", "pip", "install", "--quiet", "--no-deps", "-e", str(ROOT)],
        capture_output=True, text=True)
    if done.returncode != 0:  # the build backend's own notes only matter when it fails
        sys.exit(f"[dev.py] installing the project failed:\n{done.stdout}\n{done.stderr}")
    # the same JupyterLab settings as Binder (see postBuild)
    settings = VENV / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "overrides.json").write_text((ROOT / ".binder-overrides.json").read_text())
    STAMP.write_text(wanted + "\n")


def _as_root() -> list[str]:
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


def lab(args: list[str]) -> int:
    """JupyterLab rooted at the repository (so docs/ is one click away), on the start page."""
    _ensure_venv()
    cmd = [str(BIN / "jupyter"), "lab", "--ip=127.0.0.1", f"--ServerApp.root_dir={ROOT}",
           "--LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb", *_as_root(), *args]
    _say(" ".join(cmd))
    return subprocess.call(cmd, cwd=ROOT)


def voila(args: list[str]) -> int:
    """The course as apps for a class: voila.json (kernel culling, the course template) and
    the notebooks/ folder, whose index page is the course map."""
    _ensure_venv()
    cmd = [str(BIN / "voila"), "--no-browser", "--Voila.ip=127.0.0.1", *args, "notebooks"]
    env = dict(os.environ, JUPYTER_PATH=os.pathsep.join(
        p for p in (str(ROOT / "share" / "jupyter"), os.environ.get("JUPYTER_PATH")) if p))
    _say(" ".join(cmd))
    return subprocess.call(cmd, cwd=ROOT, env=env)


def test(args: list[str]) -> int:
    _ensure_venv()
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0")
    cmd = [str(PY), "-m", "pytest", "-p", "no:cacheprovider", *args] if args else [
        str(PY), "-m", "pytest", "-p", "no:cacheprovider", "-ra",
        "--doctest-modules", "anatomy", "tests", "--nbval-lax", "--nbval-current-env",
        "notebooks",
    ]
    _say(" ".join(cmd))
    rc = subprocess.call(cmd, cwd=ROOT, env=env)
    return rc


def site(args: list[str]) -> int:
    _ensure_venv()
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0")
    cmd = [str(PY), str(ROOT / "tools" / "build_site.py"), *args]
    _say(" ".join(cmd))
    return subprocess.call(cmd, cwd=ROOT, env=env)


def main(argv: list[str]) -> int:
    commands = {"lab": lab, "voila": voila, "test": test, "site": site}
    if not argv or argv[0] not in commands:
        print(__doc__)
        return 2
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
