"""Servers and a browser for the browser tests: JupyterLab and Voila on 127.0.0.1, Chromium.

Each server gets its own port, a token (Lab), and temporary settings, workspace and runtime
folders, and serves a temporary *copy* of notebooks/ (so running the notebooks in the
browser never writes into the repository). They are stopped by their own process ids.
Debian's chromium is driven by Playwright for Python (``executable_path``, never
``playwright install``). Without chromium the tests skip locally (saying why) and fail on CI.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = ["--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-gpu", "--disable-quic"]


def _chromium() -> str | None:
    for path in CHROMIUM_CANDIDATES:
        if Path(path).exists():
            return path
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def chromium_path():
    path = _chromium()
    if path is None:
        msg = ("Debian's chromium is not installed (apt-get install chromium); "
               ".ci/run installs it, locally the browser tests are skipped")
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, proc: subprocess.Popen, log: Path, timeout: float = 90.0):
    t0 = time.time()
    while time.time() - t0 < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"server did not answer {url} in {timeout} s:\n{log.read_text()[-3000:]}")


def _stop(proc: subprocess.Popen):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


@pytest.fixture(scope="session")
def served_notebooks(tmp_path_factory):
    """A temporary copy of notebooks/ that the servers run."""
    dest = tmp_path_factory.mktemp("served") / "notebooks"
    shutil.copytree(ROOT / "notebooks", dest,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "exports"))
    return dest


def _jupyter_env(tmp: Path) -> dict:
    env = dict(os.environ)
    env.update(JUPYTERLAB_SETTINGS_DIR=str(tmp / "user-settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"),
               JUPYTER_CONFIG_DIR=str(tmp / "config"),
               JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
               MPLBACKEND="module://ipympl.backend_nbagg",
               PYTHONWARNINGS="ignore::DeprecationWarning")
    return env


@pytest.fixture(scope="session")
def lab(served_notebooks, tmp_path_factory, chromium_path):
    """A JupyterLab server: yields its base URL and token."""
    tmp = tmp_path_factory.mktemp("lab")
    env = _jupyter_env(tmp)
    env.pop("MPLBACKEND")
    port, token = _free_port(), secrets.token_hex(12)
    log = tmp / "lab.log"
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
           f"--port={port}", f"--IdentityProvider.token={token}",
           f"--ServerApp.root_dir={served_notebooks}", "--ServerApp.open_browser=False",
           f"--LabApp.user_settings_dir={tmp / 'user-settings'}",
           f"--LabApp.workspaces_dir={tmp / 'workspaces'}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    # user settings for this server only: windowingMode "none" renders every output, so the
    # tests need not scroll to find one; no news pop-up
    user = tmp / "user-settings" / "@jupyterlab" / "notebook-extension"
    user.mkdir(parents=True, exist_ok=True)
    (user / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    note = tmp / "user-settings" / "@jupyterlab" / "apputils-extension"
    note.mkdir(parents=True, exist_ok=True)
    (note / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    proc = subprocess.Popen(cmd, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_http(f"{base}/api/status?token={token}", proc, log)
        yield {"base": base, "token": token, "log": log}
    finally:
        _stop(proc)


def start_voila(notebooks: Path, tmp: Path, *, cull_interval_s=None, cull_idle_s=None,
                config=None):
    """Start Voila as `python3 dev.py voila` does: the repository's voila.json (optionally with
    a shorter cull interval, for tests, or the whole ``config``, as `dev.py voila --class`
    writes it) and its `course` template. Returns (proc, base, log)."""
    env = _jupyter_env(tmp)
    env.pop("MPLBACKEND")
    env["JUPYTER_PATH"] = str(ROOT / "share" / "jupyter")
    if config is None:
        config = json.loads((ROOT / "voila.json").read_text())
    if cull_interval_s is not None:
        config["MappingKernelManager"].update(cull_interval=cull_interval_s,
                                              cull_idle_timeout=cull_idle_s)
    (tmp / "voila.json").write_text(json.dumps(config))  # Voila reads it from its cwd
    port = _free_port()
    log = tmp / "voila.log"
    cmd = [sys.executable, "-m", "voila", "--no-browser", f"--port={port}",
           "--Voila.ip=127.0.0.1", str(notebooks)]
    proc = subprocess.Popen(cmd, env=env, cwd=tmp, stdout=log.open("w"),
                            stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_http(f"{base}/", proc, log)
    except Exception:
        _stop(proc)
        raise
    return proc, base, log


def kernel_processes(proc: subprocess.Popen) -> list:
    """The kernels a server has started (its ipykernel child processes)."""
    import psutil

    try:
        children = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    out = []
    for child in children:
        try:
            if "ipykernel" in " ".join(child.cmdline()):
                out.append(child)
        except psutil.Error:
            pass
    return out


@pytest.fixture(scope="session")
def voila(served_notebooks, tmp_path_factory, chromium_path):
    """A Voila server on the notebooks folder, configured by the repository's voila.json (its
    default refuses code from the page)."""
    proc, base, log = start_voila(served_notebooks, tmp_path_factory.mktemp("voila"))
    try:
        yield {"base": base, "log": log, "proc": proc}
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
