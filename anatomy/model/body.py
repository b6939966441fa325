"""The whole body around the leg model: trunk, head and arm, placement on floor, table or chair.

Everything the pictures need comes from `posture_points` as arrays in ground coordinates;
the task readouts that need the whole body (fingertip to floor, reach past the ankle) come
from `task_readouts_batch`.

Proportions are those of Drillis & Contini (1966) as drawn in Winter's textbook (Fig. 4.1),
as fractions of stature H. H itself is chosen so that the Delp leg (hip centre to ankle,
0.826 m) matches their hip-to-ankle height (0.530H - 0.039H), which gives H = 1.68 m.
Heights used: shoulder (acromion) 0.818H, elbow 0.630H, greater trochanter 0.530H, ankle
0.039H (verified in two transcriptions); wrist 0.485H and fingertip 0.377H, foot length
0.152H (from the same figure, not re-verified here). In the standing reference the acromion
is placed plumb above the hip joint centre (an assumption of the drawing).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .geometry import (
    PELVIS_LANDMARKS,
    TIBIA_LANDMARKS,
    knee_offset_m,
    landmarks_in_ground,
    rot_z,
    segment_frames,
)
from .muscles import muscle_paths
from .spine import lumbar_column_in_pelvis, s1_endplate_in_pelvis
from .tasks import task_record

_LEG_M = float(-knee_offset_m(0.0)[1] - TIBIA_LANDMARKS["ankle_joint_centre"][1])
STATURE_M = _LEG_M / (0.530 - 0.039)  # Drillis & Contini: hip 0.530H, ankle 0.039H
ANKLE_HEIGHT_M = 0.039 * STATURE_M
SHOULDER_HEIGHT_M = 0.818 * STATURE_M
UPPER_ARM_M = (0.818 - 0.630) * STATURE_M
FOREARM_M = (0.630 - 0.485) * STATURE_M
HAND_M = (0.485 - 0.377) * STATURE_M
ARM_M = UPPER_ARM_M + FOREARM_M + HAND_M
FOOT_M = 0.152 * STATURE_M
HEAD_RADIUS_M = 0.5 * (1.0 - 0.870) * STATURE_M  # chin 0.870H to vertex 1.0H
BENCH_HEIGHT_M = 0.60  # a treatment bench high enough for the lower leg to hang free (drawing)
SOFT_TISSUE_M = 0.025  # drawing gap between bone and floor/seat/table (not used in any angle)


def _hip_mid_local():
    from .geometry import HIP_JOINT_CENTRE_IN_PELVIS as h
    return np.array([h[0], h[1], 0.0])


@lru_cache(maxsize=128)
def _thorax_local(pelvic_incidence_deg: float):
    """Shoulder relative to L1's upper endplate, in L1's own frame (fixed for a person)."""
    hip = _hip_mid_local()
    origin_height = ANKLE_HEIGHT_M + (-knee_offset_m(0.0)[1]
                                      - TIBIA_LANDMARKS["ankle_joint_centre"][1]) - hip[1]
    shoulder = np.array([hip[0], SHOULDER_HEIGHT_M - origin_height, 0.0])
    _, top, angle = lumbar_column_in_pelvis(pelvic_incidence_deg, 0.0)
    return rot_z(-float(angle)) @ (shoulder - top)


@dataclass(frozen=True)
class BodyPoints:
    """Ground-frame geometry of one posture (metres), for drawing and readouts."""

    landmarks: dict
    paths: dict
    lumbar: np.ndarray  # (5, 4, 3) vertebral body corners, L5 first
    s1: dict  # s1_mid, s1_anterior, s1_posterior
    hip_axis: np.ndarray
    l1_top: np.ndarray
    shoulder: np.ndarray
    head_centre: np.ndarray
    arm: np.ndarray  # (4, 3): shoulder, elbow, wrist, fingertip
    foot: np.ndarray  # (3, 3): heel, ankle, toe
    other_leg: np.ndarray  # (3, 3): hip, knee, ankle of the left leg
    support: np.ndarray  # (2, 3) the line of the floor, table or seat
    frame_angle_deg: float


def _place(posture, frames0):
    """Where the pelvis origin goes in ground, per task (frames computed at origin 0)."""
    placement = task_record(posture.task).placement
    if placement == "hip_fixed":  # the pelvis stays where it is in standing; the leg swings
        return np.array([0.0, ANKLE_HEIGHT_M + _LEG_M - _hip_mid_local()[1], 0.0])
    if placement == "feet_on_floor":
        ankle = frames0["tibia"].apply(TIBIA_LANDMARKS["ankle_joint_centre"])
        return np.array([-ankle[0], ANKLE_HEIGHT_M - ankle[1], 0.0])
    if placement == "ischia_on_floor":
        it = frames0["pelvis"].apply(PELVIS_LANDMARKS["ischial_tuberosity_inferior"])
        return np.array([-it[0], SOFT_TISSUE_M - it[1], 0.0])
    if placement == "ischia_on_bench":  # a treatment bench, the lower legs hanging
        it = frames0["pelvis"].apply(PELVIS_LANDMARKS["ischial_tuberosity_inferior"])
        return np.array([-it[0], BENCH_HEIGHT_M + SOFT_TISSUE_M - it[1], 0.0])
    # supine: the back of the pelvis rests on the table (y = 0)
    back = min(frames0["pelvis"].apply(PELVIS_LANDMARKS[n])[1]
               for n in ("psis", "posterior_iliac_crest", "ischial_tuberosity"))
    return np.array([0.0, SOFT_TISSUE_M - back, 0.0])


def _frames(posture):
    frame = posture.frame_angle_deg
    args = (posture.pelvic_tilt_deg, posture.hip_flexion_deg, posture.knee_flexion_deg)
    origin = _place(posture, segment_frames(*args, frame_angle_deg=frame))
    return segment_frames(*args, frame_angle_deg=frame, origin_m=origin), origin


def _thorax_vectors(pelvis_rotation, lumbar_top_angle, thoracic_flexion_deg, local):
    """L1-to-shoulder vector and the head's unit 'up' vector in ground.

    The thoracic spine bends uniformly (a circular arc of constant length): the chord from
    L1 to the shoulder turns by half the thoracic flexion and the top of the thorax (the
    neck and head) by all of it. Flexion turns the trunk forward (clockwise seen from the
    subject's right). The chord's shortening in the bend (under 1% at 30°) is left out.
    """
    t = np.asarray(thoracic_flexion_deg, float)
    chord = np.einsum("...ij,...jk,k->...i", pelvis_rotation,
                      rot_z(lumbar_top_angle - 0.5 * t), local)
    top = np.einsum("...ij,...jk,k->...i", pelvis_rotation, rot_z(lumbar_top_angle - t),
                    local / np.linalg.norm(local))
    return chord, top


def _trunk_and_arm(posture, pelvis):
    """L1 top, shoulder, the thorax's unit 'up' vector and the arm's points, in ground."""
    pi = posture.pelvic_incidence_deg
    bodies, top, angle = lumbar_column_in_pelvis(pi, posture.lumbar_flexion_deg)
    l1_top = pelvis.apply(top)
    thorax, up = _thorax_vectors(pelvis.rotation, float(angle),
                                 getattr(posture, "thoracic_flexion_deg", 0.0),
                                 _thorax_local(float(pi)))
    shoulder = l1_top + thorax
    arm_pose = task_record(posture.task).arm
    if arm_pose == "reaching_forward":
        direction = np.array([1.0, 0.0, 0.0])
    elif arm_pose == "along_trunk":
        direction = -thorax / np.linalg.norm(thorax)
        if posture.frame_angle_deg:  # lying: the arm rests on the table beside the body
            # (along the thorax, which the lumbar curve tilts, it went through the table)
            direction = np.array([1.0 if direction[0] >= 0 else -1.0, 0.0, 0.0])
    else:  # hanging
        direction = np.array([0.0, -1.0, 0.0])
    arm = shoulder + np.outer([0.0, UPPER_ARM_M, UPPER_ARM_M + FOREARM_M, ARM_M], direction)
    return bodies, l1_top, shoulder, up, arm


def posture_points(posture) -> BodyPoints:
    """Every point of the picture for a `Posture`, in ground coordinates (m)."""
    frame = posture.frame_angle_deg
    frames, origin = _frames(posture)
    pelvis = frames["pelvis"]
    landmarks = landmarks_in_ground(frames)
    paths = muscle_paths(frames, np.asarray(posture.hip_flexion_deg),
                         np.asarray(posture.knee_flexion_deg))
    pi = posture.pelvic_incidence_deg
    s1 = {k: pelvis.apply(v) for k, v in s1_endplate_in_pelvis(pi).items()}
    hip_axis = pelvis.apply(_hip_mid_local())
    bodies, l1_top, shoulder, up, arm = _trunk_and_arm(posture, pelvis)
    lumbar = pelvis.apply(bodies.reshape(-1, 3)).reshape(5, 4, 3)
    # the neck and the ankle are drawn as the nerve tests set them (0 in other tasks)
    neck_deg = posture.readouts.get("neck_flexion_deg", 0.0)
    head = shoulder + rot_z(-neck_deg) @ up * (0.936 - 0.818) * STATURE_M
    ankle = landmarks["ankle_joint_centre"]
    dorsi = np.radians(posture.readouts.get("ankle_dorsiflexion_deg", 0.0))
    shank = frames["tibia"].rotation @ np.array([np.sin(dorsi), -np.cos(dorsi), 0.0])
    forward = frames["tibia"].rotation @ np.array([np.cos(dorsi), np.sin(dorsi), 0.0])
    sole = ankle + shank * ANKLE_HEIGHT_M
    foot = np.stack([sole - forward * 0.25 * FOOT_M, ankle, sole + forward * 0.75 * FOOT_M])
    # the other (left) leg, mirrored to the same side view
    of = segment_frames(posture.pelvic_tilt_deg, posture.other_hip_flexion_deg,
                        posture.other_knee_flexion_deg, frame_angle_deg=frame, origin_m=origin)
    other_leg = np.stack([of["femur"].origin, of["tibia"].origin,
                          of["tibia"].apply(TIBIA_LANDMARKS["ankle_joint_centre"])])
    if task_record(posture.task).setting == "chair":
        seat_y = landmarks["ischial_tuberosity_inferior"][1] - SOFT_TISSUE_M
        support = np.array([[-0.35, seat_y, 0.0], [landmarks["ankle_joint_centre"][0] - 0.05,
                                                   seat_y, 0.0]])
    elif task_record(posture.task).setting == "bench":  # the bench ends behind the knee
        support = np.array([[-0.35, BENCH_HEIGHT_M, 0.0],
                            [landmarks["knee_joint_centre"][0] - 0.06, BENCH_HEIGHT_M, 0.0]])
    else:
        support = np.array([[-1.2, 0.0, 0.0], [1.2, 0.0, 0.0]])
    return BodyPoints(landmarks, paths, lumbar, s1, hip_axis, l1_top, shoulder, head, arm,
                      foot, other_leg, support, frame)


def task_readouts_batch(task, tilt, hip, knee, lumbar_flexion, pelvic_incidence_deg, frame,
                        thoracic_flexion=0.0):
    """Whole-body readouts of a task (fingertip to floor, reach past the ankles) for arrays of
    poses of one task (vectorised), ``{name: array}``; the task's registry record says which.
    """
    wanted = task_record(task).readouts
    reach = "fingertip_beyond_ankle_m" in wanted
    if not reach and "fingertip_to_floor_m" not in wanted:
        return {}
    tilt, hip, knee, lumbar = np.broadcast_arrays(*(np.asarray(v, float) for v in
                                                    (tilt, hip, knee, lumbar_flexion)))
    f0 = segment_frames(tilt, hip, knee, frame_angle_deg=frame)
    if reach:  # seated on the floor: the ischia rest on it
        it = f0["pelvis"].apply(PELVIS_LANDMARKS["ischial_tuberosity_inferior"])
        origin = np.stack([-it[..., 0], SOFT_TISSUE_M - it[..., 1], np.zeros_like(tilt)], -1)
    else:
        ankle = f0["tibia"].apply(TIBIA_LANDMARKS["ankle_joint_centre"])
        origin = np.stack([-ankle[..., 0], ANKLE_HEIGHT_M - ankle[..., 1], np.zeros_like(tilt)],
                          -1)
    pelvis_r = f0["pelvis"].rotation
    _, top, angle = lumbar_column_in_pelvis(pelvic_incidence_deg, lumbar)
    l1_top = np.einsum("...ij,...j->...i", pelvis_r, top) + origin
    thorax, _ = _thorax_vectors(pelvis_r, angle, np.broadcast_to(
        np.asarray(thoracic_flexion, float), tilt.shape), _thorax_local(float(pelvic_incidence_deg)))
    shoulder = l1_top + thorax
    if reach:
        ankle = f0["tibia"].apply(TIBIA_LANDMARKS["ankle_joint_centre"]) + origin
        return {"fingertip_beyond_ankle_m": shoulder[..., 0] + ARM_M - ankle[..., 0]}
    return {"fingertip_to_floor_m": shoulder[..., 1] - ARM_M}


__all__ = ["BodyPoints", "posture_points", "task_readouts_batch", "STATURE_M"]
