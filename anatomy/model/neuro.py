"""Nerve or muscle: the end of the straight leg raise and of the slump test.

The model in plain words
------------------------
Two things can stop a passive straight leg raise (SLR) or a slump test: the hamstrings
reaching what the person tolerates, or the sciatic-tibial nerve bed (`anatomy.model.nerve`)
reaching the elongation at which symptoms stop the test. The end is whichever comes first.

*The symptom threshold.* In the model each person's nerve stops the test at a bed elongation
a small, fixed margin (`NERVE_MARGIN_M`) beyond the elongation their own hamstrings allow in a
relaxed-ankle SLR. The margin is **fitted**: with it, adding full ankle dorsiflexion
(`SLR_DORSIFLEXION_DEG`, assumed 20°) lowers the end of a normal (80°) SLR by 10.1°, the mean
drop in hip flexion at the point of maximally tolerated symptoms that Boyd et al. (2009)
measured in 20 healthy people (dorsiflexion against plantarflexion; SD 9.7°). Boyd & Villa
(2012) found about 8° in 40 healthy people (to symptom onset), Boland & Adams (2000) 9° in
patients with back pain. Tying the threshold to the person's own SLR is an assumption: it
keeps ``slr_deg`` meaning what it meant (with the ankle relaxed and the neck neutral the
hamstrings still end the SLR at ``slr_deg``) and makes dorsiflexion cost about the same in
everyone, as the studies report on average.

*The slump* is modelled as a seated posture held by the subject (the pelvis rolled back by
`SLUMP_PELVIC_TILT_DEG` and the lumbar spine flexed by `SLUMP_LUMBAR_FLEXION_DEG`, both
assumed), the neck flexed or released, the ankle set, and the knee extended until the
hamstrings or the nerve stop it. In the model the pelvis does not roll back further as the
knee straightens (the subject holds the slump).

What the model predicts, not fits: the size of the neck's effect (its lever is assumed), that
the slump is stopped by the nerve in most people in the model (Kuilart et al. 2005 found
posterior knee or thigh symptoms in the slump in most of 42 healthy people with perceived
tight hamstrings, mostly eased by neck extension), and that releasing the neck changes
nothing when the hamstrings are what stop the knee.

Every function takes the person as ``slr_deg=`` or as ``hamstrings=`` (an `anatomy.Hamstrings`),
not both; the posture's ``limited_by`` says ``"nerve"`` when the nerve stops the test.
"""
from __future__ import annotations

from . import posture as _posture
from ._validate import ReadOnlyDict, real_array
from .nerve import (
    ANKLE_DORSIFLEXION_RANGE_DEG,
    CALIBRATION_DROP_DEG,
    NECK_FLEXION_RANGE_DEG,
    SLR_DORSIFLEXION_DEG,
    SLUMP_LUMBAR_FLEXION_DEG,
    SLUMP_NECK_FLEXION_DEG,
    SLUMP_PELVIC_TILT_DEG,
)
from .spine import DEFAULT_PELVIC_INCIDENCE_DEG, PELVIC_INCIDENCE_RANGE_DEG

LIMITED_BY = ("hamstrings", "nerve")


def _person(slr_deg, hamstrings):
    """The person's `Hamstrings` (from ``slr_deg=`` or ``hamstrings=``, not both)."""
    return _posture._person(slr_deg, hamstrings)


def nerve_threshold_m(slr_deg=None, *, hamstrings=None) -> float:
    """Bed elongation (m) at which, in the model, the nerve stops the test for this person.

    Examples
    --------
    >>> bool(nerve_threshold_m(80.0) > nerve_threshold_m(55.0))
    True
    """
    return _posture._nerve_threshold(_person(slr_deg, hamstrings))


def __getattr__(name):
    if name == "NERVE_MARGIN_M":  # fitted from the solvers on first use
        return _posture._nerve_margin()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def slr_end(slr_deg=None, ankle: float = 0.0, neck: float = 0.0, *, hamstrings=None):
    """(leg angle at the end of the SLR, what stopped it) for a person and ankle/neck set."""
    return _posture._nerve_end(_person(slr_deg, hamstrings), float(ankle), float(neck))


def _check_nerve_inputs(ankle, neck):
    a = float(real_array("ankle_dorsiflexion_deg", ankle, *ANKLE_DORSIFLEXION_RANGE_DEG))
    n = float(real_array("neck_flexion_deg", neck, *NECK_FLEXION_RANGE_DEG))
    return a, n


def _with(posture, limited_by=None, **readouts):
    """The posture with extra readouts (and ``limited_by`` once `Posture` has it)."""
    import dataclasses

    r = dict(posture.readouts)
    r.update({k: float(v) for k, v in readouts.items()})
    changes = {"readouts": ReadOnlyDict(r)}
    if limited_by is not None and "limited_by" in {f.name for f in dataclasses.fields(posture)}:
        changes["limited_by"] = limited_by
    return dataclasses.replace(posture, **changes)


def straight_leg_raise_end(*, slr_deg=None, hamstrings=None, ankle_dorsiflexion_deg=0.0,
                           neck_flexion_deg=0.0,
                           pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """The posture at the end of the passive SLR: hamstrings' limit or nerve's, whichever first.

    ``readouts["slr_limited_by_nerve"]`` is 1.0 when the nerve stopped the test (and
    ``Posture.limited_by`` says ``"nerve"`` once the model version 2 `Posture` carries it).

    Examples
    --------
    >>> relaxed = straight_leg_raise_end(slr_deg=80.0)
    >>> flexed = straight_leg_raise_end(slr_deg=80.0, ankle_dorsiflexion_deg=20.0)
    >>> round(relaxed.readouts["leg_raise_deg"]), round(flexed.readouts["leg_raise_deg"])
    (80, 70)
    """
    ham = _person(slr_deg, hamstrings)
    ankle, neck = _check_nerve_inputs(ankle_dorsiflexion_deg, neck_flexion_deg)
    theta, by = _posture._nerve_end(ham, ankle, neck)
    end = _posture.straight_leg_raise(theta, hamstrings=ham,
                                      pelvic_incidence_deg=pelvic_incidence_deg,
                                      ankle_dorsiflexion_deg=ankle, neck_flexion_deg=neck)
    return _with(end, limited_by=by)


# ---------------------------------------------------------------------------------------------
# The slump (a task in the registry; its solver is `anatomy.model.posture._solve_slump`)
# ---------------------------------------------------------------------------------------------
def slump_end(slr_deg=None, ankle: float = 0.0, neck: float = SLUMP_NECK_FLEXION_DEG, *,
              hamstrings=None):
    """(knee flexion where the slump ends, what stopped it: "nerve", "hamstrings" or None
    when the knee straightens fully)."""
    return _posture._slump_end(_person(slr_deg, hamstrings), float(ankle), float(neck))


def slump(knee_flexion_deg=None, *, neck_flexion_deg=SLUMP_NECK_FLEXION_DEG,
          ankle_dorsiflexion_deg=0.0, slr_deg=None, hamstrings=None,
          pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG):
    """The slump test: seated, trunk and neck flexed, the knee extended until the test stops.

    With ``knee_flexion_deg`` None, returns the end of the test (the straightest knee the
    hamstrings and the nerve allow); with a knee angle, that pose (``reachable`` False if
    straighter than the end, and the pose shown is the end). Readouts:
    ``slump_knee_end_deg``, ``nerve_stretch_m``, ``nerve_threshold_m``,
    ``slump_limited_by_nerve`` (1.0 or 0.0), ``neck_flexion_deg`` and
    ``ankle_dorsiflexion_deg``.

    Examples
    --------
    >>> flexed = slump(slr_deg=80.0).knee_flexion_deg
    >>> released = slump(slr_deg=80.0, neck_flexion_deg=0.0).knee_flexion_deg
    >>> bool(released < flexed)  # the nerve stops it, so releasing the neck helps
    True
    """
    ham = _person(slr_deg, hamstrings)
    pi = float(real_array("pelvic_incidence_deg", pelvic_incidence_deg,
                          *PELVIC_INCIDENCE_RANGE_DEG))
    ankle, neck = _check_nerve_inputs(ankle_dorsiflexion_deg, neck_flexion_deg)
    end, by = _posture._slump_end(ham, ankle, neck)
    if knee_flexion_deg is None:
        knee = end
    else:
        knee = float(real_array("knee_flexion_deg", knee_flexion_deg,
                                *_posture.SLIDER_RANGES_DEG["slump"]))
    posture = _posture._one("slump", knee, ham, pi, ankle, neck)
    return _with(posture, limited_by=by if not knee > end + 1e-9 else None)


__all__ = ["straight_leg_raise_end", "slump", "nerve_threshold_m", "slr_end", "slump_end",
           "SLR_DORSIFLEXION_DEG", "CALIBRATION_DROP_DEG", "SLUMP_PELVIC_TILT_DEG",
           "SLUMP_LUMBAR_FLEXION_DEG", "SLUMP_NECK_FLEXION_DEG", "LIMITED_BY"]
