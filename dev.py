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
start page stays); ``voila --class APP[:N]`` readies N kernels for a class (see `voila`).
After ``site`` they go to ``tools/build_site.py`` (``python3 dev.py site --repo OWNER/REPO``
for the Binder links). Needs Python 3.11 or newer.
"""
from __future__ import annotations

import hashlib
import json
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


CLASS_POOL_DEFAULT = 10
"""Kernels started ahead for ``--class APP`` without a number (a class of ten)."""
CLASS_FILL_DELAY_S = 300
"""Seconds before Voila starts a new kernel for each one a page took (Voila's default, 1 s,
refills the pool while the class is arriving, competing with the pages for the cores)."""


def class_config(spec: str) -> dict:
    """The Voila settings for ``--class APP[:N]``: N kernels for APP, each running the
    notebook before the class arrives (Voila's pre-heated kernels), none for the other apps.

    >>> class_config("02_two_joints_one_muscle.ipynb:4")["VoilaKernelManager"]["kernel_pools_config"]
    {'default': {'pool_size': 0}, '02_two_joints_one_muscle.ipynb': {'pool_size': 4}}
    """
    app, _, n = spec.partition(":")
    apps = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    if app not in apps:
        raise SystemExit(f"[dev.py] --class: {app!r} is not one of the notebooks: "
                         + ", ".join(apps))
    try:
        size = int(n) if n else CLASS_POOL_DEFAULT
    except ValueError:
        size = -1
    if not 1 <= size <= 40:
        raise SystemExit(f"[dev.py] --class: the number of kernels must be 1 to 40; got {n!r} "
                         f"(each holds about 170 MB)")
    config = json.loads((ROOT / "voila.json").read_text())
    config["VoilaConfiguration"]["preheat_kernel"] = True
    config["VoilaKernelManager"] = {
        "fill_delay": CLASS_FILL_DELAY_S,
        "kernel_pools_config": {"default": {"pool_size": 0}, app: {"pool_size": size}}}
    return config


def voila(args: list[str]) -> int:
    """The course as apps for a class: voila.json (kernel culling, the course template) and
    the notebooks/ folder, whose index page is the course map.

    ``--class APP[:N]`` (for example ``--class 04_tight_hamstrings_and_the_lower_back.ipynb:10``)
    starts N kernels for the app of the day before the class arrives, each having run the
    notebook (`class_config`); the settings go to ``.voila-class/voila.json``, which Voila
    reads from its working folder instead of the repository's.
    """
    _ensure_venv()
    args = list(args)
    cwd, notebooks = ROOT, "notebooks"
    if "--class" in args:
        i = args.index("--class")
        if i + 1 >= len(args):
            raise SystemExit("[dev.py] --class needs a notebook, e.g. --class "
                             "04_tight_hamstrings_and_the_lower_back.ipynb:10")
        config = class_config(args[i + 1])
        del args[i:i + 2]
        cwd = ROOT / ".voila-class"
        cwd.mkdir(exist_ok=True)
        (cwd / "voila.json").write_text(json.dumps(config, indent=2) + "\n")
        notebooks = str(ROOT / "notebooks")
        pool = config["VoilaKernelManager"]["kernel_pools_config"]
        app = next(k for k in pool if k != "default")
        _say(f"starting {pool[app]['pool_size']} kernels for {app} ahead of the class "
             "(about 170 MB each); each runs the notebook first, so wait a minute or two "
             "before the class opens it")
    cmd = [str(BIN / "voila"), "--no-browser", "--Voila.ip=127.0.0.1", *args, notebooks]
    env = dict(os.environ, JUPYTER_PATH=os.pathsep.join(
        p for p in (str(ROOT / "share" / "jupyter"), os.environ.get("JUPYTER_PATH")) if p))
    _say(" ".join(cmd))
    return subprocess.call(cmd, cwd=cwd, env=env)


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
