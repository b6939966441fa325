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
ankle dorsiflexion   20 mm      tibial nerve with the long toe-flexor tendons behind   assumed
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

LUMBAR_FLEXION_RANGE_DEG = (-30.0, 70.0)
"""Lumbar flexion from standing that the nerve model accepts (extension negative, degrees)."""
ANKLE_DORSIFLEXION_RANGE_DEG = (-50.0, 30.0)
"""Ankle angles the model accepts: plantarflexion negative, dorsiflexion positive (degrees)."""
NECK_FLEXION_RANGE_DEG = (-60.0, 60.0)
"""Neck (cervical) flexion from upright, extension negative (degrees)."""

NERVE_LEVERS_M = MappingProxyType({
    "hip": 0.041,     # [robinson2019] median femoral head-to-sciatic-nerve distance, MRI
    "knee": 0.030,    # assumed: posterior condyle radius ~2 cm plus the popliteal vessels
    "ankle": 0.020,   # assumed: behind the medial malleolus with the long toe flexors
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

SLUMP_PELVIC_TILT_DEG = -25.0
"""Pelvic rotation in the slump (posterior negative; hip flexion 65° with the thighs level).
Assumed: upright sitting needs about 80° of hip flexion (60 hip-replacement patients, Int
Orthop 2015); slumping rolls the pelvis further back."""
SLUMP_LUMBAR_FLEXION_DEG = 40.0
"""Lumbar flexion in the slump: near the model's lumbar flexion limit (43°), as the test asks
for a full slump (assumed)."""
SLUMP_NECK_FLEXION_DEG = 45.0
"""Neck flexion of the slump test, chin towards the chest (assumed)."""

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


__all__ = ["sciatic_nerve_stretch_m", "NERVE_LEVERS_M", "ANKLE_DORSIFLEXION_RANGE_DEG",
           "SLR_DORSIFLEXION_DEG", "CALIBRATION_DROP_DEG",
           "SLUMP_PELVIC_TILT_DEG", "SLUMP_LUMBAR_FLEXION_DEG", "SLUMP_NECK_FLEXION_DEG",
           "LUMBAR_FLEXION_RANGE_DEG", "NECK_FLEXION_RANGE_DEG"]
