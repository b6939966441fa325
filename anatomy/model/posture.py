"""Postures of everyday tasks and clinical tests, solved from the mechanics (model version 2).

The model in plain words
------------------------
The trunk's flexion is shared between three joints in series, each with its own passive
resistance: the pelvis rotating on the thighs (the hips), the lumbar spine and the thoracic
spine. In every task the body settles where the resistances balance (the pose of least stored
energy): the same moment passes through all three, so each takes the angle at which its own
resistance carries that moment.

1. **The lumbar and thoracic spines** resist bending away from their standing curves: slowly
   at first, steeply near the end of their range (`PARAMETERS`: ``lumbar_*``, ``thoracic_*``).
2. **The hips** resist with tissues other than the hamstrings: a linear postural spring about
   the standing angle in standing tasks, and the hip's posterior tissues (gluteal muscles,
   posterior capsule), whose resistance rises exponentially at high hip flexion, in every task.
3. **The hamstrings** resist with passive tension that rises smoothly and exponentially from
   early in their range (no threshold): each head's force is ``F_ref · w · exp(ε / ε0)``,
   where ε is its lengthening from standing in fibre lengths (Ward et al. 2009) and ``w`` its
   share of the group's maximum isometric force. ``F_ref`` and ``ε0`` were fitted once to the
   passive hip moment of Riener & Edrich (1999) with its knee coupling.

A person's hamstrings (`Hamstrings`) are two things: the tissue (a stiffness factor that scales
that curve) and the end-range hip moment the person tolerates (``tolerance_nm``, stretch
tolerance). The end of an SLR, a toe touch, a sit-and-reach or a passive knee extension is
where the hamstrings' passive moment meets the tolerance. `Hamstrings.from_slr` gives the
typical person with a given passive SLR; `Hamstrings.after_stretching` raises the SLR by a
tolerance gain (the default, as the studies of stretching found) or by a more compliant tissue.

Tasks and their constraints are in `anatomy.model.tasks` (one record per task). Every
parameter, its value and whether it was fitted (to what), taken from a source or assumed is in
`anatomy.model.calibration`, which also generates the table in docs/model.md.

Limits, in plain words
----------------------
* Planar and quasi-static: no speed, no creep or stress relaxation, no muscle activity beyond
  a constant postural stiffness, both legs alike (except in the SLR).
* The springs are one average adult's, fitted to a few studies' group means; people differ a
  great deal (`anatomy.model.population`). The numbers are for teaching directions and sizes,
  not for diagnosis.
"""
from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import MappingProxyType

import numpy as np

from ._validate import AnatomyInputError, ReadOnlyDict, choice, real_array
from .geometry import HIP_FLEXION_RANGE_DEG, KNEE_FLEXION_RANGE_DEG
from .muscles import FACTS, HAMSTRING_HEADS, _length_unchecked, _moment_arm_unchecked
from .spine import (
    DEFAULT_PELVIC_INCIDENCE_DEG,
    PELVIC_INCIDENCE_RANGE_DEG,
    standing_lordosis_deg,
)
from .tasks import JOINT_TILT_RANGE_DEG, SLR_RANGE_DEG, TASK_REGISTRY, task_record

SLR_BANDS = (
    ("short", 0.0, 70.0, "below 70°: short hamstrings"),
    ("limited", 70.0, 80.0, "70-80°: limited (Ayala 2012 and Muyor 2011 call < 80° limited)"),
    ("normal", 80.0, 90.0, "80-90°: normal / moderate (Muyor et al. 2011)"),
    ("long", 90.0, 200.0, "above 90°: high extensibility (Muyor et al. 2011)"),
)
NORMAL_SLR_DEG = 80.0
SHORT_SLR_DEG = 55.0
LIMITS = ("hamstrings", "lumbar spine", "thoracic spine", "hip")
"""What can stop a pose at the end of its range (`Posture.limited_by`)."""
MECHANISMS = ("tolerance", "tissue")
"""How a stretching gain is made in `Hamstrings.after_stretching`."""

# ---------------------------------------------------------------------------------------------
# Parameters: the values live here; `anatomy.model.calibration` says where each comes from.
# tools/calibrate_posture.py fits the ones marked "fitted" there and prints these numbers.
# ---------------------------------------------------------------------------------------------
_DEFAULTS = MappingProxyType({
    # hamstring passive force: F = F_ref · w_head · exp(ε / ε0), fitted to Riener & Edrich 1999
    "passive_force_ref_n": 66.44,
    "passive_strain_scale": 0.3319,
    # hip posterior tissues: M = A · exp((hip - 90°) / w), per leg
    "hip_posterior_nm_at_90": 135.5,
    "hip_posterior_efold_deg": 12.0,
    # postural hip spring about the standing angle (standing tasks only), per leg
    "hip_linear_nm_per_deg": 2.601,
    # lumbar spring: τ = a·f + b·tan(π/2 · f / limit)
    "lumbar_linear_nm_per_deg": 2.444,
    "lumbar_end_nm": 34.39,
    "lumbar_flexion_limit_deg": 44.09,
    "lumbar_extension_limit_deg": 30.0,
    # thoracic spring: the lumbar spring's shape times a factor, with its own limits
    "thoracic_scale": 6.508,
    "thoracic_flexion_limit_deg": 35.0,
    "thoracic_extension_limit_deg": 15.0,
    # lying supine, how much more the trunk resists the pelvis rolling back
    "supine_lumbopelvic_scale": 5.306,
    # the reference tissue (stiffness 1) is the typical person with this passive SLR
    "reference_slr_deg": 80.0,
    # across people, the share of an SLR difference that is tissue (the rest is tolerance)
    "tissue_share_across_people": 0.5,
})
PARAMETERS = MappingProxyType(dict(_DEFAULTS))
"""The model's parameters in force (read-only; see `anatomy.model.calibration`)."""
_P = dict(_DEFAULTS)
_VERSION = [0]  # bumped whenever parameters change, so cached results are not reused


@contextlib.contextmanager
def parameters_set(**overrides):
    """Solve with some parameters changed (for sensitivity analysis), then restore them.

    Examples
    --------
    >>> with parameters_set(tissue_share_across_people=0.0):
    ...     h = Hamstrings.from_slr(60.0)
    >>> round(h.stiffness, 3)
    1.0
    """
    global PARAMETERS
    unknown = set(overrides) - set(_P)
    if unknown:
        raise AnatomyInputError(f"unknown parameter(s) {sorted(unknown)}; known: {sorted(_P)}")
    saved = dict(_P)
    _P.update({k: float(v) for k, v in overrides.items()})
    PARAMETERS = MappingProxyType(dict(_P))
    _VERSION[0] += 1
    try:
        yield MappingProxyType(dict(_P))
    finally:
        _P.clear()
        _P.update(saved)
        PARAMETERS = MappingProxyType(dict(_P))
        _VERSION[0] += 1


MAX_ISOMETRIC_FORCE_N = MappingProxyType({  # [gait2392] max_isometric_force
    "semitendinosus": 410.0, "semimembranosus": 1288.0, "biceps_femoris_long": 896.0,
    "biceps_femoris_short": 804.0})
"""Maximum isometric forces of the heads in the Delp model; they share out passive tension."""

ARM_HELD_FROM_HIP_DEG = 70.0
"""Above this hip flexion the passive model holds each head's hip moment arm at its value
here. The straight-line paths of the Delp model lose hip moment arm fast in deep flexion
(semimembranosus: 3.5 cm at 85°, 1.9 cm at 100°), so their passive hip moment would peak near
90° and then fall, while measured passive hip moments keep rising (Riener & Edrich 1999); the
real tendons wrap over the ischial tuberosity, which these paths do not. An assumption."""

# ---------------------------------------------------------------------------------------------
# Length tables: the solvers call the muscle model thousands of times, so they read
# bilinear tables built once (0.5° grid; lengths exact at the nodes).
# ---------------------------------------------------------------------------------------------
_GRID_STEP = 0.5
_HIP_GRID = np.arange(HIP_FLEXION_RANGE_DEG[0], HIP_FLEXION_RANGE_DEG[1] + 1e-9, _GRID_STEP)
_KNEE_GRID = np.arange(KNEE_FLEXION_RANGE_DEG[0], KNEE_FLEXION_RANGE_DEG[1] + 1e-9, _GRID_STEP)


@lru_cache(maxsize=1)
def _tables():
    h, k = np.meshgrid(_HIP_GRID, _KNEE_GRID, indexing="ij")
    length = np.stack([_length_unchecked(m, h, k) for m in HAMSTRING_HEADS])
    # the hip moment arm is held at its value at ARM_HELD_FROM_HIP_DEG above that angle (see
    # the constant); the lengths are not changed
    h_arm = np.minimum(h, ARM_HELD_FROM_HIP_DEG)
    arm = np.stack([-_moment_arm_unchecked(m, "hip", h_arm, k) for m in HAMSTRING_HEADS])
    anat = np.array([_length_unchecked(m, 0.0, 0.0) for m in HAMSTRING_HEADS])
    fibre = np.array([FACTS[m].fibre_length_cm / 100.0 for m in HAMSTRING_HEADS])
    fmax = np.array([MAX_ISOMETRIC_FORCE_N[m] for m in HAMSTRING_HEADS])
    return length, arm, anat, fibre, fmax / fmax.sum()


def _interp2(table, hip, knee):
    """Bilinear interpolation of ``table[head, hip, knee]`` → ``(4, ...)``."""
    hip = np.clip(np.asarray(hip, float), _HIP_GRID[0], _HIP_GRID[-1])
    knee = np.clip(np.asarray(knee, float), _KNEE_GRID[0], _KNEE_GRID[-1])
    hip, knee = np.broadcast_arrays(hip, knee)
    fi = (hip - _HIP_GRID[0]) / _GRID_STEP
    fk = (knee - _KNEE_GRID[0]) / _GRID_STEP
    i = np.clip(fi.astype(int), 0, len(_HIP_GRID) - 2)
    k = np.clip(fk.astype(int), 0, len(_KNEE_GRID) - 2)
    u, v = fi - i, fk - k
    return (table[:, i, k] * (1 - u) * (1 - v) + table[:, i + 1, k] * u * (1 - v)
            + table[:, i, k + 1] * (1 - u) * v + table[:, i + 1, k + 1] * u * v)


def _strain(hip, knee):
    """ε = (L - L_standing) / fibre length per head, ``(4, ...)``."""
    length, _, anat, fibre, _ = _tables()
    ell = _interp2(length, hip, knee)
    shape = (4,) + (1,) * (ell.ndim - 1)
    return (ell - anat.reshape(shape)) / fibre.reshape(shape)


def _head_forces(hip, knee, stiffness=1.0):
    """Passive force of each head (N), ``(4, ...)``: F_ref · w · s · exp(ε / ε0)."""
    _, _, _, _, w = _tables()
    eps = _strain(hip, knee)
    shape = (4,) + (1,) * (eps.ndim - 1)
    # far beyond any reachable pose (only probed by search grids) the exponential is capped
    x = np.minimum(eps / _P["passive_strain_scale"], 30.0)
    return (_P["passive_force_ref_n"] * np.asarray(stiffness, float) * w.reshape(shape)
            * np.exp(x))


def _hamstring_hip_moment(hip, knee, stiffness=1.0):
    """Passive hip-extension moment of one leg's hamstrings (N·m, ≥ 0)."""
    _, arm, _, _, _ = _tables()
    return np.maximum((_head_forces(hip, knee, stiffness) * _interp2(arm, hip, knee)).sum(0),
                      0.0)


def _hip_posterior_moment(hip):
    """Hip-extension moment of the hip's own posterior tissues, one leg (N·m)."""
    h = np.asarray(hip, float)
    return _P["hip_posterior_nm_at_90"] * np.exp(
        np.minimum((h - 90.0) / _P["hip_posterior_efold_deg"], 30.0))


def _hip_linear_moment(hip, neutral):
    """Postural hip spring about the task's neutral angle; none when seated."""
    if neutral is None:
        return 0.0 * np.asarray(hip, float)
    return _P["hip_linear_nm_per_deg"] * (np.asarray(hip, float) - neutral)


def _spine_moment(f, which):
    """Passive resistance (N·m) of the lumbar or thoracic spine to flexion f (deg)."""
    f = np.asarray(f, float)
    a, b = _P["lumbar_linear_nm_per_deg"], _P["lumbar_end_nm"]
    scale = 1.0 if which == "lumbar" else _P["thoracic_scale"]
    lim = np.where(f >= 0, _P[f"{which}_flexion_limit_deg"], _P[f"{which}_extension_limit_deg"])
    frac = np.clip(f / lim, -0.999999, 0.999999)
    return scale * (a * f + b * np.tan(0.5 * np.pi * frac))


def _lumbar_moment(f):
    return _spine_moment(f, "lumbar")


@lru_cache(maxsize=8)
def _spine_inverse_table(which, version):
    lo = -_P[f"{which}_extension_limit_deg"] * 0.999999
    hi = _P[f"{which}_flexion_limit_deg"] * 0.999999
    # dense near the limits, where the resistance climbs steeply
    u = np.linspace(-1.0, 1.0, 4001)
    f = np.where(u < 0, -lo * (np.sin(0.5 * np.pi * u)), hi * np.sin(0.5 * np.pi * u))
    return _spine_moment(f, which), f


def _spine_angle(moment, which):
    """The flexion (deg) at which the lumbar or thoracic spine carries ``moment`` (N·m)."""
    tau, f = _spine_inverse_table(which, _VERSION[0])
    return np.interp(moment, tau, f)


# ---------------------------------------------------------------------------------------------
# A 1-D root finder on a grid, vectorised over the batch (fast and without scipy).
# ---------------------------------------------------------------------------------------------
def _solve_increasing(fun, lo, hi, coarse=91, fine=33):
    """Root of a function that increases in p on [lo, hi], vectorised over a batch.

    Two grid passes (the bracketing cell of a coarse grid, then a fine grid inside it) and a
    linear interpolation. Where the function has no root in the interval the nearer end is
    returned.
    """
    lo = np.asarray(lo, float)
    hi = np.asarray(hi, float)
    lo, hi = np.broadcast_arrays(lo, hi)
    for n in (coarse, fine):
        t = np.linspace(0.0, 1.0, n).reshape((n,) + (1,) * lo.ndim)
        p = lo + (hi - lo) * t
        g = fun(p)
        above = g > 0
        first = np.argmax(above, axis=0)
        none = ~above.any(axis=0)
        first = np.where(none, n - 1, np.maximum(first, 1))
        p_hi = np.take_along_axis(p, first[None], 0)[0]
        p_lo = np.take_along_axis(p, (first - 1)[None], 0)[0]
        g_hi = np.take_along_axis(g, first[None], 0)[0]
        g_lo = np.take_along_axis(g, (first - 1)[None], 0)[0]
        all_above = above.all(axis=0)
        lo, hi = np.where(all_above, lo, p_lo), np.where(all_above, lo, p_hi)
        lo, hi = np.where(none, hi, lo), np.where(none, hi, hi)
    denom = np.where(g_hi - g_lo == 0, 1.0, g_hi - g_lo)
    root = np.clip(p_lo - g_lo * (p_hi - p_lo) / denom, np.minimum(lo, hi), np.maximum(lo, hi))
    return np.where(all_above, lo, np.where(none, hi, root))


def _supine_grad(p, raise_deg, knee, stiffness):
    """dE/dp lying supine, one leg raised to ``raise_deg`` (its knee at ``knee``), the other
    flat; the lumbar spine flexes by -p as the pelvis rolls back under a still trunk."""
    h = np.clip(raise_deg + p, *HIP_FLEXION_RANGE_DEG)
    hc = np.clip(p, *HIP_FLEXION_RANGE_DEG)
    return (-_P["supine_lumbopelvic_scale"] * _lumbar_moment(-p)
            + _hip_linear_moment(hc, 0.0) + _hip_linear_moment(h, 0.0)
            + _hip_posterior_moment(h) + _hip_posterior_moment(hc)
            + _hamstring_hip_moment(h, knee, stiffness) + _hamstring_hip_moment(hc, 0.0, stiffness))


def _equilibrium_supine(raise_deg, knee, stiffness):
    """Pelvic rotation p (posterior negative) lying supine with one leg raised."""
    shape = np.broadcast(np.asarray(raise_deg), np.asarray(knee), np.asarray(stiffness)).shape
    lo = np.full(shape, -_P["lumbar_flexion_limit_deg"] * 0.999999)
    hi = np.full(shape, _P["lumbar_extension_limit_deg"] * 0.999999)
    return _solve_increasing(lambda p: _supine_grad(p, raise_deg, knee, stiffness), lo, hi)


def _equilibrium_supine_hip(hip, stiffness):
    """Pelvic rotation lying supine with the raised leg's hip held at ``hip`` (knee straight)."""
    shape = np.broadcast(np.asarray(hip), np.asarray(stiffness)).shape
    lo = np.full(shape, -_P["lumbar_flexion_limit_deg"] * 0.999999)
    hi = np.full(shape, _P["lumbar_extension_limit_deg"] * 0.999999)
    h = np.asarray(hip, float)

    def grad(p):
        hc = np.clip(p, *HIP_FLEXION_RANGE_DEG)
        return (-_P["supine_lumbopelvic_scale"] * _lumbar_moment(-p)
                + _hip_linear_moment(hc, 0.0) + _hip_linear_moment(h, 0.0)
                + _hip_posterior_moment(h) + _hip_posterior_moment(hc)
                + _hamstring_hip_moment(h, 0.0, stiffness)
                + _hamstring_hip_moment(hc, 0.0, stiffness))
    return _solve_increasing(grad, lo, hi)


# ---------------------------------------------------------------------------------------------
# Where the hamstrings meet the tolerance (knee straight): vectorised over people
# ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=4)
def _reference_moment_curve(knee, version):
    """Hip angles and the reference tissue's moment there (knee fixed), increasing part."""
    m = _hamstring_hip_moment(_HIP_GRID, knee, 1.0)
    start = int(np.argmin(m))
    h, m = _HIP_GRID[start:], np.maximum.accumulate(m[start:])
    return h, m


def _hip_at_tolerance(stiffness, tolerance_nm, knee=0.0):
    """Hip flexion at which the hamstrings' moment reaches the tolerance (knee fixed), and
    whether it does so within the hip's range (vectorised over people)."""
    h, m = _reference_moment_curve(float(knee), _VERSION[0])
    target = np.asarray(tolerance_nm, float) / np.asarray(stiffness, float)
    return np.interp(target, m, h), target <= m[-1]


def _slr_of(stiffness, tolerance_nm):
    """Passive SLR angle (leg to table) of people with these hamstrings (vectorised)."""
    h_end, _ = _hip_at_tolerance(stiffness, tolerance_nm)
    p_end = _equilibrium_supine_hip(h_end, stiffness)
    return h_end - p_end


@lru_cache(maxsize=4)
def _from_slr_table(version):
    """The family of typical people: u (deg) → stiffness, tolerance, SLR (see from_slr)."""
    ref = _P["reference_slr_deg"]
    share = _P["tissue_share_across_people"]
    # the reference person: stiffness 1 and the tolerance that ends its SLR at ref
    t_grid = np.geomspace(0.5, 2000.0, 600)
    slr_t = _slr_of(1.0, t_grid)
    t0 = float(np.interp(ref, slr_t, t_grid))
    h0, _ = _hip_at_tolerance(1.0, t0)
    h, m = _reference_moment_curve(0.0, _VERSION[0])
    i = int(np.clip(np.searchsorted(h, h0), 1, len(h) - 1))
    rate = float(np.log(m[i] / m[i - 1]) / (h[i] - h[i - 1]))  # d ln M / d hip, per degree
    u = np.linspace(-120.0, 120.0, 961)
    stiff = np.exp(-share * rate * u)
    tol = t0 * np.exp((1.0 - share) * rate * u)
    slr = _slr_of(stiff, tol)
    ok = np.concatenate([[True], np.diff(slr) > 1e-9])
    return u[ok], stiff[ok], tol[ok], slr[ok], t0, rate


# ---------------------------------------------------------------------------------------------
# A person's hamstrings
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Hamstrings:
    """One person's hamstrings: the tissue's passive curve and the tolerated end moment.

    ``stiffness`` scales the model's reference passive moment-angle curve (1.0: the typical
    person with a passive SLR of ``PARAMETERS["reference_slr_deg"]``, 80°; below 1: a more
    compliant tissue). ``tolerance_nm`` is the hip moment of one leg's hamstrings that the
    person tolerates at the end of a stretch (stretch tolerance). The end of an SLR, a toe
    touch, a sit-and-reach or a passive knee extension is where the passive moment meets it.

    How a passive SLR maps to tissue and tolerance (`from_slr`): across people, an SLR
    difference is given half to the tissue and half to the tolerance
    (``tissue_share_across_people``, an assumption: flexible people tolerate more end-range
    torque with broadly similar curves, Magnusson et al. 1997, while women's larger SLR comes
    with equal maximal torque and a flatter curve, Marshall & Siegler 2014; some inflexible
    people are stiffer, McHugh et al. 1999). Within a person, a stretching programme changes
    the tolerance, not the tissue (`after_stretching`; Ylinen et al. 2009, Halbertsma &
    Göeken 1994, Freitas et al. 2018).

    Examples
    --------
    >>> h = Hamstrings.from_slr(80.0)
    >>> round(h.slr_deg, 1), round(h.stiffness, 3)
    (80.0, 1.0)
    >>> s = h.after_stretching(17.0)           # four weeks of stretching (Ylinen 2009)
    >>> round(s.slr_deg, 1), s.stiffness == h.stiffness, s.tolerance_nm > h.tolerance_nm
    (97.0, True, True)
    >>> float(s.passive_hip_moment_nm(45.0, 0.0)) == float(h.passive_hip_moment_nm(45.0, 0.0))
    True
    """

    stiffness: float = 1.0
    tolerance_nm: float = 0.0

    def __post_init__(self):
        real_array("stiffness", self.stiffness, 0.05, 20.0, unit="(relative)")
        real_array("tolerance_nm", self.tolerance_nm, 0.1, 5000.0, unit="N·m")
        object.__setattr__(self, "stiffness", float(self.stiffness))
        object.__setattr__(self, "tolerance_nm", float(self.tolerance_nm))

    @classmethod
    def from_slr(cls, slr_deg: float) -> "Hamstrings":
        """The typical person whose passive SLR is ``slr_deg`` (35 to 110°)."""
        slr = float(real_array("slr_deg", slr_deg, *SLR_RANGE_DEG))
        out = cls(*_from_slr_cached(slr, _VERSION[0]))
        _KNOWN_SLR[(out.stiffness, out.tolerance_nm, _VERSION[0])] = slr
        return out

    @property
    def slr_deg(self) -> float:
        """The passive SLR this person reaches in the model (leg to table, degrees)."""
        return _slr_cached(self.stiffness, self.tolerance_nm, _VERSION[0])

    def passive_hip_moment_nm(self, hip_flexion_deg, knee_flexion_deg):
        """Passive hip-extension moment of one leg's hamstrings (N·m, ≥ 0), vectorised."""
        hip = real_array("hip_flexion_deg", hip_flexion_deg, *HIP_FLEXION_RANGE_DEG)
        knee = real_array("knee_flexion_deg", knee_flexion_deg, *KNEE_FLEXION_RANGE_DEG)
        out = _hamstring_hip_moment(hip, knee, self.stiffness)
        if np.ndim(hip) == 0 and np.ndim(knee) == 0:
            return float(out)
        return np.asarray(out, float)

    def after_stretching(self, gain_deg: float, mechanism: str = "tolerance") -> "Hamstrings":
        """The same person after a stretching programme that raised the passive SLR by
        ``gain_deg``: by a higher tolerated end moment (``"tolerance"``, the default, as the
        studies of 3-8-week programmes found) or by a more compliant tissue (``"tissue"``)."""
        choice("mechanism", mechanism, MECHANISMS)
        gain = float(real_array("gain_deg", gain_deg, -40.0, 60.0))
        target = self.slr_deg + gain
        if not SLR_RANGE_DEG[0] <= target <= SLR_RANGE_DEG[1]:
            raise AnatomyInputError(
                f"gain_deg={gain:g} deg would take the passive SLR from {self.slr_deg:.1f}° to "
                f"{target:.1f}°, outside the model's range {SLR_RANGE_DEG[0]:g} to "
                f"{SLR_RANGE_DEG[1]:g} deg")
        if mechanism == "tolerance":
            grid = self.tolerance_nm * np.geomspace(0.05, 20.0, 800)
            slr = _slr_of(self.stiffness, grid)
            return Hamstrings(self.stiffness, float(np.interp(target, slr, grid)))
        grid = self.stiffness * np.geomspace(20.0, 0.05, 800)
        slr = _slr_of(grid, self.tolerance_nm)
        stiff = float(np.exp(np.interp(target, slr, np.log(grid))))
        return Hamstrings(min(max(stiff, 0.05), 20.0), self.tolerance_nm)


@lru_cache(maxsize=512)
def _from_slr_cached(slr, version):
    """(stiffness, tolerance) of the typical person with this SLR, to 1e-9°."""
    u, stiff, tol, slr_t, t0, rate = _from_slr_table(version)
    share = _P["tissue_share_across_people"]
    uu = float(np.interp(slr, slr_t, u))
    # one secant step on the exact SLR (the table is interpolated; its error is about 1e-5°,
    # and one step takes it below 1e-8°)
    got = float(_slr_of(np.exp(-share * rate * uu), t0 * np.exp((1 - share) * rate * uu)))
    slope = float(np.interp(uu + 0.5, u, slr_t) - np.interp(uu - 0.5, u, slr_t))
    uu += (slr - got) / max(slope, 1e-6)
    return float(np.exp(-share * rate * uu)), float(t0 * np.exp((1 - share) * rate * uu))


_KNOWN_SLR: dict = {}
"""SLRs of people made by `Hamstrings.from_slr` (met to 1e-8°), so they are not re-solved."""


@lru_cache(maxsize=512)
def _slr_cached(stiffness, tolerance_nm, version):
    known = _KNOWN_SLR.get((stiffness, tolerance_nm, version))
    return known if known is not None else float(_slr_of(stiffness, tolerance_nm))


def extensibility(slr_deg) -> float:
    """How far the most stretched head lengthens from standing to the end of this person's
    SLR, in its fibre lengths (a summary number; version 1 used it as the model's input).

    Examples
    --------
    >>> bool(extensibility(80.0) > extensibility(55.0))
    True
    """
    slr = real_array("slr_deg", slr_deg, *SLR_RANGE_DEG)
    out = []
    for s in np.atleast_1d(slr):
        ham = Hamstrings.from_slr(float(s))
        h_end, _ = _hip_at_tolerance(ham.stiffness, ham.tolerance_nm)
        out.append(float(_strain(h_end, 0.0).max()))
    return out[0] if np.ndim(slr) == 0 else np.array(out)


def slr_band(slr_deg) -> str:
    """The clinical band of a passive SLR angle: short, limited, normal or long."""
    slr = real_array("slr_deg", slr_deg, *SLR_RANGE_DEG)
    for name, lo, hi, _ in SLR_BANDS:
        if lo <= slr < hi:
            return name
    return SLR_BANDS[-1][0]


# ---------------------------------------------------------------------------------------------
# The Posture
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Posture:
    """One solved pose of the whole model, in degrees (see the package docstring).

    ``hamstring_stretch`` maps each head to its length as a fraction of its length at the end
    of this person's SLR (1.0 there; for the short head, which the SLR does not lengthen, its
    standing length plus the lengthening per fibre length that the other heads reach there). ``hamstring_range_used`` maps each head to how far it has
    gone from its anatomical-position length towards that length (0 standing, 1 at the SLR's
    end, negative when shorter). ``reachable`` is False when the task's target was beyond what
    the person tolerates; the posture is then the furthest one reached, and ``limited_by``
    names what stopped it (``"hamstrings"``, ``"lumbar spine"``, ``"thoracic spine"``,
    ``"hip"``) whenever the pose is at the end of its range (None otherwise).
    ``hamstring_moment_nm`` is the passive hip moment of one leg's hamstrings (the raised or
    tested leg in the supine tests) and ``tolerance_nm`` the moment the person tolerates.
    ``readouts`` holds the task's clinical numbers (for example ``fingertip_to_floor_m``).
    """

    task: str
    pelvic_tilt_deg: float
    hip_flexion_deg: float
    knee_flexion_deg: float
    lumbar_flexion_deg: float
    lumbar_lordosis_deg: float
    sacral_slope_deg: float
    radiographic_pelvic_tilt_deg: float
    pelvic_incidence_deg: float
    hamstring_stretch: ReadOnlyDict
    reachable: bool
    slr_deg: float
    trunk_flexion_deg: float
    frame_angle_deg: float = 0.0
    other_hip_flexion_deg: float = 0.0
    other_knee_flexion_deg: float = 0.0
    readouts: ReadOnlyDict = field(default_factory=ReadOnlyDict)
    hamstring_range_used: ReadOnlyDict = field(default_factory=ReadOnlyDict)
    asis_psis_angle_deg: float = 0.0
    thoracic_flexion_deg: float = 0.0
    limited_by: str | None = None
    hamstring_moment_nm: float = 0.0
    tolerance_nm: float = 0.0
    hamstrings: Hamstrings | None = None

    @property
    def held_past_limit(self) -> bool:
        """True when the pose is past what the person tolerates and drawn as asked anyway.

        Tasks whose record says ``past_the_end="hold"`` (long sitting: a person can be sat
        there) are not stopped at the hamstrings' limit; every picture, readout and text says
        so from this one property.

        >>> import anatomy
        >>> anatomy.long_sitting(slr_deg=40.0).held_past_limit
        True
        >>> anatomy.toe_touch().held_past_limit
        False
        """
        return not self.reachable and task_record(self.task).past_the_end == "hold"

    @property
    def most_stretched_head(self) -> str:
        return max(self.hamstring_stretch, key=self.hamstring_stretch.get)

    def summary(self) -> str:
        """A short text table of the pose (labels and rounding from `anatomy.model.readouts`).
        """
        from .readouts import summary
        return summary(self)


def _person(slr_deg, hamstrings):
    """The `Hamstrings` of a call: from ``hamstrings=`` or ``slr_deg=`` (not both)."""
    if hamstrings is not None and slr_deg is not None:
        raise AnatomyInputError("give either slr_deg= or hamstrings=, not both")
    if hamstrings is not None:
        if not isinstance(hamstrings, Hamstrings):
            raise AnatomyInputError(
                f"hamstrings must be an anatomy.Hamstrings; got {type(hamstrings).__name__}")
        return hamstrings
    return Hamstrings.from_slr(NORMAL_SLR_DEG if slr_deg is None else slr_deg)


def _check_common(slr_deg, pelvic_incidence_deg, hamstrings=None):
    ham = _person(slr_deg, hamstrings)
    pi = real_array("pelvic_incidence_deg", pelvic_incidence_deg, *PELVIC_INCIDENCE_RANGE_DEG)
    return ham, float(pi)


# ---------------------------------------------------------------------------------------------
# The solvers, one per `Task.solver`, vectorised over the task's slider values
# ---------------------------------------------------------------------------------------------
SLIDER_RANGES_DEG = MappingProxyType({
    name: t.slider.model_range_deg for name, t in TASK_REGISTRY.items() if t.slider})
"""What each task's own slider accepts (degrees), from the task registry."""


def _upright_curve(t, ham):
    """Along the hip grid: the moment the hips pass on and each joint's angle (one person)."""
    return _upright_curve_cached(t.hip_when_pelvis_neutral_deg, t.knee_flexion_deg,
                                 t.neutral_hip_deg, ham.stiffness, _VERSION[0])


@lru_cache(maxsize=256)
def _upright_curve_cached(hip_offset, knee, neutral, stiffness, version):
    lo = max(HIP_FLEXION_RANGE_DEG[0], hip_offset - 60.0)
    h = _HIP_GRID[_HIP_GRID >= lo]
    ham = _hamstring_hip_moment(h, knee, stiffness)
    per_leg = _hip_linear_moment(h, neutral) + ham + _hip_posterior_moment(h)
    m = 2.0 * np.maximum.accumulate(per_leg)
    lumbar = _spine_angle(m, "lumbar")
    thoracic = _spine_angle(m, "thoracic")
    total = (h - hip_offset) + lumbar + thoracic + 1e-9 * np.arange(len(h))
    return h, m, lumbar, thoracic, total


def _upright_end(t, ham):
    """The furthest trunk flexion the person tolerates in an upright task, and what stops it."""
    h, m, lumbar, thoracic, total = _upright_curve(t, ham)
    h_end, within = _hip_at_tolerance(ham.stiffness, ham.tolerance_nm, t.knee_flexion_deg)
    h_end = float(np.clip(h_end, h[0], h[-1]))
    limit = "hamstrings" if bool(within) and h_end < h[-1] else "hip"
    trunk_max = float(np.interp(h_end, h, total))
    i = int(np.clip(np.searchsorted(h, h_end), 0, len(h) - 1))
    if lumbar[i] >= 0.99 * _P["lumbar_flexion_limit_deg"]:
        limit = "lumbar spine"
    elif thoracic[i] >= 0.99 * _P["thoracic_flexion_limit_deg"]:
        limit = "thoracic spine"
    return trunk_max, limit


def _upright_end_batch(t, stiffness, tolerance_nm):
    """The end of an upright task (toe touch, sit-and-reach) for arrays of people at once:
    hip flexion, the moment passed on, lumbar and thoracic flexion (arrays)."""
    s = np.asarray(stiffness, float)
    h_end, _ = _hip_at_tolerance(s, tolerance_nm, t.knee_flexion_deg)
    h_end = np.minimum(h_end, HIP_FLEXION_RANGE_DEG[1])
    m = 2.0 * (_hip_linear_moment(h_end, t.neutral_hip_deg)
               + _hamstring_hip_moment(h_end, t.knee_flexion_deg, s)
               + _hip_posterior_moment(h_end))
    return h_end, m, _spine_angle(m, "lumbar"), _spine_angle(m, "thoracic")


def _solve_upright(t, v, ham):
    """Pelvis on fixed thighs (standing, bending, sitting), trunk flexion set by ``v``."""
    h, m, lumbar, thoracic, total = _upright_curve(t, ham)
    t_max, limit = _upright_end(t, ham)
    # beyond the end the pose stays at the end; if even the slider's lowest value is beyond it
    # (long sitting with very short hamstrings), the pose is the one at that lowest value
    lo = t.slider.model_range_deg[0] if t.slider is not None else 0.0
    trunk = v if t.past_the_end == "hold" else np.minimum(v, max(t_max, lo))
    hip = np.interp(trunk, total, h)
    lum = np.interp(trunk, total, lumbar)
    tho = np.interp(trunk, total, thoracic)
    p = hip - t.hip_when_pelvis_neutral_deg
    at_end = v >= t_max - 1e-3
    knee = np.full_like(p, t.knee_flexion_deg)
    tho = trunk - p - lum  # exact sum (the interpolation's last 1e-7° go to the thorax)
    return dict(tilt=p, hip=hip, knee=knee, trunk=trunk, lumbar=lum, thoracic=tho,
                reachable=v <= t_max + 1e-3, other_hip=hip, other_knee=knee,
                limited_by=np.where(at_end, limit, None))


def _solve_leg_raise(t, v, ham, ankle=0.0, neck=0.0):
    """Supine, one leg raised to ``v`` with the knee straight (stops at the person's SLR, or
    earlier where the ankle and the neck let the nerve end it: `anatomy.model.neuro`)."""
    end, by = ((ham.slr_deg, "hamstrings") if (ankle, neck) == (0.0, 0.0)
               else _nerve_end(ham, float(ankle), float(neck)))
    theta = np.minimum(v, end)
    p = _equilibrium_supine(theta, 0.0, ham.stiffness)
    share = np.where(theta > 1e-6, -p / np.maximum(theta, 1e-6), 0.0)
    at_end = v >= end - 1e-3
    return dict(tilt=p, hip=theta + p, knee=np.zeros_like(p), trunk=np.zeros_like(p),
                lumbar=-p, thoracic=np.zeros_like(p), reachable=v <= end + 1e-3, other_hip=p,
                other_knee=np.zeros_like(p), limited_by=np.where(at_end, by, None),
                ankle=ankle, neck=neck,
                readouts={"leg_raise_deg": theta, "pelvic_share_of_raise": share,
                          "slr_end_deg": np.full_like(p, end),
                          "slr_limited_by_nerve": np.full_like(p, float(by == "nerve"))})


@lru_cache(maxsize=256)
def _knee_extension_end(stiffness, tolerance_nm, version):
    """Knee flexion at the end of the passive knee extension (thigh held at 90° to the table)
    and whether the hamstrings stop it before the knee is straight."""
    k = np.linspace(0.0, 130.0, 261)
    p = _equilibrium_supine(90.0, k, stiffness)
    m = _hamstring_hip_moment(90.0 + p, k, stiffness)  # falls as the knee bends
    if m[0] <= tolerance_nm:
        return 0.0, False
    if m[-1] >= tolerance_nm:
        return 130.0, True
    return float(np.interp(-tolerance_nm, -m, k)), True


def _solve_knee_extension(t, v, ham):
    """Supine, thigh at 90° to the table, knee straightened to ``v`` (stops at the end)."""
    pke, limited = _knee_extension_end(ham.stiffness, ham.tolerance_nm, _VERSION[0])
    knee = np.maximum(v, pke)
    p = _equilibrium_supine(np.full_like(knee, 90.0), knee, ham.stiffness)
    at_end = (v <= pke + 1e-3) & limited
    return dict(tilt=p, hip=90.0 + p, knee=knee, trunk=np.zeros_like(p), lumbar=-p,
                thoracic=np.zeros_like(p), reachable=v >= pke - 1e-3, other_hip=p,
                other_knee=np.zeros_like(p), limited_by=np.where(at_end, "hamstrings", None),
                readouts={"ake_deg": np.full_like(p, pke)})


_SOLVERS = {"upright": _solve_upright, "leg_raise": _solve_leg_raise,
            "knee_extension": _solve_knee_extension,
            "slump": lambda t, v, ham, **kw: _solve_slump(t, v, ham, **kw)}
_NERVE_SOLVERS = ("leg_raise", "slump")  # the tasks the nerve can end (anatomy.model.neuro)


def _solve(task, values, ham, pi, ankle=0.0, neck=None):
    """Arrays of the solved poses for ``values`` of the task's slider (1-D).

    ``ankle`` and ``neck`` (degrees; ``neck`` None: the task's own) matter only where the
    nerve can end the task (the SLR and the slump; `anatomy.model.neuro`)."""
    v = np.asarray(values, float)
    t = TASK_REGISTRY[task]
    neck = t.neck_flexion_deg if neck is None else neck
    extra = {"ankle": ankle, "neck": neck} if t.solver in _NERVE_SOLVERS else {}
    out = _SOLVERS[t.solver](t, v, ham, **extra)
    out.update(task_value=v, frame=t.frame_angle_deg)
    out["moment"] = _hamstring_hip_moment(out["hip"], out["knee"], ham.stiffness)
    return out


def _assemble(task, sol, ham, pi) -> list:
    """Build `Posture` objects from solved arrays (measuring PT and SS on the S1 endplate)."""
    from .body import task_readouts_batch
    from .geometry import HIP_JOINT_CENTRE_IN_PELVIS, PELVIS_LANDMARKS, rot_z
    from .spine import measure_spinopelvic, s1_endplate_in_pelvis

    tilt = np.asarray(sol["tilt"], float)
    r = rot_z(-tilt)
    ends = s1_endplate_in_pelvis(pi)
    hip_mid = np.array([HIP_JOINT_CENTRE_IN_PELVIS[0], HIP_JOINT_CENTRE_IN_PELVIS[1], 0.0])
    ant = np.einsum("...ij,j->...i", r, ends["s1_anterior"])
    post = np.einsum("...ij,j->...i", r, ends["s1_posterior"])
    hip_axis = np.einsum("...ij,j->...i", r, hip_mid)
    pi_m, pt, ss = measure_spinopelvic(ant, post, hip_axis)
    asis = np.einsum("...ij,j->...i", r, PELVIS_LANDMARKS["asis"])
    psis = np.einsum("...ij,j->...i", r, PELVIS_LANDMARKS["psis"])
    d = asis - psis
    asis_psis = np.degrees(np.arctan2(-d[..., 1], d[..., 0]))
    ll = standing_lordosis_deg(pi) - sol["lumbar"]
    length, _, anat, fibre, _ = _tables()
    ell = _interp2(length, sol["hip"], sol["knee"])
    h_end, _ = _hip_at_tolerance(ham.stiffness, ham.tolerance_nm, 0.0)
    ell_end = _interp2(length, h_end, 0.0)
    # the short head does not cross the hip, so the SLR does not lengthen it: its reference
    # is the lengthening, in fibre lengths, that the other heads reach at the SLR's end
    gain = ell_end - anat
    crosses = gain > 1e-3
    per_fibre = np.mean(gain[crosses] / fibre[crosses]) if crosses.any() else 0.1
    gain = np.where(crosses, gain, per_fibre * fibre)
    ell_end = anat + gain
    stretch = ell / ell_end[:, None]
    used = (ell - anat[:, None]) / gain[:, None]
    readouts = {k: np.asarray(v, float) for k, v in sol.get("readouts", {}).items()}
    readouts.update(_nerve_readouts(sol))
    readouts.update(task_readouts_batch(task, sol["tilt"], sol["hip"], sol["knee"],
                                        sol["lumbar"], pi, sol["frame"], sol["thoracic"]))
    slr = round(ham.slr_deg, 6) + 0.0  # from_slr meets its SLR to 1e-9°
    limited = np.broadcast_to(np.asarray(sol["limited_by"], object), tilt.shape)
    postures = []
    for i in range(len(tilt)):
        postures.append(Posture(
            task, float(tilt[i]), float(sol["hip"][i]), float(sol["knee"][i]),
            float(sol["lumbar"][i]), float(ll[i]), float(ss[i]), float(pt[i]), float(pi_m[i]),
            ReadOnlyDict({m: float(stretch[j, i]) for j, m in enumerate(HAMSTRING_HEADS)}),
            bool(sol["reachable"][i]), float(slr), float(sol["trunk"][i]), float(sol["frame"]),
            float(sol["other_hip"][i]), float(sol["other_knee"][i]),
            ReadOnlyDict({k: float(v[i]) for k, v in readouts.items()}),
            ReadOnlyDict({m: float(used[j, i]) for j, m in enumerate(HAMSTRING_HEADS)}),
            float(asis_psis[i]), float(sol["thoracic"][i]), limited[i],
            float(sol["moment"][i]), ham.tolerance_nm, ham))
    return postures


def _one(task, value, ham, pi, ankle=0.0, neck=None):
    sol = _solve(task, np.atleast_1d(float(value)), ham, pi, ankle, neck)
    return _assemble(task, sol, ham, pi)[0]


# The nerve (anatomy.model.nerve and .neuro): the bed's elongation in every posture with legs,
# and where the nerve ends the SLR and the slump.
def _nerve_readouts(sol) -> dict:
    from .nerve import _bed_unchecked

    ankle, neck = sol.get("ankle", 0.0), sol.get("neck", 0.0)
    out = {"nerve_stretch_m": np.broadcast_to(_bed_unchecked(
        sol["hip"], sol["knee"], ankle, sol["lumbar"], neck), np.shape(sol["hip"]))}
    if "ankle" in sol:
        out["ankle_dorsiflexion_deg"] = np.full(np.shape(sol["hip"]), float(ankle))
        out["neck_flexion_deg"] = np.full(np.shape(sol["hip"]), float(neck))
    return out


_NERVE_RAISE_GRID = np.arange(0.0, SLIDER_RANGES_DEG["straight_leg_raise"][1] + 1e-9, 0.25)


@lru_cache(maxsize=64)
def _supine_curve(stiffness, slr, version):
    """Leg angle, hip and lumbar flexion of one person's SLR on a 0.25° grid up to ``slr``."""
    grid = np.append(_NERVE_RAISE_GRID[_NERVE_RAISE_GRID < slr], slr)
    p = _equilibrium_supine(grid, 0.0, stiffness)
    return grid, grid + p, -p


def _curve(ham):
    return _supine_curve(float(ham.stiffness), float(ham.slr_deg), _VERSION[0])


@lru_cache(maxsize=4)
def _nerve_margin_cached(version):
    from .nerve import CALIBRATION_DROP_DEG, SLR_DORSIFLEXION_DEG, _bed_unchecked

    grid, hip, lumbar = _curve(Hamstrings.from_slr(NORMAL_SLR_DEG))
    theta = NORMAL_SLR_DEG - CALIBRATION_DROP_DEG
    at_drop = _bed_unchecked(np.interp(theta, grid, hip), 0.0, SLR_DORSIFLEXION_DEG,
                             np.interp(theta, grid, lumbar), 0.0)
    return float(at_drop - _bed_unchecked(hip[-1], 0.0, 0.0, lumbar[-1], 0.0))


def _nerve_margin():
    """Fitted: the margin that makes full dorsiflexion lower a normal SLR's end by
    `nerve.CALIBRATION_DROP_DEG` (Boyd et al. 2009; see `anatomy.model.neuro`)."""
    return _nerve_margin_cached(_VERSION[0])


def _nerve_threshold(ham):
    """Bed elongation (m) at which the nerve stops this person's tests, in the model."""
    from .nerve import _bed_unchecked

    _, hip, lumbar = _curve(ham)
    return float(_bed_unchecked(hip[-1], 0.0, 0.0, lumbar[-1], 0.0)) + _nerve_margin()


def _nerve_end(ham, ankle, neck):
    """(leg angle at the end of the SLR, "hamstrings" or "nerve"), whichever comes first."""
    from .nerve import _bed_unchecked

    slr = float(ham.slr_deg)
    grid, hip, lumbar = _curve(ham)
    bed = _bed_unchecked(hip, 0.0, float(ankle), lumbar, float(neck))
    t = _nerve_threshold(ham)
    above = bed >= t
    if not above.any():
        return slr, "hamstrings"
    i = int(np.argmax(above))
    if i == 0:
        return 0.0, "nerve"
    b0, b1 = bed[i - 1], bed[i]
    theta = float(grid[i - 1] + (grid[i] - grid[i - 1]) * (t - b0) / (b1 - b0))
    return (slr, "hamstrings") if theta >= slr - 1e-9 else (theta, "nerve")


def _nerve_inputs(ankle_dorsiflexion_deg, neck_flexion_deg, task_default=False):
    from .nerve import ANKLE_DORSIFLEXION_RANGE_DEG, NECK_FLEXION_RANGE_DEG

    ankle = float(real_array("ankle_dorsiflexion_deg", ankle_dorsiflexion_deg,
                             *ANKLE_DORSIFLEXION_RANGE_DEG))
    if neck_flexion_deg is None and task_default:
        return ankle, None
    return ankle, float(real_array("neck_flexion_deg", neck_flexion_deg,
                                   *NECK_FLEXION_RANGE_DEG))


def _slump_end(ham, ankle, neck):
    """(knee flexion where the slump ends, "nerve", "hamstrings" or None when the knee
    straightens fully) as the knee extends, the slump held (`anatomy.model.neuro`)."""
    from .nerve import SLUMP_LUMBAR_FLEXION_DEG, SLUMP_PELVIC_TILT_DEG, _bed_unchecked

    hip = 90.0 + SLUMP_PELVIC_TILT_DEG
    # hamstrings: their passive hip moment meets the tolerated moment (it falls as the knee
    # bends, so they allow every knee angle more flexed than that)
    k = np.linspace(0.0, 130.0, 521)
    m = _hamstring_hip_moment(np.full_like(k, hip), k, ham.stiffness)
    if m[0] <= ham.tolerance_nm:
        knee_ham = 0.0
    elif m[-1] >= ham.tolerance_nm:
        knee_ham = 130.0
    else:
        knee_ham = float(np.interp(-ham.tolerance_nm, -m, k))
    fixed = float(_bed_unchecked(hip, 0.0, ankle, SLUMP_LUMBAR_FLEXION_DEG, neck))
    knee_nerve = max(0.0, (fixed - _nerve_threshold(ham)) / float(-_bed_unchecked(0.0, 1.0)))
    if knee_nerve > knee_ham:
        return min(knee_nerve, 130.0), "nerve"
    if knee_ham <= 0.0:
        return 0.0, None
    return knee_ham, "hamstrings"


def _solve_slump(t, v, ham, ankle=0.0, neck=None):
    """Seated on a bench, slumped (pelvis and lumbar spine held), the knee extended to ``v``
    (stops where the hamstrings or the nerve end the test: `anatomy.model.neuro`)."""
    from .nerve import SLUMP_LUMBAR_FLEXION_DEG, SLUMP_PELVIC_TILT_DEG

    end, by = _slump_end(ham, float(ankle), float(neck))
    knee = np.maximum(v, end)
    ones = np.ones_like(knee)
    hip = 90.0 + SLUMP_PELVIC_TILT_DEG
    at_end = v <= end + 1e-3
    return dict(tilt=SLUMP_PELVIC_TILT_DEG * ones, hip=hip * ones, knee=knee,
                trunk=(SLUMP_PELVIC_TILT_DEG + SLUMP_LUMBAR_FLEXION_DEG) * ones,
                lumbar=SLUMP_LUMBAR_FLEXION_DEG * ones, thoracic=0.0 * ones,
                reachable=v >= end - 1e-3, other_hip=hip * ones, other_knee=90.0 * ones,
                limited_by=np.where(at_end, by, None), ankle=ankle, neck=neck,
                readouts={"slump_knee_end_deg": end * ones,
                          "slump_limited_by_nerve": float(by == "nerve") * ones,
                          "nerve_threshold_m": _nerve_threshold(ham) * ones})


def sweep(task: str, values=None, *, slr_deg=None, hamstrings=None,
          pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG, ankle_dorsiflexion_deg=0.0,
          neck_flexion_deg=None) -> list:
    """Solve one task for many values of its slider at once; a list of `Posture`.

    Parameters
    ----------
    task
        One of `TASKS`.
    values
        Values of the task's own slider (degrees; see `SLIDER_RANGES_DEG`): trunk flexion for
        ``forward_bend`` and ``long_sitting``, the leg's angle for ``straight_leg_raise``, knee
        flexion for ``active_knee_extension``. Ignored for ``standing`` and
        ``chair_sitting`` (one posture). Default: 100 steps over the slider's range.
    slr_deg, hamstrings
        The person: a passive SLR (the typical person with it, `Hamstrings.from_slr`;
        default 80°) or a `Hamstrings` (not both).
    ankle_dorsiflexion_deg, neck_flexion_deg
        Ankle and neck in the nerve tests (the SLR and the slump; the nerve can end them
        earlier). ``neck_flexion_deg`` None: the task's own (the slump flexes the neck).

    Examples
    --------
    >>> steps = sweep("forward_bend", [0.0, 45.0, 90.0], slr_deg=80.0)
    >>> [round(p.pelvic_tilt_deg) for p in steps]
    [-1, 17, 42]
    """
    slider = task_record(task).slider
    ham, pi = _check_common(slr_deg, pelvic_incidence_deg, hamstrings)
    if slider is None:
        vals = np.zeros(1)
    else:
        lo, hi = slider.model_range_deg
        vals = np.linspace(lo, hi, 100) if values is None else np.atleast_1d(
            real_array(slider.name, values, lo, hi)).astype(float)
    ankle, neck = _nerve_inputs(ankle_dorsiflexion_deg, neck_flexion_deg, task_default=True)
    return _assemble(task, _solve(task, vals, ham, pi, ankle, neck), ham, pi)


def joint_pose(pelvic_tilt_deg=0.0, hip_flexion_deg=0.0, knee_flexion_deg=0.0, *,
               slr_deg=None, hamstrings=None,
               pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """A pose set joint by joint (no mechanics), with the trunk held upright.

    For the free explorer: the sliders set pelvic tilt, hip and knee; the lumbar spine takes
    up the pelvic tilt so the trunk stays upright (an anterior tilt of δ deepens the lordosis
    by δ). ``reachable`` is False when the hamstrings' passive moment would be above what the
    person tolerates (``limited_by`` is then ``"hamstrings"``).

    Examples
    --------
    >>> p = joint_pose(10.0, 30.0, 0.0)
    >>> round(p.lumbar_flexion_deg, 6), p.reachable
    (-10.0, True)
    """
    ham, pi = _check_common(slr_deg, pelvic_incidence_deg, hamstrings)
    tilt = float(real_array("pelvic_tilt_deg", pelvic_tilt_deg, *JOINT_TILT_RANGE_DEG))
    hip = float(real_array("hip_flexion_deg", hip_flexion_deg, *HIP_FLEXION_RANGE_DEG))
    knee = float(real_array("knee_flexion_deg", knee_flexion_deg, *KNEE_FLEXION_RANGE_DEG))
    one = np.ones(1)
    moment = _hamstring_hip_moment(hip * one, knee * one, ham.stiffness)
    ok = moment <= ham.tolerance_nm * (1 + 1e-9)
    sol = {"tilt": tilt * one, "hip": hip * one, "knee": knee * one, "trunk": 0.0 * one,
           "lumbar": -tilt * one, "thoracic": 0.0 * one, "frame": 0.0,
           "other_hip": tilt * one, "other_knee": 0.0 * one, "reachable": ok,
           "limited_by": np.where(ok, None, "hamstrings"), "moment": moment}
    return _assemble("joint_pose", sol, ham, pi)[0]


def _end_of_trunk_task(task, slr_deg, hamstrings, pelvic_incidence_deg):
    """The furthest trunk flexion the person tolerates in an upright task."""
    ham, pi = _check_common(slr_deg, pelvic_incidence_deg, hamstrings)
    t = TASK_REGISTRY[task]
    t_max, _ = _upright_end(t, ham)
    value = float(np.clip(t_max, *t.slider.model_range_deg))
    return _one(task, value, ham, pi)


def _with_range(task):
    """Fill ``{range}`` in a task function's docstring from the task registry."""
    lo, hi = TASK_REGISTRY[task].slider.model_range_deg

    def decorate(fn):
        fn.__doc__ = fn.__doc__.replace("{range}", f"{lo:g} to {hi:g}°")
        return fn
    return decorate


_PERSON_DOC = """
    The person: ``slr_deg`` (a passive SLR, 35 to 110°: the typical person with it, see
    `Hamstrings.from_slr`; default 80°) or ``hamstrings`` (a `Hamstrings`), not both."""


def standing(*, slr_deg=None, hamstrings=None,
             pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """Quiet standing: thighs vertical, knees straight, trunk upright.

    In the model the hamstrings are near their standing length here, where the fitted passive
    curve (Riener & Edrich 1999) gives them only a few N·m: the pelvis sits about 1° behind
    its neutral position whatever their length (a prediction of the fit; Gajdosik et al. 1994
    and Li et al. 1996 found no standing difference either).

    Examples
    --------
    >>> abs(standing(slr_deg=50).pelvic_tilt_deg - standing(slr_deg=90).pelvic_tilt_deg) < 1
    True
    """
    ham, pi = _check_common(slr_deg, pelvic_incidence_deg, hamstrings)
    return _one("standing", 0.0, ham, pi)


@_with_range("forward_bend")
def forward_bend(trunk_flexion_deg, *, slr_deg=None, hamstrings=None,
                 pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """Bending forward to touch the toes, knees straight, thighs vertical.

    ``trunk_flexion_deg`` is the trunk's forward rotation from upright ({range}): the pelvis's
    rotation on the thighs plus the lumbar and the thoracic flexion. A bend further than the
    person tolerates is not ``reachable``; the posture returned is the furthest one. Readout:
    ``fingertip_to_floor_m`` (positive above the floor).
    """
    trunk = real_array("trunk_flexion_deg", trunk_flexion_deg, *SLIDER_RANGES_DEG["forward_bend"])
    ham, pi = _check_common(slr_deg, pelvic_incidence_deg, hamstrings)
    return _one("forward_bend", trunk, ham, pi)


def toe_touch(*, slr_deg=None, hamstrings=None,
              pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """The furthest forward bend the person tolerates (the end of the toe-touch test)."""
    return _end_of_trunk_task("forward_bend", slr_deg, hamstrings, pelvic_incidence_deg)


@_with_range("long_sitting")
def long_sitting(*, trunk_flexion_deg=0.0, slr_deg=None, hamstrings=None,
                 pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """Sitting on the floor with the legs straight out (the sit-and-reach position).

    ``trunk_flexion_deg`` is the trunk's forward lean from upright ({range}). The hamstrings
    and the hip's posterior tissues roll the pelvis back and flex the spine. A lean past what
    the person tolerates is still returned as asked (a person can be sat there, held by the
    hands or a wall), with ``reachable`` False and ``held_past_limit`` True; the hamstrings'
    moment then exceeds ``tolerance_nm``. `sit_and_reach` gives the furthest lean tolerated.
    Readout: ``fingertip_beyond_ankle_m`` with the arms reaching forward level with the
    shoulders.
    """
    trunk = real_array("trunk_flexion_deg", trunk_flexion_deg, *SLIDER_RANGES_DEG["long_sitting"])
    ham, pi = _check_common(slr_deg, pelvic_incidence_deg, hamstrings)
    return _one("long_sitting", trunk, ham, pi)


def sit_and_reach(*, slr_deg=None, hamstrings=None,
                  pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """The furthest forward lean in long sitting (the end of the sit-and-reach test)."""
    return _end_of_trunk_task("long_sitting", slr_deg, hamstrings, pelvic_incidence_deg)


def chair_sitting(*, slr_deg=None, hamstrings=None,
                  pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """Sitting upright on a chair, thighs horizontal and knees at 90°, trunk upright.

    In the model the hip's posterior tissues resist the high hip flexion, so the pelvis rolls
    back and the lumbar curve flattens (their stiffness is fitted to the sitting radiographs
    of Endo et al. 2012); with the knees bent the hamstrings add little, so their length
    hardly matters here (as Link et al. 1990 found for the change of the lumbar curve).
    """
    ham, pi = _check_common(slr_deg, pelvic_incidence_deg, hamstrings)
    return _one("chair_sitting", 0.0, ham, pi)


@_with_range("straight_leg_raise")
def straight_leg_raise(leg_raise_deg, *, slr_deg=None, hamstrings=None,
                       pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG,
                       ankle_dorsiflexion_deg=0.0, neck_flexion_deg=0.0):
    """The passive straight leg raise, lying supine, right leg raised with the knee straight.

    ``leg_raise_deg`` ({range}) is the leg's angle to the table (what a goniometer reads):
    ``hip_flexion_deg - pelvic_tilt_deg``. The pelvis rolls back (posterior tilt is negative)
    as the leg rises, so the hip flexes less than the leg rises. At the person's SLR the
    hamstrings' passive moment meets the tolerated moment; a higher raise is not reachable
    and the posture returned is the one at the person's SLR.

    ``ankle_dorsiflexion_deg`` and ``neck_flexion_deg`` load the sciatic nerve but not the
    hamstrings: in the model the nerve can then end the test earlier (`anatomy.model.neuro`;
    ``limited_by == "nerve"``, ``readouts["slr_end_deg"]``).
    """
    theta = real_array("leg_raise_deg", leg_raise_deg, *SLIDER_RANGES_DEG["straight_leg_raise"])
    ham, pi = _check_common(slr_deg, pelvic_incidence_deg, hamstrings)
    ankle, neck = _nerve_inputs(ankle_dorsiflexion_deg, neck_flexion_deg)
    return _one("straight_leg_raise", theta, ham, pi, ankle, neck)


@_with_range("active_knee_extension")
def active_knee_extension(knee_flexion_deg=None, *, slr_deg=None, hamstrings=None,
                          pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """The 90/90 knee-extension test: supine, thigh held vertical, knee straightened.

    In the model the knee is straightened passively until the hamstrings' moment meets the
    person's tolerance, so its end point is a **passive** knee extension (PKE) and compares
    with PKE norms (Yıldırım et al. 2018: 17.1 ± 9.1° in men, 9.8 ± 5.7° in women), not with
    active (AKE) ones. ``knee_flexion_deg`` ({range}): with None, returns the end of the
    test, reported as ``readouts["ake_deg"]`` (the knee angle short of full extension; the
    key keeps its version-1 name). With a knee angle, returns that pose (not reachable if
    straighter than the end point).
    """
    ham, pi = _check_common(slr_deg, pelvic_incidence_deg, hamstrings)
    if knee_flexion_deg is None:
        knee, _ = _knee_extension_end(ham.stiffness, ham.tolerance_nm, _VERSION[0])
    else:
        knee = real_array("knee_flexion_deg", knee_flexion_deg,
                          *SLIDER_RANGES_DEG["active_knee_extension"])
    return _one("active_knee_extension", knee, ham, pi)


passive_knee_extension = active_knee_extension
"""The same test under its right name: the model's knee-extension end point is passive."""
