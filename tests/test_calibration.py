"""The calibration table: every parameter and output labelled, and docs/model.md current."""
from pathlib import Path

from anatomy.model import calibration as C
from anatomy.model.posture import PARAMETERS

DOCS = Path(__file__).resolve().parents[1] / "docs" / "model.md"


def test_every_model_parameter_is_in_the_table_with_a_status():
    names = {p.name for p in C.PARAMETERS_TABLE}
    assert set(PARAMETERS) <= names
    for p in C.PARAMETERS_TABLE:
        assert p.status in C.STATUSES and p.basis
        if p.status == "assumed" and p.name in PARAMETERS:
            assert p.plausible_range is not None, p.name


def test_outputs_say_fitted_or_predicted_and_against_what():
    for o in C.OUTPUTS:
        assert o.status.split(",")[0] in ("fitted", "predicted"), o.name
        assert o.against


def test_esola_group_is_described_as_it_was():
    text = C.markdown_table()
    assert "41 subjects" in text and "20 with a history of low back pain" in text


def test_docs_table_is_generated_from_the_code():
    """Run ``python tools/calibrate_posture.py --table`` after changing the model."""
    text = DOCS.read_text(encoding="utf-8")
    assert C.START in text and C.END in text
    assert C.docs_with_table(text) == text
