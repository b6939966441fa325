"""The bed of the sciatic and tibial nerve: how much longer the path gets as the joints move.

The model in plain words
------------------------
The sciatic nerve leaves the pelvis behind the hip joint, runs down the back of the thigh,
continues as the tibial nerve behind the knee (in the popliteal fossa) and passes behind the
medial malleolus into the foot. Above the pelvis its roots (L4-S3) come from the lumbar and
sacral spinal canal, which is continuous with the dura and the cord up to the neck. A nerve
that runs *behind* a joint's axis must cover a longer path when that joint flexes (hip,
spine, neck) and when a joint whose axis it runs behind on the other side extends (knee) or
dorsiflexes (ankle). That path is the nerve's *bed*; how the nerve copes with a longer bed
(sliding, unfolding, straining) is not modelled here.

Each joint adds ``lever × angle`` (radians) to the bed's length, the length of an arc at the
nerve's distance from the joint's axis: the model Robinson & Probyn (2019) used for the hip.
The elongation is measured from the anatomical position (all angles zero), in metres,
positive when longer. The levers:

===================  =========  =====================================================  ========
joint                lever      basis                                                  status
===================  =========  =====================================================  ========
hip flexion          41 mm      median femoral head to sciatic nerve distance on MRI,  measured
                                Robinson & Probyn 2019 (their arc: 64 mm for 90°)
knee extension       30 mm      nerve behind the posterior femoral condyles (radius    assumed
                                about 2 cm) and the popliteal vessels; not measured
ankle dorsiflexion   15 mm      tibial nerve with the long toe-flexor tendons behind   assumed
                                the medial malleolus; not measured
lumbar flexion       10 mm      pull of a lengthening lumbar canal on the L4-S3 roots  assumed
neck flexion          7 mm      pull of the cervical canal transmitted down the dura   assumed
===================  =========  =====================================================  ========

Hip adduction and medial rotation also tension the sciatic nerve (Breig & Troup 1979, in
cadavers; hip abduction lowers sciatic strain: Martin et al. 2017), but no lever arm has been
published that a planar model could use, so they are left out.

How strongly each part is supported: the hip lever is a measured distance; the direction of
every term is shown in cadaver and living people (dorsiflexion strains the tibial and
sciatic nerve without changing biceps femoris strain: Bueno-Gracia et al. 2019; hip flexion
with knee extension raised sciatic strain in vivo: Fleming et al. 2003; neck flexion in the
slump lowers knee extension in healthy men: Johnson & Chiarello 1997). The other four levers
are assumptions of this model, chosen from anatomy, not measured; `NERVE_LEVERS_M` lists
them so that a notebook can vary them.
"""
from __future__ import annotations

from types import MappingProxyType

import numpy as np

from ._validate import real_array
from .geometry import HIP_FLEXION_RANGE_DEG, KNEE_FLEXION_RANGE_DEG
from .spine import LUMBAR_FLEXION_RANGE_DEG

ANKLE_DORSIFLEXION_RANGE_DEG = (-50.0, 30.0)
"""Ankle angles the model accepts: plantarflexion negative, dorsiflexion positive (degrees)."""
NECK_FLEXION_RANGE_DEG = (-60.0, 60.0)
"""Neck (cervical) flexion from upright, extension negative (degrees)."""

NERVE_LEVERS_M = MappingProxyType({
    "hip": 0.041,     # [robinson2019] median femoral head-to-sciatic-nerve distance, MRI
    "knee": 0.030,    # assumed: posterior condyle radius ~2 cm plus the popliteal vessels
    "ankle": 0.015,   # assumed: behind the medial malleolus with the long toe flexors
    "lumbar": 0.010,  # assumed: share of lumbar canal lengthening reaching the L4-S3 roots
    "neck": 0.007,    # assumed: share of cervical canal lengthening reaching the roots
})
"""Metres of nerve-bed lengthening per radian of each joint's motion (see the table above)."""

SLR_DORSIFLEXION_DEG = 20.0
"""Full passive ankle dorsiflexion added in the SLR (assumed; clinical norms 10-20°)."""
CALIBRATION_DROP_DEG = 10.1
"""Drop of the SLR end with dorsiflexion that the symptom threshold is fitted to: Boyd et al.
2009, 20 healthy people, hip flexion at maximally tolerated symptoms, dorsiflexion against
plantarflexion: 10.1 ± 9.7° (the first-symptom point fell 5.5 ± 6.6°). The fit itself is in
`anatomy.model.posture` (it needs the SLR solver); `anatomy.model.neuro` explains it."""

_RAD = np.pi / 180.0


def _bed_unchecked(hip, knee, ankle=0.0, lumbar=0.0, neck=0.0):
    """Bed elongation (m) from angles in degrees, no checks (for the solvers)."""
    lv = NERVE_LEVERS_M
    return _RAD * (lv["hip"] * np.asarray(hip, float) - lv["knee"] * np.asarray(knee, float)
                   + lv["ankle"] * np.asarray(ankle, float)
                   + lv["lumbar"] * np.asarray(lumbar, float)
                   + lv["neck"] * np.asarray(neck, float))


def sciatic_nerve_stretch_m(hip_flexion_deg, knee_flexion_deg, ankle_dorsiflexion_deg=0.0, *,
                            lumbar_flexion_deg=0.0, neck_flexion_deg=0.0):
    """Elongation of the sciatic-tibial nerve bed from the anatomical position (metres).

    Positive when the bed is longer than in the anatomical position. Hip flexion, knee
    extension, ankle dorsiflexion, lumbar flexion and neck flexion each lengthen it (see the
    module docstring for the levers and which are measured and which assumed). Arrays
    broadcast; a float in gives a float out.

    Parameters
    ----------
    hip_flexion_deg, knee_flexion_deg
        Joint angles in degrees (flexion positive), within `HIP_FLEXION_RANGE_DEG` and
        `KNEE_FLEXION_RANGE_DEG`.
    ankle_dorsiflexion_deg
        Dorsiflexion positive, plantarflexion negative (-50 to 30°).
    lumbar_flexion_deg, neck_flexion_deg
        Flexion of the lumbar spine from standing (-30 to 70°) and of the neck from upright
        (-60 to 60°).

    Examples
    --------
    >>> round(1000 * sciatic_nerve_stretch_m(90.0, 0.0), 1)  # 41 mm x pi/2 (Robinson 2019)
    64.4
    >>> bool(sciatic_nerve_stretch_m(70, 0, 20) > sciatic_nerve_stretch_m(70, 0, 0))
    True
    """
    hip = real_array("hip_flexion_deg", hip_flexion_deg, *HIP_FLEXION_RANGE_DEG)
    knee = real_array("knee_flexion_deg", knee_flexion_deg, *KNEE_FLEXION_RANGE_DEG)
    ankle = real_array("ankle_dorsiflexion_deg", ankle_dorsiflexion_deg,
                       *ANKLE_DORSIFLEXION_RANGE_DEG)
    lumbar = real_array("lumbar_flexion_deg", lumbar_flexion_deg, *LUMBAR_FLEXION_RANGE_DEG)
    neck = real_array("neck_flexion_deg", neck_flexion_deg, *NECK_FLEXION_RANGE_DEG)
    out = _bed_unchecked(hip, knee, ankle, lumbar, neck)
    if all(isinstance(v, float) for v in (hip, knee, ankle, lumbar, neck)):
        return float(out)
    return out


# ---------------------------------------------------------------------------------------------
# The nerve's course, for the picture (side view, ground coordinates)
# ---------------------------------------------------------------------------------------------
def _arc(centre, radius, d0, d1, n=7):
    """Points on a circle about ``centre`` from direction ``d0`` to ``d1`` (shorter way)."""
    a0 = np.arctan2(d0[1], d0[0])
    a1 = np.arctan2(d1[1], d1[0])
    da = (a1 - a0 + np.pi) % (2 * np.pi) - np.pi
    t = a0 + da * np.linspace(0.0, 1.0, n)
    return np.stack([centre[0] + radius * np.cos(t), centre[1] + radius * np.sin(t),
                     np.full(n, centre[2])], -1)


def nerve_path_points(posture) -> np.ndarray:
    """The course of the nerve for drawing, ``(n, 3)`` in ground (m), roots to sole.

    From the lumbar canal (L3-L5) past the back of S1 and the sciatic notch, round the hip
    at `NERVE_LEVERS_M["hip"]` behind its centre, down the back of the thigh, round the knee
    and the ankle at their levers, into the sole. A drawing of the model's bed: its length
    changes in the same direction as `sciatic_nerve_stretch_m`, not by the same amount (the
    drawn course is an illustration; the bed model is the lever sum).
    """
    from .body import _frames, posture_points

    pts = posture_points(posture)
    frames, _ = _frames(posture)
    pelvis, femur, tibia = frames["pelvis"], frames["femur"], frames["tibia"]
    lv = NERVE_LEVERS_M

    def axis(frame, v):
        return frame.rotation @ np.asarray(v, float)

    course = []
    for i in (2, 1, 0):  # canal behind L3, L4, L5 (posterior corners, pushed back 12 mm)
        body = pts.lumbar[i]
        back = 0.5 * (body[0] + body[3])
        front = 0.5 * (body[1] + body[2])
        d = (back - front) / np.linalg.norm(back - front)
        course.append(back + 0.012 * d)
    hip = pts.landmarks["hip_joint_centre"]
    s1 = pts.s1["s1_posterior"]
    course.append(s1 + axis(pelvis, [-0.012, -0.01, 0.0]))
    notch_dir = axis(pelvis, [-0.80, 0.60, 0.0])  # the greater sciatic notch, up and back
    thigh_dir = axis(femur, [-1.0, 0.0, 0.0])
    course.extend(_arc(hip, lv["hip"], notch_dir, thigh_dir))
    for y in (-0.12, -0.25, -0.33):  # behind the femur, down the back of the thigh
        course.append(femur.apply(np.array([-0.040, y, 0.0])))
    knee = pts.landmarks["knee_joint_centre"]
    # behind the knee the nerve is on the side that closes as the knee bends: no wrap, it
    # takes the chord (distance from the axis cos(flexion / 2) of the lever)
    back = axis(femur, [-1.0, 0.0, 0.0]) + axis(tibia, [-1.0, 0.0, 0.0])
    half = np.radians(max(posture.knee_flexion_deg, 0.0)) / 2
    course.append(knee + lv["knee"] * np.cos(half) * back / np.linalg.norm(back))
    for y in (-0.12, -0.30):  # deep in the back of the calf
        course.append(tibia.apply(np.array([-0.030, y, 0.0])))
    ankle = pts.landmarks["ankle_joint_centre"]
    heel, _, toe = pts.foot
    sole_back = heel - ankle  # ankle towards the heel (turns with the foot)
    course.extend(_arc(ankle, lv["ankle"], axis(tibia, [-1.0, 0.0, 0.0]),
                       sole_back / np.linalg.norm(sole_back), n=5))
    course.append(heel + 0.35 * (toe - heel) + 0.3 * (ankle - heel) * 0.5)
    return np.array(course)


__all__ = ["sciatic_nerve_stretch_m", "NERVE_LEVERS_M", "ANKLE_DORSIFLEXION_RANGE_DEG",
           "SLR_DORSIFLEXION_DEG", "CALIBRATION_DROP_DEG", "nerve_path_points",
           "LUMBAR_FLEXION_RANGE_DEG", "NECK_FLEXION_RANGE_DEG"]
