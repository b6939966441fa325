"""The task registry: every task the model solves, described once.

A `Task` record says everything the rest of the package needs to know about a task: its
title, the setting it happens in (floor, table, chair, bench), how the body is placed and
what is held fixed (the neutral hip angle, the knee), its own slider (the model's range, the
range offered to users and the start value), which readouts it reports and which way Play
runs. Solvers (`anatomy.model.posture`), the body placement (`anatomy.model.body`), the
scene, the panels, the figures and the tests read these records; no other module keeps
per-task tables.

Adding a task is one `Task` entry here plus its solver (see docs/implementation-notes.md).

Examples
--------
>>> from anatomy.model.tasks import TASK_REGISTRY, task_record
>>> bend = task_record("forward_bend")
>>> bend.slider.name, bend.slider.model_range_deg, bend.slider.offered_range_deg
('trunk_flexion_deg', (0.0, 150.0), (0.0, 130.0))
>>> task_record("chair_sitting").setting
'chair'
>>> sorted(TASK_REGISTRY)[:2]
['active_knee_extension', 'chair_sitting']
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from ._validate import choice
from .geometry import HIP_FLEXION_RANGE_DEG, KNEE_FLEXION_RANGE_DEG
from .nerve import ANKLE_DORSIFLEXION_RANGE_DEG, NECK_FLEXION_RANGE_DEG, SLUMP_NECK_FLEXION_DEG
from .spine import DEFAULT_PELVIC_INCIDENCE_DEG, PELVIC_INCIDENCE_RANGE_DEG

SLR_RANGE_DEG = (35.0, 110.0)
"""Passive SLR angles the model accepts (hamstring extensibility, degrees)."""
JOINT_TILT_RANGE_DEG = (-30.0, 30.0)
"""Pelvic rotation from standing that the joint explorer accepts (degrees)."""

SETTINGS = ("floor", "table", "chair", "bench", "none")
"""What the body rests on in the side view (``none``: joints set by hand, no support)."""
SOLVERS = ("upright", "leg_raise", "knee_extension", "slump", "joints")
"""How a task is solved: ``upright`` (pelvis on fixed thighs, trunk flexion set; standing,
bending and sitting), ``leg_raise`` (supine, one leg raised with the knee straight),
``knee_extension`` (supine, thigh held at 90°, knee straightened), ``slump`` (seated,
slumped, knee straightened until the hamstrings or the nerve stop it), ``joints`` (no
mechanics: joint angles set by hand)."""
PLACEMENTS = ("feet_on_floor", "ischia_on_floor", "ischia_on_bench", "back_on_table",
              "hip_fixed")
"""Which part of the body rests on the support (sets where the pelvis sits in the picture)."""
ARM_POSES = ("hanging", "reaching_forward", "along_trunk")


@dataclass(frozen=True)
class SliderSpec:
    """One slider: the parameter it sets, its label, the model's and the offered ranges.

    ``model_range_deg`` is what the model function accepts; ``offered_range_deg`` is the
    physiological range a panel offers (never wider than the model's).
    """

    name: str
    label: str
    model_range_deg: tuple
    offered_range_deg: tuple
    start_deg: float
    step_deg: float = 1.0

    def __post_init__(self):
        lo, hi = self.model_range_deg
        olo, ohi = self.offered_range_deg
        if not (lo <= olo < ohi <= hi and olo <= self.start_deg <= ohi):
            raise ValueError(f"slider {self.name!r}: offered range {self.offered_range_deg} "
                             f"and start {self.start_deg} must lie within the model's "
                             f"range {self.model_range_deg}")


@dataclass(frozen=True)
class Task:
    """Everything about one task, in one place (degrees)."""

    name: str
    title: str
    short_title: str
    setting: str
    solver: str
    placement: str
    arm: str
    slider: SliderSpec | None
    hip_when_pelvis_neutral_deg: float = 0.0
    """Hip flexion with the pelvis in its standing position (thighs vertical: 0°; thighs
    horizontal, seated: 90°)."""
    knee_flexion_deg: float = 0.0
    """The knee angle the task holds (the knee-extension test sets it with its slider)."""
    neutral_hip_deg: float | None = 0.0
    """Angle about which the non-hamstring hip tissues resist (None: seated, no hip spring)."""
    frame_angle_deg: float = 0.0
    """Whole-body rotation in the picture: 0 upright, 90 lying supine."""
    neck_flexion_deg: float = 0.0
    """The neck angle the task starts with (the slump flexes it; `anatomy.model.nerve`)."""
    readouts: tuple = ()
    """Task readouts it reports, by key in `anatomy.model.readouts.QUANTITIES`."""
    play_direction: int = 1
    """+1: Play runs the slider from its low to its high end; -1: from high to low."""
    past_the_end: str = "stop"
    """Slider values beyond what the person tolerates: ``stop`` (the pose stays at the end,
    as in a forward bend) or ``hold`` (the pose the task asks for, with the hamstrings above
    the tolerated moment; long sitting upright is a posture people hold, not a test's end).
    Either way ``reachable`` is False there."""

    def __post_init__(self):
        choice("setting", self.setting, SETTINGS)
        choice("solver", self.solver, SOLVERS)
        choice("placement", self.placement, PLACEMENTS)
        choice("arm", self.arm, ARM_POSES)
        choice("past_the_end", self.past_the_end, ("stop", "hold"))
        if self.play_direction not in (1, -1):
            raise ValueError(f"play_direction must be 1 or -1, got {self.play_direction!r}")


_TRUNK_LABEL = "Trunk flexion (°)"

_REGISTRY = (
    Task("standing", "Quiet standing", "standing", "floor", "upright", "feet_on_floor",
         "hanging", None, readouts=("fingertip_to_floor_m",)),
    Task("forward_bend", "Forward bend (toe touch)", "forward bend", "floor", "upright",
         "feet_on_floor", "hanging",
         SliderSpec("trunk_flexion_deg", _TRUNK_LABEL, (0.0, 150.0), (0.0, 130.0), 0.0),
         readouts=("fingertip_to_floor_m",)),
    Task("straight_leg_raise", "Passive straight leg raise", "SLR", "table", "leg_raise",
         "back_on_table", "along_trunk",
         SliderSpec("leg_raise_deg", "Leg raised from the table (°)", (0.0, 130.0),
                    (0.0, 110.0), 0.0),
         frame_angle_deg=90.0, readouts=("leg_raise_deg", "pelvic_share_of_raise",
                                         "nerve_stretch_m")),
    Task("long_sitting", "Long sitting", "long sitting", "floor", "upright",
         "ischia_on_floor", "reaching_forward",
         SliderSpec("trunk_flexion_deg", "Trunk lean forward (°)", (-30.0, 120.0),
                    (-20.0, 60.0), 0.0),
         hip_when_pelvis_neutral_deg=90.0, neutral_hip_deg=None,
         readouts=("fingertip_beyond_ankle_m",), past_the_end="hold"),
    Task("chair_sitting", "Sitting on a chair", "chair sitting", "chair", "upright",
         "feet_on_floor", "hanging", None, hip_when_pelvis_neutral_deg=90.0,
         knee_flexion_deg=90.0, neutral_hip_deg=None),
    Task("active_knee_extension", "Active knee extension", "AKE", "table", "knee_extension",
         "back_on_table", "along_trunk",
         SliderSpec("knee_flexion_deg", "Knee flexion (°)", (0.0, 130.0), (0.0, 90.0), 90.0),
         hip_when_pelvis_neutral_deg=90.0, knee_flexion_deg=90.0, frame_angle_deg=90.0,
         readouts=("ake_deg",), play_direction=-1),
    Task("slump", "Slump test", "slump", "bench", "slump", "ischia_on_bench", "hanging",
         SliderSpec("knee_flexion_deg", "Knee flexion (°)", (0.0, 130.0), (0.0, 90.0), 90.0),
         hip_when_pelvis_neutral_deg=90.0, knee_flexion_deg=90.0, neutral_hip_deg=None,
         neck_flexion_deg=SLUMP_NECK_FLEXION_DEG,
         readouts=("slump_knee_end_deg", "nerve_stretch_m"), play_direction=-1),
)

TASK_REGISTRY = MappingProxyType({t.name: t for t in _REGISTRY})
"""Every solved task by name, in the course's order."""

TASKS = tuple(TASK_REGISTRY)
"""The names of the solved tasks (the keys of `TASK_REGISTRY`)."""

JOINT_POSE = Task("joint_pose", "Joints set by hand", "joint pose", "none", "joints",
                  "hip_fixed", "hanging", None)
"""The free explorer's pose: joint angles set by hand, no mechanics (not a solved task)."""

SLIDERS = MappingProxyType({
    "slr_deg": SliderSpec("slr_deg", "Passive SLR (°): hamstring extensibility",
                          SLR_RANGE_DEG, (40.0, 100.0), 80.0),
    "pelvic_incidence_deg": SliderSpec("pelvic_incidence_deg", "Pelvic incidence (°)",
                                       PELVIC_INCIDENCE_RANGE_DEG, (35.0, 80.0),
                                       DEFAULT_PELVIC_INCIDENCE_DEG),
    "hip_flexion_deg": SliderSpec("hip_flexion_deg", "Hip flexion (°)", HIP_FLEXION_RANGE_DEG,
                                  (-20.0, 120.0), 0.0),
    "knee_flexion_deg": SliderSpec("knee_flexion_deg", "Knee flexion (°)",
                                   KNEE_FLEXION_RANGE_DEG, (0.0, 130.0), 0.0),
    "pelvic_tilt_deg": SliderSpec("pelvic_tilt_deg", "Pelvic tilt (°, anterior +)",
                                  JOINT_TILT_RANGE_DEG, (-20.0, 20.0), 0.0, 1.0),
    # the nerve tests (anatomy.model.nerve): ankle and neck load the nerve, not the hamstrings
    "ankle_dorsiflexion_deg": SliderSpec("ankle_dorsiflexion_deg",
                                         "Ankle dorsiflexion (°, pointed −)",
                                         ANKLE_DORSIFLEXION_RANGE_DEG, (-30.0, 20.0), 0.0),
    "neck_flexion_deg": SliderSpec("neck_flexion_deg", "Neck flexion (°, chin to chest)",
                                   NECK_FLEXION_RANGE_DEG, (0.0, 45.0), 0.0),
})
"""Sliders that are not a task's own (person and joint sliders), by parameter name."""


def task_record(name: str) -> Task:
    """The registry record of a task (``joint_pose`` included)."""
    if name == JOINT_POSE.name:
        return JOINT_POSE
    return TASK_REGISTRY[choice("task", name, TASKS)]


__all__ = ["Task", "SliderSpec", "TASK_REGISTRY", "TASKS", "SLIDERS", "JOINT_POSE",
           "task_record", "SETTINGS", "SOLVERS", "SLR_RANGE_DEG", "JOINT_TILT_RANGE_DEG"]
