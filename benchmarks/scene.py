"""Time one slider move: a naive re-plot (what ``interact`` + inline does) against the Scene.

Run with the package installed: ``python benchmarks/scene.py``. A measurement, not a test:
nothing here asserts. Every mode runs in its own fresh process (Agg backend, ipympl never
imported: importing it switches pyplot's backend for the whole process; see
SPEED_AND_BROWSER.md, pitfall 2), all in one run so that the numbers can be compared.

Modes
-----
naive
    Per move: solve the posture, ``fig.clear()``, build the whole figure again (a new
    `anatomy.scene.Scene`, its limits from that one posture as an autoscaling re-plot would
    have them) and render a PNG at 100 dpi (``savefig(BytesIO, format="png")``): what
    ``ipywidgets.interact`` with the inline backend does. The Scene's own first draw is
    suppressed, so the one PNG render is the only rendering counted.
scene
    One Scene built once (``readout_in_figure=False``, blitting on), canvas drawn once; per
    move: solve (``anatomy.forward_bend``) + ``scene.update`` (restore the cached background,
    draw the moving artists, blit). Also the breakdown solve / artist data / draw+blit, and a
    cProfile of one move.
full
    The same Scene with ``blit=False``: each update is one full ``canvas.draw()``.
png
    Encoding a PNG of the canvas buffer, as ipympl does for every frame it sends (whole
    frame, and the "diff" frame of changed pixels only).

Moves sweep the forward-bend trunk slider over its range (0-130°) up and back, so some
moves cross the reachable limit (the status text appears: the background is redrawn once).
The last line printed is one line of JSON.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

SCENE_MOVES = 61  # per direction: 122 moves in all
NAIVE_MOVES = 24
SLR_DEG = 70.0


def _moves(n):
    import numpy as np
    up = np.linspace(0.0, 130.0, n)
    return [float(v) for v in np.concatenate([up, up[::-1]])]


def _stats(ms):
    import numpy as np
    return {"median": statistics.median(ms), "p90": float(np.percentile(ms, 90)),
            "min": min(ms), "n": len(ms)}


def _setup():
    os.environ["MPLBACKEND"] = "Agg"
    import matplotlib
    matplotlib.use("Agg")
    assert "ipympl" not in sys.modules


# ----------------------------------------------------------------------------------------
# modes (each runs in its own process)
# ----------------------------------------------------------------------------------------
def mode_naive():
    import io

    from matplotlib.backend_bases import FigureCanvasBase

    import anatomy
    from anatomy.view.scene import Scene

    FigureCanvasBase.draw_idle = lambda self, *a, **k: None  # count one render per move
    values = _moves(NAIVE_MOVES // 2)
    scene = Scene(anatomy.forward_bend(0.0, slr_deg=SLR_DEG), name="naive", blit=False)
    total, solve, build, render = [], [], [], []
    for i, v in enumerate([0.0, 45.0] + values):  # two warm-up moves
        t0 = time.perf_counter()
        posture = anatomy.forward_bend(v, slr_deg=SLR_DEG)
        t1 = time.perf_counter()
        scene.figure.clear()
        scene = Scene(posture, name="naive", blit=False, limits_from=[posture])
        t2 = time.perf_counter()
        buf = io.BytesIO()
        scene.figure.savefig(buf, format="png", dpi=100)
        t3 = time.perf_counter()
        if i >= 2:
            total.append((t3 - t0) * 1e3)
            solve.append((t1 - t0) * 1e3)
            build.append((t2 - t1) * 1e3)
            render.append((t3 - t2) * 1e3)
    scene.close()
    return {"total": _stats(total), "solve": _stats(solve), "build": _stats(build),
            "png": _stats(render), "png_bytes": len(buf.getvalue())}


def _scene(blit):
    import anatomy
    from anatomy.view.scene import Scene

    scene = Scene(anatomy.forward_bend(0.0, slr_deg=SLR_DEG), name="bench", blit=blit,
                  readout_in_figure=False)
    scene.figure.canvas.draw()  # first show
    for v in (10.0, 20.0):  # warm-up
        scene.update(anatomy.forward_bend(v, slr_deg=SLR_DEG))
    return scene


def _timed_moves(scene):
    import anatomy

    total, restages = [], 0
    for v in _moves(SCENE_MOVES):
        status = scene.status.get_text()
        t0 = time.perf_counter()
        scene.update(anatomy.forward_bend(v, slr_deg=SLR_DEG))
        total.append((time.perf_counter() - t0) * 1e3)
        restages += scene.status.get_text() != status
    return total, restages


def mode_scene():
    import cProfile
    import io
    import pstats

    import anatomy

    scene = _scene(blit=True)
    total, restages = _timed_moves(scene)
    # breakdown, move by move: solve / artist data (update with the redraw left out) / blit
    show = scene._show
    solve, data, blit = [], [], []
    for v in _moves(SCENE_MOVES):
        t0 = time.perf_counter()
        posture = anatomy.forward_bend(v, slr_deg=SLR_DEG)
        t1 = time.perf_counter()
        scene._show = lambda: None
        scene.update(posture)
        scene._show = show
        t2 = time.perf_counter()
        if scene._background is None:  # a restage: let it draw, do not count it
            scene.figure.canvas.draw()
            continue
        show()
        t3 = time.perf_counter()
        solve.append((t1 - t0) * 1e3)
        data.append((t2 - t1) * 1e3)
        blit.append((t3 - t2) * 1e3)
    # one move, profiled
    scene.update(anatomy.forward_bend(40.0, slr_deg=SLR_DEG))
    profiler = cProfile.Profile()
    profiler.enable()
    scene.update(anatomy.forward_bend(41.0, slr_deg=SLR_DEG))
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("cumulative").print_stats(10)
    n_artists = len(scene._animated)
    scene.close()
    return {"total": _stats(total), "restages": restages, "solve": _stats(solve),
            "data": _stats(data), "blit": _stats(blit), "profile": out.getvalue(),
            "animated_artists": n_artists}


COMPARE_SLR_DEG = 55.0


def mode_compare():
    """The scene with the comparison person on: per move, both persons solved and drawn."""
    import anatomy

    scene = _scene(blit=True)
    total = []
    for v in _moves(SCENE_MOVES):
        t0 = time.perf_counter()
        scene.update(anatomy.forward_bend(v, slr_deg=SLR_DEG),
                     compare=anatomy.forward_bend(v, slr_deg=COMPARE_SLR_DEG),
                     compare_label=f"SLR {COMPARE_SLR_DEG:g}°", target=v)
        total.append((time.perf_counter() - t0) * 1e3)
    scene.close()
    return {"total": _stats(total)}


def mode_full():
    scene = _scene(blit=False)
    total, restages = _timed_moves(scene)
    scene.close()
    return {"total": _stats(total), "restages": restages}


def mode_png():
    import io

    import numpy as np
    from PIL import Image

    import anatomy

    scene = _scene(blit=True)
    full, diff = [], []
    last = np.asarray(scene.figure.canvas.buffer_rgba()).copy()
    for v in _moves(SCENE_MOVES // 2):
        scene.update(anatomy.forward_bend(v, slr_deg=SLR_DEG))
        buff = np.asarray(scene.figure.canvas.buffer_rgba()).copy()
        t0 = time.perf_counter()
        Image.fromarray(buff).save(io.BytesIO(), format="png")
        t1 = time.perf_counter()
        # a webagg-style diff frame: changed pixels, transparent elsewhere (the diff itself
        # is counted too: the kernel computes it for every frame)
        changed = np.any(buff != last, axis=-1)
        frame = np.where(changed[..., None], buff, 0).astype(np.uint8)
        Image.fromarray(frame).save(io.BytesIO(), format="png")
        t2 = time.perf_counter()
        full.append((t1 - t0) * 1e3)
        diff.append((t2 - t1) * 1e3)
        last = buff
    size = scene.figure.canvas.get_width_height()
    scene.close()
    return {"full": _stats(full), "diff": _stats(diff), "pixels": list(size)}


def mode_nerve():
    """Notebook 07's nerve panels, as the notebook builds them (the nerve drawn, blitting on):
    per move, solve + update. The ankle moves at the top of the SLR (leg asked to 110°, so
    the stop moves with it); the neck moves in the slump (knee at 90°)."""
    import numpy as np

    import anatomy
    from anatomy.view.scene import Scene

    out = {}
    cases = (("slr_ankle", lambda a: anatomy.straight_leg_raise(
                  110.0, ankle_dorsiflexion_deg=a), np.linspace(-30.0, 20.0, 26)),
             ("slump_neck", lambda n: anatomy.slump(90.0, neck_flexion_deg=n),
              np.linspace(0.0, 45.0, 26)))
    for name, solve, values in cases:
        scene = Scene(solve(float(values[0])), name=f"bench-{name}", blit=True,
                      readout_in_figure=False, nerve=True)
        scene.figure.canvas.draw()
        for v in values[:2]:  # warm-up
            scene.update(solve(float(v)))
        total = []
        for v in [*values, *values[::-1]]:
            t0 = time.perf_counter()
            scene.update(solve(float(v)))
            total.append((time.perf_counter() - t0) * 1e3)
        scene.close()
        out[name] = _stats(total)
    return out


MODES = {"naive": mode_naive, "scene": mode_scene, "full": mode_full, "png": mode_png,
         "compare": mode_compare, "nerve": mode_nerve}


# ----------------------------------------------------------------------------------------
# driver
# ----------------------------------------------------------------------------------------
def _run_child(mode):
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0")
    proc = subprocess.run([sys.executable, os.path.abspath(__file__), "--mode", mode],
                          capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"mode {mode} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _row(name, s):
    return f"  {name:52s} {s['median']:8.1f} {s['p90']:8.1f} {s['min']:8.1f} {s['n']:5d}"


def main():
    import matplotlib
    import numpy as np
    import PIL

    results = {mode: _run_child(mode) for mode in MODES}
    naive, scene, full, png, compare, nerve = (results[m] for m in MODES)
    print("One slider move, forward bend (trunk 0-130° and back), slr "
          f"{SLR_DEG:.0f}°; Agg, matplotlib {matplotlib.__version__}, numpy "
          f"{np.__version__}, Pillow {PIL.__version__}; one process per mode; ms")
    print(f"  {'':52s} {'median':>8s} {'p90':>8s} {'min':>8s} {'n':>5s}")
    print("naive re-plot (interact + inline):")
    print(_row("solve + clear + rebuild + PNG at 100 dpi", naive["total"]))
    print(_row("  solve", naive["solve"]))
    print(_row("  clear + build a new Scene", naive["build"]))
    print(_row("  render the PNG", naive["png"]))
    print(f"scene, built once, blitting ({scene['animated_artists']} moving artists; "
          f"{scene['restages']} restages):")
    print(_row("solve + update (restore, draw_artist, blit)", scene["total"]))
    print(_row("  solve (anatomy.forward_bend)", scene["solve"]))
    print(_row("  update: artist data (set_data, set_xy, text)", scene["data"]))
    print(_row("  restore_region + draw_artist + blit", scene["blit"]))
    print(f"scene with the comparison person on (two persons solved and drawn):")
    print(_row("solve both + update (restore, draw_artist, blit)", compare["total"]))
    print("notebook 07's nerve panels (nerve drawn), blitting:")
    print(_row("SLR at its top, ankle moved: solve + update", nerve["slr_ankle"]))
    print(_row("slump, neck moved: solve + update", nerve["slump_neck"]))
    print(f"scene, built once, no blitting ({full['restages']} restages):")
    print(_row("solve + update (one full canvas.draw)", full["total"]))
    w, h = png["pixels"]
    print(f"PNG encoding of the canvas buffer ({w}x{h} px; what ipympl adds per frame):")
    print(_row("  whole frame", png["full"]))
    print(_row("  diff frame (changed pixels only, diff included)", png["diff"]))
    med = {name: r["total"]["median"] for name, r in (("naive", naive), ("scene", scene),
                                                        ("full", full))}
    print("ratios (medians, same run):")
    print(f"  naive / scene (blit)                  {med['naive'] / med['scene']:6.1f}x")
    print(f"  naive / scene with comparison         "
          f"{med['naive'] / compare['total']['median']:6.1f}x")
    for name in ("slr_ankle", "slump_neck"):
        print(f"  naive / nerve panel, {name:16s} {med['naive'] / nerve[name]['median']:6.1f}x")
    print(f"  scene without blit / with blit        {med['full'] / med['scene']:6.1f}x")
    print(f"  scene (blit) + whole-frame PNG        {med['scene'] + png['full']['median']:6.1f} ms"
          "  (an estimate of the kernel's work per move on ipympl)")
    print("cProfile of one scene move (top 10 by cumulative time):")
    print("\n".join("  " + line for line in scene["profile"].strip().splitlines()))
    print(json.dumps({"naive_ms_median": round(naive["total"]["median"], 2),
                      "scene_ms_median": round(scene["total"]["median"], 2),
                      "scene_ms_p90": round(scene["total"]["p90"], 2),
                      "compare_ms_median": round(compare["total"]["median"], 2),
                      "nerve_slr_ankle_ms_median": round(nerve["slr_ankle"]["median"], 2),
                      "nerve_slump_neck_ms_median": round(nerve["slump_neck"]["median"], 2),
                      "moves": scene["total"]["n"]}))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--mode":
        _setup()
        print(json.dumps(MODES[sys.argv[2]]()))
    else:
        main()
