"""Spread, not one person: the simulated group and the sensitivity analysis (issue 10, item 7)."""
import numpy as np
import pytest

from anatomy.model import population as pop
from anatomy.model.calibration import PARAMETERS_TABLE
from anatomy.model.posture import PARAMETERS


@pytest.fixture(scope="module")
def people():
    return pop.simulate_people(1000, seed=3)


def test_the_group_is_reproducible_and_numpy_only():
    a, b = pop.simulate_people(50, seed=7), pop.simulate_people(50, seed=7)
    assert np.array_equal(a.stiffness, b.stiffness) and np.array_equal(a.sex, b.sex)
    assert not np.array_equal(a.stiffness, pop.simulate_people(50, seed=8).stiffness)
    source = open(pop.__file__, encoding="utf-8").read()
    assert "scipy" not in source and "matplotlib" not in source


def test_the_group_has_the_published_spread(people):
    """Drawn so that women's SLR is 8° higher (Youdas et al. 2005) at equal tolerance
    (Marshall & Siegler 2014), with an SLR SD of about 11° (assumed); PI 49.3 ± 9.5°."""
    slr = pop.group_slr(people)
    women = people.sex == "female"
    assert slr[women].mean() - slr[~women].mean() == pytest.approx(8.0, abs=2.5)
    assert slr[~women].std() == pytest.approx(11.0, abs=2.5)
    assert people.pelvic_incidence_deg.mean() == pytest.approx(49.3, abs=1.5)
    assert np.median(people.tolerance_nm[women]) == pytest.approx(
        np.median(people.tolerance_nm[~women]), rel=0.15)


def test_group_toe_touch_agrees_with_single_solves(people):
    ends = pop.group_toe_touch(people)
    for i in (0, 1, 17):
        one = pop.P.toe_touch(hamstrings=people.hamstrings(i),
                              pelvic_incidence_deg=float(np.round(
                                  people.pelvic_incidence_deg[i])))
        assert ends["hip_flexion_deg"][i] == pytest.approx(one.hip_flexion_deg, abs=0.3)
        assert ends["lumbar_flexion_deg"][i] == pytest.approx(one.lumbar_flexion_deg, abs=0.3)
        scale = people.stature_m[i] / pop.STATURE_M
        assert ends["fingertip_to_floor_m"][i] == pytest.approx(
            scale * one.readouts["fingertip_to_floor_m"], abs=0.005)


def test_most_people_fall_between(people):
    ends = pop.group_toe_touch(people)
    lo, hi = pop.spread(ends["hip_flexion_deg"])
    assert lo < hi
    inside = np.mean((ends["hip_flexion_deg"] >= lo) & (ends["hip_flexion_deg"] <= hi))
    assert inside == pytest.approx(0.8, abs=0.01)
    # Gajdosik 1992's two group means lie within the simulated spread
    assert lo < 60.0 < hi


def test_mdc_comparison():
    assert pop.below_mdc(3.0, "slr_deg") and not pop.below_mdc(9.0, "slr_deg")
    assert pop.below_mdc(0.03, "fingertip_to_floor_m")
    with pytest.raises(KeyError):
        pop.below_mdc(1.0, "jump")


def test_sensitivity_moves_each_assumed_parameter_and_something_moves():
    result = pop.sensitivity()
    assumed = {p.name for p in PARAMETERS_TABLE
               if p.status == "assumed" and p.plausible_range and p.name in PARAMETERS}
    assert set(result["ranges"]) == assumed and assumed
    moved = 0
    for name in assumed:
        for out, (lo, base, hi) in result[name].items():
            assert all(np.isfinite([lo, base, hi])), (name, out)
            moved += abs(hi - lo) > 0.1
    assert moved >= 3
    # the analysis restores the parameters
    assert dict(PARAMETERS) == dict(pop.P.PARAMETERS)
