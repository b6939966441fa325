"""What every number of the model rests on: each parameter and each output the course discusses.

`PARAMETERS_TABLE` lists every parameter: its value (read from the model, so it cannot drift),
and whether it was **fitted** (to what), taken from a **source**, or **assumed**; assumed ones
carry the plausible range the sensitivity analysis (`anatomy.model.population.sensitivity`)
moves them over. `OUTPUTS` lists every output the notebooks discuss: whether it was fitted,
predicted and checked (against what), or not checked, with the model's value computed live.
`markdown_table` renders both; docs/model.md holds that text between
``<!-- calibration-table:start -->`` and ``<!-- calibration-table:end -->``
(``python tools/calibrate_posture.py --table`` rewrites it; a test checks it is current).

Examples
--------
>>> from anatomy.model.calibration import PARAMETERS_TABLE
>>> sorted({p.status for p in PARAMETERS_TABLE})
['assumed', 'fitted', 'source']
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from . import posture as P

STATUSES = ("fitted", "source", "assumed")
ESOLA = ("Esola et al. 1996, all 41 subjects of the study (21 without and 20 with a history "
         "of low back pain; the two groups did not differ in total lumbar or hip motion)")


@dataclass(frozen=True)
class Parameter:
    """One parameter: where its value lives, its status and what it rests on."""

    name: str
    unit: str
    status: str
    basis: str
    plausible_range: tuple | None = None
    """For assumed parameters: the range the sensitivity analysis moves it over."""
    value: Callable[[], float] | None = None
    """How to read a value that is not in `anatomy.model.posture.PARAMETERS`."""

    def current(self) -> float:
        if self.value is not None:
            return float(self.value())
        return float(P.PARAMETERS[self.name])


_FIT_RE = ("fitted (tools/calibrate_posture.py, stage 1) to the hamstring term of Riener & "
           "Edrich's 1999 passive hip moment, exp(1.3403 - 0.0226·knee + 0.0305·hip) N·m, "
           "hip 0-90°, knee 0-90°")
PARAMETERS_TABLE = (
    Parameter("passive_force_ref_n", "N", "fitted", _FIT_RE),
    Parameter("passive_strain_scale", "fibre lengths", "fitted",
              _FIT_RE + "; one exponential for all heads, no threshold"),
    Parameter("hip_linear_nm_per_deg", "N·m/°", "fitted",
              "Esola 1996 lumbar:hip ratios by phase (stage 3); standing tasks only"),
    Parameter("lumbar_linear_nm_per_deg", "N·m/°", "fitted",
              "Esola 1996: 41.6° lumbar at the end of the bend and the ratios 1.9/0.9/0.4"),
    Parameter("lumbar_end_nm", "N·m", "fitted", "as above (Esola 1996)"),
    Parameter("lumbar_flexion_limit_deg", "°", "fitted", "as above (Esola 1996)"),
    Parameter("lumbar_extension_limit_deg", "°", "assumed",
              "lumbar extension from standing; no task reaches it", (20.0, 40.0)),
    Parameter("thoracic_scale", "× lumbar spring", "fitted",
              "López-Miñarro et al. 2007: thoracic angle at the end of a toe touch 61.7° (men), "
              "53.1° (women), mean 57.4°, less an assumed standing kyphosis of 40°: 17.4°"),
    Parameter("thoracic_flexion_limit_deg", "°", "assumed",
              "thoracic flexion from standing that is never passed", (25.0, 50.0)),
    Parameter("thoracic_extension_limit_deg", "°", "assumed",
              "thoracic extension from standing; no task reaches it", (10.0, 25.0)),
    Parameter("hip_posterior_nm_at_90", "N·m", "fitted",
              "Endo et al. 2012 (50 healthy adults, radiographs): from standing to sitting the "
              "sacral slope fell 18.7° and pelvic tilt rose 18.3°; fitted to 18.5° of "
              "posterior pelvic rotation on a chair"),
    Parameter("hip_posterior_efold_deg", "°", "assumed",
              "how fast the hip's posterior tissues stiffen with hip flexion", (6.0, 20.0)),
    Parameter("supine_lumbopelvic_scale", "× lumbar spring", "fitted",
              "the reference person's SLR (80°) ends at 69.4° of hip flexion, the hip angle at "
              "the end of Esola's toe touch (the same tolerance ends both tests)"),
    Parameter("reference_slr_deg", "°", "assumed",
              "the passive SLR of the typical person whose tissue is the fitted curve and who "
              "matches Esola's averages (the studies did not report it)", (70.0, 90.0)),
    Parameter("tissue_share_across_people", "share", "assumed",
              "how much of an SLR difference between people is tissue (the rest tolerance): "
              "flexible people tolerate more torque (Magnusson et al. 1997), women's larger "
              "SLR comes with equal maximal torque and a flatter curve (Marshall & Siegler "
              "2014)", (0.2, 0.8)),
    Parameter("ARM_HELD_FROM_HIP_DEG", "°", "assumed",
              "above this hip flexion the passive model holds each head's hip moment arm "
              "(the Delp paths lose it; measured passive moments keep rising)", None,
              lambda: P.ARM_HELD_FROM_HIP_DEG),
    Parameter("max_isometric_force (shares)", "N", "source",
              "Delp et al. 1990 (OpenSim gait2392): ST 410, SM 1288, BFlh 896, BFsh 804; they "
              "share out the passive force", None, lambda: sum(P.MAX_ISOMETRIC_FORCE_N.values())),
    Parameter("fibre lengths", "cm", "source",
              "Ward et al. 2009 (cadavers): strain is lengthening per fibre length", None,
              lambda: 6.9),
    Parameter("standing lordosis and PT from PI", "°", "source",
              "Le Huec & Hasegawa 2016: LL = 0.54·PI + 27.6, PT = 0.44·PI - 11.4", None,
              lambda: 0.54 * 53.0 + 27.6),
    Parameter("default pelvic incidence", "°", "source", "Mac-Thiong et al. 2011 (709 adults)",
              None, lambda: 53.0),
    Parameter("body proportions", "m (stature)", "source",
              "Drillis & Contini 1966 segment fractions of stature, scaled to the Delp leg",
              None, lambda: __import__("anatomy.model.body", fromlist=["x"]).STATURE_M),
)


@dataclass(frozen=True)
class Output:
    """One output the notebooks discuss and how it stands against the studies."""

    name: str
    status: str  # "fitted", "predicted, checked", "predicted, not reproduced", "not checked"
    model: Callable[[], str]
    against: str


def _f(x, unit="°", digits=1):
    return f"{x:.{digits}f}{unit}"


def _toe(slr):
    return P.toe_touch(slr_deg=slr)


def _ratios():
    steps = P.sweep("forward_bend", np.linspace(0.0, 150.0, 601), slr_deg=80.0)
    p = np.array([s.pelvic_tilt_deg for s in steps])
    f = np.array([s.lumbar_flexion_deg for s in steps])
    at = np.array([0.0, 30.0, 60.0, 90.0])
    pp, ff = np.interp(at, p + f, p), np.interp(at, p + f, f)
    return " / ".join(f"{r:.2f}" for r in np.diff(ff) / np.diff(pp))


def _chair(attr):
    return getattr(P.chair_sitting(), attr) - getattr(P.standing(), attr)


def _ylinen():
    h = P.Hamstrings.from_slr(75.0)
    return f"+{h.after_stretching(17.0).tolerance_nm - h.tolerance_nm:.0f} N·m"


OUTPUTS = (
    Output("toe touch, hip flexion at the end (SLR 80°)", "fitted",
           lambda: _f(_toe(80.0).hip_flexion_deg), ESOLA + ": 69.4°"),
    Output("toe touch, lumbar flexion at the end (SLR 80°)", "fitted",
           lambda: _f(_toe(80.0).lumbar_flexion_deg), "Esola 1996 (as above): 41.6°"),
    Output("lumbar:hip ratio, 0-30° / 30-60° / 60-90°", "fitted", _ratios,
           "Esola 1996 (as above): 1.9 / 0.9 / 0.4"),
    Output("toe touch, thoracic flexion at the end (SLR 80°)", "fitted",
           lambda: _f(_toe(80.0).thoracic_flexion_deg),
           "López-Miñarro 2007 less an assumed standing kyphosis: 17.4°"),
    Output("chair sitting, pelvic rotation from standing", "fitted",
           lambda: _f(_chair("pelvic_tilt_deg")), "Endo et al. 2012: about -18.5°"),
    Output("chair sitting, change of lordosis from standing", "predicted, checked",
           lambda: _f(_chair("lumbar_lordosis_deg")), "Endo et al. 2012: -16.6°"),
    Output("chair sitting, hip flexion", "predicted, checked",
           lambda: _f(P.chair_sitting().hip_flexion_deg),
           "well under 90° (about 80° in 60 hip patients, Int Orthop 2015)"),
    Output("chair sitting, SLR 50° vs 90° (pelvic rotation)", "predicted, checked",
           lambda: _f(P.chair_sitting(slr_deg=50.0).pelvic_tilt_deg
                      - P.chair_sitting(slr_deg=90.0).pelvic_tilt_deg),
           "Link et al. 1990: hamstring length not related to the sitting change"),
    Output("standing, SLR 50° vs 90° (pelvic rotation)", "predicted, checked",
           lambda: _f(P.standing(slr_deg=50.0).pelvic_tilt_deg
                      - P.standing(slr_deg=90.0).pelvic_tilt_deg, digits=2),
           "Gajdosik et al. 1994, Li et al. 1996: no standing difference"),
    Output("toe touch, hip flexion, SLR 55° vs 80°", "predicted, checked",
           lambda: f"{_toe(55.0).hip_flexion_deg:.0f}° vs {_toe(80.0).hip_flexion_deg:.0f}°",
           "Gajdosik et al. 1992: 52 ± 9° (short) vs 72 ± 4°"),
    Output("toe touch, lumbar flexion, SLR 55° vs 80°", "predicted, checked (direction)",
           lambda: f"{_toe(55.0).lumbar_flexion_deg:.0f}° vs {_toe(80.0).lumbar_flexion_deg:.0f}°",
           "Gajdosik et al. 1994: less lumbar flexion with short hamstrings "
           "(Gajdosik 1992: no difference)"),
    Output("toe touch, thoracic flexion, SLR 55° vs 80°", "predicted, not reproduced",
           lambda: f"{_toe(55.0).thoracic_flexion_deg:.0f}° vs "
                   f"{_toe(80.0).thoracic_flexion_deg:.0f}°",
           "Gajdosik 1994, Muyor 2011/2012: MORE thoracic flexion with short hamstrings; the "
           "model's springs in series give less"),
    Output("toe touch, fingertips to floor (SLR 80°)", "predicted, not checked",
           lambda: _f(100 * _toe(80.0).readouts["fingertip_to_floor_m"], " cm"),
           "no norm for a given SLR; MDC 4.5 cm (Ekedahl et al. 2012)"),
    Output("sit-and-reach, pelvis by SLR group (70/85/100°)", "predicted, checked (direction)",
           lambda: " / ".join(f"{P.sit_and_reach(slr_deg=s).pelvic_tilt_deg:.0f}°"
                              for s in (70.0, 85.0, 100.0)),
           "Muyor et al. 2011: every pair of groups differed in pelvic angle"),
    Output("SLR, pelvic rotation at 9° of raise (SLR 80°)", "predicted, checked",
           lambda: _f(P.straight_leg_raise(9.0).pelvic_tilt_deg, digits=2),
           "Bohannon et al. 1985: the pelvis moves within the first 9°"),
    Output("passive knee extension end (SLR 80° / 55°)", "predicted, checked",
           lambda: f"{P.passive_knee_extension().readouts['ake_deg']:.0f}° / "
                   f"{P.passive_knee_extension(slr_deg=55.0).readouts['ake_deg']:.0f}°",
           "Yıldırım et al. 2018 PKE: 17.1 ± 9.1° (men), 9.8 ± 5.7° (women)"),
    Output("stretching +17° by tolerance: end moment rise", "predicted, checked",
           _ylinen, "Ylinen et al. 2009: same force at the same angle, +19 N at the ankle "
                    "(about +16 N·m) at the new end"),
)


def _row(*cells):
    return "| " + " | ".join(str(c).replace("|", "/") for c in cells) + " |"


def markdown_table() -> str:
    """Both tables as Markdown, with the model's current values."""
    rows = ["### Parameters", "",
            _row("parameter", "value", "unit", "status", "rests on", "range (sensitivity)"),
            _row("---", "---", "---", "---", "---", "---")]
    for p in PARAMETERS_TABLE:
        rng = "" if p.plausible_range is None else f"{p.plausible_range[0]:g}-" \
                                                   f"{p.plausible_range[1]:g}"
        rows.append(_row(f"`{p.name}`", f"{p.current():.4g}", p.unit, p.status, p.basis, rng))
    rows += ["", "### Outputs the notebooks discuss", "",
             _row("output", "model", "status", "against"), _row("---", "---", "---", "---")]
    for o in OUTPUTS:
        rows.append(_row(o.name, o.model(), o.status, o.against))
    return "\n".join(rows)


START, END = "<!-- calibration-table:start -->", "<!-- calibration-table:end -->"


def docs_with_table(text: str) -> str:
    """``text`` (docs/model.md) with the generated table between the markers."""
    if START not in text or END not in text:
        text = text.rstrip() + "\n\n## Calibration table (generated)\n\n" + START + "\n" + END \
            + "\n"
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    note = ("<!-- generated by `python tools/calibrate_posture.py --table` from "
            "anatomy/model/calibration.py; do not edit by hand -->")
    return head + START + "\n" + note + "\n\n" + markdown_table() + "\n\n" + END + tail


def write_docs_table(path) -> None:
    from pathlib import Path
    path = Path(path)
    path.write_text(docs_with_table(path.read_text(encoding="utf-8")), encoding="utf-8")


__all__ = ["Parameter", "Output", "PARAMETERS_TABLE", "OUTPUTS", "markdown_table",
           "docs_with_table", "write_docs_table", "STATUSES"]
