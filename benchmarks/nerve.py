"""Time the nerve model: `sciatic_nerve_stretch_m` over 10,000 poses, and the test ends.

Run with the package installed: ``python benchmarks/nerve.py``. Prints medians over repeats
and ends with one line of JSON. A measurement, not a test: nothing here asserts. Target
(issue 13): 10,000 poses in under 5 ms.
"""
import json

import numpy as np

import anatomy

from _timing import timed


def panel_moves():
    """One slider move in a panel (solve, scene and nerve update, readouts) plus a full
    Agg draw, for the plain SLR panel and the nerve panels (medians, ms)."""
    import os
    import time

    os.environ.setdefault("MPLBACKEND", "Agg")
    import statistics

    import anatomy.ui.controls as controls

    out = {}
    cases = [("panel_slr_plain_ms", "straight_leg_raise", False, "leg_raise_deg", (20, 70)),
             ("panel_slr_ankle_ms", "straight_leg_raise", True, "ankle_dorsiflexion_deg",
              (-30, 20)),
             ("panel_slump_neck_ms", "slump", True, "neck_flexion_deg", (0, 45))]
    for name, task, nerve, key, (lo, hi) in cases:
        panel = controls.task_explorer(task, nerve=nerve, value=60 if task != "slump" else None)
        canvas = panel.scene.figure.canvas
        times = []
        for v in list(np.linspace(lo, hi, 21)) * 2:
            t0 = time.perf_counter()
            panel.sliders[key].value = float(v)
            canvas.draw()
            times.append((time.perf_counter() - t0) * 1e3)
        panel.close()
        out[name] = round(statistics.median(times[2:]), 2)
        print(f"{name:28s} median {out[name]:8.2f} ms")
    return out


def main():
    rng = np.random.default_rng(0)
    n = 10_000
    hip = rng.uniform(-20, 120, n)
    knee = rng.uniform(0, 130, n)
    ankle = rng.uniform(-50, 30, n)
    lumbar = rng.uniform(-20, 60, n)
    neck = rng.uniform(-60, 60, n)

    def bed():
        anatomy.sciatic_nerve_stretch_m(hip, knee, ankle, lumbar_flexion_deg=lumbar,
                                        neck_flexion_deg=neck)

    def bed_loop_1000():
        for i in range(1000):
            anatomy.sciatic_nerve_stretch_m(float(hip[i]), float(knee[i]), float(ankle[i]))

    angles = iter(np.linspace(0.0, 30.0, 100_000))

    def slr_end_new_ankle():  # a slider move in the SLR panel: a new ankle angle each call
        anatomy.straight_leg_raise_end(slr_deg=80.0, ankle_dorsiflexion_deg=float(next(angles)))

    def slump_new_neck():
        anatomy.slump(slr_deg=80.0, neck_flexion_deg=float(next(angles)))

    res = {}
    for name, fn, reps in [("bed_10000_poses_ms", bed, 50),
                           ("bed_1000_scalar_calls_ms", bed_loop_1000, 5),
                           ("slr_end_new_ankle_ms", slr_end_new_ankle, 30),
                           ("slump_end_new_neck_ms", slump_new_neck, 30)]:
        med, p90 = timed(fn, reps)
        res[name] = round(med, 3)
        print(f"{name:28s} median {med:8.3f} ms   p90 {p90:8.3f} ms")
    res.update(panel_moves())
    print(f"target: 10,000 poses < 5 ms; measured {res['bed_10000_poses_ms']:.3f} ms "
          f"({5.0 / res['bed_10000_poses_ms']:.1f}x under)")
    print(f"nerve panels against the plain SLR panel (slider move + full draw): SLR ankle "
          f"{res['panel_slr_ankle_ms'] / res['panel_slr_plain_ms']:.2f}x, slump neck "
          f"{res['panel_slump_neck_ms'] / res['panel_slr_plain_ms']:.2f}x")
    print(json.dumps(res))


if __name__ == "__main__":
    main()
