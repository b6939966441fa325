"""Time the leg model: one pose, and a vectorised sweep of 10,000 poses.

Run with the package installed: ``python benchmarks/model.py``. Prints medians over repeats
and ends with one line of JSON. A measurement, not a test: nothing here asserts.
"""
import json

import numpy as np

import anatomy
from _timing import timed


def main():
    rng = np.random.default_rng(0)
    hip = rng.uniform(-20, 120, 10_000)
    knee = rng.uniform(0, 130, 10_000)

    def one_pose():
        for head in anatomy.HAMSTRING_HEADS:
            anatomy.muscle_tendon_length(head, 30.0, 40.0)

    def sweep():
        for head in anatomy.HAMSTRING_HEADS:
            anatomy.muscle_tendon_length(head, hip, knee)

    def sweep_moment_arms():
        for head in anatomy.HAMSTRING_HEADS:
            anatomy.moment_arm(head, "knee", hip, knee)

    def points():
        anatomy.pose_points(5.0, 30.0, 40.0)

    def loop():
        for h, k in zip(hip[:1000], knee[:1000]):
            anatomy.muscle_tendon_length("semitendinosus", float(h), float(k))

    res = {}
    for name, fn, reps in [("one_pose_4_heads_ms", one_pose, 200),
                           ("sweep_10000_poses_4_heads_ms", sweep, 30),
                           ("sweep_10000_knee_moment_arms_4_heads_ms", sweep_moment_arms, 15),
                           ("pose_points_one_pose_ms", points, 200),
                           ("python_loop_1000_poses_1_head_ms", loop, 5)]:
        med, p90 = timed(fn, reps)
        res[name] = round(med, 3)
        print(f"{name:44s} median {med:8.3f} ms   p90 {p90:8.3f} ms   ({reps} repeats)")
    print(f"sweep vs python loop, per pose: "
          f"{res['python_loop_1000_poses_1_head_ms'] / 1000 / (res['sweep_10000_poses_4_heads_ms'] / 40000):.0f}x faster")
    print(json.dumps(res))


if __name__ == "__main__":
    main()
