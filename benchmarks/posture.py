"""Time the task solvers: one solve per task, and a 100-step sweep per task.

Run with the package installed: ``python benchmarks/posture.py``. Prints medians over repeats
and ends with one line of JSON. A measurement, not a test: nothing here asserts.
Targets (issue 10, model version 2 with the thoracic spine): one solve at most 2 ms, a
100-step sweep at most 50 ms, the simulated group of 1,000 people for one task under 2 s.
"""
import json

import numpy as np

import anatomy
from _timing import timed


def main():
    rng = np.random.default_rng(1)
    calls = {
        "standing": lambda: anatomy.standing(slr_deg=float(rng.uniform(50, 90))),
        "forward_bend": lambda: anatomy.forward_bend(float(rng.uniform(0, 100)), slr_deg=70.0),
        "straight_leg_raise": lambda: anatomy.straight_leg_raise(float(rng.uniform(0, 60)),
                                                                 slr_deg=70.0),
        "long_sitting": lambda: anatomy.long_sitting(trunk_flexion_deg=float(rng.uniform(0, 20)),
                                                     slr_deg=70.0),
        "chair_sitting": lambda: anatomy.chair_sitting(slr_deg=70.0),
        "active_knee_extension": lambda: anatomy.active_knee_extension(
            float(rng.uniform(30, 90)), slr_deg=70.0),
    }
    result = {}
    for task, fn in calls.items():
        med, p90 = timed(fn, 200)
        sw_med, sw_p90 = timed(lambda t=task: anatomy.sweep(t, slr_deg=70.0), 30)
        result[f"{task}_solve_ms"] = round(med, 3)
        result[f"{task}_sweep100_ms"] = round(sw_med, 3)
        print(f"{task:24s} one solve: median {med:6.3f} ms (p90 {p90:6.3f})   "
              f"100-step sweep: median {sw_med:7.3f} ms (p90 {sw_p90:7.3f})")
    # a new person costs a few cached look-ups the first time
    med, _ = timed(lambda: anatomy.toe_touch(slr_deg=float(rng.uniform(40, 100))), 50)
    result["toe_touch_new_slr_ms"] = round(med, 3)
    print(f"{'toe_touch (new slr each)':24s} one solve: median {med:6.3f} ms")
    med, _ = timed(lambda: anatomy.Hamstrings.from_slr(float(rng.uniform(40, 100))), 200)
    result["hamstrings_from_slr_ms"] = round(med, 3)
    print(f"{'Hamstrings.from_slr':24s} one call:  median {med:6.3f} ms")

    def new_person():  # a new person built explicitly, then one solve with hamstrings=
        h = anatomy.Hamstrings.from_slr(float(rng.uniform(40, 100)))
        anatomy.forward_bend(float(rng.uniform(0, 100)), hamstrings=h)
    med, _ = timed(new_person, 200)
    result["new_person_from_slr_and_solve_ms"] = round(med, 3)
    print(f"{'from_slr + forward_bend':24s} one call:  median {med:6.3f} ms (target 2 ms)")
    from anatomy.model import population as pop
    people = pop.simulate_people(1000, seed=0)
    for name, fn in (("simulate 1000 people", lambda: pop.simulate_people(1000, seed=0)),
                     ("1000 people: toe touch", lambda: pop.group_toe_touch(people)),
                     ("1000 people: sit-and-reach", lambda: pop.group_sit_and_reach(people)),
                     ("1000 people: passive SLR", lambda: pop.group_slr(people))):
        med, p90 = timed(fn, 5)
        result[name.replace(" ", "_").replace(":", "").replace("-", "_") + "_ms"] = round(med, 1)
        print(f"{name:24s} median {med:8.1f} ms (p90 {p90:8.1f}); target < 2000 ms")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
