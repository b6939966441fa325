"""Time ``import anatomy`` in fresh interpreters, and what it loads.

Run with the package installed: ``python benchmarks/import_time.py``. Each repeat starts a new
Python process (a module imports once per process), so the time includes numpy's own import,
as a student's first cell does. Prints medians and the same for ``import numpy`` alone and for
the first panel module (``anatomy.ui.controls``, which brings matplotlib and ipywidgets), then
one line of JSON. A measurement, not a test: nothing here asserts.
"""
import json
import statistics
import subprocess
import sys

_PROBE = ("import time, sys; t = time.perf_counter(); import {module}; "
          "print(time.perf_counter() - t, int('matplotlib' in sys.modules), "
          "int('ipywidgets' in sys.modules))")


def _measure(module, repeats):
    times, loaded = [], None
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", _PROBE.format(module=module)],
                             capture_output=True, text=True, check=True,
                             env={"MPLBACKEND": "Agg", "PATH": ""}).stdout.split()
        times.append(float(out[0]) * 1e3)
        loaded = {"matplotlib": out[1] == "1", "ipywidgets": out[2] == "1"}
    return statistics.median(times), loaded


def main(repeats=9):
    results = {}
    for module in ("numpy", "anatomy", "anatomy.ui.controls"):
        median, loaded = _measure(module, repeats)
        results[module] = {"median_ms": round(median, 1), **loaded}
        print(f"import {module:<22s} median {median:7.1f} ms over {repeats} fresh processes; "
              f"loads matplotlib: {loaded['matplotlib']}, ipywidgets: {loaded['ipywidgets']}")
    own = results["anatomy"]["median_ms"] - results["numpy"]["median_ms"]
    print(f"anatomy's own share (anatomy - numpy): {own:.1f} ms")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
