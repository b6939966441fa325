"""Postures of everyday tasks and clinical tests, solved from the mechanics.

The model in plain words
------------------------
The pelvis sits between the lumbar spine above and the two hips below. In every task the
pelvis settles where three passive resistances balance (the pose of least stored energy):

1. **The lumbar spine** resists bending away from its standing curve. Its resistance grows
   slowly at first and steeply as it nears the end of its flexion range (`LUMBAR`).
2. **The hips** resist being moved from their standing angle by tissues other than the
   hamstrings (gluteal muscles, capsule, postural control), a gentle linear spring (`HIP`).
   Seated, the pelvis rests on the seat and this spring is left out.
3. **The hamstrings** pull only when stretched near the end of their range: their passive
   tension is zero until a head has gone 85% of the way from its anatomical-position length
   to its *maximum tolerated length*, then rises exponentially (the passive curve of Thelen
   2003, shape factor 4) to its value at the limit. The
   tension on the ischial tuberosity tilts the pelvis *posteriorly*: it lowers the back of the
   pelvis, flattens the sacrum and so the lumbar curve. Nothing in the model lets a short
   hamstring tilt the pelvis anteriorly or deepen the lordosis.

One number describes how short a person's hamstrings are: the passive straight-leg-raise angle
``slr_deg``, the angle of the leg to the table at which the subject stops the test. It sets how
far each head may stretch beyond its anatomical-position length: ``e`` times its fibre length
(Ward et al. 2009), the same ``e`` for all four heads, chosen so that the most stretched head
reaches its limit exactly when the leg reaches ``slr_deg`` in a model SLR (with the pelvis
rotating as the model says). In this geometry that head is semimembranosus, the one with the
shortest fibres. Normal is about 80° (passive SLR below 80° counts as limited: Ayala 2012,
Muyor et al. 2011); `SLR_BANDS` gives the bands.

Tasks and their constraints (all with the trunk's flexion = pelvic rotation + lumbar flexion):

=================  ==================================================  =====================
task               what is fixed                                       neutral hip angle
=================  ==================================================  =====================
standing           thighs vertical, knees straight, trunk upright      0°
forward bend       thighs vertical, knees straight, trunk flexion set  0°
straight leg raise supine; one leg raised with the knee straight       0° (both legs)
active knee ext.   supine; thigh held at 90° to the table             0° (both legs)
long sitting       thighs horizontal, knees straight, trunk set        none (seated)
chair sitting      thighs horizontal, knees at 90°, trunk upright      none (seated)
=================  ==================================================  =====================

Calibration and checks
----------------------
The lumbar spring (three numbers in `LUMBAR`) was fitted once to the
lumbopelvic rhythm of Esola et al. 1996 for people with normal hamstrings (69.4° at the hips
and 41.6° in the lumbar spine at full bend; lumbar:hip ratio 1.9, 0.9, 0.4 over trunk flexion
0-30°, 30-60°, 60-90°). Everything else is predicted, not fitted, and the tests compare it with
the studies: no standing difference between short and long hamstrings (Gajdosik et al. 1994;
Li et al. 1996); less hip flexion at the end of a toe touch with short hamstrings (52° vs 72°,
Gajdosik et al. 1992); the pelvis rotating early in an SLR (Bohannon et al. 1985); more
posterior tilt in long sitting with short hamstrings (López-Miñarro et al. 2012; Muyor 2011).

Limits, in plain words
----------------------
* Planar and quasi-static: no speed, no muscle activity beyond a constant postural stiffness,
  both legs alike (except in the SLR). Thoracic flexion is not modelled: the thorax moves
  with L1, so reach differences that people make up with the upper back are not shown.
* The lumbar and hip springs are one average adult's, fitted to one study's averages; people
  differ a great deal. The numbers are for teaching directions and sizes, not for diagnosis.
* Stretch tolerance and muscle length are not told apart: ``slr_deg`` bundles both (most of a
  short-term stretching gain is tolerance; Weppler & Magnusson 2010).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

import numpy as np

from ._validate import ReadOnlyDict, real_array
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

# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------
PASSIVE_SHAPE = 4.0
"""Shape factor of the exponential passive force-length curve (Thelen 2003, k_PE = 4)."""
MAX_ISOMETRIC_FORCE_N = MappingProxyType({  # [gait2392] max_isometric_force
    "semitendinosus": 410.0, "semimembranosus": 1288.0, "biceps_femoris_long": 896.0,
    "biceps_femoris_short": 804.0})
"""Maximum isometric forces of the heads in the Delp model; they share out passive tension."""
SLACK_FRACTION = 0.85
"""Passive tension starts when a head has gone this fraction of the way from its
anatomical-position length to its maximum tolerated length, and then rises steeply (the
exponential of Thelen 2003 squeezed into the last 15%). A modelling choice: people feel and
resist little until near the end of their range (Weppler & Magnusson 2010), and it keeps the
hamstrings slack where everyday postures do not stretch them (standing, chair sitting)."""
TENSION_AT_LIMIT = 1.0
"""Passive tension at the maximum tolerated length, as a fraction of `MAX_ISOMETRIC_FORCE_N`:
in Thelen's (2003) curve passive force reaches the maximum isometric force at the end of its
range."""

# Lumbar spring fitted by tools/calibrate_posture.py to Esola et al. 1996 (normal hamstrings):
# τ = linear · f + end · tan(π/2 · f / limit).
LUMBAR = MappingProxyType({
    "linear_nm_per_deg": 1.136,
    "end_nm": 9.168,
    "flexion_limit_deg": 43.04,  # lumbar flexion from standing that is never passed
    "extension_limit_deg": 30.0,  # lumbar extension from standing (not fitted; not reached)
})
# The rhythm fixes only the ratio of the springs; the hip spring is held at 1 N·m/deg, an
# assumption that sets their absolute stiffness against the hamstrings' tension.
HIP = MappingProxyType({
    "linear_nm_per_deg": 1.0,
})
SUPINE_LUMBOPELVIC_SCALE = 7.425
"""Lying supine, how much more the trunk resists the pelvis rolling back than the lumbar
spring alone does standing (the trunk's weight on the table, the other hip's flexors). Set so
that the end of a normal 80° SLR leaves 69.4° at the hip, the hip flexion that people with
normal hamstrings reach at the end of a toe touch (Esola et al. 1996)."""


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
    arm = np.stack([-_moment_arm_unchecked(m, "hip", h, k) for m in HAMSTRING_HEADS])
    anat = np.array([_length_unchecked(m, 0.0, 0.0) for m in HAMSTRING_HEADS])
    fibre = np.array([FACTS[m].fibre_length_cm / 100.0 for m in HAMSTRING_HEADS])
    fmax = np.array([MAX_ISOMETRIC_FORCE_N[m] for m in HAMSTRING_HEADS])
    return length, arm, anat, fibre, fmax


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


def _stretch_excess(e, hip, knee):
    """x = (L - L_anat) / (e · fibre length) per head, ``(4, ...)``; 1.0 at the limit."""
    length, _, anat, fibre, _ = _tables()
    ell = _interp2(length, hip, knee)
    shape = (4,) + (1,) * (ell.ndim - 1)
    return (ell - anat.reshape(shape)) / (np.asarray(e) * fibre.reshape(shape))


def _hamstring_hip_moment(e, hip, knee):
    """Passive hip-extension moment of one leg's hamstrings (N·m, ≥ 0)."""
    length, arm, anat, fibre, fmax = _tables()
    x = _stretch_excess(e, hip, knee)
    shape = (4,) + (1,) * (x.ndim - 1)
    # far past the limit (only ever probed by the solvers' search grids) the curve is capped
    xp = np.clip((x - SLACK_FRACTION) / (1.0 - SLACK_FRACTION), 0.0, 25.0)
    force = (TENSION_AT_LIMIT * fmax.reshape(shape) * np.expm1(PASSIVE_SHAPE * xp)
             / np.expm1(PASSIVE_SHAPE))
    return (force * _interp2(arm, hip, knee)).sum(0)


def _lumbar_moment(f):
    """Passive lumbar resistance (N·m) to flexion f (degrees from standing; odd in sign)."""
    f = np.asarray(f, float)
    a, b = LUMBAR["linear_nm_per_deg"], LUMBAR["end_nm"]
    lim = np.where(f >= 0, LUMBAR["flexion_limit_deg"], LUMBAR["extension_limit_deg"])
    frac = np.clip(f / lim, -0.999999, 0.999999)
    return a * f + b * np.tan(0.5 * np.pi * frac)


def _hip_moment(hip, neutral):
    """Non-hamstring hip resistance about the task's neutral angle; none when seated."""
    if neutral is None:
        return 0.0
    return HIP["linear_nm_per_deg"] * (np.asarray(hip, float) - neutral)


# ---------------------------------------------------------------------------------------------
# A 1-D root finder on a grid, vectorised over the batch (fast and without scipy).
# ---------------------------------------------------------------------------------------------
def _solve_increasing(fun, lo, hi, coarse=91, fine=33):
    """Root of a function that increases in p on [lo, hi], vectorised over a batch.

    Two grid passes (the bracketing cell of a coarse grid, then a fine grid inside it) and a
    linear interpolation: a few numpy calls instead of dozens of scalar bisection steps. Where
    the function has no root in the interval the nearer end is returned.
    """
    lo = np.asarray(lo, float)
    hi = np.asarray(hi, float)
    lo, hi = np.broadcast_arrays(lo, hi)
    for n in (coarse, fine):
        t = np.linspace(0.0, 1.0, n).reshape((n,) + (1,) * lo.ndim)
        p = lo + (hi - lo) * t
        g = fun(p)
        above = g > 0
        first = np.argmax(above, axis=0)  # first grid point above zero (0 if none or all)
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
    root = np.where(all_above, lo, np.where(none, hi, root))
    return root


# Pelvic rotation limits that the solvers search within (degrees from neutral).
_P_LO, _P_HI = -60.0, 120.0


def _equilibrium_bend(trunk, e, hip_offset, knee, neutral):
    """Pelvic rotation p with both legs at hip = hip_offset + p and trunk flexion fixed.

    dE/dp = -τ_L(T - p) + 2 [τ_H(h) + M_ham(h)] = 0, increasing in p.
    """
    def grad(p):
        h = np.clip(hip_offset + p, *HIP_FLEXION_RANGE_DEG)
        return (-_lumbar_moment(trunk - p)
                + 2.0 * (_hip_moment(h, neutral) + _hamstring_hip_moment(e, h, knee)))

    lo = np.maximum(_P_LO, HIP_FLEXION_RANGE_DEG[0] - hip_offset)
    hi = np.minimum(_P_HI, HIP_FLEXION_RANGE_DEG[1] - hip_offset)
    # stay inside the lumbar range (the barrier makes the root lie inside it)
    lo = np.maximum(lo, trunk - LUMBAR["flexion_limit_deg"] * 0.999999)
    hi = np.minimum(hi, trunk + LUMBAR["extension_limit_deg"] * 0.999999)
    return _solve_increasing(grad, lo, hi)


def _equilibrium_supine(raise_deg, e, knee):
    """Pelvic rotation p (posterior negative) lying supine with one leg raised.

    The raised leg's hip is raise + p, the other leg's hip is p (it lies on the table); the
    lumbar spine flexes by -p as the pelvis rolls back under a trunk that lies still.
    dE/dp = -τ_L(-p)·s + τ_H(p) + τ_H(raise+p) + M_ham(raise+p, knee) + M_ham(p, 0).
    """
    s = SUPINE_LUMBOPELVIC_SCALE

    def grad(p):
        h = np.clip(raise_deg + p, *HIP_FLEXION_RANGE_DEG)
        hc = np.clip(p, *HIP_FLEXION_RANGE_DEG)
        return (-s * _lumbar_moment(-p) + _hip_moment(hc, 0.0) + _hip_moment(h, 0.0)
                + _hamstring_hip_moment(e, h, knee) + _hamstring_hip_moment(e, hc, 0.0))

    lo = np.full(np.shape(raise_deg), -LUMBAR["flexion_limit_deg"] * 0.999999)
    hi = np.full(np.shape(raise_deg), LUMBAR["extension_limit_deg"] * 0.999999)
    return _solve_increasing(grad, lo, hi)


# ---------------------------------------------------------------------------------------------
# Extensibility: slr_deg → e (how far heads may stretch, in fibre lengths)
# ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _slr_calibration():
    """Table of SLR end angle against e, built once: for each e, the hip angle at which the
    most stretched head reaches its limit (knee straight), the pelvic rotation there, and
    so the leg's angle to the table."""
    length, _, anat, fibre, _ = _tables()
    k0 = int(round((0.0 - _KNEE_GRID[0]) / _GRID_STEP))
    excursion = (length[:, :, k0] - anat[:, None]) / fibre[:, None]  # (4, hips)
    demand = excursion.max(0)  # e needed to reach each hip angle: increasing above 0°
    ok = _HIP_GRID > 0
    hips, demand = _HIP_GRID[ok], demand[ok]
    e_grid = np.linspace(demand[0] * 1.0001, demand[-1], 400)
    hip_end = np.interp(e_grid, demand, hips)
    # pelvic rotation at the end point, with the raised hip fixed at hip_end
    s = SUPINE_LUMBOPELVIC_SCALE

    def grad(p):
        hc = np.clip(p, *HIP_FLEXION_RANGE_DEG)
        return (-s * _lumbar_moment(-p) + _hip_moment(hc, 0.0) + _hip_moment(hip_end, 0.0)
                + _hamstring_hip_moment(e_grid, hip_end, 0.0)
                + _hamstring_hip_moment(e_grid, hc, 0.0))

    p_end = _solve_increasing(grad, np.full_like(e_grid, -45.9), np.full_like(e_grid, 29.9))
    slr_end = hip_end - p_end
    return slr_end, e_grid, hip_end, p_end


def extensibility(slr_deg) -> float:
    """How far each head may stretch beyond its anatomical length, in its fibre lengths.

    Examples
    --------
    >>> bool(extensibility(80.0) > extensibility(55.0))
    True
    """
    slr = real_array("slr_deg", slr_deg, *SLR_RANGE_DEG)
    slr_end, e_grid, _, _ = _slr_calibration()
    return np.interp(slr, slr_end, e_grid)


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

    ``hamstring_stretch`` maps each head to its length as a fraction of its maximum tolerated
    length (1.0 at the limit). ``hamstring_range_used`` maps each head to how far it has gone
    from its anatomical-position length towards that limit (0 in the anatomical position, 1 at
    the limit, negative when shorter). ``reachable`` is False when the task's target was beyond what
    the tissues allow; the posture is then the furthest one reached. ``readouts`` holds the
    task's clinical numbers (for example ``fingertip_to_floor_m``).
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

    @property
    def most_stretched_head(self) -> str:
        return max(self.hamstring_stretch, key=self.hamstring_stretch.get)

    def summary(self) -> str:
        """A short text table of the pose (labels and rounding from `anatomy.model.readouts`).
        """
        from .readouts import summary
        return summary(self)


def _check_common(slr_deg, pelvic_incidence_deg):
    slr = real_array("slr_deg", slr_deg, *SLR_RANGE_DEG)
    pi = real_array("pelvic_incidence_deg", pelvic_incidence_deg, *PELVIC_INCIDENCE_RANGE_DEG)
    return float(slr), float(pi)


# ---------------------------------------------------------------------------------------------
# Limits of reach, cached per extensibility
# ---------------------------------------------------------------------------------------------
def _hip_at_limit(e, knee=0.0):
    """Hip flexion at which the most stretched head reaches its limit (knee given)."""
    length, _, anat, fibre, _ = _tables()
    ki = (knee - _KNEE_GRID[0]) / _GRID_STEP
    k0 = int(np.clip(np.floor(ki), 0, len(_KNEE_GRID) - 2))
    v = ki - k0
    ell = length[:, :, k0] * (1 - v) + length[:, :, k0 + 1] * v
    demand = ((ell - anat[:, None]) / fibre[:, None]).max(0)
    start = int(np.argmin(demand))  # demand increases with hip flexion above this
    d, h = demand[start:], _HIP_GRID[start:]
    if e >= d[-1]:
        return float(h[-1]), False  # never reaches its limit within the hip range
    return float(np.interp(e, d, h)), True


def _invert_lumbar(moment):
    """Lumbar flexion (deg) at which the lumbar spring carries ``moment`` (N·m)."""
    return _solve_increasing(lambda f: _lumbar_moment(f) - moment,
                             -LUMBAR["extension_limit_deg"] * 0.999999,
                             LUMBAR["flexion_limit_deg"] * 0.999999)


@lru_cache(maxsize=256)
def _trunk_limit(e, hip_offset, knee, neutral):
    """Largest trunk flexion the tissues allow: hamstrings at their limit and the lumbar
    spine carrying the moment they pass on. Returns (trunk_max, p_at_limit)."""
    h_lim, limited = _hip_at_limit(e, knee)
    if not limited:
        h_lim = HIP_FLEXION_RANGE_DEG[1]
    p = h_lim - hip_offset
    moment = 2.0 * (_hip_moment(h_lim, neutral) + _hamstring_hip_moment(e, h_lim, knee))
    return float(p + _invert_lumbar(moment)), float(p)


def _key(x):
    return round(float(x), 9)


def _ake_pose(e, knee):
    """Pelvic rotation with the thigh held at 90° to the table (hip = 90 + p)."""
    return float(_equilibrium_supine(np.asarray(90.0), e, knee))


@lru_cache(maxsize=256)
def _ake_limit(e):
    """Knee flexion at the end of active knee extension (thigh held at 90° to the table)."""
    lo, hi = 0.0, 130.0  # the test ends at full extension at the latest
    for _ in range(40):
        mid = 0.5 * (lo + hi)
        p = _ake_pose(e, mid)
        x = _stretch_excess(e, 90.0 + p, mid).max()
        if x > 1.0:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)



# ---------------------------------------------------------------------------------------------
# The vectorised core: one task, many values of its slider, solved at once
# ---------------------------------------------------------------------------------------------
SLIDER_RANGES_DEG = MappingProxyType({
    name: t.slider.model_range_deg for name, t in TASK_REGISTRY.items() if t.slider})
"""What each task's own slider accepts (degrees), from the task registry."""


def _solve_upright(t, v, e):
    """Pelvis on fixed thighs (standing, bending, sitting), trunk flexion set by ``v``."""
    hip_offset, knee = t.hip_when_pelvis_neutral_deg, t.knee_flexion_deg
    neutral = t.neutral_hip_deg
    t_max, _ = _trunk_limit(_key(e), hip_offset, knee, neutral)
    trunk = np.minimum(v, t_max)
    p = _equilibrium_bend(trunk, e, hip_offset, knee, neutral)
    return dict(tilt=p, hip=hip_offset + p, knee=np.full_like(p, knee), trunk=trunk,
                lumbar=trunk - p, reachable=v <= t_max + 1e-9, other_hip=hip_offset + p,
                other_knee=np.full_like(p, knee))


def _solve_leg_raise(t, v, e, slr, ankle=0.0, neck=0.0):
    """Supine, one leg raised to ``v`` with the knee straight (stops at ``slr``, or earlier
    where the ankle and the neck let the nerve end it: `anatomy.model.neuro`)."""
    end, by = (slr, "hamstrings") if (ankle, neck) == (0.0, 0.0) else _nerve_end(slr, ankle,
                                                                                 neck)
    theta = np.minimum(v, end)
    p = _equilibrium_supine(theta, e, 0.0)
    share = np.where(theta > 1e-6, -p / np.maximum(theta, 1e-6), 0.0)
    return dict(tilt=p, hip=theta + p, knee=np.zeros_like(p), trunk=np.zeros_like(p),
                lumbar=-p, reachable=v <= end + 1e-9, other_hip=p,
                other_knee=np.zeros_like(p), ankle=ankle, neck=neck,
                readouts={"leg_raise_deg": theta, "pelvic_share_of_raise": share,
                          "slr_end_deg": np.full_like(p, end),
                          "slr_limited_by_nerve": np.full_like(p, float(by == "nerve"))})


def _solve_knee_extension(t, v, e):
    """Supine, thigh at 90° to the table, knee straightened to ``v`` (stops at the end)."""
    ake = _ake_limit(_key(e))
    knee = np.maximum(v, ake)
    p = _equilibrium_supine(np.full_like(knee, 90.0), e, knee)
    return dict(tilt=p, hip=90.0 + p, knee=knee, trunk=np.zeros_like(p), lumbar=-p,
                reachable=v >= ake - 1e-9, other_hip=p, other_knee=np.zeros_like(p),
                readouts={"ake_deg": np.full_like(p, ake)})


def _solve(task, values, slr, pi, ankle=0.0, neck=None):
    """Arrays of the solved poses for ``values`` of the task's slider (1-D).

    ``ankle`` and ``neck`` (degrees; ``neck`` None: the task's own) matter only where the
    nerve can end the task (the SLR and the slump; `anatomy.model.neuro`)."""
    neck = TASK_REGISTRY[task].neck_flexion_deg if neck is None else neck
    e = extensibility(slr)
    v = np.asarray(values, float)
    t = TASK_REGISTRY[task]
    if t.solver == "upright":
        out = _solve_upright(t, v, e)
    elif t.solver == "leg_raise":
        out = _solve_leg_raise(t, v, e, slr, ankle, neck)
    elif t.solver == "slump":
        out = _solve_slump(t, v, e, slr, ankle, neck)
    else:
        out = _solve_knee_extension(t, v, e)
    out.update(task_value=v, frame=t.frame_angle_deg)
    # whatever the targets said, a pose with a head past its limit was not reached
    within = _stretch_excess(e, out["hip"], out["knee"]).max(0) <= 1.0 + 1e-6
    out["reachable"] = np.asarray(out["reachable"]) & within
    out["e"] = e
    return out


def _assemble(task, sol, slr, pi) -> list:
    """Build `Posture` objects from solved arrays (measuring PT and SS on the S1 endplate)."""
    from .body import task_readouts_batch
    from .spine import measure_spinopelvic, s1_endplate_in_pelvis
    from .geometry import HIP_JOINT_CENTRE_IN_PELVIS, rot_z

    tilt = np.asarray(sol["tilt"], float)
    # measure on the endplate and hip axis with the pelvis turned by its tilt (body frame)
    r = rot_z(-tilt)
    ends = s1_endplate_in_pelvis(pi)
    hip_mid = np.array([HIP_JOINT_CENTRE_IN_PELVIS[0], HIP_JOINT_CENTRE_IN_PELVIS[1], 0.0])
    ant = np.einsum("...ij,j->...i", r, ends["s1_anterior"])
    post = np.einsum("...ij,j->...i", r, ends["s1_posterior"])
    hip_axis = np.einsum("...ij,j->...i", r, hip_mid)
    pi_m, pt, ss = measure_spinopelvic(ant, post, hip_axis)
    from .geometry import PELVIS_LANDMARKS
    asis = np.einsum("...ij,j->...i", r, PELVIS_LANDMARKS["asis"])
    psis = np.einsum("...ij,j->...i", r, PELVIS_LANDMARKS["psis"])
    d = asis - psis
    asis_psis = np.degrees(np.arctan2(-d[..., 1], d[..., 0]))
    ll = standing_lordosis_deg(pi) - sol["lumbar"]
    length, _, anat, fibre, _ = _tables()
    ell = _interp2(length, sol["hip"], sol["knee"])
    stretch = ell / (anat + sol["e"] * fibre)[:, None]
    used = (ell - anat[:, None]) / (sol["e"] * fibre)[:, None]
    readouts = {k: np.asarray(v, float) for k, v in sol.get("readouts", {}).items()}
    readouts.update(_nerve_readouts(sol))
    readouts.update(task_readouts_batch(task, sol["tilt"], sol["hip"], sol["knee"],
                                        sol["lumbar"], pi, sol["frame"]))
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
            float(asis_psis[i])))
    return postures


def _one(task, value, slr_deg, pelvic_incidence_deg, ankle=0.0, neck=None):
    slr, pi = _check_common(slr_deg, pelvic_incidence_deg)
    sol = _solve(task, np.atleast_1d(float(value)), slr, pi, ankle, neck)
    return _assemble(task, sol, slr, pi)[0]


# The nerve (anatomy.model.nerve and .neuro): the bed's elongation in every posture with legs,
# and the end of the SLR when the ankle or the neck is moved.
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
def _supine_curve(slr):
    """Leg angle, hip and lumbar flexion of one person's SLR on a 0.25° grid up to ``slr``."""
    grid = _NERVE_RAISE_GRID[_NERVE_RAISE_GRID < slr]
    grid = np.append(grid, slr)
    p = _equilibrium_supine(grid, extensibility(slr), 0.0)
    return grid, grid + p, -p


@lru_cache(maxsize=1)
def _nerve_margin():
    """Fitted: the margin that makes full dorsiflexion lower a normal SLR's end by
    `nerve.CALIBRATION_DROP_DEG` (Boyd et al. 2009; see `anatomy.model.neuro`)."""
    from .nerve import CALIBRATION_DROP_DEG, SLR_DORSIFLEXION_DEG, _bed_unchecked

    grid, hip, lumbar = _supine_curve(NORMAL_SLR_DEG)
    theta = NORMAL_SLR_DEG - CALIBRATION_DROP_DEG
    at_drop = _bed_unchecked(np.interp(theta, grid, hip), 0.0, SLR_DORSIFLEXION_DEG,
                             np.interp(theta, grid, lumbar), 0.0)
    return float(at_drop - _bed_unchecked(hip[-1], 0.0, 0.0, lumbar[-1], 0.0))


@lru_cache(maxsize=256)
def _nerve_threshold(slr):
    """Bed elongation (m) at which the nerve stops this person's tests, in the model."""
    from .nerve import _bed_unchecked

    _, hip, lumbar = _supine_curve(slr)
    return float(_bed_unchecked(hip[-1], 0.0, 0.0, lumbar[-1], 0.0)) + _nerve_margin()


@lru_cache(maxsize=1024)
def _nerve_end(slr, ankle, neck):
    """(leg angle at the end of the SLR, "hamstrings" or "nerve"), whichever comes first."""
    from .nerve import _bed_unchecked

    grid, hip, lumbar = _supine_curve(float(slr))
    bed = _bed_unchecked(hip, 0.0, float(ankle), lumbar, float(neck))
    above = bed >= _nerve_threshold(float(slr))
    if not above.any():
        return float(slr), "hamstrings"
    i = int(np.argmax(above))
    if i == 0:
        return 0.0, "nerve"
    b0, b1 = bed[i - 1], bed[i]
    t = _nerve_threshold(float(slr))
    theta = float(grid[i - 1] + (grid[i] - grid[i - 1]) * (t - b0) / (b1 - b0))
    return (float(slr), "hamstrings") if theta >= slr - 1e-9 else (theta, "nerve")


def _nerve_inputs(ankle_dorsiflexion_deg, neck_flexion_deg, task_default=False):
    from .nerve import ANKLE_DORSIFLEXION_RANGE_DEG, NECK_FLEXION_RANGE_DEG

    ankle = float(real_array("ankle_dorsiflexion_deg", ankle_dorsiflexion_deg,
                             *ANKLE_DORSIFLEXION_RANGE_DEG))
    if neck_flexion_deg is None and task_default:
        return ankle, None
    return ankle, float(real_array("neck_flexion_deg", neck_flexion_deg,
                                   *NECK_FLEXION_RANGE_DEG))


_SLUMP_KNEE_GRID = np.arange(0.0, 130.0 + 1e-9, 0.25)


@lru_cache(maxsize=1024)
def _slump_end(slr, ankle, neck):
    """(knee flexion where the slump ends, "nerve", "hamstrings" or None when the knee
    straightens fully) as the knee extends, the slump held (`anatomy.model.neuro`)."""
    from .nerve import SLUMP_LUMBAR_FLEXION_DEG, SLUMP_PELVIC_TILT_DEG, _bed_unchecked

    e = extensibility(slr)
    hip = 90.0 + SLUMP_PELVIC_TILT_DEG

    def past(knee):
        knee = np.atleast_1d(np.asarray(knee, float))
        return _stretch_excess(e, np.full_like(knee, hip), knee).max(0) > 1.0 + 1e-9

    bad = past(_SLUMP_KNEE_GRID)
    knee_ham = 0.0
    if bad.any():  # the hamstrings allow every knee angle more flexed than their end
        knee_ham = float(_SLUMP_KNEE_GRID[~bad][0]) if (~bad).any() else 130.0
        lo, hi = max(knee_ham - 0.25, 0.0), knee_ham
        for _ in range(30):
            mid = 0.5 * (lo + hi)
            lo, hi = (mid, hi) if past(mid)[0] else (lo, mid)
        knee_ham = hi
    # the bed shortens as the knee flexes: the straightest knee within the threshold
    fixed = float(_bed_unchecked(hip, 0.0, ankle, SLUMP_LUMBAR_FLEXION_DEG, neck))
    knee_nerve = max(0.0, (fixed - _nerve_threshold(slr)) / float(-_bed_unchecked(0.0, 1.0)))
    if knee_nerve > knee_ham:
        return min(knee_nerve, 130.0), "nerve"
    if knee_ham <= 0.0:
        return 0.0, None
    return knee_ham, "hamstrings"


def _solve_slump(t, v, e, slr, ankle=0.0, neck=None):
    """Seated on a bench, slumped (pelvis and lumbar spine held), the knee extended to ``v``
    (stops where the hamstrings or the nerve end the test: `anatomy.model.neuro`)."""
    from .nerve import SLUMP_LUMBAR_FLEXION_DEG, SLUMP_PELVIC_TILT_DEG

    end, by = _slump_end(float(slr), float(ankle), float(neck))
    knee = np.maximum(v, end)
    ones = np.ones_like(knee)
    hip = 90.0 + SLUMP_PELVIC_TILT_DEG
    return dict(tilt=SLUMP_PELVIC_TILT_DEG * ones, hip=hip * ones, knee=knee,
                trunk=(SLUMP_PELVIC_TILT_DEG + SLUMP_LUMBAR_FLEXION_DEG) * ones,
                lumbar=SLUMP_LUMBAR_FLEXION_DEG * ones, reachable=v >= end - 1e-9,
                other_hip=hip * ones, other_knee=90.0 * ones, ankle=ankle, neck=neck,
                readouts={"slump_knee_end_deg": end * ones,
                          "slump_limited_by_nerve": float(by == "nerve") * ones,
                          "nerve_threshold_m": _nerve_threshold(float(slr)) * ones})


def sweep(task: str, values=None, *, slr_deg=NORMAL_SLR_DEG,
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
    ankle_dorsiflexion_deg, neck_flexion_deg
        Ankle and neck in the nerve tests (the SLR and the slump; the nerve can end them
        earlier). ``neck_flexion_deg`` None: the task's own (the slump flexes the neck).

    Examples
    --------
    >>> steps = sweep("forward_bend", [0.0, 45.0, 90.0], slr_deg=80.0)
    >>> [round(p.pelvic_tilt_deg) for p in steps]
    [0, 20, 51]
    """
    slider = task_record(task).slider
    slr, pi = _check_common(slr_deg, pelvic_incidence_deg)
    if slider is None:
        vals = np.zeros(1)
    else:
        lo, hi = slider.model_range_deg
        vals = np.linspace(lo, hi, 100) if values is None else np.atleast_1d(
            real_array(slider.name, values, lo, hi)).astype(float)
    ankle, neck = _nerve_inputs(ankle_dorsiflexion_deg, neck_flexion_deg, task_default=True)
    return _assemble(task, _solve(task, vals, slr, pi, ankle, neck), slr, pi)


def joint_pose(pelvic_tilt_deg=0.0, hip_flexion_deg=0.0, knee_flexion_deg=0.0, *,
               slr_deg=NORMAL_SLR_DEG, pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """A pose set joint by joint (no mechanics), with the trunk held upright.

    For the free explorer: the sliders set pelvic tilt, hip and knee; the lumbar spine takes
    up the pelvic tilt so the trunk stays upright (an anterior tilt of δ deepens the lordosis
    by δ). ``reachable`` is False when a head is past its maximum tolerated length.

    Examples
    --------
    >>> p = joint_pose(10.0, 30.0, 0.0)
    >>> round(p.lumbar_flexion_deg, 6), p.reachable
    (-10.0, True)
    """
    slr, pi = _check_common(slr_deg, pelvic_incidence_deg)
    tilt = float(real_array("pelvic_tilt_deg", pelvic_tilt_deg, *JOINT_TILT_RANGE_DEG))
    hip = float(real_array("hip_flexion_deg", hip_flexion_deg, *HIP_FLEXION_RANGE_DEG))
    knee = float(real_array("knee_flexion_deg", knee_flexion_deg, *KNEE_FLEXION_RANGE_DEG))
    e = extensibility(slr)
    one = np.ones(1)
    sol = {"tilt": tilt * one, "hip": hip * one, "knee": knee * one, "trunk": 0.0 * one,
           "lumbar": -tilt * one, "frame": 0.0, "other_hip": tilt * one,
           "other_knee": 0.0 * one, "e": e}
    sol["reachable"] = _stretch_excess(e, sol["hip"], sol["knee"]).max(0) <= 1.0 + 1e-6
    return _assemble("joint_pose", sol, slr, pi)[0]


def _end_of_trunk_task(task, slr_deg, pelvic_incidence_deg):
    """The furthest trunk flexion the tissues allow in an upright task (within its slider)."""
    slr, pi = _check_common(slr_deg, pelvic_incidence_deg)
    t = TASK_REGISTRY[task]
    t_max, _ = _trunk_limit(_key(extensibility(slr)), t.hip_when_pelvis_neutral_deg,
                            t.knee_flexion_deg, t.neutral_hip_deg)
    return _one(task, float(np.clip(t_max, *t.slider.model_range_deg)), slr, pi)


def _with_range(task):
    """Fill ``{range}`` in a task function's docstring from the task registry."""
    lo, hi = TASK_REGISTRY[task].slider.model_range_deg

    def decorate(fn):
        fn.__doc__ = fn.__doc__.replace("{range}", f"{lo:g} to {hi:g}°")
        return fn
    return decorate


def standing(*, slr_deg=NORMAL_SLR_DEG, pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """Quiet standing: thighs vertical, knees straight, trunk upright.

    The hamstrings are at their anatomical length here, so however short they are they do not
    pull: the pelvis stays in its neutral position (Gajdosik et al. 1994 and Li et al. 1996
    found no standing difference either).

    Examples
    --------
    >>> abs(standing(slr_deg=50).pelvic_tilt_deg - standing(slr_deg=90).pelvic_tilt_deg) < 1
    True
    """
    return _one("standing", 0.0, slr_deg, pelvic_incidence_deg)


@_with_range("forward_bend")
def forward_bend(trunk_flexion_deg, *, slr_deg=NORMAL_SLR_DEG,
                 pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """Bending forward to touch the toes, knees straight, thighs vertical.

    ``trunk_flexion_deg`` is the trunk's forward rotation from upright ({range}): the pelvis's
    rotation on the thighs plus the lumbar flexion. A bend further than the tissues allow is
    not ``reachable``; the posture returned is the furthest one. Readout:
    ``fingertip_to_floor_m`` (positive above the floor).
    """
    trunk = real_array("trunk_flexion_deg", trunk_flexion_deg, *SLIDER_RANGES_DEG["forward_bend"])
    return _one("forward_bend", trunk, slr_deg, pelvic_incidence_deg)


def toe_touch(*, slr_deg=NORMAL_SLR_DEG, pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """The furthest forward bend the tissues allow (the end of the toe-touch test)."""
    return _end_of_trunk_task("forward_bend", slr_deg, pelvic_incidence_deg)


@_with_range("long_sitting")
def long_sitting(*, trunk_flexion_deg=0.0, slr_deg=NORMAL_SLR_DEG,
                 pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """Sitting on the floor with the legs straight out (the sit-and-reach position).

    ``trunk_flexion_deg`` is the trunk's forward lean from upright ({range}). Short
    hamstrings roll the pelvis back and flex the lumbar spine; a person whose hamstrings are
    too short to sit upright is returned leaning back, with ``reachable`` False. Readout:
    ``fingertip_beyond_ankle_m`` with the arms reaching forward level with the shoulders.
    """
    trunk = real_array("trunk_flexion_deg", trunk_flexion_deg, *SLIDER_RANGES_DEG["long_sitting"])
    return _one("long_sitting", trunk, slr_deg, pelvic_incidence_deg)


def sit_and_reach(*, slr_deg=NORMAL_SLR_DEG, pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """The furthest forward lean in long sitting (the end of the sit-and-reach test)."""
    return _end_of_trunk_task("long_sitting", slr_deg, pelvic_incidence_deg)


def chair_sitting(*, slr_deg=NORMAL_SLR_DEG, pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """Sitting upright on a chair, thighs horizontal and knees at 90°.

    Bending the knees takes back much of the length that bending the hips adds, so the
    hamstrings stay below the point where their passive tension starts and extensibility
    makes no difference here (except for very short hamstrings, SLR below about 45°).
    """
    return _one("chair_sitting", 0.0, slr_deg, pelvic_incidence_deg)


@_with_range("straight_leg_raise")
def straight_leg_raise(leg_raise_deg, *, slr_deg=NORMAL_SLR_DEG,
                       pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG,
                       ankle_dorsiflexion_deg=0.0, neck_flexion_deg=0.0):
    """The passive straight leg raise, lying supine, right leg raised with the knee straight.

    ``leg_raise_deg`` ({range}) is the leg's angle to the table (what a goniometer reads):
    ``hip_flexion_deg - pelvic_tilt_deg``. The pelvis rolls back (posterior tilt is negative)
    as the leg rises, so the hip flexes less than the leg rises. At ``leg_raise_deg ==
    slr_deg`` the most stretched head is at its limit; a higher raise is not reachable and
    the posture returned is the one at ``slr_deg``.

    ``ankle_dorsiflexion_deg`` and ``neck_flexion_deg`` load the sciatic nerve but not the
    hamstrings: in the model the nerve can then end the test before ``slr_deg``
    (`anatomy.model.neuro`; ``readouts["slr_end_deg"]`` and ``["slr_limited_by_nerve"]``).
    """
    theta = real_array("leg_raise_deg", leg_raise_deg, *SLIDER_RANGES_DEG["straight_leg_raise"])
    ankle, neck = _nerve_inputs(ankle_dorsiflexion_deg, neck_flexion_deg)
    return _one("straight_leg_raise", theta, slr_deg, pelvic_incidence_deg, ankle, neck)


@_with_range("active_knee_extension")
def active_knee_extension(knee_flexion_deg=None, *, slr_deg=NORMAL_SLR_DEG,
                          pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """The active knee extension (AKE) test: supine, thigh held vertical, knee straightened.

    ``knee_flexion_deg`` ({range}): with None, returns the end of the test: the knee
    flexion at which the most stretched head reaches its limit, reported as
    ``readouts["ake_deg"]`` (the angle short of full extension; 20° or more is commonly taken as tight, and Yıldırım et al. 2018 give
    cut-offs of 33° for men and 23° for women). With a knee angle, returns that pose (not
    reachable if straighter than the end point).
    """
    slr, pi = _check_common(slr_deg, pelvic_incidence_deg)
    if knee_flexion_deg is None:
        knee = _ake_limit(_key(extensibility(slr)))
    else:
        knee = real_array("knee_flexion_deg", knee_flexion_deg,
                          *SLIDER_RANGES_DEG["active_knee_extension"])
    return _one("active_knee_extension", knee, slr, pi)
