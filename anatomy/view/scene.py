"""The interactive picture: one figure, one small class per view, built once, then moved.

One `Scene` owns one figure and its views: `SideView` (the whole body in the task's setting,
seen from the subject's right), `BackView` (the back of the thigh), `PelvisView` (pelvis and
lumbar spine, magnified) and `ReadoutView` (title, status, numbers, the colour scale). Every
view has ``build(ax, points, posture)`` (make its artists once) and
``update(points, posture)`` (move them: ``set_data``, ``set_xy``, ``set_text``); the moving
artists of all views go into one shared collection that the scene redraws. No ``clear()``,
no new artist, no autoscale and no layout pass on a slider move. The flow is one way:

    slider value → task solver (anatomy.model) → Posture → Scene.update
        → ScenePoints (once per move) → each view's update → one redraw (blit)

Colours come from `anatomy.view.palette`; sizes from the scene's matplotlib style
(`anatomy.view.style.scene_style`: presenter mode is one ``rc_context``).

Each muscle's belly is coloured by how far it has gone from its length in the anatomical
position towards its length at the end of the person's SLR (`Posture.hamstring_range_used`) on the one
strain ramp (`palette.STRAIN_RAMP`); the scale is drawn on the figure, and every muscle is
also named in text and its numbers shown.
"""
from __future__ import annotations

import contextlib
import io
import textwrap
import weakref

import numpy as np
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.patches import Circle, Polygon

from . import leg_art, palette, picture_spec
from .sprite_text import sprite
from .outlines import bone_outlines, point_along, screen
from .style import presenter_mode, scene_style
from ..model.body import HEAD_RADIUS_M, posture_points
from ..model.muscles import FACTS, HAMSTRING_HEADS
from ..model.posture import Posture
from ..model.readouts import HEAD_QUANTITIES, QUANTITIES
from ..model.tasks import task_record

STRAIN_CMAP = LinearSegmentedColormap.from_list("hamstring_strain", list(palette.STRAIN_RAMP))
"""Calm → stretched → at its limit, over 'range used' from -0.5 to 1 (see `strain_colour`)."""
_RANGE_LO, _RANGE_HI = palette.STRAIN_RANGE


def strain_colour(range_used: float):
    """Colour of a muscle that has used ``range_used`` of its range (1 = at its limit)."""
    return STRAIN_CMAP(float(np.clip((range_used - _RANGE_LO) / (_RANGE_HI - _RANGE_LO), 0, 1)))


# Where along each head's path its belly lies (fractions of the path from origin to
# insertion), after the proportions of muscle to muscle-tendon length in Ward et al. 2009 and
# the tendon anatomy: ST has a long distal tendon, SM a long proximal tendon sheet and its
# belly low, BFlh a short proximal tendon shared with ST, BFsh fleshy almost to the knee.
BELLY_SPAN = {"semitendinosus": (0.10, 0.70), "semimembranosus": (0.30, 0.94),
              "biceps_femoris_long": (0.14, 0.90), "biceps_femoris_short": (0.05, 0.88)}
# Belly width on screen (m) in proportion to the square root of PCSA (Ward et al. 2009).
_WIDTH_PER_SQRT_CM2 = 0.0065

BACK_VIEW_X_M = (-0.40, 0.40)
"""Back view limits across the thigh (femur frame z, m): the leg and its labels."""
BACK_VIEW_Y_M = (-0.90, 0.20)
"""Back view limits along the thigh (femur frame y, m): iliac crest to ankle."""
ZOOM_X_M = (-0.27, 0.43)
ZOOM_Y_M = (-0.24, 0.42)
"""Zoom panel limits about the hip axis (m), wide enough for the lumbar spine bent 90°."""
ZOOM_BONES = ("hip_bone", "femur", "femoral_head")


def _belly_polygon(xy: np.ndarray, head: str) -> np.ndarray:
    """A tapered belly outline along a 2-D path (screen metres)."""
    seg = np.linalg.norm(np.diff(xy, axis=0), axis=1)
    s = np.concatenate([[0.0], np.cumsum(seg)])
    total = max(s[-1], 1e-9)
    a, b = BELLY_SPAN[head]
    u = np.linspace(a, b, 24)
    pts = np.stack([np.interp(u * total, s, xy[:, 0]), np.interp(u * total, s, xy[:, 1])], -1)
    tangent = np.gradient(pts, axis=0)
    tangent /= np.maximum(np.linalg.norm(tangent, axis=1, keepdims=True), 1e-12)
    normal = np.stack([-tangent[:, 1], tangent[:, 0]], -1)
    half = 0.5 * _WIDTH_PER_SQRT_CM2 * np.sqrt(FACTS[head].pcsa_cm2)
    w = half * np.sin(np.pi * (u - a) / (b - a)) ** 0.6
    return np.concatenate([pts + normal * w[:, None], (pts - normal * w[:, None])[::-1]])


class _ThighPoints:
    """Points seen from behind the thigh: every point in the femur's own frame."""

    def __init__(self, pts, frames):
        r, o = frames["femur"].rotation, frames["femur"].origin
        self.landmarks = {k: (v - o) @ r for k, v in pts.landmarks.items()}
        self.paths = {k: (v - o) @ r for k, v in pts.paths.items()}


class ScenePoints:
    """Everything the views need for one posture, computed once per move."""

    def __init__(self, posture: Posture, compare: "ScenePoints | None" = None,
                 label: str = ""):
        from ..model.body import _frames
        self.posture = posture
        self.body = posture_points(posture)
        self._frames = _frames(posture)[0]
        self._thigh = None
        self.compare = compare
        self.label = label
        self.target = None
        self.note = None

    @property
    def frames(self) -> dict:
        """The posture's segment frames (pelvis, femur, tibia) in ground."""
        return self._frames

    @property
    def thigh(self) -> _ThighPoints:
        if self._thigh is None:
            self._thigh = _ThighPoints(self.body, self._frames)
        return self._thigh


def _extent(postures):
    """Bounding box (side view, metres) of every body point over many postures."""
    lo, hi = np.full(2, np.inf), np.full(2, -np.inf)
    for p in postures:
        b = posture_points(p)
        # not the support: its line runs on past the picture's edges
        arrays = [np.array(list(b.landmarks.values())), b.lumbar.reshape(-1, 3), b.arm,
                  b.foot, b.other_leg, b.head_centre[None],
                  *[v for v in b.paths.values()]]
        allp = np.concatenate([a.reshape(-1, 3) for a in arrays])[:, :2]
        lo = np.minimum(lo, allp.min(0))
        hi = np.maximum(hi, allp.max(0))
    # room for the angle labels behind the body and the second person's name above it
    margin = HEAD_RADIUS_M + 0.04
    return lo - np.array([margin + 0.3, margin]), hi + np.array([margin, margin + 0.08])


def rot_z_2d(angle_deg: float) -> np.ndarray:
    """A 2-D rotation matrix (anticlockwise, degrees)."""
    a = np.radians(angle_deg)
    return np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])


def _arc(centre, v_from, v_to, radius, n=20, step=1.9):
    """Points of a circular arc about ``centre`` from direction ``v_from`` to ``v_to`` (the
    short way round), and the point at its middle one label-step further out."""
    a0 = np.arctan2(v_from[1], v_from[0])
    a1 = np.arctan2(v_to[1], v_to[0])
    d = (a1 - a0 + np.pi) % (2 * np.pi) - np.pi
    t = a0 + d * np.linspace(0.0, 1.0, n)
    pts = centre[None, :] + radius * np.stack([np.cos(t), np.sin(t)], -1)
    mid = a0 + 0.5 * d
    return pts, centre + step * radius * np.array([np.cos(mid), np.sin(mid)])


def _rot(v, angle_deg):
    return rot_z_2d(angle_deg) @ np.asarray(v, float)


def _lw(factor: float = 1.0) -> float:
    """A line width: ``factor`` times the style's base (read while a scene is being built)."""
    import matplotlib
    return factor * matplotlib.rcParams["lines.linewidth"]


def _fs(size="medium") -> float:
    """A font size relative to the style's base, in points (read while building)."""
    from matplotlib.font_manager import FontProperties
    return FontProperties(size=size).get_size_in_points()


# ------------------------------------------------------------------------------------------
# Views
# ------------------------------------------------------------------------------------------
class View:
    """One view of the scene: its artists on one axes, made once and then moved.

    Subclasses implement ``build(ax, points, posture)`` and ``update(points, posture)`` and
    register what moves with `moving` (the scene redraws those over a cached background).
    """

    def __init__(self, scene):
        self.scene = scene
        self.ax = None
        self.artists: list = []

    def moving(self, artist):
        """Register an artist that slider moves change; returns it.

        A plain text label becomes a `~anatomy.view.sprite_text.SpriteText`: on the screen
        it is drawn from a cache of its own pixels (text was half of a move's time)."""
        self.artists.append(sprite(artist))
        return artist

    static_changed = False
    """Set by `update` when a static artist of this view (drawn into the cached background,
    not redrawn per move) changed: the scene then redraws the background once."""

    def build(self, ax, points: ScenePoints, posture: Posture) -> None:
        raise NotImplementedError

    def update(self, points: ScenePoints, posture: Posture) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Let the artists go (the figure itself is closed by the scene)."""
        self.__dict__.clear()
        self.artists = []


def _add_bellies(view, ax, art, name):
    """A belly polygon per head over the tendon line ``art['muscles']`` (grey)."""
    bellies = {}
    for head, line in art["muscles"].items():  # the path becomes the tendon
        line.set_linewidth(_lw(1.6))
        line.set_color(palette.BODY["tendon"])
        line.set_path_effects([])
        poly = Polygon(np.zeros((3, 2)), closed=True, ec=palette.BODY["belly_edge"],
                       lw=_lw(0.6), zorder=line.get_zorder() + 0.01)
        bellies[head] = view.moving(ax.add_patch(poly))
    return bellies


def _move_leg(view, art, source, name, posture):
    """Bones, tendons and bellies of a `leg_art` drawing to a new pose."""
    for bone, outline in bone_outlines(source.landmarks, name).items():
        xy = screen(outline, name)
        art["bones"][bone].set_data(xy[:, 0], xy[:, 1])
        if bone in art["bone_fills"]:
            art["bone_fills"][bone].set_xy(xy)
    paths = {}
    for head in HAMSTRING_HEADS:
        xy = screen(source.paths[head], name)
        paths[head] = xy
        art["muscles"][head].set_data(xy[:, 0], xy[:, 1])
        poly = view.bellies[head]
        poly.set_xy(_belly_polygon(xy, head))
        poly.set_facecolor(strain_colour(posture.hamstring_range_used[head]))
    return paths


def _leg_moving(view, art):
    for a in (list(art["bones"].values()) + list(art["bone_fills"].values())
              + list(art["muscles"].values())):
        view.moving(a)


class SideView(View):
    """The whole body from the subject's right (anterior to the right), in its setting, with
    the joint angles drawn as arcs and a second (comparison) person drawn faintly."""

    name = "side"
    ARCS = ("pelvis", "hip", "knee", "trunk")

    def build(self, ax, points, posture):
        self.ax = ax
        pts = points.body
        art = leg_art.draw_leg(ax, pts, "side", labels=False, text_pt=_fs())
        self.art = art
        _leg_moving(self, art)
        self.bellies = _add_bellies(self, ax, art, "side")
        for ann in art["muscle_labels"].values():
            ann.remove()
        art["muscle_labels"] = {}
        # At whole-body scale the four heads overlap from the side: one label names the group
        # (the back view names each head).
        # (a Text and a Line2D, not an Annotation: its arrow patch costs a blit frame ~5x more)
        self.tag = self.moving(ax.text(
            0, 0, "hamstrings", fontsize=_fs(), ha="right", va="center", zorder=6,
            color=palette.TEXT["main"],
            bbox=dict(boxstyle="round,pad=0.2", fc="white", ec=palette.TEXT["muted"],
                      lw=_lw(0.8))))
        (self.tag_leader,) = ax.plot([], [], color=palette.TEXT["muted"], lw=_lw(0.9),
                                     zorder=5.9)
        self.moving(self.tag_leader)
        self.title = art["title"]
        self.title.set_text("")  # the figure's title names the task; the words below, the sides
        self.title.set_horizontalalignment("left")
        self.title.set_x(0.0)
        self.title.set_fontsize(_fs("large"))
        art["extras"]["directions"].set_fontsize(_fs())
        grey = palette.BODY["segment"]
        self.vertebrae = [self.moving(ax.add_patch(Polygon(
            np.zeros((4, 2)), closed=True, fc=palette.BONE["fill"], ec=palette.BONE["edge"],
            lw=_lw(0.8), zorder=2.2))) for _ in range(5)]
        (self.trunk,) = ax.plot([], [], color=grey, lw=_lw(6), solid_capstyle="round",
                                alpha=0.55, zorder=1.5)
        self.head = ax.add_patch(Circle((0, 0), HEAD_RADIUS_M, fc=palette.BODY["head_fill"],
                                        ec=grey, lw=_lw(), zorder=1.5))
        (self.arm,) = ax.plot([], [], color=grey, lw=_lw(4), solid_capstyle="round",
                              alpha=0.6, zorder=1.6)
        (self.other_leg,) = ax.plot([], [], color=palette.BODY["other_leg"], lw=_lw(5),
                                    solid_capstyle="round", zorder=0.8)
        (self.foot,) = ax.plot([], [], color=grey, lw=_lw(3), solid_capstyle="round",
                               zorder=1.4)
        (self.support,) = ax.plot([], [], color=palette.BODY["support"], lw=_lw(2.5),
                                  zorder=0.6)
        for a in (self.trunk, self.head, self.arm, self.other_leg, self.foot, self.support):
            self.moving(a)
        # joint angles: an arc from the reference direction, its value beside it
        self.arcs, self.refs, self.angle_text = {}, {}, {}
        st = picture_spec.ARC_STYLE
        for key in self.ARCS:
            colour = picture_spec.ARCS[key]["colour"]
            (self.arcs[key],) = ax.plot([], [], color=colour, lw=_lw(st["width"]),
                                        zorder=st["z"])
            (self.refs[key],) = ax.plot([], [], color=colour, lw=_lw(st["ref_width"]),
                                        ls=(0, tuple(st["ref_dash"])), zorder=st["ref_z"])
            self.angle_text[key] = ax.text(0, 0, "", fontsize=_fs(), zorder=st["text_z"],
                                           color=colour, ha="center", va="center")
            for a in (self.arcs[key], self.refs[key], self.angle_text[key]):
                self.moving(a)
        self.angle_text["lumbar"] = self.moving(ax.text(
            0, 0, "", fontsize=_fs(), zorder=st["text_z"],
            color=picture_spec.LUMBAR_LABEL["colour"], ha="right", va="center"))
        self._build_ghost(ax)
        self.nerve = None
        if self.scene.nerve:  # the sciatic nerve, its own piece (anatomy.view.nerve_art)
            from .nerve_art import NerveArt
            self.nerve = NerveArt(linewidth=_lw(picture_spec.NERVE["width"]),
                                  fontsize=_fs("small"))
            lying = abs(posture.frame_angle_deg) > 45.0
            self.nerve.build(ax, corner="upper left" if lying else "upper right")
            for a in self.nerve.artists:
                self.moving(a)
        lo, hi = self.scene._limits
        ax.set_xlim(lo[0], hi[0])
        ax.set_ylim(lo[1], hi[1])
        ax.set_anchor("SW")

    def _build_ghost(self, ax):
        """The comparison person: outlines only, dashed, semi-transparent, named."""
        spec = picture_spec.COMPARISON
        c = dict(color=spec["stroke"], alpha=spec["opacity"], zorder=spec["z"])
        dash, w = (0, tuple(spec["dash"])), spec["widths"]
        self.ghost = {}
        for name in self.art["bones"]:
            (self.ghost[name],) = ax.plot([], [], lw=_lw(w["bone"]), ls=dash, **c)
        for key in ("trunk", "arm", "other_leg", "foot", "spine"):
            (self.ghost[key],) = ax.plot([], [], lw=_lw(w[key]), ls=dash,
                                         solid_capstyle="round", **c)
        for head in HAMSTRING_HEADS:
            (self.ghost["belly:" + head],) = ax.plot([], [], lw=_lw(w["belly"]), **c)
        self.ghost["head"] = ax.add_patch(Circle((0, 0), HEAD_RADIUS_M, fill=False,
                                                 ls=dash, lw=_lw(w["head"]), ec=c["color"],
                                                 alpha=c["alpha"], zorder=spec["z"]))
        self.ghost_tag = ax.text(0, 0, "", fontsize=_fs(), color=spec["tag_colour"],
                                 ha="center", va="bottom", zorder=6,
                                 bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none",
                                           alpha=spec["tag_box_opacity"]))
        for a in [*self.ghost.values(), self.ghost_tag]:
            a.set_visible(False)
            self.moving(a)

    def update(self, points, posture):
        pts = points.body
        paths = _move_leg(self, self.art, pts, "side", posture)
        at, anchor, ha = group_tag_place(paths["semimembranosus"], posture)
        self.tag.set_horizontalalignment(ha)
        self.tag.set_position(tuple(at))
        self.tag_leader.set_data([at[0], anchor[0]], [at[1], anchor[1]])
        for poly, corners in zip(self.vertebrae, pts.lumbar):
            poly.set_xy(corners[:, :2])
        self.trunk.set_data(*np.stack([pts.l1_top, pts.shoulder])[:, :2].T)
        self.head.set_center(tuple(pts.head_centre[:2]))
        self.arm.set_data(*pts.arm[:, :2].T)
        self.other_leg.set_data(*pts.other_leg[:, :2].T)
        self.foot.set_data(*pts.foot[:, :2].T)
        self.support.set_data(*pts.support[:, :2].T)
        self._angles(pts, posture)
        self._ghost(points.compare)
        if self.nerve is not None:
            self.nerve.update(points, posture)

    def _angles(self, pts, posture):
        marks = angle_marks(pts, posture, upright_task=self.scene.task_solver == "upright")
        if "trunk" not in marks:  # the trunk keeps its angle to the pelvis
            for a in (self.arcs["trunk"], self.refs["trunk"], self.angle_text["trunk"]):
                a.set_visible(False)
        for key, m in marks.items():
            text = self.angle_text[key]
            text.set_horizontalalignment(m["ha"])
            text.set_position(tuple(m["label_at"]))
            text.set_text(m["text"])
            if key == "lumbar":
                continue
            arc = m["arc"]
            self.arcs[key].set_data(arc[:, 0], arc[:, 1])
            ref = m["ref"]
            self.refs[key].set_data(ref[:, 0], ref[:, 1])

    def _ghost(self, compare):
        shown = compare is not None
        for a in [*self.ghost.values(), self.ghost_tag]:
            a.set_visible(shown)
        if not shown:
            return
        posture, pts = compare.posture, compare.body
        g = self.ghost
        for name, outline in bone_outlines(pts.landmarks, "side").items():
            xy = screen(outline, "side")
            g[name].set_data(xy[:, 0], xy[:, 1])
        g["trunk"].set_data(*np.stack([pts.l1_top, pts.shoulder])[:, :2].T)
        g["arm"].set_data(*pts.arm[:, :2].T)
        g["other_leg"].set_data(*pts.other_leg[:, :2].T)
        g["foot"].set_data(*pts.foot[:, :2].T)
        spine = np.concatenate([pts.lumbar[:, :, :2].mean(axis=1), pts.l1_top[None, :2]])
        g["spine"].set_data(spine[:, 0], spine[:, 1])
        for head in HAMSTRING_HEADS:
            xy = _belly_polygon(screen(pts.paths[head], "side"), head)
            xy = np.concatenate([xy, xy[:1]])
            g["belly:" + head].set_data(xy[:, 0], xy[:, 1])
        g["head"].set_center(tuple(pts.head_centre[:2]))
        top = pts.head_centre[:2] + np.array(
            [0.0, HEAD_RADIUS_M * picture_spec.COMPARISON["tag_above_head"]])
        self.ghost_tag.set_position(tuple(top))
        self.ghost_tag.set_text(picture_spec.TEXT["comparison_tag"].format(label=compare.label))


def group_tag_place(sm_path, posture):
    """Where the side view's "hamstrings" tag goes: ``(text at, leader's end, ha)``.

    In free space: behind the thigh standing; seated on a chair or bench, below the seat;
    sitting on the floor, above the legs; lying supine, under the raised leg. ``sm_path``:
    the semimembranosus path on screen (m). The static course stores the same places.
    """
    anchor = point_along(sm_path, 0.8)
    upright = posture.frame_angle_deg == 0
    record = task_record(posture.task)
    seated = upright and record.hip_when_pelvis_neutral_deg >= 45.0
    if seated and record.setting == "floor":  # long sitting: above the legs, clear
        at, ha = anchor + np.array([0.0, 0.20]), "center"  # of the knee's angle
    elif seated:
        at, ha = anchor + np.array([0.02, -0.17]), "center"
    elif upright:
        at, ha = anchor + np.array([-0.13, 0.0]), "right"
    else:
        at, ha = anchor + np.array([0.33, -0.12]), "left"
    return at, anchor, ha


def angle_marks(pts, posture, upright_task: bool) -> dict:
    """The side view's joint-angle marks for one pose: what the kernel scene draws and the
    static course stores (``tools/build_site.py``), so both place them alike.

    ``{key: {"centre", "from_rad", "sweep_rad", "arc", "ref", "label_at", "ha", "text"}}``
    for the arcs (pelvis, hip, knee, and the trunk when ``upright_task``: elsewhere the trunk
    keeps its angle to the pelvis), and ``"lumbar"`` (a label only: ``label_at``, ``ha``,
    ``text``). Radii, lengths and words from `picture_spec` (``ARCS``, ``ARC_STYLE``).
    """
    q = QUANTITIES
    spec, style = picture_spec.ARCS, picture_spec.ARC_STYLE
    hip = pts.hip_axis[:2]
    knee = pts.landmarks["knee_joint_centre"][:2]
    ankle = pts.landmarks["ankle_joint_centre"][:2]
    s1 = pts.s1["s1_mid"][:2]
    thigh, shank = knee - hip, ankle - knee
    up_body = _rot(np.array([0.0, 1.0]), posture.frame_angle_deg)
    pelvis_now = s1 - hip
    pelvis_ref = _rot(pelvis_now, posture.pelvic_tilt_deg)  # where it was standing
    l1, shoulder = pts.l1_top[:2], pts.shoulder[:2]
    rows = {
        "pelvis": (hip, pelvis_ref, pelvis_now, "pelvic_tilt_deg"),
        "hip": (hip, _rot(thigh, -posture.hip_flexion_deg), thigh, "hip_flexion_deg"),
        "knee": (knee, thigh, shank, "knee_flexion_deg"),
        "trunk": (l1, up_body, shoulder - l1, "trunk_flexion_deg"),
    }
    if not upright_task:
        del rows["trunk"]
    upright = posture.frame_angle_deg == 0
    out = {}
    for key, (c, v0, v1, qkey) in rows.items():
        r = spec[key]["radius_m"]
        arc, label_at = _arc(c, v0, v1, r, n=style["samples"], step=style["label_step"])
        ref = c + v0 / max(np.linalg.norm(v0), 1e-9) * r * style["ref_length"]
        a0 = np.arctan2(v0[1], v0[0])
        sweep = (np.arctan2(v1[1], v1[0]) - a0 + np.pi) % (2 * np.pi) - np.pi
        ha = "center"
        if key == "pelvis":
            # along its arc's middle the label sat on the sacrum and the lowest vertebrae:
            # upright, behind the buttock; lying supine, above the belly
            label_at, ha = ((c + np.array([-0.11, 0.03]), "right") if upright
                            else (c + np.array([-0.15, 0.10]), "center"))
        elif key == "trunk" and abs(q[qkey].value(posture)) < 20.0:
            # a small angle's arc is short and its middle lies on the bone: the trunk's
            # label goes beside the chest, clear of the head
            label_at = c + _rot(np.array((0.06, 0.20)), posture.frame_angle_deg)
            ha = "left" if upright else "center"
        elif abs(q[qkey].value(posture)) < 20.0:
            # the hip's or knee's: in front of the joint, square to the bone below it
            # (a raised leg's front faces the head: the label must not sit on the leg)
            bone = v1 / max(np.linalg.norm(v1), 1e-9)
            side = np.array([-bone[1], bone[0]])  # the front of the bone
            if not upright and abs(bone[1]) > 0.7:  # a leg raised high: its front holds
                side = -side                       # the nerve's label, so behind it
            label_at = c + 0.06 * side
            ha = "left" if side[0] > 0.3 else ("right" if side[0] < -0.3 else "center")
        out[key] = {"centre": np.asarray(c, float), "from_rad": float(a0),
                    "sweep_rad": float(sweep), "arc": arc, "ref": np.stack([c, ref]),
                    "label_at": np.asarray(label_at, float), "ha": ha,
                    "text": picture_spec.TEXT["angle"].format(word=spec[key]["word"],
                                                             value=q[qkey].text(posture))}
    # beside the lumbar spine, on its back (away from the support when lying supine)
    l5, l1 = pts.lumbar[0].mean(axis=0)[:2], pts.lumbar[4].mean(axis=0)[:2]
    along = (l1 - l5) / max(np.linalg.norm(l1 - l5), 1e-9)
    dorsal = np.array([-along[1], along[0]]) * (1.0 if upright else -1.0)
    out["lumbar"] = {"label_at": l5 + 0.8 * (l1 - l5) + 0.22 * dorsal, "ha": "center",
                     "text": picture_spec.TEXT["angle"].format(
                         word=picture_spec.LUMBAR_LABEL["word"],
                         value=q["lumbar_flexion_deg"].text(posture))}
    return out


class BackView(View):
    """The back of the thigh, the camera turning with the thigh, so the three muscles always
    lie side by side as an atlas shows them (ST and SM medial, biceps femoris lateral)."""

    name = "back"

    def build(self, ax, points, posture):
        self.ax = ax
        thigh = points.thigh
        art = leg_art.draw_leg(ax, thigh, "back", labels=True, text_pt=_fs())
        self.art = art
        _leg_moving(self, art)
        self.bellies = _add_bellies(self, ax, art, "back")
        self.moving(art["landmarks"])
        self.moving(art["extras"]["midline"])
        # The labels stay where draw_leg laid them out (in the view's fixed limits); only
        # thin leader lines follow the muscles: no label layout on a slider move.
        ax.set_xlim(*BACK_VIEW_X_M)
        ax.set_ylim(*BACK_VIEW_Y_M)
        leg_art.update_leg(art, thigh)
        self.leaders = {}
        for group in ("muscle_labels", "landmark_labels"):
            for key, ann in art[group].items():
                muscle = group == "muscle_labels"
                # here colour means strain (the bellies): a head is named by its text and
                # its place, its label box and leader neutral (an identity colour such as SM's
                # blue would read as "slack" beside a fully stretched belly)
                colour = palette.TEXT["main"] if muscle else palette.TEXT["faint"]
                if muscle:
                    ann.get_bbox_patch().set_edgecolor(palette.TEXT["muted"])
                ann.arrow_patch.set_visible(False)
                (leader,) = ax.plot([], [], color=colour, lw=_lw(1.4 if muscle else 0.7),
                                    zorder=4.9)
                self.leaders[(group, key)] = (self.moving(leader), ann)
        self.title = art["title"]
        self.title.set_text("Back of the thigh")
        self.title.set_fontsize(_fs("large"))
        ax.set_anchor("N")

    def _lead(self, key, anchor):
        """Point a fixed label's leader line at ``anchor`` (screen metres)."""
        leader, ann = self.leaders[key]
        x, y = ann.get_position()
        leader.set_data([x, anchor[0]], [y, anchor[1]])

    def update(self, points, posture):
        thigh = points.thigh
        art = self.art
        paths = _move_leg(self, art, thigh, "back", posture)
        for head in HAMSTRING_HEADS:
            anchor = point_along(paths[head], leg_art._ANCHOR_FRACTION["back"][head])
            self._lead(("muscle_labels", head), anchor)
        marks = np.array([screen(thigh.landmarks[n], "back") for n in leg_art.LANDMARK_LABELS])
        art["landmarks"].set_data(marks[:, 0], marks[:, 1])
        for i, n in enumerate(leg_art.LANDMARK_LABELS):
            self._lead(("landmark_labels", n), marks[i])
        x, top, _ = leg_art._midline(thigh.landmarks, "back", BACK_VIEW_Y_M)
        art["extras"]["midline"].set_data([x, x], [top, BACK_VIEW_Y_M[0] + 0.03])


class PelvisView(View):
    """The pelvis and lumbar spine, magnified, drawn as the body lies (supine stays supine).

    Standing and sitting upright (where the radiographic angles are defined and measured),
    PI, PT and SS are drawn on the sacrum. In every other pose the view says so and shows what
    changes instead: the pelvis's rotation from standing and the lumbar flexion.
    """

    name = "pelvis"

    def build(self, ax, points, posture):
        self.ax = ax
        z = ax
        z.set_aspect("equal", adjustable="box")
        z.set_axis_off()
        corners = np.array([[x, y] for x in ZOOM_X_M for y in ZOOM_Y_M])
        corners = corners @ rot_z_2d(posture.frame_angle_deg).T  # the box turns with the body
        z.set_xlim(corners[:, 0].min(), corners[:, 0].max())
        z.set_ylim(corners[:, 1].min(), corners[:, 1].max())
        self.title = z.set_title("Pelvis and lumbar spine", fontsize=_fs("large"), pad=2)
        bone = dict(closed=True, fc=palette.BONE["fill"], ec=palette.BONE["edge"], lw=_lw(0.8))
        self.bones = {name: self.moving(z.add_patch(Polygon(np.zeros((3, 2)), zorder=1,
                                                            alpha=0.9, **bone)))
                      for name in ZOOM_BONES}
        self.sacrum = self.moving(z.add_patch(Polygon(
            np.zeros((3, 2)), closed=True, fc=palette.BONE["sacrum_fill"],
            ec=palette.BONE["edge"], lw=_lw(0.8), zorder=1.2)))
        self.vertebrae = [self.moving(z.add_patch(Polygon(np.zeros((4, 2)), zorder=2, **bone)))
                          for _ in range(5)]
        self.muscles = {}
        for head in HAMSTRING_HEADS[:3]:
            (line,) = z.plot([], [], lw=_lw(5), solid_capstyle="round", zorder=1.5)
            self.muscles[head] = self.moving(line)
        c = palette.ANGLES
        self.lines = {}
        for key, colour, width, style, zorder in (
                ("endplate", c["endplate"], 2.2, "-", 4.2), ("pt", palette.OKABE_ITO["bluish_green"], 1.5, "-", 4.1),
                ("normal", palette.OKABE_ITO["reddish_purple"], 1.3, "-", 4.1),
                ("vertical", palette.OKABE_ITO["bluish_green"], 1.0, (0, (3, 2)), 4.1),
                ("horizontal", palette.OKABE_ITO["blue"], 1.0, (0, (3, 2)), 4.1)):
            (line,) = z.plot([], [], color=colour, lw=_lw(width), ls=style, zorder=zorder)
            self.lines[key] = self.moving(line)
        (self.hip_axis,) = z.plot([], [], ls="none", marker="o", ms=_lw(6), mfc="white",
                                  mec=palette.OKABE_ITO["bluish_green"], mew=1.5, zorder=4.3)
        self.moving(self.hip_axis)
        box = dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85)
        self.text = {k: self.moving(z.text(0, 0, "", fontsize=_fs(), color=c[k], zorder=6,
                                           bbox=box)) for k in ("pt", "ss", "pi")}
        self.text["ll"] = self.moving(z.text(0.02, 0.98, "", fontsize=_fs(),
                                             color=palette.TEXT["secondary"], zorder=6,
                                             bbox=box, transform=z.transAxes, va="top",
                                             ha="left"))
        # the words that do not change with the pose are static (text is the costliest
        # thing to draw per move): under the two lines of numbers, shown outside upright poses
        self.note = z.annotate("(X-ray angles:\nupright only)", xy=(0.02, 0.98),
                               xycoords="axes fraction", xytext=(0.0, -2.45 * _fs()),
                               textcoords="offset points", fontsize=_fs(), va="top",
                               ha="left", color=palette.TEXT["secondary"], zorder=6,
                               bbox=box, visible=False)

    def update(self, points, posture):
        pts = points.body
        c = pts.hip_axis

        def local(p):
            return np.asarray(p)[..., :2] - c[:2]

        outlines = bone_outlines(pts.landmarks, "side")
        for name, poly in self.bones.items():
            poly.set_xy(local(outlines[name]))
        for poly, corners in zip(self.vertebrae, pts.lumbar):
            poly.set_xy(local(corners))
        for head, line in self.muscles.items():
            xy = local(pts.paths[head][:4])
            line.set_data(xy[:, 0], xy[:, 1])
            line.set_color(strain_colour(posture.hamstring_range_used[head]))
        a, p, m = (local(pts.s1[k]) for k in ("s1_anterior", "s1_posterior", "s1_mid"))
        h = np.zeros(2)
        along = (a - p) / np.linalg.norm(a - p)
        into = np.array([along[1], -along[0]])  # perpendicular, into the sacrum
        # a schematic sacrum: a wedge below the endplate, curving back to its tip
        self.sacrum.set_xy(np.array([p, a, m + into * 0.06 + along * 0.005,
                                     m + into * 0.11 - along * 0.025,
                                     m + into * 0.05 - along * 0.04]))
        L = self.lines
        L["endplate"].set_data([p[0] - (a[0] - p[0]) * 0.6, a[0] + (a[0] - p[0]) * 0.9],
                               [p[1] - (a[1] - p[1]) * 0.6, a[1] + (a[1] - p[1]) * 0.9])
        L["pt"].set_data([h[0], m[0]], [h[1], m[1]])
        span = np.linalg.norm(m - h)
        L["normal"].set_data([m[0], m[0] + into[0] * span], [m[1], m[1] + into[1] * span])
        L["vertical"].set_data([h[0], h[0]], [h[1], h[1] + span * 1.15])
        L["horizontal"].set_data([a[0] - 0.03, a[0] + 0.09], [a[1], a[1]])
        self.hip_axis.set_data([0.0], [0.0])
        t = self.text
        q = QUANTITIES
        xray = radiographic(posture)
        for artist in (*L.values(), *(t[k] for k in ("pt", "ss", "pi"))):
            artist.set_visible(xray)
        t["pt"].set_position((h[0] + 0.02, h[1] - 0.06))
        t["pt"].set_text(f"PT {q['radiographic_pelvic_tilt_deg'].text(posture)}")
        t["ss"].set_position((a[0] + 0.05, a[1] - 0.045))
        t["ss"].set_text(f"SS {q['sacral_slope_deg'].text(posture)}")
        t["pi"].set_position((m[0] + into[0] * span * 0.55 - 0.11,
                              m[1] + into[1] * span * 0.55))
        t["pi"].set_text(f"PI {q['pelvic_incidence_deg'].text(posture)}")
        if xray:  # one line, upper left, above the lordosis it names
            corner = (0.02, "left")
            t["ll"].set_text(f"lordosis L1-S1 {q['lumbar_lordosis_deg'].text(posture)}")
        else:  # in the upper corner farther from the spine's top and the femur's far end
            x0, x1 = self.ax.get_xlim()
            y1 = self.ax.get_ylim()[1]
            ends = local(np.stack([pts.l1_top, pts.landmarks["knee_joint_centre"]]))
            clear = [np.min(np.hypot(ends[:, 0] - x, ends[:, 1] - y1)) for x in (x0, x1)]
            corner = (0.98, "right") if clear[1] > clear[0] else (0.02, "left")
            t["ll"].set_text(f"pelvic tilt {q['pelvic_tilt_deg'].text(posture)}\n"
                             f"lumbar flexion {q['lumbar_flexion_deg'].text(posture)}")
        t["ll"].set_position((corner[0], 0.98))
        t["ll"].set_ha(corner[1])
        note = (not xray, corner)
        if note != (self.note.get_visible(), (self.note.xy[0], self.note.get_ha())):
            self.note.set_visible(not xray)
            self.note.xy = (corner[0], 0.98)
            self.note.set_ha(corner[1])
            self.static_changed = True


def radiographic(posture) -> bool:
    """Whether the radiographic angles (PI, PT, SS) mean something in this pose: standing or
    sitting with the trunk upright (they are defined and measured that way)."""
    return posture.frame_angle_deg == 0.0 and abs(posture.trunk_flexion_deg) <= 5.0


class ReadoutView(View):
    """Title, honest-state message, the numbers (of both persons) and the colour scale.

    The title is part of the static background: when it changes (a new task), the scene
    draws the whole figure once more. The status message moves with the pose.
    """

    name = "readout"

    def build(self, ax, points, posture):
        self.ax = ax
        fig = ax.figure
        ax.set_axis_off()
        # The title lives in an axes, not on the figure: a figure-level animated artist would
        # be left out of saved pictures.
        self.title = ax.text(0.01, 0.985, "", transform=fig.transFigure, ha="left",
                             va="top", fontsize=_fs("large"), fontweight="bold")
        visible = self.scene.readout_in_figure
        self.readout = self.moving(ax.text(0.0, 1.0, "", va="top", ha="left",
                                           family="monospace", fontsize=_fs(),
                                           transform=ax.transAxes, linespacing=1.25,
                                           visible=visible))
        self.readout_right = self.moving(ax.text(0.58, 1.0, "", va="top", ha="left",
                                                 family="monospace", fontsize=_fs(),
                                                 transform=ax.transAxes, linespacing=1.25,
                                                 visible=visible))
        self.status = self.moving(ax.text(0.01, 0.925, "", va="top", ha="left",
                                          fontsize=_fs(), fontweight="bold",
                                          transform=fig.transFigure,
                                          color=palette.TEXT["warning"]))
        cax = ax.inset_axes([0.03, 0.07, 0.94, 0.07])
        grad = np.linspace(_RANGE_LO, _RANGE_HI, 256)[None, :]
        cax.imshow(grad, aspect="auto", cmap=STRAIN_CMAP, extent=(_RANGE_LO, _RANGE_HI, 0, 1))
        cax.set_yticks([])
        cax.set_xticks([_RANGE_LO, 0.0, _RANGE_HI])
        cax.set_xticklabels(picture_spec.TEXT["legend_ticks"], fontsize=_fs())
        cax.tick_params(length=2, pad=1)
        for tick, ha in zip(cax.get_xticklabels(), ("left", "center", "right")):
            tick.set_horizontalalignment(ha)
        title = picture_spec.TEXT["legend_title"]
        if self.scene.presenter:  # 18-pt type in the presenter's narrower column
            title = "\n".join(textwrap.wrap(title.replace("\n", " "), 34))
        cax.set_title(title, fontsize=_fs(), pad=3, loc="left", linespacing=1.1)
        self.scale = cax

    def update(self, points, posture):
        compare = points.compare
        left, right = readout_columns(posture, compact=self.scene.presenter,
                                      compare=None if compare is None else compare.posture)
        self.readout.set_text(left)
        self.readout_right.set_text(right)
        # the second column starts after the first, however wide the first is (two people
        # at presenter sizes are wider than the default 58%): monospace, so from its length
        chars = max(len(line) for line in left.split("\n")) + 1.0
        width_px = self.ax.get_position().width * self.ax.figure.get_figwidth() * \
            self.ax.figure.dpi
        needed = chars * MONO_ADVANCE_EM * self.readout.get_fontsize() * \
            self.ax.figure.dpi / 72.0 / width_px
        self.readout_right.set_x(max(0.58, needed))
        self.status.set_text(status_text(posture, points.target, points.note))

    def stage(self, posture) -> bool:
        """Set the title; True when it changed (the background must be redrawn)."""
        title = self.scene.fixed_title or task_record(posture.task).title
        changed = title != self.title.get_text()
        self.title.set_text(title)
        return changed

    @contextlib.contextmanager
    def shown(self):
        """The numbers drawn in, whatever the screen setting (for saved pictures)."""
        was = self.readout.get_visible()
        for text in (self.readout, self.readout_right):
            text.set_visible(True)
        try:
            yield
        finally:
            for text in (self.readout, self.readout_right):
                text.set_visible(was)


def status_text(posture, target=None, note=None) -> str:
    """The honest-state message: what stopped the pose and where ("" when it was reached).

    ``target`` is what the slider asked for (degrees), ``note`` a message from the panel
    (the joint explorer says which joint stopped).
    """
    if note:
        return note
    if posture.reachable:
        return ""
    limit = getattr(posture, "limited_by", None) or "hamstrings"
    why = f"{limit} at {'their' if limit == 'hamstrings' else 'its'} limit"
    record = task_record(posture.task)
    if posture.held_past_limit:  # drawn as asked (long sitting): nothing stopped it
        return (f"Past the hamstrings' limit: {posture.hamstring_moment_nm:.0f} N·m on them, "
                f"this person tolerates {posture.tolerance_nm:.0f} N·m (drawn as asked)")
    spec = record.slider
    if spec is None or spec.name not in QUANTITIES:
        return f"Stopped: {why}"
    q = QUANTITIES[spec.name]
    asked = "" if target is None else f" (asked for {q.number(target)}{q.unit})"
    what = spec.label.split(" (")[0].lower()
    return f"Stopped at {q.text(posture)} of {what}{asked}: {why}"


_OPEN = weakref.WeakValueDictionary()


class Scene:
    """A figure with a side view, a back view, a pelvis close-up and readouts, moved in place.

    Parameters
    ----------
    posture
        The first posture to show (default: quiet standing).
    presenter
        Large type and thick lines for a projector; default: the `anatomy.present` setting.
    name
        Figure name. Building a scene with a name that is already open closes the old figure
        first, so re-running a notebook cell does not pile up figures.
    limits_from
        Postures whose extent fixes the side view's limits (default: a sweep of the task at
        short and long hamstrings). Limits never change on `update`.
    nerve
        Draw the sciatic nerve in the side view, on its own colour scale (the nerve tests:
        `anatomy.view.nerve_art`).

    Attributes
    ----------
    views : dict
        ``{"side": SideView, "back": BackView, "pelvis": PelvisView, "readout": ReadoutView}``.

    Examples
    --------
    >>> import anatomy
    >>> from anatomy.view.scene import Scene
    >>> scene = Scene(anatomy.standing())
    >>> scene.update(anatomy.forward_bend(60.0))
    >>> scene.posture.task
    'forward_bend'
    >>> scene.close()
    """

    closed = False

    def __init__(self, posture: Posture | None = None, *, presenter: bool | None = None,
                 name: str = "hamstring-explainer", limits_from=None,
                 readout_in_figure: bool = True, blit: bool = True, title: str | None = None,
                 nerve: bool = False):
        import matplotlib.pyplot as plt

        from ..model.posture import standing, sweep

        posture = posture if posture is not None else standing()
        self.presenter = presenter_mode() if presenter is None else bool(presenter)
        self.name = name
        old = _OPEN.get(name)
        if old is not None:
            old.close()
        plt.close(name)
        self.task = posture.task
        self.task_solver = task_record(posture.task).solver
        self.readout_in_figure = bool(readout_in_figure)
        self.fixed_title = title
        self.blit = bool(blit)
        self.nerve = bool(nerve)
        self._background = None
        if limits_from is None:
            limits_from = self._task_range(posture, sweep)
        self._limits = _extent(limits_from)
        points = ScenePoints(posture)
        with scene_style(self.presenter):
            self._build(points, posture, plt)
        _OPEN[name] = self
        # drawn in zorder, as a full draw would, so a blitted frame looks the same
        self._animated = sorted((a for v in self.views.values() for a in v.artists),
                                key=lambda a: a.get_zorder())
        for artist in self._animated:
            artist.set_animated(self.blit)
        self._cid = self.figure.canvas.mpl_connect("draw_event", self._on_draw)
        self.update(posture)

    def _build(self, points, posture, plt):
        big = self.presenter
        # 9 in (900 px) wide: the notebook column of a 1366-px laptop screen, with the sliders
        # under it and both on a 900-px-high screen; presenter: 13.6 x 10 in, the height of a
        # 1920x1080 projector with the controls in a column beside it.
        figsize = (13.6, 10.0) if big else (9.0, 5.6)
        with plt.ioff():
            fig = plt.figure(num=self.name, figsize=figsize, dpi=100)
        self.figure = fig
        # the side view dominates; the close-up (or, toggled, the back of the thigh) and the
        # numbers share the right-hand column
        # the side view as wide as its poses need at the full height, within 45-62% of the width
        (x0, y0), (x1, y1) = self._limits
        w_in, h_in = figsize
        side = float(np.clip((0.85 * h_in) * (x1 - x0) / (y1 - y0) / w_in, 0.45, 0.62))
        gs = fig.add_gridspec(2, 2, width_ratios=[side, 1.0 - side], height_ratios=[1.0, 1.0],
                              left=0.005, right=0.99, bottom=0.01, top=0.86, wspace=0.04,
                              hspace=0.06)
        axes = {"side": fig.add_subplot(gs[:, 0]), "pelvis": fig.add_subplot(gs[0, 1]),
                "back": fig.add_subplot(gs[0, 1]), "readout": fig.add_subplot(gs[1, 1])}
        self.views = {"side": SideView(self), "pelvis": PelvisView(self),
                      "back": BackView(self), "readout": ReadoutView(self)}
        for key, view in self.views.items():
            view.build(axes[key], points, posture)
        self.secondary = "pelvis"
        self._show_secondary("pelvis")
        # matplotlib's keyboard shortcuts (l: log scale, g: grid, ...) would change the picture
        # in ways Reset cannot undo: off on every scene's canvas
        manager = getattr(fig.canvas, "manager", None)
        if manager is not None and getattr(manager, "key_press_handler_id", None) is not None:
            fig.canvas.mpl_disconnect(manager.key_press_handler_id)
            manager.key_press_handler_id = None

    SECONDARY = ("pelvis", "back")
    """The views that can take the top-right place (`show_secondary`)."""

    def _show_secondary(self, name):
        for key in self.SECONDARY:
            view = self.views[key]
            view.ax.set_visible(key == name)
            for artist in view.artists:
                artist.set_visible(key == name)
        self.secondary = name

    def show_secondary(self, name: str) -> None:
        """Show ``"pelvis"`` (the close-up) or ``"back"`` (the back of the thigh) top right."""
        from ..model._validate import choice
        choice("name", name, self.SECONDARY)
        if name == self.secondary:
            return
        self._show_secondary(name)
        self._background = None
        self.update(self.posture, **self._last)

    @staticmethod
    def _task_range(posture, sweep):
        from ..model.posture import joint_pose
        if task_record(posture.task).solver == "joints":
            return [joint_pose(t, h, k) for t in (-30.0, 30.0) for h in (-30.0, 120.0)
                    for k in (0.0, 130.0)]
        steps = []
        for slr in (45.0, 100.0):
            steps += sweep(posture.task, slr_deg=slr,
                           pelvic_incidence_deg=posture.pelvic_incidence_deg)[::10]
        return steps + [posture]

    @property
    def limits(self):
        """The side view's fixed data limits ``((x0, y0), (x1, y1))``, metres: every pose of
        the task fits them (the static course draws with the same limits)."""
        return self._limits

    # views, by name, for code that reads one artist (tests, exports)
    @property
    def side(self) -> SideView:
        return self.views["side"]

    @property
    def back(self) -> BackView:
        return self.views["back"]

    @property
    def pelvis(self) -> PelvisView:
        return self.views["pelvis"]

    @property
    def info(self) -> ReadoutView:
        return self.views["readout"]

    @property
    def status(self):
        """The honest-state message (empty when the pose is reached)."""
        return self.info.status

    # ---------------------------------------------------------------------------------------
    # Hand-written blitting (speed: redraw only what moves over a cached background; about
    # 2x faster per move than a full Agg draw of the figure, see benchmarks/scene.py).
    def _on_draw(self, event):
        """After a full draw (first show, resize, save): keep the static background."""
        if not self.blit or self.figure.canvas.is_saving():
            return
        canvas = self.figure.canvas
        if not hasattr(canvas, "copy_from_bbox"):
            return
        self._background = canvas.copy_from_bbox(self.figure.bbox)
        self._draw_moving()

    def _draw_moving(self):
        fig = self.figure
        for artist in self._animated:
            if artist.get_visible():
                fig.draw_artist(artist)

    def _show(self):
        canvas = self.figure.canvas
        if hasattr(canvas, "_force_full"):
            # ipympl (webagg) sends a frame as a "diff" of changed pixels once the browser has
            # had one whole frame. The browser loads each frame as an image, asynchronously; a
            # frame that arrives before the previous one has loaded replaces it unseen. Losing
            # a whole frame that way left a canvas blank for good (the diffs after it are
            # drawn over nothing), and losing a diff leaves stale pixels. Whole frames are
            # self-sufficient: a lost one is repaired by the next. Cost: none measurable; a
            # whole 900x500 frame encodes in about 15 ms, a diff frame in about 18 ms with its
            # comparison (benchmarks/scene.py, "PNG encoding").
            canvas._force_full = True
        if self.blit and self._background is not None:
            canvas.restore_region(self._background)
            self._draw_moving()
            canvas.blit(self.figure.bbox)
        else:
            canvas.draw_idle()

    def update(self, posture: Posture, *, compare: Posture | None = None,
               compare_label: str = "", target: float | None = None,
               note: str | None = None) -> None:
        """Show ``posture``: move every view's artists, then one redraw.

        ``compare`` is a second person drawn faintly in the side view (its numbers beside
        the first's), ``compare_label`` names it; ``target`` is what the slider asked for
        and ``note`` a message to show instead of the usual status (both for the honest-state
        message). The redraw is one ``draw_idle``, or, once the canvas has been drawn, a blit
        of the moving artists over the cached static background.
        """
        if self.closed:
            raise RuntimeError("this figure was closed (re-running its cell made a new one); "
                               "use the newest panel")
        other = None if compare is None else ScenePoints(compare, label=compare_label)
        points = ScenePoints(posture, other, compare_label)
        points.target, points.note = target, note
        for key, view in self.views.items():
            if key in self.SECONDARY and key != self.secondary:
                continue  # hidden: moved when it is shown
            view.update(points, posture)
        restage = self.info.stage(posture)
        for view in self.views.values():  # a view's static words changed: redraw them once
            restage |= view.static_changed
            view.static_changed = False
        self.posture = posture
        self._last = dict(compare=compare, compare_label=compare_label, target=target,
                          note=note)
        if restage:
            self._background = None
        self._show()

    # ---------------------------------------------------------------------------------------
    def png(self, dpi: int = 200) -> bytes:
        """The current view as PNG bytes (with the readouts drawn in)."""
        buf = io.BytesIO()
        with self.info.shown():
            self.figure.savefig(buf, format="png", dpi=dpi)
        return buf.getvalue()

    def save(self, path, dpi: int = 200) -> str:
        """Save the current view to ``path`` (.png at ``dpi``, or .svg / .pdf); returns it."""
        from .export import save_figure
        with self.info.shown():
            return save_figure(self.figure, path, dpi=dpi)

    def close(self) -> None:
        """Close the figure and free its memory and its widget.

        Re-running a notebook cell builds a new scene of the same name, which closes the old
        one. IPython's output history may still hold the old object, so closing also empties
        the figure and drops the cached picture: what stays referenced is small.
        """
        import matplotlib.pyplot as plt
        if self.closed:
            return
        self.figure.canvas.mpl_disconnect(self._cid)
        self._background = None
        self._animated = []
        plt.close(self.figure)
        self.figure.clear()  # after closing, not on the update path
        canvas = self.figure.canvas
        canvas.__dict__.pop("renderer", None)  # the Agg pixel buffer
        if hasattr(canvas, "_last_buff"):  # webagg/ipympl: the last frame sent (2 MB)
            canvas._last_buff = np.empty((0, 0), dtype=np.uint32)
        if getattr(canvas, "_data_url", None) is not None:  # ipympl: that frame as a PNG
            canvas._data_url = None
        for view in self.views.values():  # let the artists go, even if the object is kept
            view.close()
        self.views = {}
        self.closed = True
        if _OPEN.get(self.name) is self:
            del _OPEN[self.name]


# ------------------------------------------------------------------------------------------
# Readout text (from the one readout table, anatomy.model.readouts)
# ------------------------------------------------------------------------------------------
_ANGLE_KEYS = ("trunk_flexion_deg", "pelvic_tilt_deg", "lumbar_lordosis_deg",
               "lumbar_flexion_deg", "hip_flexion_deg", "knee_flexion_deg")


def readout_text(posture: Posture) -> str:
    """The readout panel's text for a posture (fixed-width lines), both columns."""
    left, right = readout_columns(posture)
    return left + "\n" + right


MONO_ADVANCE_EM = 0.602
"""Width of one character of the monospace readout (DejaVu Sans Mono), in ems."""


def readout_columns(posture: Posture, compact: bool = False,
                    compare: Posture | None = None) -> tuple[str, str]:
    """The readout as two columns: the angles, then each head's % of its range used and the
    task's own readouts; with ``compare``, the second person's numbers beside the first's.

    Every line is rendered from `anatomy.model.readouts` (short label, unit, rounding). A
    head's % is its range used (0% standing, 100% at its limit; "<0%" shorter than standing).
    ``compact`` (presenter mode) leaves out lumbar flexion and the task's readouts, so two
    columns at 18 pt fit the panel.
    """
    people = [posture] + ([] if compare is None else [compare])
    rows = [person_rows(p, compact) for p in people]
    width = max(len(label) for label, _ in rows[0][0][1:])  # the SLR row: a short label
    angles = [f"{label:<{width}}" + "".join(f"{r[0][i][1]:>5}" for r in rows)
              for i, (label, _) in enumerate(rows[0][0])]
    if compact and compare is not None:  # two people at 18 pt: the % goes in a header
        lines = ["% used"] + [f"{label:<4}" + "".join(f"{r[1][i][1].rstrip('%'):>4}"
                                                        for r in rows)
                              for i, (label, _) in enumerate(rows[0][1])]
    else:
        lines = [f"{label:<4}" + "".join(f"{r[1][i][1]:>6}" for r in rows)
                 for i, (label, _) in enumerate(rows[0][1])]
    if not compact:
        for key in task_record(posture.task).readouts:
            if len(lines) + 2 > len(angles):  # no taller than the angles: the colour scale
                break                         # sits under them (the table has the rest)
            q = QUANTITIES[key]
            lines += [q.short, " ".join(q.text(p) for p in people)]
    return "\n".join(angles), "\n".join(lines)


def person_rows(posture: Posture, compact: bool = False):
    """One person's numbers as the figure's readout shows them: ``(angles, heads)``, each a
    list of ``(short label, text)``: the passive SLR (who this is) and the angles, then each
    head's % of its range used. `readout_columns` sets them side by side for two persons;
    the static course shows the same rows for its comparison person."""
    keys = [k for k in _ANGLE_KEYS if not compact or k != "lumbar_flexion_deg"]
    angles = [("SLR", QUANTITIES["slr_deg"].text(posture))] + [
        (QUANTITIES[k].short, QUANTITIES[k].text(posture)) for k in keys]
    heads = [(FACTS[h].abbreviation, _used_text(posture, h)) for h in HAMSTRING_HEADS]
    return angles, heads


def _used_text(posture, head) -> str:
    """A head's % of its range used, never above 100% (no pose past the limit is drawn) and
    "<0%" when it is shorter than standing (the colour scale's "shorter" end)."""
    v = HEAD_QUANTITIES["range_used"].value(posture, head)
    if v < -0.5:
        return "<0%"
    return f"{min(round(v), 100) + 0:d}%"


__all__ = ["Scene", "View", "SideView", "BackView", "PelvisView", "ReadoutView",
           "ScenePoints", "status_text", "angle_marks", "group_tag_place", "radiographic", "STRAIN_CMAP", "strain_colour", "readout_text", "readout_columns", "person_rows",
           "rot_z_2d", "BELLY_SPAN"]
