"""anatomy: a small model of the hamstrings, the pelvis and the lumbar curve, for teaching.

Conventions (stated once, used everywhere)
-------------------------------------------
* Axes: x anterior, y superior, z to the subject's right, in every segment frame and in
  ground when the body stands in the anatomical position. A side view looks at the right leg
  from the subject's right (anterior to the right of the picture); a back view looks from
  behind (the subject's right to the right of the picture).
* Angles are in degrees at every public function, and names carry their units
  (``hip_flexion_deg``, ``length_m``). Flexion is positive; anterior pelvic tilt is positive.
* ``pelvic_tilt_deg`` is the rotation of the pelvis from its neutral standing position.
  It is *not* the radiographic pelvic tilt (PT) of spine surgeons, an angle measured on the
  S1 endplate and femoral heads; see `anatomy.spine`.
* Lengths are in metres; the model is the right leg of the generic adult of Delp et al. 1990.
* Model functions are pure numpy and vectorised: arrays in, arrays out; a float in, a float
  out. They never plot. Bad input raises ``ValueError`` naming the parameter, the value and
  the allowed range.
"""
from ._validate import AnatomyInputError, AnatomyTypeError
from .geometry import (
    HIP_FLEXION_RANGE_DEG,
    KNEE_FLEXION_RANGE_DEG,
    PELVIC_TILT_RANGE_DEG,
    segment_frames,
)
from .muscles import (
    FACTS,
    HAMSTRING_HEADS,
    MuscleFacts,
    PosePoints,
    pose_points,
    moment_arm,
    muscle_tendon_length,
    path_points,
)
from .posture import (
    NORMAL_SLR_DEG,
    SHORT_SLR_DEG,
    SLR_BANDS,
    SLR_RANGE_DEG,
    TASKS,
    Posture,
    active_knee_extension,
    chair_sitting,
    extensibility,
    forward_bend,
    joint_pose,
    long_sitting,
    sit_and_reach,
    slr_band,
    standing,
    straight_leg_raise,
    sweep,
    toe_touch,
)
from .references import REFERENCES, cite
from .body import posture_points
from .hints import notebook_hints
from .present import present
from .spine import (
    DEFAULT_PELVIC_INCIDENCE_DEG,
    PELVIC_INCIDENCE_RANGE_DEG,
    SpinoPelvic,
    spinopelvic,
)

__all__ = [
    "AnatomyInputError", "AnatomyTypeError",
    "HIP_FLEXION_RANGE_DEG", "KNEE_FLEXION_RANGE_DEG", "PELVIC_TILT_RANGE_DEG",
    "segment_frames", "FACTS", "HAMSTRING_HEADS", "MuscleFacts", "moment_arm",
    "muscle_tendon_length", "path_points", "PosePoints", "pose_points", "REFERENCES", "cite",
    "NORMAL_SLR_DEG", "SHORT_SLR_DEG", "SLR_BANDS", "SLR_RANGE_DEG", "TASKS", "Posture",
    "active_knee_extension", "chair_sitting", "extensibility", "forward_bend", "joint_pose",
    "long_sitting",
    "sit_and_reach", "slr_band", "standing", "straight_leg_raise", "sweep", "toe_touch",
    "DEFAULT_PELVIC_INCIDENCE_DEG", "PELVIC_INCIDENCE_RANGE_DEG", "SpinoPelvic", "spinopelvic",
    "posture_points", "present", "notebook_hints",
]
