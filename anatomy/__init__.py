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

Layout: three subpackages, the flow one way
--------------------------------------------
* `anatomy.model`: geometry, muscles, spine, the task registry, solvers, exercises. numpy only.
* `anatomy.view`: palette and style, outlines, the scene and its views, static figures, text
  formatting, export. Reads the model; matplotlib.
* `anatomy.ui`: panels (ipywidgets), the presenter switch, notebook hints. Reads both.

``import anatomy`` loads the model only. ``anatomy.present``, ``anatomy.notebook_hints``,
``anatomy.controls``, ``anatomy.figures`` (and the other view and ui modules) are imported the
first time they are used.
"""
from .model._validate import AnatomyInputError, AnatomyTypeError
from .model.geometry import (
    HIP_FLEXION_RANGE_DEG,
    KNEE_FLEXION_RANGE_DEG,
    PELVIC_TILT_RANGE_DEG,
    segment_frames,
)
from .model.muscles import (
    FACTS,
    HAMSTRING_HEADS,
    MuscleFacts,
    PosePoints,
    pose_points,
    moment_arm,
    muscle_tendon_length,
    path_points,
)
from .model.posture import (
    NORMAL_SLR_DEG,
    SHORT_SLR_DEG,
    SLR_BANDS,
    SLR_RANGE_DEG,
    Hamstrings,
    Posture,
    active_knee_extension,
    chair_sitting,
    extensibility,
    forward_bend,
    joint_pose,
    long_sitting,
    passive_knee_extension,
    sit_and_reach,
    slr_band,
    standing,
    straight_leg_raise,
    sweep,
    toe_touch,
)
from .model.tasks import TASK_REGISTRY, TASKS
from .model.references import REFERENCES, cite
from .model.nerve import sciatic_nerve_stretch_m
from .model.neuro import slump, straight_leg_raise_end
from .model.body import posture_points
from .model.spine import (
    DEFAULT_PELVIC_INCIDENCE_DEG,
    PELVIC_INCIDENCE_RANGE_DEG,
    SpinoPelvic,
    spinopelvic,
)
# the model's modules, reachable as anatomy.posture, anatomy.muscles, ... (as in version 1)
from .model import (  # noqa: F401
    body, exercises, geometry, muscles, nerve, neuro, posture, readouts, references, spine,
    tasks)

# Imported on first use, so that ``import anatomy`` stays free of matplotlib and ipywidgets.
_LAZY_FUNCTIONS = {
    "present": ("anatomy.ui.presenter", "present"),
    "notebook_hints": ("anatomy.ui.hints", "notebook_hints"),
    "notebook_setup": ("anatomy.ui.hints", "notebook_setup"),
}
_LAZY_MODULES = {
    "controls": "anatomy.ui.controls",
    "hints": "anatomy.ui.hints",
    "figures": "anatomy.view.figures",
    "drawing": "anatomy.view.drawing",
    "scene": "anatomy.view.scene",
    "export": "anatomy.view.export",
    "view": "anatomy.view",
    "ui": "anatomy.ui",
}


def __getattr__(name):
    import importlib

    if name in _LAZY_FUNCTIONS:
        module, attr = _LAZY_FUNCTIONS[name]
        value = getattr(importlib.import_module(module), attr)
    elif name in _LAZY_MODULES:
        value = importlib.import_module(_LAZY_MODULES[name])
    else:
        raise AttributeError(f"module 'anatomy' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY_FUNCTIONS) | set(_LAZY_MODULES))


__all__ = [
    "AnatomyInputError", "AnatomyTypeError",
    "HIP_FLEXION_RANGE_DEG", "KNEE_FLEXION_RANGE_DEG", "PELVIC_TILT_RANGE_DEG",
    "segment_frames", "FACTS", "HAMSTRING_HEADS", "MuscleFacts", "moment_arm",
    "muscle_tendon_length", "path_points", "PosePoints", "pose_points", "REFERENCES", "cite",
    "NORMAL_SLR_DEG", "SHORT_SLR_DEG", "SLR_BANDS", "SLR_RANGE_DEG", "TASKS", "TASK_REGISTRY", "Posture",
    "Hamstrings", "passive_knee_extension",
    "active_knee_extension", "chair_sitting", "extensibility", "forward_bend", "joint_pose",
    "long_sitting",
    "sit_and_reach", "slr_band", "standing", "straight_leg_raise", "sweep", "toe_touch",
    "DEFAULT_PELVIC_INCIDENCE_DEG", "PELVIC_INCIDENCE_RANGE_DEG", "SpinoPelvic", "spinopelvic",
    "posture_points", "present", "notebook_hints", "notebook_setup",
    "sciatic_nerve_stretch_m", "straight_leg_raise_end", "slump",
]
