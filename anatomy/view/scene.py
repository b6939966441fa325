"""The interactive picture: side and back views built once, then updated in place.

One `Scene` owns one figure. It is built once (bones, muscles, spine, labels, angle marks,
readouts, colour scale) and `Scene.update` only moves artists (``set_data``, ``set_xy``,
``set_text``, ``set_color``) and asks for one ``draw_idle``: no ``clear()``, no new figure, no
autoscale and no layout pass on a slider move. The flow is one way:

    slider value → task solver (anatomy.posture) → Posture → Scene.update → artists → draw

Views
-----
*Side*: the whole body seen from the subject's right (anterior to the right), in the task's
own setting (floor, table or chair). *Back*: the thigh seen from behind, with the camera
turning with the thigh, so the three muscles always lie side by side as an atlas shows them
(semitendinosus and semimembranosus medial, biceps femoris lateral). Both views are
projections of the same 3-D model.

Colours
-------
Each muscle's belly is coloured by how far it has gone from its length in the anatomical
position towards its maximum tolerated length (`Posture.hamstring_range_used`): calm (blue),
stretched (orange, where passive tension starts in the model), at its limit (vermillion).
The colours are from the Okabe-Ito colour-blind-safe set, the scale is drawn on the figure,
and every muscle is also named in text and its length shown in numbers.
"""
from __future__ import annotations

import io
import weakref

import numpy as np
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.patches import Circle, Polygon

from . import drawing
from .style import PRESENTER_MIN_PT, presenter_mode
from ..model.body import posture_points
from ..model.muscles import FACTS, HAMSTRING_HEADS, muscle_tendon_length
from ..model.posture import SLACK_FRACTION, Posture
from ..model.tasks import task_record

_CALM, _STRETCHED, _LIMIT = "#56B4E9", "#E69F00", "#D55E00"  # Okabe-Ito
STRAIN_CMAP = LinearSegmentedColormap.from_list(
    "hamstring_strain", [(0.0, _CALM), (0.33, "#CFE6F2"), (0.62, "#F3E3C3"),
                         (0.9, _STRETCHED), (1.0, _LIMIT)])
"""Calm → stretched → at its limit, over 'range used' from -0.5 to 1 (see `strain_colour`)."""
_RANGE_LO = -0.5


def strain_colour(range_used: float):
    """Colour of a muscle that has used ``range_used`` of its range (1 = at its limit)."""
    return STRAIN_CMAP(float(np.clip((range_used - _RANGE_LO) / (1 - _RANGE_LO), 0, 1)))


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

_ARTIST_ATTRIBUTES = (
    "side_art", "back_art", "bellies", "back_leaders", "side_tags", "zoom_bones",
    "zoom_muscles", "zoom_text", "angle_text", "vertebrae", "zoom_vertebrae", "zoom_sacrum",
    "trunk", "head", "arm", "other_leg", "foot", "support", "endplate", "pt_line", "normal",
    "vertical", "horizontal", "hip_axis", "readout", "readout_right", "status", "_title", "_cax", "side_title",
    "ax_side", "ax_back", "ax_zoom", "ax_info")  # switched by anatomy.present (the view's only setting)


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


def _extent(postures):
    """Bounding box (side view, metres) of every body point over many postures."""
    lo, hi = np.full(2, np.inf), np.full(2, -np.inf)
    for p in postures:
        b = posture_points(p)
        arrays = [np.array(list(b.landmarks.values())), b.lumbar.reshape(-1, 3), b.arm,
                  b.foot, b.other_leg, b.support, b.head_centre[None],
                  *[v for v in b.paths.values()]]
        allp = np.concatenate([a.reshape(-1, 3) for a in arrays])[:, :2]
        lo = np.minimum(lo, allp.min(0))
        hi = np.maximum(hi, allp.max(0))
    from ..model.body import HEAD_RADIUS_M
    return lo - HEAD_RADIUS_M - 0.04, hi + HEAD_RADIUS_M + 0.04


_OPEN = weakref.WeakValueDictionary()


class Scene:
    """A figure with a side view, a back view and a readout panel, updated in place.

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

    def __init__(self, posture: Posture | None = None, *, presenter: bool | None = None,
                 name: str = "hamstring-explainer", limits_from=None,
                 readout_in_figure: bool = True, blit: bool = True, title: str | None = None):
        import matplotlib.pyplot as plt

        from ..model.posture import standing, sweep

        posture = posture if posture is not None else standing()
        self.presenter = presenter_mode() if presenter is None else bool(presenter)
        self.name = name
        old = _OPEN.get(name)
        if old is not None:
            old.close()
        plt.close(name)
        big = self.presenter
        self._fs = 18 if big else 9  # points; presenter text is at least 18 pt
        self._lw = 2.0 if big else 1.0
        # at most 9 in (900 px) wide: the notebook column of a 1366-px laptop screen
        figsize = (15.0, 8.3) if big else (9.0, 5.0)
        with plt.ioff():
            fig = plt.figure(num=name, figsize=figsize, dpi=100)
        self.figure = fig
        widths = [4.0, 2.6, 3.4] if big else [4.3, 2.7, 3.0]
        gs = fig.add_gridspec(2, 3, width_ratios=widths, height_ratios=[1.1, 1.0],
                              left=0.005, right=0.995, bottom=0.02, top=0.89, wspace=0.03,
                              hspace=0.08)
        self.ax_side = fig.add_subplot(gs[:, 0])
        self.ax_back = fig.add_subplot(gs[:, 1])
        self.ax_zoom = fig.add_subplot(gs[0, 2])
        self.ax_info = fig.add_subplot(gs[1, 2])
        self.ax_info.set_axis_off()
        # The title lives in an axes, not on the figure: a figure-level animated artist would
        # be left out of saved pictures.
        self._title = self.ax_info.text(0.5, 0.985, "", transform=fig.transFigure,
                                        ha="center", va="top", fontsize=self._fs + 3,
                                        fontweight="bold")
        self.task = posture.task
        self.readout_in_figure = bool(readout_in_figure)
        self.fixed_title = title
        self.blit = bool(blit)
        self._background = None
        if limits_from is None:
            limits_from = self._task_range(posture, sweep)
        self._limits = _extent(limits_from)
        self._build(posture)
        _OPEN[name] = self
        # drawn in zorder, as a full draw would, so a blitted frame looks the same
        if self.presenter:  # nothing on a projector below 18 pt
            from matplotlib.text import Text
            for text in fig.findobj(Text):
                text.set_fontsize(max(text.get_fontsize(), PRESENTER_MIN_PT))
        self._animated = sorted(self._moving_artists(), key=lambda a: a.get_zorder())
        for artist in self._animated:
            artist.set_animated(self.blit)
        self._cid = fig.canvas.mpl_connect("draw_event", self._on_draw)
        self.update(posture)

    # ---------------------------------------------------------------------------------------
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

    def _build(self, posture: Posture):
        fs, lw = self._fs, self._lw
        pts = posture_points(posture)
        frames = self._frames(posture)
        side, back = self.ax_side, self.ax_back
        self.side_art = drawing.draw_leg(side, pts, "side", labels=False)
        self.back_art = drawing.draw_leg(back, _ThighPoints(pts, frames), "back", labels=True)
        for art in (self.side_art, self.back_art):
            for head, line in art["muscles"].items():  # the path becomes the tendon
                line.set_linewidth(1.6 * lw)
                line.set_color("#6E6E6E")
                line.set_path_effects([])
        # The back view's labels stay where draw_leg laid them out (in the view's fixed
        # limits); only thin leader lines follow the muscles. The side view gets short tags
        # that travel with the bellies. No label layout on a slider move.
        back.set_xlim(*BACK_VIEW_X_M)
        back.set_ylim(*BACK_VIEW_Y_M)
        drawing.update_leg(self.back_art, _ThighPoints(pts, frames))
        self.back_leaders = {}
        for group in ("muscle_labels", "landmark_labels"):
            for key, ann in self.back_art[group].items():
                colour = (drawing.HEAD_STYLE[key]["color"] if group == "muscle_labels"
                          else "#6E6E6E")
                ann.arrow_patch.set_visible(False)
                ann.set_fontsize(fs - (1 if not self.presenter else 4) if group ==
                                 "muscle_labels" else fs - 2)
                (leader,) = back.plot([], [], color=colour, lw=(1.4 if group ==
                                      "muscle_labels" else 0.7) * lw, zorder=4.9)
                self.back_leaders[(group, key)] = (leader, ann)
        self.side_tags = {}
        for head, ann in self.side_art["muscle_labels"].items():
            ann.remove()
        # At whole-body scale the four heads overlap from the side: one label names the group
        # (the back view names each head).
        self.side_tags["hamstrings"] = side.annotate(
            "hamstrings", xy=(0, 0), xytext=(-34, 26), textcoords="offset points",
            fontsize=fs - 1, ha="right", va="center", zorder=6, color="#1A1A1A",
            bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="#555555", lw=0.8 * lw),
            arrowprops=dict(arrowstyle="-", color="#555555", lw=0.9 * lw))
        self.side_art["muscle_labels"] = {}
        self.side_title = self.side_art["title"]
        self.side_art["title"].set_text("From the side (right leg)")
        self.side_art["title"].set_horizontalalignment("left")
        self.side_art["title"].set_x(0.0)
        self.back_art["title"].set_text("Back of the thigh")
        for art in (self.side_art, self.back_art):
            art["title"].set_fontsize(fs + 1)
        self.bellies = {}
        for view, art, ax in (("side", self.side_art, side), ("back", self.back_art, back)):
            for head in HAMSTRING_HEADS:
                poly = Polygon(np.zeros((3, 2)), closed=True, ec="#333333", lw=0.6 * lw,
                               zorder=art["muscles"][head].get_zorder() + 0.01)
                ax.add_patch(poly)
                self.bellies[(view, head)] = poly
        # spine, trunk, head, arm, other leg, support (side view only)
        grey = "#7A7A7A"
        self.vertebrae = [side.add_patch(Polygon(np.zeros((4, 2)), closed=True, fc="#F1E9D8",
                                                 ec="#4A4A4A", lw=0.8 * lw, zorder=2.2))
                          for _ in range(5)]
        (self.trunk,) = side.plot([], [], color=grey, lw=6 * lw, solid_capstyle="round",
                                  alpha=0.55, zorder=1.5)
        self.head = side.add_patch(Circle((0, 0), 0.1, fc="#EDEDED", ec=grey, lw=lw,
                                          zorder=1.5))
        (self.arm,) = side.plot([], [], color=grey, lw=4 * lw, solid_capstyle="round",
                                alpha=0.6, zorder=1.6)
        (self.other_leg,) = side.plot([], [], color="#BBBBBB", lw=5 * lw,
                                      solid_capstyle="round", zorder=0.8)
        (self.foot,) = side.plot([], [], color=grey, lw=3 * lw, solid_capstyle="round",
                                 zorder=1.4)
        (self.support,) = side.plot([], [], color="#3A3A3A", lw=2.5 * lw, zorder=0.6)
        self.angle_text = {k: side.text(0, 0, "", fontsize=fs - 1, zorder=6,
                                        bbox=dict(boxstyle="round,pad=0.2", fc="white",
                                                  ec="none", alpha=0.8))
                           for k in ("hip", "knee")}
        self._build_zoom(pts, posture)
        side.set_xlim(self._limits[0][0], self._limits[1][0])
        side.set_ylim(self._limits[0][1], self._limits[1][1])
        side.set_anchor("S")
        back.set_anchor("N")
        # readout panel
        info = self.ax_info
        size = fs - (1.5 if not self.presenter else 3)
        self.readout = info.text(0.02, 0.99, "", va="top", ha="left", family="monospace",
                                 fontsize=size, transform=info.transAxes, linespacing=1.3,
                                 visible=self.readout_in_figure)
        self.readout_right = info.text(0.55, 0.99, "", va="top", ha="left",
                                       family="monospace", fontsize=size,
                                       transform=info.transAxes, linespacing=1.3,
                                       visible=self.readout_in_figure)
        self.status = info.text(0.01, 0.93, "", va="top", ha="left", fontsize=fs - 1,
                                fontweight="bold", transform=self.figure.transFigure,
                                color=_LIMIT)
        cax = info.inset_axes([0.04, 0.1, 0.86, 0.06])
        grad = np.linspace(_RANGE_LO, 1.0, 256)[None, :]
        cax.imshow(grad, aspect="auto", cmap=STRAIN_CMAP, extent=(_RANGE_LO, 1.0, 0, 1))
        cax.set_yticks([])
        cax.set_xticks([_RANGE_LO, 0.0, SLACK_FRACTION])
        cax.set_xticklabels(["slack", "standing", "tension starts"], fontsize=fs - 2)
        for tick, ha in zip(cax.get_xticklabels(), ("left", "center", "right")):
            tick.set_horizontalalignment(ha)
        cax.set_title("muscle colour: range used (end: limit)", fontsize=fs - 1, pad=3)
        self._cax = cax

    def _build_zoom(self, pts, posture):
        """The pelvis and lumbar spine, magnified, with PI, PT and SS drawn on the sacrum.

        Drawn about the hip axis and turned back to the body's own upright frame (so lying
        supine it shows as if stood up, as a radiograph would be read); fixed limits.
        """
        fs, lw = self._fs, self._lw
        z = self.ax_zoom
        z.set_aspect("equal", adjustable="box")
        z.set_axis_off()
        z.set_xlim(*ZOOM_X_M)
        z.set_ylim(*ZOOM_Y_M)
        z.set_title("Pelvis and lumbar spine", fontsize=fs, pad=2)
        self.zoom_bones = {}
        for name in ZOOM_BONES:
            poly = Polygon(np.zeros((3, 2)), closed=True, fc="#F1E9D8", ec="#4A4A4A",
                           lw=0.8 * lw, zorder=1, alpha=0.9)
            z.add_patch(poly)
            self.zoom_bones[name] = poly
        self.zoom_sacrum = z.add_patch(Polygon(np.zeros((3, 2)), closed=True, fc="#EFE4CC",
                                               ec="#4A4A4A", lw=0.8 * lw, zorder=1.2))
        self.zoom_vertebrae = [z.add_patch(Polygon(np.zeros((4, 2)), closed=True, fc="#F1E9D8",
                                                   ec="#4A4A4A", lw=0.8 * lw, zorder=2))
                               for _ in range(5)]
        self.zoom_muscles = {}
        for head in HAMSTRING_HEADS[:3]:
            (line,) = z.plot([], [], lw=5 * lw, solid_capstyle="round", zorder=1.5)
            self.zoom_muscles[head] = line
        (self.endplate,) = z.plot([], [], color="#000000", lw=2.2 * lw, zorder=4.2)
        (self.pt_line,) = z.plot([], [], color="#009E73", lw=1.5 * lw, zorder=4.1)
        (self.normal,) = z.plot([], [], color="#CC79A7", lw=1.3 * lw, zorder=4.1)
        (self.vertical,) = z.plot([], [], color="#009E73", lw=1.0 * lw, ls=(0, (3, 2)),
                                  zorder=4.1)
        (self.horizontal,) = z.plot([], [], color="#0072B2", lw=1.0 * lw, ls=(0, (3, 2)),
                                    zorder=4.1)
        (self.hip_axis,) = z.plot([], [], ls="none", marker="o", ms=6 * lw, mfc="white",
                                  mec="#009E73", mew=1.5, zorder=4.3)
        box = dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85)
        self.zoom_text = {
            "pt": z.text(0, 0, "", fontsize=fs - 1, color="#007A58", zorder=6, bbox=box),
            "ss": z.text(0, 0, "", fontsize=fs - 1, color="#005A8C", zorder=6, bbox=box),
            "pi": z.text(0, 0, "", fontsize=fs - 1, color="#A0507E", zorder=6, bbox=box),
            "ll": z.text(0.02, 0.98, "", fontsize=fs - 1, color="#333333", zorder=6, bbox=box,
                         transform=z.transAxes, va="top", ha="left")}

    def _update_zoom(self, pts, posture):
        c = pts.hip_axis
        r = rot_z_2d(-posture.frame_angle_deg)

        def local(p):
            p = np.asarray(p)[..., :2] - c[:2]
            return p @ r.T

        outlines = drawing.bone_outlines(pts.landmarks, "side")
        for name, poly in self.zoom_bones.items():
            poly.set_xy(local(outlines[name]))
        for poly, corners in zip(self.zoom_vertebrae, pts.lumbar):
            poly.set_xy(local(corners))
        for head, line in self.zoom_muscles.items():
            xy = local(pts.paths[head][:4])
            line.set_data(xy[:, 0], xy[:, 1])
            line.set_color(strain_colour(posture.hamstring_range_used[head]))
        a, p, m = (local(pts.s1[k]) for k in ("s1_anterior", "s1_posterior", "s1_mid"))
        h = np.zeros(2)
        along_s1 = (a - p) / np.linalg.norm(a - p)
        into = np.array([along_s1[1], -along_s1[0]])
        # a schematic sacrum: a wedge below the endplate, curving back to its tip
        self.zoom_sacrum.set_xy(np.array([p, a, m + into * 0.06 + along_s1 * 0.005,
                                          m + into * 0.11 - along_s1 * 0.025,
                                          m + into * 0.05 - along_s1 * 0.04]))
        self.endplate.set_data([p[0] - (a[0] - p[0]) * 0.6, a[0] + (a[0] - p[0]) * 0.9],
                               [p[1] - (a[1] - p[1]) * 0.6, a[1] + (a[1] - p[1]) * 0.9])
        self.pt_line.set_data([h[0], m[0]], [h[1], m[1]])
        along = (a - p) / np.linalg.norm(a - p)
        down = np.array([along[1], -along[0]])  # perpendicular, into the sacrum
        span = np.linalg.norm(m - h)
        self.normal.set_data([m[0], m[0] + down[0] * span], [m[1], m[1] + down[1] * span])
        self.vertical.set_data([h[0], h[0]], [h[1], h[1] + span * 1.15])
        self.horizontal.set_data([a[0] - 0.03, a[0] + 0.09], [a[1], a[1]])
        self.hip_axis.set_data([0.0], [0.0])
        t = self.zoom_text
        t["pt"].set_position((h[0] + 0.02, h[1] - 0.06))
        t["pt"].set_text(f"PT {_plain(posture.radiographic_pelvic_tilt_deg)}°")
        t["ss"].set_position((a[0] + 0.05, a[1] - 0.045))
        t["ss"].set_text(f"SS {_plain(posture.sacral_slope_deg)}°")
        t["pi"].set_position((m[0] + down[0] * span * 0.55 - 0.11, m[1] + down[1] * span * 0.55))
        t["pi"].set_text(f"PI {_plain(posture.pelvic_incidence_deg)}°")
        t["ll"].set_text(f"lordosis L1-S1 {_plain(posture.lumbar_lordosis_deg)}°")

    @staticmethod
    def _frames(posture):
        from ..model.body import _frames
        return _frames(posture)[0]

    # ---------------------------------------------------------------------------------------
    def _moving_artists(self):
        """Everything a slider move can change (redrawn over a cached background)."""
        out = []
        for art in (self.side_art, self.back_art):
            out += list(art["bones"].values()) + list(art["bone_fills"].values())
            out += list(art["muscles"].values())
            if art["landmarks"] is not None:
                out.append(art["landmarks"])
            if "midline" in art["extras"]:
                out.append(art["extras"]["midline"])
        out += list(self.bellies.values()) + [leader for leader, _ in self.back_leaders.values()]
        out += list(self.side_tags.values()) + self.vertebrae
        out += [self.trunk, self.head, self.arm, self.other_leg, self.foot, self.support]
        out += list(self.angle_text.values()) + list(self.zoom_bones.values())
        out += [self.zoom_sacrum] + self.zoom_vertebrae + list(self.zoom_muscles.values())
        out += [self.endplate, self.pt_line, self.normal, self.vertical, self.horizontal,
                self.hip_axis] + list(self.zoom_text.values())
        out += [self.readout, self.readout_right]
        return out

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
        if self.blit and self._background is not None:
            canvas.restore_region(self._background)
            self._draw_moving()
            canvas.blit(self.figure.bbox)
        else:
            canvas.draw_idle()

    closed = False

    def update(self, posture: Posture) -> None:
        """Show ``posture``: move every artist, refresh every readout, then one redraw.

        The redraw is one ``draw_idle``, or, once the canvas has been drawn, a blit of the
        moving artists over the cached static background (titles, colour scale, label boxes).
        """
        if self.closed:
            raise RuntimeError("this figure was closed (re-running its cell made a new one); "
                               "use the newest panel")
        pts = posture_points(posture)
        frames = self._frames(posture)
        thigh = _ThighPoints(pts, frames)
        for view, art, source in (("side", self.side_art, pts), ("back", self.back_art, thigh)):
            for name, outline in drawing.bone_outlines(source.landmarks, view).items():
                xy = drawing._screen(outline, view)
                art["bones"][name].set_data(xy[:, 0], xy[:, 1])
                if name in art["bone_fills"]:
                    art["bone_fills"][name].set_xy(xy)
            for head in HAMSTRING_HEADS:
                xy = drawing._screen(source.paths[head], view)
                art["muscles"][head].set_data(xy[:, 0], xy[:, 1])
                poly = self.bellies[(view, head)]
                poly.set_xy(_belly_polygon(xy, head))
                poly.set_facecolor(strain_colour(posture.hamstring_range_used[head]))
                if view == "side" and head == "semimembranosus":
                    self.side_tags["hamstrings"].xy = tuple(drawing._point_along(xy, 0.55))
                else:
                    anchor = drawing._point_along(xy, drawing._ANCHOR_FRACTION["back"][head])
                    self._lead(("muscle_labels", head), anchor)
            if art["landmarks"] is not None:
                marks = np.array([drawing._screen(source.landmarks[n], view)
                                  for n in drawing.LANDMARK_LABELS])
                art["landmarks"].set_data(marks[:, 0], marks[:, 1])
                for i, n in enumerate(drawing.LANDMARK_LABELS):
                    self._lead(("landmark_labels", n), marks[i])
        if "midline" in self.back_art["extras"]:
            x, top, bottom = drawing._midline(thigh.landmarks, "back", BACK_VIEW_Y_M)
            self.back_art["extras"]["midline"].set_data([x, x], [top, BACK_VIEW_Y_M[0] + 0.03])
        for poly, corners in zip(self.vertebrae, pts.lumbar):
            poly.set_xy(corners[:, :2])
        self.trunk.set_data(*np.stack([pts.l1_top, pts.shoulder])[:, :2].T)
        self.head.set_center(tuple(pts.head_centre[:2]))
        self.arm.set_data(*pts.arm[:, :2].T)
        self.other_leg.set_data(*pts.other_leg[:, :2].T)
        self.foot.set_data(*pts.foot[:, :2].T)
        self.support.set_data(*pts.support[:, :2].T)
        self._update_zoom(pts, posture)
        h = pts.hip_axis[:2]
        knee = pts.landmarks["knee_joint_centre"][:2]
        self.angle_text["hip"].set_position((h[0] + 0.05, h[1] - 0.05))
        self.angle_text["hip"].set_text(f"hip {_plain(posture.hip_flexion_deg)}°")
        self.angle_text["knee"].set_position((knee[0] + 0.05, knee[1]))
        self.angle_text["knee"].set_text(f"knee {_plain(posture.knee_flexion_deg)}°")
        left, right = readout_columns(posture, compact=self.presenter)
        self.readout.set_text(left)
        self.readout_right.set_text(right)
        # Title and status are part of the static background: when they change (a new task,
        # a pose that cannot be reached), the whole figure is drawn once more.
        title = self.fixed_title or task_record(posture.task).title
        status = "" if posture.reachable else "Beyond what the tissues allow:\nshowing the furthest pose"
        restage = title != self._title.get_text() or status != self.status.get_text()
        self._title.set_text(title)
        self.status.set_text(status)
        self.posture = posture
        if restage:
            self._background = None
        self._show()

    def _lead(self, key, anchor):
        """Point a fixed label's leader line at ``anchor`` (screen metres)."""
        leader, ann = self.back_leaders[key]
        x, y = ann.get_position()
        leader.set_data([x, anchor[0]], [y, anchor[1]])

    def png(self, dpi: int = 200) -> bytes:
        """The current view as PNG bytes (with the readouts drawn in)."""
        buf = io.BytesIO()
        with self._for_export():
            self.figure.savefig(buf, format="png", dpi=dpi)
        return buf.getvalue()

    def _for_export(self):
        """A context in which the figure shows its readouts (for saved pictures)."""
        import contextlib

        @contextlib.contextmanager
        def ctx():
            was = self.readout.get_visible()
            for text in (self.readout, self.readout_right):
                text.set_visible(True)
            try:
                yield
            finally:
                for text in (self.readout, self.readout_right):
                    text.set_visible(was)
        return ctx()

    def save(self, path, dpi: int = 200) -> str:
        """Save the current view to ``path`` (.png at ``dpi``, or .svg / .pdf); returns it."""
        from .export import save_figure
        with self._for_export():
            return save_figure(self.figure, path, dpi=dpi)

    def close(self) -> None:
        """Close the figure and free its memory and its widget.

        Re-running a notebook cell builds a new scene of the same name, which closes the old
        one. IPython's output history may still hold the old object, so closing also empties
        the figure and drops the cached picture: what stays referenced is small.
        """
        import matplotlib.pyplot as plt
        if getattr(self, "closed", False):
            return
        self.figure.canvas.mpl_disconnect(self._cid)
        self._background = None
        self._animated = []
        plt.close(self.figure)
        self.figure.clear()  # after closing, not on the update path
        self.figure.canvas.__dict__.pop("renderer", None)  # the Agg pixel buffer
        for name in _ARTIST_ATTRIBUTES:  # let the artists go, even if the object is kept
            self.__dict__.pop(name, None)
        self.closed = True
        if _OPEN.get(self.name) is self:
            del _OPEN[self.name]


def readout_text(posture: Posture) -> str:
    """The readout panel's text for a posture (fixed-width lines), both columns."""
    left, right = readout_columns(posture)
    return left + "\n" + right


def readout_columns(posture: Posture, compact: bool = False) -> tuple[str, str]:
    """The readout as two columns: angles, then muscle lengths and the task's readout.

    ``compact`` (presenter mode) keeps each line to about 14 characters, so that two columns
    at 18 pt fit the panel.
    """
    if compact:
        angles = [f"tilt    {_signed(posture.pelvic_tilt_deg)}",
                  f"PT {_plain(posture.radiographic_pelvic_tilt_deg):>3} SS {_plain(posture.sacral_slope_deg):>3}",
                  f"lordosis {_plain(posture.lumbar_lordosis_deg):>3}°",
                  f"hip     {_signed(posture.hip_flexion_deg)}",
                  f"knee    {_signed(posture.knee_flexion_deg)}"]
        muscles = [f"{FACTS[h].abbreviation:<4s} {100 * posture.hamstring_stretch[h]:3.0f}%"
                   for h in HAMSTRING_HEADS]
        return "\n".join(angles), "\n".join(muscles)
    lines = [f"pelvic tilt    {_signed(posture.pelvic_tilt_deg)}",
             f"PI {posture.pelvic_incidence_deg:.0f} = PT {_plain(posture.radiographic_pelvic_tilt_deg)}"
             f" + SS {_plain(posture.sacral_slope_deg)}",
             f"lordosis       {_plain(posture.lumbar_lordosis_deg):>4}°",
             f"lumbar flexion {_signed(posture.lumbar_flexion_deg)}",
             f"hip flexion    {_signed(posture.hip_flexion_deg)}",
             f"knee flexion   {_signed(posture.knee_flexion_deg)}"]
    angles, lines = lines, []
    for head in HAMSTRING_HEADS:  # length, and length as a share of the limit
        length = muscle_tendon_length(head, posture.hip_flexion_deg, posture.knee_flexion_deg)
        lines.append(f"{FACTS[head].abbreviation:<5s}{100 * length:4.1f} cm"
                     f"{100 * posture.hamstring_stretch[head]:3.0f}%")
    r = posture.readouts
    if "fingertip_to_floor_m" in r:
        lines.append(f"to floor {100 * r['fingertip_to_floor_m']:5.1f} cm")
    if "fingertip_beyond_ankle_m" in r:
        lines.append(f"reach {100 * r['fingertip_beyond_ankle_m']:+5.1f} cm")
    if "leg_raise_deg" in r:
        lines.append(f"SLR angle {_plain(r['leg_raise_deg']):>4}°")
    if "ake_deg" in r:
        lines.append(f"AKE end   {_plain(r['ake_deg']):>4}°")
    return "\n".join(angles), "\n".join(lines)


def rot_z_2d(angle_deg: float) -> np.ndarray:
    """A 2-D rotation matrix (anticlockwise, degrees)."""
    a = np.radians(angle_deg)
    return np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])


def _signed(v: float) -> str:
    return f"{round(v) + 0:+4d}°"


def _plain(v: float) -> str:
    """A whole number of degrees, never "-0"."""
    return f"{round(v) + 0:d}"
