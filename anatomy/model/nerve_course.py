"""The nerve's course for the picture: from the lumbar canal to the sole, in ground (m).

Drawing geometry only (the bed's length is `anatomy.model.nerve.sciatic_nerve_stretch_m`).
"""
from __future__ import annotations

import numpy as np

from .body import _frames, posture_points
from .nerve import NERVE_LEVERS_M


def _arc(centre, radius, d0, d1, n=7):
    """Points on a circle about ``centre`` from direction ``d0`` to ``d1`` (shorter way)."""
    a0 = np.arctan2(d0[1], d0[0])
    a1 = np.arctan2(d1[1], d1[0])
    da = (a1 - a0 + np.pi) % (2 * np.pi) - np.pi
    t = a0 + da * np.linspace(0.0, 1.0, n)
    return np.stack([centre[0] + radius * np.cos(t), centre[1] + radius * np.sin(t),
                     np.full(n, centre[2])], -1)


def nerve_path_points(posture, *, body=None, frames=None) -> np.ndarray:
    """The course of the nerve for drawing, ``(n, 3)`` in ground (m), roots to sole.

    From the lumbar canal (L3-L5) past the back of S1 and the sciatic notch, round the hip
    at `NERVE_LEVERS_M["hip"]` behind its centre, down the back of the thigh, round the knee
    and the ankle at their levers, into the sole. A drawing of the model's bed: its length
    changes in the same direction as `sciatic_nerve_stretch_m`, not by the same amount (the
    drawn course is an illustration; the bed model is the lever sum).

    ``body`` and ``frames`` (`anatomy.model.body.posture_points` and the segment frames of
    this posture) may be passed when the caller has them already (the scene does, per move).
    """
    pts = posture_points(posture) if body is None else body
    frames = _frames(posture)[0] if frames is None else frames
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


__all__ = ["nerve_path_points"]
