"""Static figures and small text tables for notebooks 02-06.

Every ``figure_*`` function returns one `matplotlib.figure.Figure` made without pyplot (so
re-running a cell never piles up open figures; the notebook shows it as a picture with any
backend). Every table function returns a string to ``print``. None of them holds model
maths: the numbers come from `anatomy.muscles`, `anatomy.spine`, `anatomy.posture` and
`anatomy.exercises`. Colours are the Okabe-Ito set of `anatomy.drawing`; every line is also
told apart by its line style and named in a legend.

Examples
--------
>>> import anatomy
>>> from anatomy.view.figures import compare_table
>>> print(compare_table([anatomy.standing(slr_deg=50), anatomy.standing(slr_deg=90)]))  # doctest: +NORMALIZE_WHITESPACE
posture              pelvic tilt   lordosis
standing, SLR 50°          -0.9°      55.4°
standing, SLR 90°          -0.6°      55.7°
"""
from __future__ import annotations

import math

import numpy as np
from matplotlib.figure import Figure

from ..model import posture as P
from . import leg_art, palette
from .leg_art import HEAD_STYLE
from .palette import OKABE_ITO
from ..model.muscles import (FACTS, HAMSTRING_HEADS, moment_arm, muscle_tendon_length,
                              pose_points)
from ..model.readouts import HEAD_QUANTITIES, QUANTITIES, _clean
from ..model.spine import spinopelvic
from ..model.tasks import TASK_REGISTRY, task_record

__all__ = [
    "ROUSSOULY_TYPES", "roussouly_type", "compare_table", "explain_moment_arm",
    "figure_lengths", "figure_moment_arms", "figure_moment_arm_from_length",
    "figure_pelvic_incidence", "figure_task_comparison", "figure_task_curves",
    "figure_slr_pelvis", "figure_exercises", "figure_meet_the_hamstrings",
    "figure_stretching", "figure_spread", "figure_sensitivity",
]

_WIDTH_IN = 8.5  # at most 9 in: fits a laptop's notebook column
_TEXT = palette.TEXT["main"]
_GRID = dict(color=palette.TEXT["grid"], linewidth=0.6)
_STYLES = ("-", "--", ":", "-.")
_SERIES = palette.SERIES
_HEAD_LINESTYLE = dict(zip(HAMSTRING_HEADS, _STYLES))
_BY_ABBREVIATION = {FACTS[h].abbreviation: h for h in HAMSTRING_HEADS}

# ---------------------------------------------------------------------------------------------
# Roussouly types (approximate sacral-slope bands)
# ---------------------------------------------------------------------------------------------
ROUSSOULY_TYPES = (
    ("type 1 or 2", -math.inf, 35.0, "low sacral slope: a short low lordosis (type 1) or a "
                                     "flat back (type 2)"),
    ("type 3", 35.0, 45.0, "medium sacral slope: an even, balanced lordosis"),
    ("type 4", 45.0, math.inf, "high sacral slope: a long, deep lordosis"),
)
"""Standing lumbar shapes by sacral slope, after Roussouly et al. 2005 (refined by Laouissat
et al. 2018). The band edges (35° and 45°) are the commonly quoted ones and are
**approximate**: the project's notes hold them from memory, not from the papers' tables.
Types 1 and 2 share a low slope and differ in where the curve sits (type 1 has a short
lordosis low down with a kyphosis above it), which this lumbar-only model cannot show."""


def roussouly_type(sacral_slope_deg: float) -> str:
    """The approximate Roussouly type of a standing sacral slope (degrees).

    Examples
    --------
    >>> roussouly_type(41.1), roussouly_type(31.0), roussouly_type(53.4)
    ('type 3', 'type 1 or 2', 'type 4')
    """
    ss = float(sacral_slope_deg)
    for name, lo, hi, _ in ROUSSOULY_TYPES:
        if lo <= ss < hi:
            return name
    return ROUSSOULY_TYPES[-1][0]


# ---------------------------------------------------------------------------------------------
# Text tables
# ---------------------------------------------------------------------------------------------
def _cell(posture, column: str) -> tuple[str, str]:
    """(header, formatted value) of one column for one posture, from the readout table."""
    if column in QUANTITIES:
        q = QUANTITIES[column]
        return q.short, q.text(posture, digits=max(q.digits, 1))
    if column == "slr_band":
        return "SLR band", P.slr_band(posture.slr_deg)
    if column == "roussouly":
        return "type (approx.)", roussouly_type(posture.sacral_slope_deg)
    if column == "most_stretched":
        return "nearest limit", FACTS[max(posture.hamstring_range_used,
                                          key=posture.hamstring_range_used.get)].abbreviation
    kind, _, abbreviation = column.partition(":")
    if kind in HEAD_QUANTITIES and abbreviation in _BY_ABBREVIATION:
        q = HEAD_QUANTITIES[kind]
        return f"{abbreviation} {q.short}", q.text(posture, _BY_ABBREVIATION[abbreviation])
    known = (sorted(QUANTITIES) + ["slr_band", "roussouly", "most_stretched"]
             + [f"{k}:<ST|SM|BFlh|BFsh>" for k in HEAD_QUANTITIES])
    raise ValueError(f"unknown column {column!r}; known columns: {known}")


def _default_label(posture) -> str:
    label = f"{task_record(posture.task).short_title}, SLR {posture.slr_deg:.0f}°"
    if abs(posture.pelvic_incidence_deg - 53.0) > 0.5:
        label += f", PI {posture.pelvic_incidence_deg:.0f}°"
    return label


def compare_table(postures, columns=("pelvic_tilt_deg", "lumbar_lordosis_deg"),
                  labels=None) -> str:
    """Postures side by side as a small fixed-width text table (one decimal place).

    Parameters
    ----------
    postures
        A sequence of `anatomy.Posture`.
    columns
        Posture fields (``"pelvic_tilt_deg"``, ``"hip_flexion_deg"``, ...), readouts
        (``"fingertip_to_floor_m"`` shown in cm, ``"pelvic_share_of_raise"`` in %, ...),
        ``"slr_band"``, ``"roussouly"``, ``"most_stretched"``, or per head
        ``"range_used:SM"``, ``"length_change:ST"`` (cm), ``"fibre_change:SM"`` (% of the
        fibre length), with the head's abbreviation.
    labels
        Row names; default: the task and the SLR (and PI when it is not 53°).

    Returns
    -------
    str
        The table; a posture that is not ``reachable`` is starred and explained below.
    """
    postures = list(postures)
    labels = [_default_label(p) for p in postures] if labels is None else list(labels)
    if len(labels) != len(postures):
        raise ValueError(f"labels has {len(labels)} names for {len(postures)} postures")
    labels = [lab + (" *" if not p.reachable else "") for lab, p in zip(labels, postures)]
    cells = [[_cell(p, c) for c in columns] for p in postures]
    headers = [h for h, _ in cells[0]] if cells else [c for c in columns]
    widths = [max([len(h) + 2] + [len(row[i][1]) + 2 for row in cells])
              for i, h in enumerate(headers)]
    first = max([len("posture")] + [len(lab) for lab in labels])
    lines = [f"{'posture':<{first}}" + "".join(f"{h:>{w}}" for h, w in zip(headers, widths))]
    for lab, row in zip(labels, cells):
        lines.append(f"{lab:<{first}}" + "".join(f"{v:>{w}}" for (_, v), w in
                                                  zip(row, widths)))
    for kind, q in HEAD_QUANTITIES.items():
        if any(str(c).startswith(kind + ":") for c in columns):
            lines.append(q.explanation)
    if any(not p.reachable and not p.held_past_limit for p in postures):
        lines.append("* beyond what the tissues allow: the furthest pose reached")
    if any(p.held_past_limit for p in postures):
        lines.append("* past the hamstrings' limit: the pose asked for (long sitting is held)")
    return "\n".join(lines)


def explain_moment_arm(head: str, joint: str, hip_flexion_deg: float,
                       knee_flexion_deg: float, step_deg: float = 1.0) -> str:
    """Work out one moment arm from two lengths, step by step: r = -dL/dθ.

    The joint is turned by ``step_deg`` (half a step either side of the given angle); the
    change in length divided by the change in angle in radians is dL/dθ, and the moment arm
    is minus that. The last line compares it with `anatomy.moment_arm`.
    """
    half = 0.5 * float(step_deg)
    if joint == "hip":
        a, b = (hip_flexion_deg - half, knee_flexion_deg), (hip_flexion_deg + half,
                                                            knee_flexion_deg)
        at, where = hip_flexion_deg, f"knee {knee_flexion_deg:g}°"
    elif joint == "knee":
        a, b = (hip_flexion_deg, knee_flexion_deg - half), (hip_flexion_deg,
                                                            knee_flexion_deg + half)
        at, where = knee_flexion_deg, f"hip {hip_flexion_deg:g}°"
    else:
        raise ValueError(f"joint must be 'hip' or 'knee'; got {joint!r}")
    la, lb = (100.0 * muscle_tendon_length(head, *x) for x in (a, b))
    dtheta = math.radians(step_deg)
    slope = (lb - la) / dtheta
    r = 100.0 * moment_arm(head, joint, hip_flexion_deg, knee_flexion_deg)
    name = FACTS[head].label
    if r < 0:
        sign = f"negative: it extends the {joint}"
    elif r > 0:
        sign = f"positive: it flexes the {joint}"
    else:
        sign = "zero: it does not cross this joint"
    return "\n".join([
        f"{name}, {joint} moment arm at {joint} {at:g}° ({where})",
        f"  length at {joint} {at - half:g}°: {la:8.2f} cm",
        f"  length at {joint} {at + half:g}°: {lb:8.2f} cm",
        f"  change in length dL = {lb - la:+.3f} cm for dθ = {step_deg:g}° = {dtheta:.4f} rad",
        f"  dL/dθ = {_clean(slope, 2):+.2f} cm per radian, so r = -dL/dθ = "
        f"{_clean(-slope, 2):+.2f} cm",
        f"  anatomy.moment_arm gives {_clean(r, 2):+.2f} cm ({sign})"])


# ---------------------------------------------------------------------------------------------
# Figures: length and moment arm (notebook 02)
# ---------------------------------------------------------------------------------------------
def _style_axes(ax, xlabel, ylabel, title=None):
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title, fontsize=10.5, fontweight="bold", color=_TEXT)
    ax.grid(True, **_GRID)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _source(fig, text):
    fig.supxlabel(text, fontsize=7.5, color=palette.TEXT["muted"])  # laid out by constrained layout


def figure_lengths(knee_flexion_deg=(0.0, 45.0, 90.0), hip_range_deg=(-20.0, 120.0)):
    """Change in each head's length as the hip flexes, one line per knee angle.

    Four panels (one per head, same vertical scale), hip flexion across, change in
    muscle-tendon length from standing (hip 0°, knee 0°) up, in cm. A dot marks standing.
    """
    knees = [float(k) for k in knee_flexion_deg]
    hips = np.linspace(*hip_range_deg, 141)
    fig = Figure(figsize=(_WIDTH_IN, 6.2), layout="constrained")
    axes = fig.subplots(2, 2, sharex=True, sharey=True)
    for ax, head in zip(axes.flat, HAMSTRING_HEADS):
        base = muscle_tendon_length(head, 0.0, 0.0)
        for i, knee in enumerate(knees):
            change = 100.0 * (muscle_tendon_length(head, hips, knee) - base)
            ax.plot(hips, change, color=_SERIES[i % len(_SERIES)],
                    linestyle=_STYLES[i % len(_STYLES)], linewidth=2.0,
                    label=f"knee {knee:g}°")
        ax.axhline(0.0, color=palette.TEXT["axis"], linewidth=0.8, zorder=1)
        ax.scatter([0.0], [0.0], s=25, color=_TEXT, zorder=5)
        _style_axes(ax, "hip flexion (°)" if ax in axes[1] else "",
                    "change in length (cm)" if ax in axes[:, 0] else "",
                    HEAD_STYLE[head]["label"])
        ax.tick_params(labelbottom=True)
    axes[0, 0].annotate("standing", (0.0, 0.0), xytext=(12, 14), textcoords="offset points",
                        fontsize=8, arrowprops=dict(arrowstyle="-", color=palette.TEXT["muted"]))
    handles, names = axes[0, 0].get_legend_handles_labels()
    axes[0, 0].legend(handles, names, loc="upper left", frameon=False, fontsize=8.5)
    fig.suptitle("How long is each head? Change from its standing length", fontsize=12,
                 fontweight="bold", color=_TEXT)
    _source(fig, "Model: Delp et al. 1990 leg geometry (gait2392). Above 0: longer than in "
                 "standing.")
    return fig


def figure_moment_arms(hip_range_deg=(-20.0, 120.0), knee_range_deg=(0.0, 120.0)):
    """Each head's moment arm at the hip (knee straight) and at the knee (hip straight).

    Signed as the package defines them (r = -dL/dθ, flexion positive): below zero the head
    extends the joint, above zero it flexes it. Two panels, four lines each.
    """
    hips = np.linspace(*hip_range_deg, 141)
    knees = np.linspace(*knee_range_deg, 121)
    fig = Figure(figsize=(_WIDTH_IN, 4.2), layout="constrained")
    ax_h, ax_k = fig.subplots(1, 2)
    for head in HAMSTRING_HEADS:
        style = dict(color=HEAD_STYLE[head]["color"], linestyle=_HEAD_LINESTYLE[head],
                     linewidth=2.0, label=HEAD_STYLE[head]["label"])
        ax_h.plot(hips, 100.0 * moment_arm(head, "hip", hips, 0.0), **style)
        ax_k.plot(knees, 100.0 * moment_arm(head, "knee", 0.0, knees), **style)
    for ax in (ax_h, ax_k):
        ax.axhline(0.0, color=palette.TEXT["axis"], linewidth=0.8, zorder=1)
    _style_axes(ax_h, "hip flexion (°), knee straight", "moment arm (cm)", "At the hip")
    _style_axes(ax_k, "knee flexion (°), hip straight", "moment arm (cm)", "At the knee")
    ax_h.set_ylim(-8.0, 1.0)
    ax_k.set_ylim(-1.0, 6.0)
    ax_h.text(0.03, 0.04, "below 0: extends the hip", transform=ax_h.transAxes, fontsize=8.5,
              color=palette.TEXT["secondary"])
    ax_k.text(0.03, 0.92, "above 0: flexes the knee", transform=ax_k.transAxes, fontsize=8.5,
              color=palette.TEXT["secondary"])
    handles, names = ax_h.get_legend_handles_labels()
    ax_h.legend(handles, names, loc="center left", frameon=False, fontsize=8.5)
    fig.suptitle("Leverage changes with the angle: moment arm r = -dL/dθ", fontsize=12,
                 fontweight="bold", color=_TEXT)
    _source(fig, "Model: moment arms taken from the length curves (Delp et al. 1990 "
                 "geometry); beyond 75° of knee flexion assumed to level off (docs/model.md 5.3).")
    return fig


def figure_moment_arm_from_length(head="semitendinosus", joint="hip", angle_deg=30.0,
                                  other_deg=0.0):
    """Where a moment arm comes from: the slope of the length curve at one angle.

    Left: the head's length against the joint angle, with the tangent at ``angle_deg``.
    Right: the moment arm r = -dL/dθ against the same angle, with that angle marked.
    ``other_deg`` is the other joint's angle (knee for ``joint="hip"``, hip for ``"knee"``).
    """
    lo, hi = (-20.0, 120.0) if joint == "hip" else (0.0, 120.0)
    theta = np.linspace(lo, hi, 141)

    def pose(a):
        return (a, other_deg) if joint == "hip" else (other_deg, a)

    length = 100.0 * muscle_tendon_length(head, *pose(theta))
    arm = 100.0 * moment_arm(head, joint, *pose(theta))
    l0 = 100.0 * muscle_tendon_length(head, *pose(angle_deg))
    r0 = 100.0 * moment_arm(head, joint, *pose(angle_deg))
    span = np.array([angle_deg - 25.0, angle_deg + 25.0])
    tangent = l0 - r0 * np.radians(span - angle_deg)  # slope dL/dθ = -r (per radian)
    fig = Figure(figsize=(_WIDTH_IN, 3.8), layout="constrained")
    ax_l, ax_r = fig.subplots(1, 2)
    colour = HEAD_STYLE[head]["color"]
    other = "knee" if joint == "hip" else "hip"
    ax_l.plot(theta, length, color=colour, linewidth=2.0, label="length L")
    ax_l.plot(span, tangent, color=_TEXT, linestyle="--", linewidth=1.2,
              label=f"slope at {angle_deg:g}°")
    ax_l.scatter([angle_deg], [l0], s=30, color=_TEXT, zorder=5)
    ax_r.plot(theta, arm, color=colour, linewidth=2.0, label="moment arm r")
    ax_r.scatter([angle_deg], [r0], s=30, color=_TEXT, zorder=5)
    ax_r.axhline(0.0, color=palette.TEXT["axis"], linewidth=0.8, zorder=1)
    ax_r.annotate(f"r = {r0:+.1f} cm", (angle_deg, r0), xytext=(10, 12 if r0 < 0 else -16),
                  textcoords="offset points", fontsize=9)
    _style_axes(ax_l, f"{joint} flexion θ (°), {other} {other_deg:g}°", "length (cm)",
                "Length")
    _style_axes(ax_r, f"{joint} flexion θ (°), {other} {other_deg:g}°", "moment arm (cm)",
                "Moment arm = minus the slope")
    ax_l.legend(frameon=False, fontsize=8.5, loc="upper left")
    fig.suptitle(f"{HEAD_STYLE[head]['label']} at the {joint}: r = -dL/dθ", fontsize=12,
                 fontweight="bold", color=_TEXT)
    return fig


# ---------------------------------------------------------------------------------------------
# Figures: pelvis (notebook 03)
# ---------------------------------------------------------------------------------------------
def figure_pelvic_incidence(pi_range_deg=(35.0, 80.0)):
    """Standing sacral slope, radiographic pelvic tilt and lordosis for different pelves.

    Across: pelvic incidence (the shape of the pelvis). Up: the standing values the model
    takes from it (Le Huec & Hasegawa 2016). Shaded: the approximate sacral-slope bands of
    the Roussouly types.
    """
    pis = np.linspace(*pi_range_deg, 91)
    sp = spinopelvic(pis, 0.0)
    fig = Figure(figsize=(_WIDTH_IN, 4.6), layout="constrained")
    ax = fig.add_subplot()
    shades = palette.SHADES
    for (name, lo, hi, _), shade in zip(ROUSSOULY_TYPES, shades):
        lo_, hi_ = max(lo, 0.0), min(hi, 90.0)
        ax.axhspan(lo_, hi_, color=shade, zorder=0)
        ax.text(1.01, 0.5 * (max(lo_, 20.0) + min(hi_, 60.0)),
                f"SS {'< 35°' if lo < 0 else '> 45°' if hi > 90 else '35-45°'}:\n{name}",
                transform=ax.get_yaxis_transform(), fontsize=8, va="center", color=palette.TEXT["secondary"])
    lines = (("lumbar lordosis LL", sp.lumbar_lordosis_deg, OKABE_ITO["bluish_green"], "-"),
             ("sacral slope SS", sp.sacral_slope_deg, OKABE_ITO["blue"], "--"),
             ("radiographic pelvic tilt PT", sp.radiographic_pelvic_tilt_deg,
              OKABE_ITO["vermillion"], ":"))
    for label, values, colour, style in lines:
        ax.plot(pis, values, color=colour, linestyle=style, linewidth=2.2, label=label)
    ax.axvline(53.0, color=palette.TEXT["axis"], linewidth=0.8, linestyle="-.", zorder=1)
    ax.text(53.5, 2.0, "population mean PI, 53°", fontsize=8, color=palette.TEXT["muted"])
    ax.set_xlim(*pi_range_deg)
    ax.set_ylim(0.0, 75.0)
    _style_axes(ax, "pelvic incidence PI (°): the shape of the pelvis",
                "standing angle (°)", None)
    ax.text(1.01, 0.99, "approximate\nRoussouly type\n(by SS)", transform=ax.transAxes,
            fontsize=8, va="top", fontweight="bold", color=palette.TEXT["secondary"])
    ax.legend(frameon=False, fontsize=8.5, loc="upper left")
    fig.suptitle("People with a bigger PI stand with more slope, more tilt and more lordosis",
                 fontsize=11.5, fontweight="bold", color=_TEXT)
    _source(fig, "Model: standing PT and LL from PI (Le Huec & Hasegawa 2016); PI = PT + SS "
                 "(Legaye et al. 1998). Type bands after Roussouly et al. 2005, approximate.")
    return fig


# ---------------------------------------------------------------------------------------------
# Figures: tasks (notebooks 04 and 05)
# ---------------------------------------------------------------------------------------------
_COMPARE_TASKS = (
    ("standing", lambda slr: P.standing(slr_deg=slr)),
    ("toe touch\n(end)", lambda slr: P.toe_touch(slr_deg=slr)),
    ("long sitting\n(upright)", lambda slr: P.long_sitting(slr_deg=slr)),
    ("chair sitting", lambda slr: P.chair_sitting(slr_deg=slr)),
)


def figure_task_comparison(slr_values=(55.0, 80.0)):
    """Pelvic tilt and lordosis in four postures, for short and normal hamstrings.

    Grouped bars: standing, the end of a toe touch, long sitting upright, chair sitting; one
    bar per ``slr_values`` entry. A hatched bar is a pose the person cannot reach (the bar
    shows the furthest they get).
    """
    slrs = [float(s) for s in slr_values]
    postures = [[make(s) for s in slrs] for _, make in _COMPARE_TASKS]
    fig = Figure(figsize=(_WIDTH_IN, 4.4), layout="constrained")
    axes = fig.subplots(1, 2)
    n = len(slrs)
    width = 0.8 / n
    x = np.arange(len(_COMPARE_TASKS))
    quantities = (("pelvic_tilt_deg", "pelvic tilt from neutral (°)",
                   "Pelvis (+ forward, - backward)"),
                  ("lumbar_lordosis_deg", "lumbar lordosis L1-S1 (°)",
                   "Lumbar curve (smaller = flatter)"))
    for ax, (attr, ylabel, title) in zip(axes, quantities):
        for j, slr in enumerate(slrs):
            values = [getattr(row[j], attr) for row in postures]
            bars = ax.bar(x + (j - (n - 1) / 2) * width, values, width * 0.95,
                          color=_SERIES[j % len(_SERIES)], label=f"SLR {slr:.0f}°",
                          edgecolor="white")
            for bar, row, v in zip(bars, postures, values):
                if not row[j].reachable:
                    bar.set_hatch("///")
                    bar.set_edgecolor(palette.BODY["belly_edge"])
                shown = _clean(v, 0)
                ax.annotate(f"{shown:.0f}", (bar.get_x() + bar.get_width() / 2, v),
                            xytext=(0, 2 if shown >= 0 else -9), textcoords="offset points",
                            ha="center", fontsize=7.5)
        ax.axhline(0.0, color=palette.TEXT["muted"], linewidth=0.8)
        ax.set_xticks(x, [name for name, _ in _COMPARE_TASKS], fontsize=8.5)
        _style_axes(ax, "", ylabel, title)
        ax.grid(False, axis="x")
    axes[0].set_ylim(-55.0, 80.0)
    axes[1].set_ylim(0.0, 70.0)
    handles, names = axes[0].get_legend_handles_labels()
    axes[1].legend(handles, names, loc="upper right", frameon=False, fontsize=8.5)
    fig.suptitle("Short hamstrings show only where they are stretched", fontsize=12,
                 fontweight="bold", color=_TEXT)
    _source(fig, "Model. Hatched: cannot sit fully upright; the bar shows the furthest pose "
                 "reached.")
    return fig


_CURVE_TITLES = {"forward_bend": "Bending forward: the same until the end of range",
                 "long_sitting": "Long sitting: short hamstrings roll the pelvis back"}


def figure_task_curves(task="forward_bend", slr_values=(55.0, 80.0)):
    """Pelvic tilt and lumbar lordosis along a forward bend or in long sitting.

    One line per ``slr_values`` entry, drawn over the reachable part of the task only; a dot
    marks where each person's tissues stop them.
    """
    if task not in _CURVE_TITLES:
        raise ValueError(f"task must be one of {sorted(_CURVE_TITLES)}; got {task!r}")
    slider = TASK_REGISTRY[task].slider
    xlabel, (lo, hi) = slider.label.lower(), slider.offered_range_deg
    values = np.linspace(lo, hi, 161)
    fig = Figure(figsize=(_WIDTH_IN, 3.9), layout="constrained")
    axes = fig.subplots(1, 2, sharex=True)
    for j, slr in enumerate(float(s) for s in slr_values):
        steps = P.sweep(task, values, slr_deg=slr)
        ok = np.array([p.reachable for p in steps])
        x = values[ok]
        for ax, attr in zip(axes, ("pelvic_tilt_deg", "lumbar_lordosis_deg")):
            y = np.array([getattr(p, attr) for p in steps])[ok]
            ax.plot(x, y, color=_SERIES[j % len(_SERIES)], linestyle=_STYLES[j % len(_STYLES)],
                    linewidth=2.2, label=f"SLR {slr:.0f}°")
            if len(x) and not ok.all():
                ax.scatter([x[-1]], [y[-1]], s=30, color=_SERIES[j % len(_SERIES)], zorder=5)
    _style_axes(axes[0], xlabel, "pelvic tilt from neutral (°)", "Pelvis (+ forward)")
    _style_axes(axes[1], xlabel, "lumbar lordosis L1-S1 (°)", "Lumbar curve")
    axes[0].legend(loc="best", frameon=False, fontsize=8.5)
    fig.suptitle(_CURVE_TITLES[task], fontsize=12, fontweight="bold", color=_TEXT)
    _source(fig, "Model. Each line stops where that person's hamstrings reach their limit "
                 "(dot).")
    return fig


def figure_slr_pelvis(slr_values=(55.0, 80.0)):
    """What a straight-leg-raise angle is made of: hip flexion plus the pelvis rolling back.

    Left: hip flexion against the leg's angle to the table (the dashed diagonal would be a
    pelvis that never moves). Right: the pelvis's share of the raise, in %.
    """
    fig = Figure(figsize=(_WIDTH_IN, 3.9), layout="constrained")
    ax_h, ax_s = fig.subplots(1, 2)
    top = max(float(s) for s in slr_values)
    ax_h.plot([0.0, top], [0.0, top], color=palette.TEXT["axis"], linestyle="--", linewidth=1.0,
              label="_pelvis still")
    ax_h.text(0.55 * top, 0.62 * top, "if the pelvis\nstayed still", fontsize=8,
              color=palette.TEXT["muted"], ha="right")
    for j, slr in enumerate(float(s) for s in slr_values):
        raise_deg = np.linspace(1.0, slr, 80)
        steps = P.sweep("straight_leg_raise", raise_deg, slr_deg=slr)
        style = dict(color=_SERIES[j % len(_SERIES)], linestyle=_STYLES[j % len(_STYLES)],
                     linewidth=2.2, label=f"SLR {slr:.0f}°")
        ax_h.plot(raise_deg, [p.hip_flexion_deg for p in steps], **style)
        ax_s.plot(raise_deg, [100.0 * p.readouts["pelvic_share_of_raise"] for p in steps],
                  **style)
    _style_axes(ax_h, "leg raised from the table (°)", "hip flexion (°)", "The hip")
    _style_axes(ax_s, "leg raised from the table (°)", "pelvis share of the raise (%)",
                "The pelvis rolling back")
    ax_s.set_ylim(0.0, 20.0)
    handles, names = ax_h.get_legend_handles_labels()
    ax_h.legend(handles, names, loc="upper left", frameon=False, fontsize=8.5)
    fig.suptitle("An SLR angle is hip flexion plus pelvic rotation", fontsize=12,
                 fontweight="bold", color=_TEXT)
    _source(fig, "Model. Each line ends at that person's SLR angle (the end of the test).")
    return fig


# ---------------------------------------------------------------------------------------------
# Figures: exercises (notebook 06)
# ---------------------------------------------------------------------------------------------
def figure_exercises(slr_deg=80.0):
    """How far each exercise takes the hamstrings towards their limit, and the lumbar spine.

    Left: the hamstrings' passive hip moment as a share of the moment this person tolerates
    (100% at the end of their range; shaded from `STRETCH_FELT_SHARE`, the table's "yes").
    Right: lumbar flexion from the standing curve. Hatched bars are illustrative joint poses;
    solid bars are solved tasks.
    """
    from ..model.exercises import EXERCISES, SOLVED, STRETCH_FELT_SHARE, share_of_tolerance

    postures = {k: ex(slr_deg) for k, ex in EXERCISES.items()}
    names = [ex.label for ex in EXERCISES.values()]
    used = [100.0 * share_of_tolerance(p) for p in postures.values()]
    lumbar = [p.lumbar_flexion_deg for p in postures.values()]
    group_colour = {"dynamic warm-up": OKABE_ITO["orange"],
                    "static stretch": OKABE_ITO["blue"],
                    "strengthening and control": OKABE_ITO["bluish_green"]}
    colours = [group_colour[ex.group] for ex in EXERCISES.values()]
    hatches = ["" if ex.model == SOLVED else "///" for ex in EXERCISES.values()]
    fig = Figure(figsize=(_WIDTH_IN, 4.8), layout="constrained")
    ax_u, ax_l = fig.subplots(1, 2, sharey=True)
    y = np.arange(len(names))[::-1]
    felt = 100.0 * STRETCH_FELT_SHARE
    ax_u.axvspan(felt, 100.0, color=palette.TENSION_BAND, zorder=0)
    ax_u.text(felt + 1.0, y[0] + 0.45, "stretch", fontsize=7.5, color=palette.TEXT["warning"],
              va="bottom")
    for ax, values in ((ax_u, used), (ax_l, lumbar)):
        bars = ax.barh(y, values, color=colours, edgecolor=palette.BODY["belly_edge"], linewidth=0.5)
        for bar, hatch in zip(bars, hatches):
            bar.set_hatch(hatch)
        ax.axvline(0.0, color=palette.TEXT["muted"], linewidth=0.8)
    for yy, v in zip(y, used):
        ax_u.text(max(v, 0.0) + 2.0, yy, f"{_clean(v, 0):.0f}%", va="center", fontsize=7.5)
    ax_u.set_yticks(y, names, fontsize=8.5)
    ax_u.set_xlim(0.0, 150.0)
    ax_l.set_xlim(-15.0, 50.0)
    _style_axes(ax_u, "moment: % of the tolerated", "", "Hamstring stretch")
    _style_axes(ax_l, "lumbar flexion (°): + flatter", "", "Lower back")
    from matplotlib.patches import Patch
    handles = [Patch(color=c, label=g) for g, c in group_colour.items()]
    handles.append(Patch(facecolor="white", edgecolor=palette.BODY["belly_edge"], hatch="///",
                         label="illustrative joint pose"))
    ax_l.legend(handles=handles, loc="lower right", frameon=False, fontsize=8)
    fig.suptitle(f"What the exercises do in the model (passive SLR {slr_deg:.0f}°)",
                 fontsize=12, fontweight="bold", color=_TEXT)
    _source(fig, "Model; passive only (no muscle activity). Above 100%: a pose this person "
                 "cannot reach. Shading: a display choice, not a measured threshold.")
    return fig


# ---------------------------------------------------------------------------------------------
# Figures: stretching as tolerance or as tissue (notebook 06), spread and sensitivity
# ---------------------------------------------------------------------------------------------
def figure_stretching(slr_deg=70.0, gain_deg=17.0):
    """The passive moment-angle curve before and after stretching, by the two mechanisms.

    Both raise the passive SLR by ``gain_deg``. Tolerance (what 3-8-week programmes showed:
    Ylinen et al. 2009, Freitas et al. 2018): the same curve, a higher tolerated end moment.
    Tissue (a more compliant muscle): a lower curve ending at the same tolerated moment.
    """
    before = P.Hamstrings.from_slr(slr_deg)
    cases = (("before", before, "-"),
             ("after, by tolerance (the evidence)", before.after_stretching(gain_deg), "--"),
             ("after, by tissue (not what was found)",
              before.after_stretching(gain_deg, mechanism="tissue"), ":"))
    hips = np.linspace(0.0, 110.0, 221)
    fig = Figure(figsize=(_WIDTH_IN, 4.6))
    ax = fig.subplots()
    fig.subplots_adjust(left=0.1, right=0.97, top=0.86, bottom=0.14)
    from ..model.posture import _hip_at_tolerance
    for (label, ham, style), colour in zip(cases, _SERIES):
        m = ham.passive_hip_moment_nm(hips, 0.0)
        h_end = float(_hip_at_tolerance(ham.stiffness, ham.tolerance_nm)[0])
        keep = hips <= h_end
        ax.plot(hips[keep], m[keep], style, color=colour, linewidth=2.2,
                label=f"{label}: SLR {ham.slr_deg:.0f}°")
        ax.plot([h_end], [ham.tolerance_nm], "o", color=colour, markersize=7)
        ax.annotate(f"end: {ham.tolerance_nm:.0f} N·m", (h_end, ham.tolerance_nm),
                    textcoords="offset points", xytext=(-8, 4), fontsize=8.5, color=colour,
                    ha="right")
    _style_axes(ax, "hip flexion with the knee straight (°)",
                "hamstrings' passive hip moment, one leg (N·m)")
    ax.legend(loc="upper left", frameon=False, fontsize=9)
    fig.suptitle(f"Stretching +{gain_deg:.0f}° of SLR: two ways the model can make it",
                 fontsize=12, fontweight="bold", color=_TEXT)
    _source(fig, "Model; curve fitted to Riener & Edrich 1999. Dots: where the person stops "
                 "(the tolerated moment).")
    return fig


def figure_spread(people=None, n=1000, seed=0):
    """A simulated group's toe touch: hip flexion and fingertips to floor against their SLR."""
    from ..model import population as pop
    people = pop.simulate_people(n, seed) if people is None else people
    slr = pop.group_slr(people)
    ends = pop.group_toe_touch(people)
    fig = Figure(figsize=(_WIDTH_IN, 4.2))
    axes = fig.subplots(1, 2)
    fig.subplots_adjust(left=0.09, right=0.98, top=0.82, bottom=0.15, wspace=0.3)
    women = people.sex == "female"
    panels = (("hip_flexion_deg", 1.0, "hip flexion at the end (°)"),
              ("fingertip_to_floor_m", 100.0, "fingertips to floor (cm)"))
    for ax, (key, scale, label) in zip(axes, panels):
        for sel, colour, marker, name in ((women, OKABE_ITO["vermillion"], "o", "women"),
                                          (~women, OKABE_ITO["blue"], "^", "men")):
            ax.scatter(slr[sel], scale * ends[key][sel], s=7, alpha=0.45, color=colour,
                       marker=marker, label=name, linewidths=0)
        lo, hi = pop.spread(scale * ends[key])
        ax.axhspan(lo, hi, color="#EEEEEE", zorder=0)
        ax.text(0.02, 0.96, f"8 in 10: {lo:.0f} to {hi:.0f}", transform=ax.transAxes,
                fontsize=8.5, va="top")
        _style_axes(ax, "passive SLR in the model (°)", label)
    axes[0].legend(loc="lower right", frameon=False, fontsize=8.5, markerscale=2)
    fig.suptitle(f"{len(people)} simulated people bend to touch their toes",
                 fontsize=12, fontweight="bold", color=_TEXT)
    _source(fig, "Model; people drawn by anatomy.model.population (sources and assumptions "
                 "in DISTRIBUTIONS).")
    return fig


def figure_sensitivity(result=None):
    """How the headline outputs move when each assumed parameter moves over its plausible
    range (the numbers from `anatomy.model.population.sensitivity`)."""
    from ..model import population as pop
    result = pop.sensitivity() if result is None else result
    ranges = result["ranges"]
    params = list(ranges)
    outputs = list(next(iter(result[p] for p in params)))
    fig = Figure(figsize=(_WIDTH_IN, 1.2 + 1.45 * len(outputs)))
    axes = fig.subplots(len(outputs), 1, sharex=False)
    fig.subplots_adjust(left=0.36, right=0.97, top=0.95, bottom=0.04, hspace=1.35)
    y = np.arange(len(params))[::-1]
    for ax, out in zip(np.atleast_1d(axes), outputs):
        base = result[params[0]][out][1]
        for yy, prm in zip(y, params):
            lo, _, hi = result[prm][out]
            ax.plot([lo, hi], [yy, yy], color=OKABE_ITO["blue"], linewidth=4,
                    solid_capstyle="butt")
            ax.plot([lo], [yy], "|", color=_TEXT, markersize=8)
        ax.axvline(base, color=OKABE_ITO["vermillion"], linewidth=1.2, linestyle="--")
        ax.set_yticks(y, [f"{p} {ranges[p][0]:g}-{ranges[p][1]:g}" for p in params],
                      fontsize=7)
        ax.set_title(f"{out}: {base:.1f} as fitted", fontsize=9, loc="left", color=_TEXT)
        ax.set_xlabel(out, fontsize=7.5)
        ax.set_ylabel("assumed\nparameter", fontsize=7)
        ax.tick_params(axis="x", labelsize=8)
        ax.grid(axis="x", **_GRID)
    fig.suptitle("Sensitivity: each assumed parameter over its plausible range (bar: low to "
                 "high; tick: low end)", fontsize=10.5, fontweight="bold", color=_TEXT)
    return fig


# ---------------------------------------------------------------------------------------------
# The labelled leg (notebook 01)
# ---------------------------------------------------------------------------------------------
def figure_meet_the_hamstrings(hip_flexion_deg=0.0, knee_flexion_deg=0.0):
    """The four hamstring heads from behind and from the side, labelled.

    Parameters
    ----------
    hip_flexion_deg, knee_flexion_deg : float
        The pose (degrees); the default, 0 and 0, is the anatomical position.

    Returns
    -------
    matplotlib.figure.Figure
        A 9 x 5.5 inch figure made without pyplot (so it is not kept in pyplot's list of
        open figures): the back view on the left, the side view on the right, both at the
        same scale.

    Examples
    --------
    >>> fig = figure_meet_the_hamstrings()
    >>> [ax.get_title() for ax in fig.axes]
    ['From behind', 'From the side (seen from the right)']
    """
    pose = pose_points(0.0, hip_flexion_deg, knee_flexion_deg)
    fig = Figure(figsize=(9.0, 5.5))
    fig.patch.set_facecolor("white")
    views = ("back", "side")
    axes = [fig.add_axes((0.0, 0.0, 0.5, 0.8)) for _ in views]
    arts = [leg_art.draw_leg(ax, pose, view=v) for ax, v in zip(axes, views)]

    # One scale for both views, as large as the figure allows.
    lm, paths = leg_art._single_pose(pose)
    fig_w, fig_h = 9.0 * 72, 5.5 * 72
    top_pt, bottom_pt, side_pt, between_pt = 46.0, 14.0, 4.0, 10.0
    items = [leg_art._label_items(lm, paths, v, True) for v in views]
    cols = [leg_art._columns_pt(it) for it in items]
    sizes = [a["extent"][1] - a["extent"][0] for a in arts]
    fixed_w = sum(left + right + 2 * leg_art._GAP_PT for left, right in cols)
    scale = min((fig_w - 2 * side_pt - between_pt - fixed_w) / sum(s[0] for s in sizes),
                (fig_h - top_pt - bottom_pt - leg_art._BOTTOM_PT - leg_art._TOP_PT) / max(s[1] for s in sizes))
    widths = [s[0] * scale + left + right + 2 * leg_art._GAP_PT for s, (left, right) in zip(sizes, cols)]
    height = max(s[1] for s in sizes) * scale + leg_art._BOTTOM_PT + leg_art._TOP_PT
    spare = (fig_w - 2 * side_pt - between_pt - sum(widths)) / 3
    x = side_pt + spare
    for ax, art, it, w in zip(axes, arts, items, widths):
        y = bottom_pt + 0.5 * (fig_h - top_pt - bottom_pt - height)
        ax.set_position((x / fig_w, y / fig_h, w / fig_w, height / fig_h))
        leg_art._set_limits(ax, *art["extent"], it, scale)
        leg_art.update_leg(art, pose)
        x += w + between_pt + spare

    if hip_flexion_deg == 0 and knee_flexion_deg == 0:
        title = "The hamstrings: right leg in the anatomical position"
    else:
        title = (f"The hamstrings: right leg, hip flexion {hip_flexion_deg:g}\u00b0, "
                 f"knee flexion {knee_flexion_deg:g}\u00b0")
    fig.suptitle(title, fontsize=13, fontweight="bold", color=leg_art._TEXT_COLOUR, y=0.985)
    fig.text(0.5, 0.006, "Each head is drawn as a line from origin to insertion (leg model "
             "of Delp et al. 1990). Line widths hint at bulk; they are not to scale.",
             ha="center", va="bottom", fontsize=7, color=palette.TEXT["muted"])
    return fig
