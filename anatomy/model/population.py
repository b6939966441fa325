"""Spread, not one person: a simulated group of people and how the outputs move with assumptions.

`simulate_people` draws a group (numpy only, seeded): sex, pelvic incidence, stature (which
scales every segment length), hamstring tissue stiffness and stretch tolerance, each from a
published distribution where one exists, by sex where the studies give it, and otherwise from
an assumption stated in `DISTRIBUTIONS`. `group_toe_touch`, `group_sit_and_reach`,
`group_slr` solve one task for the whole group at once (vectorised), and `spread` says
"most people fall between ... and ...". `MDC` holds the tests' minimal detectable changes, so a
difference between two simulated groups can be compared with what a clinician could detect.

`sensitivity` moves each assumed parameter over its plausible range (from
`anatomy.model.calibration`) without refitting the others, and reports how the headline
outputs move (the figure is `anatomy.view.figures.figure_sensitivity`).

Examples
--------
>>> people = simulate_people(200, seed=1)
>>> ends = group_toe_touch(people)
>>> lo, hi = spread(ends["hip_flexion_deg"])
>>> bool(40 < lo < hi < 100)
True
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from . import posture as P
from .body import STATURE_M
from .spine import PELVIC_INCIDENCE_RANGE_DEG
from .tasks import TASK_REGISTRY

DISTRIBUTIONS = MappingProxyType({
    "pelvic_incidence_deg": ("normal", 49.3, 9.5,
                             "642 healthy volunteers, Eur Spine J 2025 (PMID 40261392); no "
                             "sex difference modelled; clipped to the model's 30-85°"),
    "stature_m_men": ("normal", 1.76, 0.07, "assumed: typical adult men (not from the course's "
                                           "studies); scales every segment length"),
    "stature_m_women": ("normal", 1.63, 0.065, "assumed: typical adult women, as above"),
    "slr_deg_men": ("centre", 76.0, None, "assumed centre; women 8° higher (Youdas et al. "
                                         "2005, 214 adults; Marshall & Siegler 2014: +9.9°)"),
    "slr_deg_women": ("centre", 84.0, None, "as above"),
    "slr_sd_deg": ("sd", 11.0, None, "assumed spread of passive SLR within a sex (SDs of "
                                     "about 10-12° are typical of SLR norms)"),
})
"""Where each drawn quantity comes from: (kind, mean, SD, source or assumption)."""

MDC = MappingProxyType({
    "slr_deg": (7.0, "°", "Neto et al. 2015: MDD 6-7° (López-Miñarro 2009: 8° men, "
                          "11-12° women)"),
    "pke_deg": (8.0, "°", "Neto et al. 2015: MDD 7-8° for the knee-extension test"),
    "fingertip_to_floor_m": (0.045, "m", "Ekedahl et al. 2012: 4.5 cm"),
    "sit_and_reach_m": (0.04, "m", "López-Miñarro et al. 2009: 4 cm"),
    "thoracic_deg": (6.0, "°", "López-Miñarro et al. 2009, sit-and-reach: 6° (men), "
                              "11° (women)"),
    "lumbar_deg": (7.0, "°", "López-Miñarro et al. 2009, sit-and-reach: 7°"),
    "pelvic_deg": (6.0, "°", "López-Miñarro et al. 2009, sit-and-reach: 6° (men), "
                            "9° (women)"),
})
"""Minimal detectable changes of the tests: (value, unit, source)."""


@dataclass(frozen=True)
class People:
    """A simulated group: one entry per person in each array."""

    sex: np.ndarray  # "female" / "male"
    pelvic_incidence_deg: np.ndarray
    stature_m: np.ndarray
    stiffness: np.ndarray
    tolerance_nm: np.ndarray

    def __len__(self):
        return len(self.sex)

    def hamstrings(self, i: int) -> P.Hamstrings:
        """Person ``i``'s hamstrings as a `anatomy.Hamstrings`."""
        return P.Hamstrings(float(self.stiffness[i]), float(self.tolerance_nm[i]))


def simulate_people(n: int = 1000, seed: int = 0) -> People:
    """Draw ``n`` people (half women, half men), reproducibly from ``seed``.

    Hamstrings: each sex is centred on the typical person with that sex's mean SLR
    (`Hamstrings.from_slr`), women's larger SLR coming from a more compliant tissue at equal
    tolerance (Marshall & Siegler 2014 found equal maximal torque). Around that centre the log
    stiffness and log tolerance vary independently and equally, scaled so that the SLR's SD is
    ``slr_sd_deg``.
    """
    if int(n) != n or n < 1:
        raise P.AnatomyInputError(f"n must be a whole number of people, at least 1; got {n!r}")
    n = int(n)
    rng = np.random.default_rng(seed)
    sex = np.where(np.arange(n) % 2 == 0, "female", "male")
    _, mu, sd, _ = DISTRIBUTIONS["pelvic_incidence_deg"]
    pi = np.clip(rng.normal(mu, sd, n), *PELVIC_INCIDENCE_RANGE_DEG)
    women = sex == "female"
    st = np.where(women, rng.normal(*DISTRIBUTIONS["stature_m_women"][1:3], n),
                  rng.normal(*DISTRIBUTIONS["stature_m_men"][1:3], n))
    men_centre = P.Hamstrings.from_slr(DISTRIBUTIONS["slr_deg_men"][1])
    # women: same tolerance as men, a tissue compliant enough for their higher mean SLR
    gain = DISTRIBUTIONS["slr_deg_women"][1] - DISTRIBUTIONS["slr_deg_men"][1]
    women_centre = men_centre.after_stretching(gain, mechanism="tissue")
    # how much the SLR moves per unit of log stiffness and of log tolerance, at the centre
    d = 0.05
    s_c, t_c = men_centre.stiffness, men_centre.tolerance_nm
    slr = P._slr_of(np.array([s_c * np.exp(d), s_c * np.exp(-d), s_c, s_c]),
                    np.array([t_c, t_c, t_c * np.exp(d), t_c * np.exp(-d)]))
    per_log = np.hypot((slr[0] - slr[1]) / (2 * d), (slr[2] - slr[3]) / (2 * d))
    sigma = DISTRIBUTIONS["slr_sd_deg"][1] / per_log
    z1, z2 = rng.standard_normal(n), rng.standard_normal(n)
    s0 = np.where(women, women_centre.stiffness, men_centre.stiffness)
    t0 = np.where(women, women_centre.tolerance_nm, men_centre.tolerance_nm)
    stiff = np.clip(s0 * np.exp(sigma * z1), 0.05, 20.0)
    tol = np.clip(t0 * np.exp(sigma * z2), 0.1, 5000.0)
    return People(sex, pi, st, stiff, tol)


def group_slr(people: People) -> np.ndarray:
    """Each person's passive SLR in the model (degrees), vectorised."""
    return np.asarray(P._slr_of(people.stiffness, people.tolerance_nm), float)


def _group_upright_end(task: str, people: People) -> dict:
    t = TASK_REGISTRY[task]
    h, m, lumbar, thoracic = P._upright_end_batch(t, people.stiffness, people.tolerance_nm)
    from .body import task_readouts_batch
    tilt = h - t.hip_when_pelvis_neutral_deg
    knee = np.full_like(h, t.knee_flexion_deg)
    key = t.readouts[0]
    reach = np.empty_like(h)
    pis = np.round(people.pelvic_incidence_deg)  # the body model caches per whole degree
    for pi in np.unique(pis):
        sel = pis == pi
        out = task_readouts_batch(task, tilt[sel], h[sel], knee[sel], lumbar[sel], float(pi),
                                  t.frame_angle_deg, thoracic[sel])
        reach[sel] = out[key]
    reach = reach * people.stature_m / STATURE_M  # every segment scales with stature
    return {"hip_flexion_deg": h, "pelvic_tilt_deg": tilt, "lumbar_flexion_deg": lumbar,
            "thoracic_flexion_deg": thoracic, key: reach}


def group_toe_touch(people: People) -> dict:
    """The end of the toe touch for every person: arrays by quantity."""
    return _group_upright_end("forward_bend", people)


def group_sit_and_reach(people: People) -> dict:
    """The end of the sit-and-reach for every person: arrays by quantity."""
    return _group_upright_end("long_sitting", people)


def spread(values, share: float = 0.8) -> tuple[float, float]:
    """The range holding the middle ``share`` of the values ("most people fall between")."""
    v = np.asarray(values, float)
    lo = 50.0 * (1.0 - share)
    return float(np.percentile(v, lo)), float(np.percentile(v, 100.0 - lo))


def below_mdc(difference: float, test: str) -> bool:
    """True when a difference is smaller than the test's minimal detectable change."""
    return abs(float(difference)) < MDC[test][0]


HEADLINES = MappingProxyType({
    "toe-touch hip (°)": lambda: P.toe_touch().hip_flexion_deg,
    "toe-touch lumbar (°)": lambda: P.toe_touch().lumbar_flexion_deg,
    "toe-touch thoracic (°)": lambda: P.toe_touch().thoracic_flexion_deg,
    "fingertips to floor (cm)": lambda: 100 * P.toe_touch().readouts["fingertip_to_floor_m"],
    "toe-touch hip, SLR 55 minus 80 (°)": lambda: (P.toe_touch(slr_deg=55.0).hip_flexion_deg
                                                    - P.toe_touch().hip_flexion_deg),
    "chair: lordosis change (°)": lambda: (P.chair_sitting().lumbar_lordosis_deg
                                           - P.standing().lumbar_lordosis_deg),
    "PKE end (°)": lambda: P.passive_knee_extension().readouts["ake_deg"],
})
"""The headline outputs the sensitivity analysis follows (each a function of no arguments)."""


def sensitivity(headlines=HEADLINES) -> dict:
    """How each headline output moves when each assumed parameter moves over its plausible
    range (the others, fitted ones included, held): ``{parameter: {output: (low, base,
    high)}}`` plus ``"ranges"``: ``{parameter: (low, high)}``."""
    from .calibration import PARAMETERS_TABLE
    base = {k: float(f()) for k, f in headlines.items()}
    out, ranges = {}, {}
    for prm in PARAMETERS_TABLE:
        if prm.status != "assumed" or prm.plausible_range is None or prm.name not in P._P:
            continue
        lo, hi = prm.plausible_range
        vals = {}
        for v in (lo, hi):
            with P.parameters_set(**{prm.name: v}):
                vals[v] = {k: float(f()) for k, f in headlines.items()}
        out[prm.name] = {k: (vals[lo][k], base[k], vals[hi][k]) for k in headlines}
        ranges[prm.name] = (lo, hi)
    out["ranges"] = ranges
    return out


__all__ = ["People", "simulate_people", "group_slr", "group_toe_touch", "group_sit_and_reach",
           "spread", "below_mdc", "MDC", "DISTRIBUTIONS", "HEADLINES", "sensitivity"]
