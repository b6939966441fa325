"""The readout table: every posture quantity once, with its label, short label, unit and format.

Every place that shows a number of a `Posture` (the panels' HTML readouts, the text in the
figure, comparison tables, `Posture.summary`) renders it from `QUANTITIES` (one row per
quantity) and `HEAD_QUANTITIES` (one row per quantity of each hamstring head), so a number
carries the same label and the same rounding everywhere.

Examples
--------
>>> import anatomy
>>> from anatomy.model.readouts import QUANTITIES, HEAD_QUANTITIES
>>> q = QUANTITIES["pelvic_tilt_deg"]
>>> q.label, q.short, q.unit
('Pelvic rotation from standing', 'pelvic tilt', '°')
>>> q.text(anatomy.forward_bend(60.0))
'+24°'
>>> HEAD_QUANTITIES["range_used"].text(anatomy.standing(), "semimembranosus")
'-1%'
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from .muscles import FACTS, HAMSTRING_HEADS, muscle_tendon_length


def _clean(v: float, digits: int) -> float:
    """Round, and turn -0.0 into 0.0 (so nothing ever prints "-0")."""
    return round(float(v), digits) + 0.0


@dataclass(frozen=True)
class Quantity:
    """One number of a posture and how to show it.

    ``source`` says where it lives: ``"field"`` (an attribute of `Posture`) or ``"readout"``
    (a key of ``Posture.readouts``, present only in the tasks that report it). The shown value
    is ``scale`` times the stored one, in ``unit``, with ``digits`` decimals and a sign when
    ``signed``.
    """

    key: str
    label: str
    short: str
    unit: str
    digits: int = 0
    scale: float = 1.0
    signed: bool = False
    source: str = "field"
    spoken_unit: str = ""
    """The unit in words for screen readers ("degrees", "centimetres", "percent")."""

    def value(self, posture):
        """The shown value (scaled) or None when the posture does not report it."""
        if self.source == "readout":
            raw = posture.readouts.get(self.key)
            if raw is None:
                return None
        else:
            raw = getattr(posture, self.key)
        return self.scale * float(raw)

    def number(self, value: float) -> str:
        """A value formatted with this quantity's rounding and sign (no unit)."""
        v = _clean(value, self.digits)
        return f"{v:+.{self.digits}f}" if self.signed and v != 0 else f"{v:.{self.digits}f}"

    def text(self, posture, digits: int | None = None) -> str:
        """The value with its unit (``"-"`` when the posture does not report it)."""
        value = self.value(posture)
        if value is None:
            return "-"
        q = self if digits is None else _replace_digits(self, digits)
        sep = " " if self.unit in ("cm", "mm", "N·m") else ""
        return f"{q.number(value)}{sep}{self.unit}"

    def spoken(self, posture) -> str:
        """The value in words for a screen reader ("12 degrees")."""
        value = self.value(posture)
        if value is None:
            return f"{self.label}: not reported"
        return f"{self.label}: {self.number(value)} {self.spoken_unit or self.unit}"


def _replace_digits(q: Quantity, digits: int) -> Quantity:
    from dataclasses import replace
    return replace(q, digits=digits)


_DEG = dict(unit="°", spoken_unit="degrees")
_CM = dict(unit="cm", spoken_unit="centimetres", scale=100.0, digits=1)
_ROWS = (
    Quantity("trunk_flexion_deg", "Trunk flexion from upright", "trunk flex.", **_DEG),
    Quantity("pelvic_tilt_deg", "Pelvic rotation from standing", "pelvic tilt", signed=True,
             **_DEG),
    Quantity("hip_flexion_deg", "Hip flexion", "hip flex.", **_DEG),
    Quantity("knee_flexion_deg", "Knee flexion", "knee flex.", **_DEG),
    Quantity("lumbar_flexion_deg", "Lumbar flexion from standing", "lumbar flex.", **_DEG),
    Quantity("lumbar_lordosis_deg", "Lumbar lordosis (L1-S1)", "lordosis", **_DEG),
    Quantity("thoracic_flexion_deg", "Thoracic flexion from standing", "thoracic flex.",
             **_DEG),
    Quantity("hamstring_moment_nm", "Hamstrings' passive hip moment (one leg)", "ham. moment",
             unit="N·m", spoken_unit="newton metres"),
    Quantity("tolerance_nm", "Hip moment this person tolerates (one leg)", "tolerated",
             unit="N·m", spoken_unit="newton metres"),
    Quantity("sacral_slope_deg", "Sacral slope (X-ray angle SS)", "SS", **_DEG),
    Quantity("radiographic_pelvic_tilt_deg", "Pelvic tilt (X-ray angle PT)", "PT", **_DEG),
    Quantity("pelvic_incidence_deg", "Pelvic incidence (PI)", "PI", **_DEG),
    Quantity("asis_psis_angle_deg", "ASIS-PSIS angle", "ASIS-PSIS", **_DEG),
    Quantity("slr_deg", "Passive SLR of this person", "SLR", **_DEG),
    Quantity("fingertip_to_floor_m", "Fingertips to floor", "to floor", source="readout",
             **_CM),
    Quantity("fingertip_beyond_ankle_m", "Reach past the ankles", "past ankle",
             source="readout", signed=True, **_CM),
    Quantity("leg_raise_deg", "SLR angle (leg to table)", "leg raise", source="readout",
             **_DEG),
    Quantity("pelvic_share_of_raise", "Pelvis's share of the leg raise", "pelvis share",
             unit="%", spoken_unit="percent", scale=100.0, source="readout"),
    Quantity("ake_deg", "Knee angle at the end of the knee-extension test", "AKE end",
             source="readout", **_DEG),
    # the nerve (anatomy.model.nerve, anatomy.model.neuro)
    Quantity("nerve_stretch_m", "Sciatic nerve bed from standing (model)", "nerve bed",
             unit="mm", spoken_unit="millimetres", scale=1000.0, signed=True,
             source="readout"),
    Quantity("ankle_dorsiflexion_deg", "Ankle dorsiflexion", "ankle", signed=True,
             source="readout", **_DEG),
    Quantity("neck_flexion_deg", "Neck flexion", "neck", signed=True, source="readout",
             **_DEG),
    Quantity("slr_end_deg", "Leg angle where the SLR ends", "SLR end", source="readout",
             **_DEG),
    Quantity("slump_knee_end_deg", "Knee flexion where the slump ends", "slump end",
             source="readout", **_DEG),
    Quantity("nerve_threshold_m", "Nerve bed at the symptom threshold (model)", "nerve limit",
             unit="mm", spoken_unit="millimetres", scale=1000.0, source="readout"),
)
QUANTITIES = MappingProxyType({q.key: q for q in _ROWS})
"""Every posture quantity by key (a `Posture` field or a readout key)."""


@dataclass(frozen=True)
class HeadQuantity:
    """A number shown for each hamstring head."""

    key: str
    label: str
    short: str
    unit: str
    digits: int
    explanation: str

    def value(self, posture, head: str) -> float:
        if self.key == "range_used":
            return 100.0 * posture.hamstring_range_used[head]
        length = muscle_tendon_length(head, posture.hip_flexion_deg, posture.knee_flexion_deg)
        if self.key == "length":
            return 100.0 * length
        change = length - muscle_tendon_length(head, 0.0, 0.0)
        if self.key == "length_change":
            return 100.0 * change
        return 100.0 * change / (FACTS[head].fibre_length_cm / 100.0)  # fibre_change

    def text(self, posture, head: str) -> str:
        v = _clean(self.value(posture, head), self.digits)
        sign = "+" if self.key in ("length_change", "fibre_change") else ""
        sep = " " if self.unit == "cm" else ""
        return f"{v:{sign}.{self.digits}f}{sep}{self.unit}"


_HEAD_ROWS = (
    HeadQuantity("length", "Muscle-tendon length", "length", "cm", 1,
                 "length: origin to insertion along the muscle's path"),
    HeadQuantity("range_used", "Range used from standing to the end of the SLR", "used", "%",
                 0, "used: % of the way from the head's standing length to its length at "
                 "the end of this person's SLR"),
    HeadQuantity("length_change", "Change in length from standing", "ΔL", "cm", 1,
                 "ΔL: change in muscle-tendon length from standing (hip 0°, knee 0°)"),
    HeadQuantity("fibre_change", "Change in length as a share of fibre length", "ΔL/fibre",
                 "%", 0, "ΔL/fibre: that change as a % of the head's fibre length"),
)
HEAD_QUANTITIES = MappingProxyType({q.key: q for q in _HEAD_ROWS})
"""Per-head quantities by key."""


def summary(posture) -> str:
    """A short fixed-width text of a pose (what `Posture.summary` prints)."""
    width = 44
    rows = [f"task: {posture.task} (slr {posture.slr_deg:.0f}°, "
            f"PI {posture.pelvic_incidence_deg:.0f}°)"]
    for key in ("pelvic_tilt_deg", "trunk_flexion_deg", "hip_flexion_deg", "knee_flexion_deg",
                "lumbar_flexion_deg", "lumbar_lordosis_deg", "thoracic_flexion_deg",
                "sacral_slope_deg", "radiographic_pelvic_tilt_deg", "hamstring_moment_nm",
                "tolerance_nm"):
        q = QUANTITIES[key]
        rows.append(f"{q.label:<{width}}{q.text(posture, digits=1):>9}")
    used = HEAD_QUANTITIES["range_used"]  # the figure's one percentage per head
    for head in HAMSTRING_HEADS:
        rows.append(f"{FACTS[head].abbreviation + ' range ' + used.short:<{width}}"
                    f"{used.text(posture, head):>9}")
    for key in posture.readouts:
        q = QUANTITIES.get(key)
        if q is not None:
            rows.append(f"{q.label:<{width}}{q.text(posture):>9}")
    rows.append(f"reachable: {posture.reachable}"
                + (f" (stopped by the {posture.limited_by})" if posture.limited_by else ""))
    return "\n".join(rows)


__all__ = ["Quantity", "HeadQuantity", "QUANTITIES", "HEAD_QUANTITIES", "summary"]
