"""Slider-to-pixels latency in a real browser: JupyterLab + ipympl vs the naive interact path.

Run with the project's environment and Debian's chromium installed:

    .venv/bin/python benchmarks/browser_latency.py [--moves 30]

For each explainer (the forward-bend panel, alone and with a second person to compare, the SLR
panel, the joint explorer, and notebook 07's nerve panels: the ankle at the top of the SLR, the
neck in the slump) and for the naive
path (``ipywidgets.interact`` with the inline backend, re-plotting the whole figure), it
presses the right-arrow key on a slider and times how long until the figure's pixels change
in the page: for ipympl, the next ``drawImage`` onto the figure's canvas; for the inline path,
the next ``<img>`` that has finished loading. Medians and p90 over the moves, measured in one
run. A measurement, not a test: it asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import nbformat
import numpy as np

EXPLAINERS = {
    "forward_bend": "panel = controls.task_explorer('forward_bend', slr_deg=60)\npanel.show()",
    "straight_leg_raise": "panel = controls.task_explorer('straight_leg_raise')\npanel.show()",
    "joints": "panel = controls.joint_explorer()\npanel.show()",
    # the same bend with a second person drawn dashed (the comparison: two poses per move)
    "forward_bend_compared": ("panel = controls.task_explorer('forward_bend', slr_deg=60)\n"
                              "panel.compare.value = panel.compare.options[1][1]\n"
                              "panel.show()"),
    # notebook 07's nerve panels as the notebook builds them: the ankle moved at the top of
    # the SLR, the neck released in the slump (both pressed towards lower values)
    "slr_nerve_ankle": ("panel = controls.task_explorer('straight_leg_raise', value=110, "
                        "nerve=True)\npanel.show()"),
    "slump_nerve_neck": "panel = controls.task_explorer('slump', nerve=True)\npanel.show()",
}
KEYS = {"slr_nerve_ankle": "ArrowLeft", "slump_nerve_neck": "ArrowLeft"}
"""The key pressed on each explainer's slider (default ArrowRight)."""
NAIVE = """\
import matplotlib.pyplot as plt
from ipywidgets import interact, FloatSlider
from anatomy.view.scene import Scene

@interact(trunk=FloatSlider(min=0, max=130, step=1, value=0, description='naive trunk'))
def show(trunk):
    scene = Scene(anatomy.forward_bend(trunk, slr_deg=60), name='naive', blit=False)
    plt.show()
"""

WATCH_CANVAS = """
() => {
  window.__frames = [];
  const proto = CanvasRenderingContext2D.prototype;
  if (!proto.__patched) {
    const orig = proto.drawImage;
    proto.drawImage = function(...args) {
      if (this.canvas && this.canvas.closest && this.canvas.closest('.jupyter-matplotlib-canvas-div'))
        window.__frames.push(performance.now());
      return orig.apply(this, args);
    };
    proto.__patched = true;
  }
}
"""
WATCH_IMG = """
() => {
  window.__frames = [];
  const out = document.querySelector('.widget-interact .widget-output');
  const seen = new WeakSet();
  const check = () => {
    for (const img of out.querySelectorAll('img')) {
      if (!seen.has(img) && img.complete && img.naturalWidth) {
        seen.add(img); window.__frames.push(performance.now());
      }
    }
  };
  for (const img of out.querySelectorAll('img')) seen.add(img);
  new MutationObserver(() => { check(); setTimeout(check, 0); })
    .observe(out, {childList: true, subtree: true});
  out.addEventListener('load', check, true);
}
"""


def _port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _notebook(path, body, backend):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(f"%matplotlib {backend}\nimport anatomy\n"
                                          "from anatomy import controls"),
                nbformat.v4.new_code_cell(body)]
    nbformat.write(nb, path)


def _measure(page, base, token, name, label, moves, watch, key="ArrowRight"):
    page.goto(f"{base}/lab/tree/{name}?reset&token={token}")
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=120_000)
    page.locator(".lm-MenuBar-item", has_text="Run").click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
    slider = page.locator(".widget-slider", has=page.locator(".widget-label", has_text=label))
    slider.first.wait_for(timeout=120_000)
    page.wait_for_timeout(4000)
    handle = slider.first.locator(".noUi-handle")
    handle.focus()
    page.evaluate(watch)
    times = []
    for _ in range(moves):
        n0 = page.evaluate("window.__frames.length")
        t0 = page.evaluate("performance.now()")
        page.keyboard.press(key)
        deadline = time.time() + 10
        while time.time() < deadline:
            frames = page.evaluate("window.__frames")
            if len(frames) > n0:
                times.append(frames[n0] - t0)
                break
            page.wait_for_timeout(5)
        page.wait_for_timeout(300)  # let the last frames settle before the next press
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--moves", type=int, default=30)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="latency-"))
    for key, body in EXPLAINERS.items():
        _notebook(tmp / f"{key}.ipynb", body, "widget")
    _notebook(tmp / "naive.ipynb", NAIVE, "inline")
    port, token = _port(), secrets.token_hex(8)
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
           f"--port={port}", f"--IdentityProvider.token={token}",
           f"--ServerApp.root_dir={tmp}", f"--LabApp.user_settings_dir={tmp / 'settings'}",
           f"--LabApp.workspaces_dir={tmp / 'ws'}"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    proc = subprocess.Popen(cmd, stdout=open(tmp / "lab.log", "w"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    results = {}
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                        args=["--disable-background-networking",
                                              "--disable-component-update", "--no-first-run"])
            labels = {"forward_bend": "Trunk flexion", "forward_bend_compared": "Trunk flexion",
                      "straight_leg_raise": "Leg raised", "slr_nerve_ankle": "Ankle",
                      "slump_nerve_neck": "Neck flexion",
                      "joints": "Hip flexion", "naive": "naive trunk"}
            for key in [*EXPLAINERS, "naive"]:
                page = browser.new_page(viewport={"width": 1366, "height": 900})
                watch = WATCH_IMG if key == "naive" else WATCH_CANVAS
                results[key] = _measure(page, base, token, f"{key}.ipynb", labels[key],
                                        args.moves, watch, KEYS.get(key, "ArrowRight"))
                page.close()
            browser.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    print(f"{'explainer':20s} {'moves':>5s} {'median ms':>10s} {'p90 ms':>8s}")
    summary = {}
    for key, t in results.items():
        med = statistics.median(t) if t else float("nan")
        p90 = float(np.percentile(t, 90)) if t else float("nan")
        summary[key] = {"median_ms": round(med, 1), "p90_ms": round(p90, 1), "moves": len(t)}
        print(f"{key:20s} {len(t):5d} {med:10.1f} {p90:8.1f}")
    naive = summary["naive"]["median_ms"]
    for key in EXPLAINERS:
        print(f"{key}: {naive / summary[key]['median_ms']:.1f}x faster than the naive path")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
