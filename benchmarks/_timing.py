"""Shared timing helper for the benchmark scripts (medians over repeats, never assertions)."""
import statistics
import time

import numpy as np


def timed(fn, repeats):
    """Run ``fn`` once to warm up, then ``repeats`` times; (median ms, p90 ms)."""
    fn()
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(out), float(np.percentile(out, 90))
