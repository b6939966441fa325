"""Input-to-painted-frame time of the static site's panels, beside the kernel panel's.

    .venv/bin/python benchmarks/site_latency.py [--site DIR] [--no-kernel] [--moves 30]

Builds the site (coarse grids, into a temporary folder) unless ``--site`` names a built one,
opens every page with a panel in headless Chromium (offline, from file://), and drags each
slider of each panel through its whole range with the mouse. For every ``input`` event it
records the time from the event (``event.timeStamp``) to just after the next painted frame (a
message posted from the frame's ``requestAnimationFrame`` callback runs after the paint).
Then, unless ``--no-kernel``, it runs ``benchmarks/browser_latency.py`` in the same run
(JupyterLab + ipympl, key press to changed pixels) and prints both. A measurement, not a
test: it asserts nothing. Target: the static panel within one frame (16.7 ms) median.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]

WATCH = """
() => {
  window.__lat = [];
  for (const input of document.querySelectorAll('.site-panel input[type=range]')) {
    input.addEventListener('input', (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => window.__lat.push(performance.now() - t0);
        ch.port2.postMessage(0);
      });
    });
  }
}
"""


def _stats(t):
    if not t:
        return float("nan"), float("nan")
    return statistics.median(t), float(np.percentile(t, 90))


def measure_site(site: Path, moves: int):
    from playwright.sync_api import sync_playwright

    summary = json.loads((site / "assets" / "site-summary.json").read_text())
    pages = sorted({p["page"] + ".html" for p in summary["panels"]})
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                    args=["--disable-background-networking",
                                          "--disable-component-update", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
                   else r.abort())
        for name in pages:
            page.goto((site / name).as_uri())
            page.evaluate(WATCH)
            for panel in page.query_selector_all(".site-panel"):
                title = panel.query_selector(".panel-title").inner_text()
                for slider in panel.query_selector_all("input[type=range]"):
                    label = slider.evaluate("s => s.labels[0].textContent")
                    slider.scroll_into_view_if_needed()
                    box = slider.bounding_box()
                    y = box["y"] + box["height"] / 2
                    page.evaluate("window.__lat = []")
                    page.mouse.move(box["x"] + 2, y)
                    page.mouse.down()
                    for i in range(moves + 1):
                        page.mouse.move(box["x"] + 2 + (box["width"] - 4) * i / moves, y)
                        page.wait_for_timeout(20)
                    page.mouse.up()
                    page.wait_for_timeout(100)
                    lat = page.evaluate("window.__lat")
                    rows.append((f"{title[:26]}: {label[:28]}", lat))
                    panel.query_selector("button.reset").click()
        browser.close()
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", type=Path, help="a built site (default: build one, coarse)")
    ap.add_argument("--moves", type=int, default=30)
    ap.add_argument("--no-kernel", action="store_true", help="skip the JupyterLab measurement")
    args = ap.parse_args()
    site = args.site
    if site is None:
        sys.path.insert(0, str(ROOT / "tools"))
        import build_site
        site = Path(tempfile.mkdtemp(prefix="site-bench-")) / "site"
        build_site.build(site, quick=True)
    rows = measure_site(site, args.moves)
    print(f"\n{'static panel: slider':58s} {'events':>6s} {'median ms':>10s} {'p90 ms':>8s}")
    everything = []
    for name, t in rows:
        med, p90 = _stats(t)
        everything += t
        print(f"{name:58s} {len(t):6d} {med:10.1f} {p90:8.1f}")
    med, p90 = _stats(everything)
    print(f"{'all static sliders':58s} {len(everything):6d} {med:10.1f} {p90:8.1f}"
          f"   (one frame at 60 Hz: 16.7 ms)")
    out = {"static": {"median_ms": round(med, 1), "p90_ms": round(p90, 1),
                      "events": len(everything)}}
    if not args.no_kernel:
        print("\nkernel panels (benchmarks/browser_latency.py, JupyterLab + ipympl), same run:")
        proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "browser_latency.py"),
                               "--moves", "15"], capture_output=True, text=True)
        lines = proc.stdout.strip().splitlines()
        print("\n".join(lines[:-1]) if lines else proc.stderr[-2000:])
        try:
            kernel = json.loads(lines[-1])
            out["kernel"] = kernel
            for key, k in kernel.items():
                if key != "naive" and k["median_ms"] == k["median_ms"]:
                    print(f"static panel vs kernel {key}: {k['median_ms'] / med:.1f}x faster "
                          f"(median {med:.1f} ms vs {k['median_ms']:.1f} ms)")
        except (IndexError, json.JSONDecodeError):
            print("the kernel measurement did not finish; see above")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
