"""Sprint phases in the model (notebook 07): where and in which head the hamstrings are longest."""
import pytest

from anatomy.model import injury


def test_late_swing_stretches_the_biarticular_heads_most_and_bflh_most_of_all():
    """Thelen et al. 2005 (14 sprinters, scaled models): longest in late swing, 9.5% (BF)
    > 8.1% (ST) > 7.4% (SM) beyond upright. The model's angles are illustrative, so only the
    phase and the order of the heads are compared, not the sizes."""
    rows = {r["phase"]: r for r in injury.sprint_phase_lengths()}
    late = rows["late swing"]
    for head in ("semitendinosus", "semimembranosus", "biceps_femoris_long"):
        assert late[head] == max(r[head] for r in rows.values())
        assert late[head] > 5.0
    assert late["biceps_femoris_long"] > late["semitendinosus"] > late["semimembranosus"]
    # the short head does not cross the hip: flexing the hip cannot stretch it
    assert late["biceps_femoris_short"] < 0.0


def test_table_is_stable_text():
    text = injury.sprint_phase_table()
    assert text.splitlines()[0].split()[:3] == ["phase", "hip", "knee"]
    assert "late swing" in text and "BFlh" in text
    assert "-0.0%" not in text


@pytest.mark.parametrize("phase", list(injury.SPRINT_PHASES))
def test_phases_are_within_the_model_range(phase):
    hip, knee = injury.SPRINT_PHASES[phase]
    assert -30.0 <= hip <= 120.0 and 0.0 <= knee <= 130.0
