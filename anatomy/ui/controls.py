"""Ready-made control panels: sliders wired to a task solver and a `Scene`.

The flow is one way: a slider's value → the task solver (pure numpy) → a `Posture` →
``scene.update(posture)`` → the artists' data → one redraw. Readouts are HTML next to the
figure (the browser draws text faster than matplotlib, and screen readers can read it).

Panels work with ``%matplotlib widget`` (ipympl: the figure is a live canvas) and, more
slowly, with the inline backend (the panel re-displays a picture after each move). Errors
raised in a callback are shown in the panel, not lost in a log.

Examples
--------
>>> import anatomy.ui.controls as controls
>>> panel = controls.task_explorer("forward_bend", slr_deg=55.0)
>>> panel.sliders["trunk_flexion_deg"].value = 60.0   # what dragging the slider does
>>> round(panel.scene.posture.trunk_flexion_deg)
60
>>> panel.close()
"""
from __future__ import annotations

import html
import threading
import traceback
from pathlib import Path
from types import MappingProxyType

import ipywidgets as widgets
import matplotlib
import numpy as np
from IPython.display import HTML, Image, display

from ..model import posture as P
from ..model.geometry import HIP_FLEXION_RANGE_DEG, KNEE_FLEXION_RANGE_DEG
from ..model.muscles import FACTS, HAMSTRING_HEADS
from ..view.export import save_sweep_gif
from ..model.readouts import HEAD_QUANTITIES, QUANTITIES
from ..model.tasks import SLIDERS, TASK_REGISTRY, task_record
from ..view.scene import Scene, radiographic
from ..view.style import presenter_mode
from . import a11y
from .download import download_link, free_path, pose_slug
from ..model.spine import DEFAULT_PELVIC_INCIDENCE_DEG, PELVIC_INCIDENCE_RANGE_DEG

COMPARE_PEOPLE = (("short hamstrings (SLR 55°)", 55.0), ("long hamstrings (SLR 95°)", 95.0))
"""The second persons a panel offers to draw beside the first (label, passive SLR)."""


def compare_label(slr_deg: float) -> str:
    """The second person's name in the picture and its readouts (the static course too)."""
    return f"SLR {slr_deg:g}°"


EXPORT_DIR = Path("exports")
"""Where the Save buttons keep a copy (relative to the notebook's folder); the browser gets
the file itself as a download (`anatomy.ui.download`)."""

ALT_DELAY_S = 0.6
"""The figure's text alternative is rewritten this long after the last slider change (when a
drag ends), so a screen reader announces the pose once, not at every step."""

PRESENTER_SCREEN_PX = (1920, 1080)
"""The screen a presenter panel must fit (a 1080p projector)."""
PRESENTER_CONTROLS_PX = 520
"""Width of the controls' column beside the figure in presenter mode (`Panel._arrange`)."""

# Slider ranges offered to users (physiological, not the model's full input range) come from
# the task registry: the person and joint sliders, then each task's own.
SLIDER_SPECS = MappingProxyType({
    **{key: (s.label, *s.offered_range_deg, s.step_deg) for key, s in SLIDERS.items()},
    **{f"{t.slider.name}:{name}": (t.slider.label, *t.slider.offered_range_deg,
                                   t.slider.step_deg)
       for name, t in TASK_REGISTRY.items() if t.slider is not None}})
"""``{key: (label, min, max, step)}``; a task's own slider is keyed ``name:task``."""


def _in_kernel() -> bool:
    """True inside a Jupyter kernel (where widgets and pictures can be shown)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return False
    shell = get_ipython()
    return shell is not None and hasattr(shell, "kernel")


def _cell_key() -> str:
    """``@<cell id>`` of the notebook cell being run, if the front end says which.

    Panels are named after their cell: re-running a cell replaces that cell's figure (no
    pile-up), while panels made by different cells live side by side.
    """
    if not _in_kernel():  # a script or a test: every panel is its own figure
        _COUNTER["n"] += 1
        return f"#{_COUNTER['n']}"
    try:
        from IPython import get_ipython
        parent = get_ipython().kernel.get_parent()
        cell = (parent or {}).get("metadata", {}).get("cellId")
    except Exception:  # an older kernel: fall back to the panel's own name
        cell = None
    return f"@{cell}" if cell else ""


_COUNTER = {"n": 0}
_OPEN_PANELS: dict = {}  # name -> the newest Panel of that name (re-running a cell replaces it)


def _close_tree(widget, seen=None) -> None:
    """Close a widget and every widget it holds (children, layout, style, a canvas's
    toolbar). ``Widget.close`` does not recurse, and a widget left open stays in ipywidgets'
    registry with its observers, and so does the Panel they call back into."""
    seen = set() if seen is None else seen
    if id(widget) in seen:
        return
    seen.add(id(widget))
    for key in list(getattr(widget, "keys", ())):
        value = getattr(widget, key, None)
        for item in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(item, widgets.Widget):
                _close_tree(item, seen)
    widget.close()




def _is_widget_backend() -> bool:
    backend = matplotlib.get_backend().lower()
    return "ipympl" in backend or "widget" in backend


class Panel:
    """Sliders, a live figure, readouts, buttons and an error box, as one widget.

    Attributes
    ----------
    sliders : dict
        ``{parameter name: FloatSlider}``; setting ``.value`` (in Python or by dragging)
        solves the task and updates the scene.
    scene : anatomy.scene.Scene
    solver : callable
        The panel's solver: slider values (keyword arguments) in, a `Posture` out.
    play_key, play_direction : str or None, int
        The slider Play moves and its direction (+1 low to high, -1 high to low, from the
        task registry); ``None, 1`` when the panel has no Play. The static course
        (``tools/build_site.py``) reads these, the solver and ``scene.limits``.
    widget : ipywidgets.VBox
        What the notebook displays (a Panel displays itself).
    """

    def __init__(self, title, sliders, solve, *, play_key=None, sweep=None, presenter=None,
                 name="hamstring-explainer", play_direction=1, target_key=None,
                 compare=COMPARE_PEOPLE, secondary="pelvis", nerve=False):
        self.presenter = presenter_mode() if presenter is None else bool(presenter)
        self._nerve = bool(nerve)
        self.title = title
        self.sliders = sliders
        self.solver = solve
        self._sweep = sweep
        self._target_key = target_key
        self._defaults = {k: s.value for k, s in sliders.items()}
        self.errors = widgets.Output(layout=widgets.Layout(max_height="8em", overflow="auto"))
        self.readouts = widgets.HTML()
        self.readouts.add_class("anatomy-readouts")
        self.message = widgets.HTML()
        self.alt = widgets.HTML()  # the figure's text alternative (anatomy.ui.a11y)
        self.details = widgets.VBox([self.alt, self.readouts])
        self._alt_timer = None
        self._live = _is_widget_backend()
        self._name = f"{name}{_cell_key()}"
        old = _OPEN_PANELS.get(self._name)
        if old is not None:  # the same cell run again: its old panel goes, widgets and all
            old.close()
        _OPEN_PANELS[self._name] = self
        first = self._safe_solve()
        self.scene = self._build_scene(first)
        for s in sliders.values():
            # set on the widget's own style and layout objects: a replaced one stays in
            # ipywidgets' registry (a leak per re-run)
            s.style.description_width = "initial"
            s.style.handle_color = "#0072B2"
            s.observe(self._on_change, names="value")
        controls = list(sliders.values())
        if play_key is not None:
            # Play runs the task its natural way (the registry's play_direction), in the
            # slider's own steps, from one end of the range to the other, and stops there.
            target = sliders[play_key]
            self.play_key, self.play_direction = play_key, int(play_direction)
            steps = int(round((target.max - target.min) / target.step))
            self.play = widgets.Play(min=0, max=steps, step=1, interval=60, value=0,
                                     description="Play", show_repeat=False,
                                     tooltip=f"Play: {target.description} from "
                                             f"{self._play_value(0):g} to "
                                             f"{self._play_value(steps):g}")
            self.play.observe(self._guard(self._on_play), names="value")
            controls.insert(0, widgets.HBox([widgets.Label("Sweep:"), self.play]))
        else:
            self.play = None
            self.play_key, self.play_direction = None, 1
        self.compare = None
        toggles = []  # the view choices: one row under the sliders
        if compare and "slr_deg" in sliders:
            self.compare = widgets.ToggleButtons(
                options=[("nobody", None)] + [(label, slr) for label, slr in compare],
                value=None, description="Second person (dashed):",
                style={"description_width": "initial"},
                tooltip="Draw a second person with other hamstrings in the same picture")
            self.compare.observe(self._on_change, names="value")
            toggles.append(self.compare)
        self.secondary = widgets.ToggleButtons(
            options=[("pelvis and lumbar spine", "pelvis"), ("back of the thigh", "back")],
            value="pelvis", description="Close-up:", style={"description_width": "initial"})
        self.secondary.observe(self._guard(lambda ch: self.scene.show_secondary(ch["new"])),
                               names="value")
        self.secondary.value = secondary
        toggles.append(self.secondary)
        self.reset_button = widgets.Button(description="Reset", icon="undo",
                                           tooltip="Back to the starting position")
        self.reset_button.on_click(self._guard(lambda _: self.reset()))
        self.png_button = widgets.Button(description="Save PNG", icon="image",
                                         tooltip="Save the figure at 200 dpi for slides")
        self.svg_button = widgets.Button(description="Save SVG", icon="file",
                                         tooltip="Save the figure as SVG (scalable)")
        self.png_button.on_click(self._guard(lambda _: self.save("png")))
        self.svg_button.on_click(self._guard(lambda _: self.save("svg")))
        self.presenter_button = widgets.ToggleButton(
            value=self.presenter, description="Presenter", icon="television",
            tooltip="Large type and a large figure for a projector (1920x1080)")
        self.presenter_button.observe(
            self._guard(lambda change: self.set_presenter(change["new"])), names="value")
        buttons = [self.reset_button, self.png_button, self.svg_button]
        self.progress = widgets.IntProgress(min=0, max=1, value=0, description="GIF",
                                            layout=widgets.Layout(visibility="hidden"))
        if sweep is not None:
            self.gif_button = widgets.Button(description="Save GIF", icon="film",
                                             tooltip="Save a sweep of this task as a GIF")
            self.gif_button.on_click(self._guard(lambda _: self.save_gif()))
            buttons += [self.gif_button, self.progress]
        buttons.append(self.presenter_button)
        self.view = self._make_view()
        self.heading = widgets.HTML()
        if self._live:  # the figure carries the title: kept for screen readers, no height
            self.heading.layout.height, self.heading.layout.overflow = "0px", "hidden"
            self.heading.layout.margin = "0"
        self.body = self._make_body()
        # the figure first, its sliders right under it: on a 1366x900 laptop in JupyterLab the
        # picture (with its numbers) and every slider are on the screen together; the view
        # choices, buttons, text alternative and the table follow
        self.controls_box = widgets.VBox(
            [*controls, widgets.HBox(toggles, layout=widgets.Layout(flex_flow="row wrap")),
             widgets.HBox(buttons, layout=widgets.Layout(flex_flow="row wrap"))])
        self.controls_box.add_class("anatomy-controls")
        self._css = widgets.HTML(a11y.PRESENTER_CSS)
        self.widget = widgets.VBox()
        self.widget.add_class("anatomy-panel")
        self._arrange()
        self._apply_sizes()
        self._render(first)
        self._update_alt()

    # ------------------------------------------------------------------------------------
    def _build_scene(self, posture):
        # blit only onto a live canvas; with the inline backend nobody sees the canvas. The
        # numbers are drawn in the figure too, so sliders, picture and numbers fit one screen.
        scene = Scene(posture, presenter=self.presenter, name=self._name,
                      readout_in_figure=True, blit=self._live, title=self.title,
                      nerve=self._nerve)
        if getattr(self, "secondary", None) is not None:  # rebuilt: keep the close-up chosen
            scene.show_secondary(self.secondary.value)
        if self.presenter and self._live:  # the whole panel on a 1920x1080 screen
            # the controls take a column beside the figure (`_arrange`)
            room_h = PRESENTER_SCREEN_PX[1] - 70  # page margins
            room_w = PRESENTER_SCREEN_PX[0] - 40 - PRESENTER_CONTROLS_PX
            fig = scene.figure
            w_in, h_in = fig.get_size_inches()
            dpi = min(fig.get_dpi(), room_h / h_in, room_w / w_in)
            fig.set_dpi(dpi)
            # the base dpi a high-density screen multiplies (ipympl resets the dpi from it)
            fig._original_dpi = dpi
        return scene

    def _make_view(self):
        if self._live:
            canvas = self.scene.figure.canvas
            canvas.header_visible = False
            canvas.footer_visible = False
            canvas.toolbar_visible = False  # fixed limits; the panel has its own Save buttons
            canvas.resizable = False
            canvas.capture_scroll = False
            return canvas
        h = 880 if self.presenter else 570
        return widgets.Output(layout=widgets.Layout(min_height=f"{h}px"))

    def _arrange(self):
        """The panel's order. Normal: the figure, its sliders under it, then the rest (a
        1366x900 laptop shows figure and sliders together). Presenter: the controls in a
        column beside the figure, so the figure takes the projector's full height."""
        if self.presenter and self._live:
            row = widgets.HBox([self.body, self.controls_box],
                               layout=widgets.Layout(align_items="flex-start"))
            top = [row]
        else:
            top = [self.body, self.controls_box]
        old = [w for w in self.widget.children if isinstance(w, widgets.HBox)
               and self.controls_box in w.children]
        self.widget.children = (self._css, self.heading, *top, self.message, self.details,
                                self.errors)
        for w in old:  # the presenter row it replaced (its children live on)
            w.close()

    def _make_body(self):
        """The figure (the text alternative and the readout table sit in ``details``, under
        the buttons; on a projector the figure shows the readouts itself)."""
        self.readouts.layout.display = "none" if self.presenter else None
        return widgets.VBox([self.view])

    def _apply_sizes(self):
        big = self.presenter
        font = "1.6em" if big else "1em"
        self.heading.value = f"<b style='font-size:{font}'>{html.escape(self.title)}</b>"
        for s in self.sliders.values():
            s.layout.width, s.layout.max_width = "100%", "680px"
        self.controls_box.layout.width = f"{PRESENTER_CONTROLS_PX}px" if big else "auto"
        if big:
            self.widget.add_class("anatomy-presenter")
        else:
            self.widget.remove_class("anatomy-presenter")

    def set_presenter(self, on: bool = True):
        """Switch this panel to presenter sizes (or back): a larger figure, 24 px labels,
        buttons and readouts. The figure is rebuilt; the sliders keep their values."""
        on = bool(on)
        if on == self.presenter:
            return
        self.presenter = on
        old_scene, old_view, old_body = self.scene, self.view, self.body
        self.scene = self._build_scene(old_scene.posture)
        self.view = self._make_view()
        self.body = self._make_body()
        self._arrange()
        old_body.close()
        old_scene.close()
        if isinstance(old_view, widgets.Output):
            old_view.close()
        if self.presenter_button.value != on:
            self.presenter_button.value = on
        self._apply_sizes()
        self._render(self.scene.posture)

    # ------------------------------------------------------------------------------------
    def _guard(self, fn):
        """Wrap a callback so that its errors are shown in the panel's error box."""
        def wrapped(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except Exception as exc:  # shown to the user, not swallowed
                # append_stdout works in and out of a kernel (printing inside `with
                # self.errors:` is only captured when a kernel routes the output)
                self.errors.append_stdout(
                    f"Something went wrong: {type(exc).__name__}: {exc}\n"
                    + "".join(traceback.format_exception(exc)[-3:]))
                return None
        return wrapped

    def _values(self):
        return {k: float(s.value) for k, s in self.sliders.items()}

    def _safe_solve(self, **override):
        return self.solver(**{**self._values(), **override})

    def _play_value(self, i):
        target = self.sliders[self.play_key]
        if self.play_direction > 0:
            return float(target.min + i * target.step)
        return float(target.max - i * target.step)

    def _on_play(self, change):
        self.sliders[self.play_key].value = self._play_value(change["new"])

    def _on_change(self, change):
        self._guard(lambda: self._render(self._safe_solve()))()
        self._schedule_alt()

    def _update_alt(self):
        self.alt.value = a11y.alt_html(a11y.pose_description(self.scene.posture, self.title))

    def _schedule_alt(self):
        """Rewrite the text alternative once the slider has rested (a drag has ended)."""
        if not _in_kernel():  # a script or a test: at once
            self._update_alt()
            return
        if self._alt_timer is not None:
            self._alt_timer.cancel()
        # a timer thread: widget updates from another thread are sent safely by ipykernel
        self._alt_timer = threading.Timer(ALT_DELAY_S, self._guard(self._update_alt))
        self._alt_timer.daemon = True
        self._alt_timer.start()

    def _render(self, posture):
        kw = {}
        if self._target_key is not None:
            kw["target"] = float(self.sliders[self._target_key].value)
        note = getattr(self.solver, "note", None)  # the solver's word on a stopped pose
        slr = None if self.compare is None else self.compare.value
        if slr is not None:
            kw["compare"] = self._safe_solve(slr_deg=slr)
            kw["compare_label"] = compare_label(slr)
        self.scene.update(posture, note=note, **kw)
        self.readouts.value = readout_html(posture, big=self.presenter,
                                           status=self.scene.status.get_text())
        if not self._live and _in_kernel():
            with self.view:
                self.view.clear_output(wait=True)
                display(Image(self.scene.png(dpi=96)))

    @property
    def posture(self):
        return self.scene.posture

    def reset(self):
        """Put every slider back where it started."""
        for key, value in self._defaults.items():
            self.sliders[key].value = value

    def _slug(self):
        return pose_slug(self.scene.posture.task,
                         {k: s.value for k, s in self.sliders.items()})

    def save(self, kind="png", path=None):
        """Save the current figure (``kind`` ``"png"`` at 200 dpi, or ``"svg"``) and hand it
        to the browser as a download. The file name says what the figure shows (task and
        slider values) and never overwrites an earlier one."""
        kind = kind.lower()
        path = Path(path) if path else free_path(EXPORT_DIR, self._slug(), kind)
        out = self.scene.save(path) if kind == "png" else self.scene.save(path, dpi=200)
        self.message.value = download_link(out)
        return out

    def save_gif(self, path=None, steps=24):
        """Save a sweep of this panel's task as an animated GIF (with a progress bar) and hand
        it to the browser as a download."""
        path = Path(path) if path else free_path(EXPORT_DIR, f"{self._slug()}_sweep", "gif")
        postures = self._sweep(steps)
        # the second person, if one is shown, moves with the first (the same slider values)
        slr = None if self.compare is None else self.compare.value
        others = None if slr is None else self._sweep(steps, slr_deg=slr)
        self.progress.max = len(postures)
        self.progress.value = 0
        self.progress.layout.visibility = "visible"

        def tick(done, total):
            self.progress.value = done

        current = self.scene.posture
        try:
            out = save_sweep_gif(self.scene, postures, path, progress=tick, compare=others,
                                 compare_label="" if others is None else f"SLR {slr:g}°")
        finally:
            self._render(current)  # with the second person, as before the save
            self.progress.layout.visibility = "hidden"
        self.message.value = download_link(out)
        return out

    def show(self) -> None:
        """Display the panel. Returns None, so the panel is not kept in IPython's output
        history (``Out``) each time the cell is re-run."""
        self._ipython_display_()

    def close(self):
        """Close the figure and the widgets."""
        if self._alt_timer is not None:
            self._alt_timer.cancel()
        self.scene.close()
        _close_tree(self.widget)
        if _OPEN_PANELS.get(self._name) is self:
            del _OPEN_PANELS[self._name]

    def _ipython_display_(self):
        # the page helper: accessible names, values with units, downloads (anatomy.ui.a11y)
        display(HTML(a11y.PAGE_SCRIPT))
        display(self.widget)


def _slider(key, value, task=None):
    label, lo, hi, step = SLIDER_SPECS[f"{key}:{task}" if f"{key}:{task}" in SLIDER_SPECS
                                      else key]
    return widgets.FloatSlider(value=float(np.clip(value, lo, hi)), min=lo, max=hi, step=step,
                               description=label,
                               readout_format=".1f" if step < 1 else ".0f",
                               continuous_update=True)


def task_explorer(task, *, slr_deg=P.NORMAL_SLR_DEG, value=None,
                  pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG, presenter=None,
                  nerve=False):
    """A panel for one task: an extensibility slider, the task's own slider, Play and Reset.

    Parameters
    ----------
    task
        One of `anatomy.TASKS`.
    slr_deg
        Starting hamstring extensibility (passive SLR angle, degrees).
    value
        Starting value of the task's own slider (degrees); default its usual start.
    nerve
        For the straight leg raise and the slump: add ankle and neck sliders, which load the
        sciatic nerve but not the hamstrings (structural differentiation;
        `anatomy.model.neuro`).
    """
    from ..model._validate import choice

    choice("task", task, TASK_REGISTRY)
    sliders = {"slr_deg": _slider("slr_deg", slr_deg)}
    spec = TASK_REGISTRY[task].slider
    key = None if spec is None else spec.name
    if key is not None:
        start = spec.start_deg if value is None else value
        sliders[key] = _slider(key, start, task)
    nerve_keys = ("ankle_dorsiflexion_deg", "neck_flexion_deg") if nerve else ()
    if nerve and TASK_REGISTRY[task].solver not in ("leg_raise", "slump"):
        raise ValueError("nerve=True is for the straight leg raise and the slump; got task "
                         f"{task!r}")
    if nerve:
        sliders["ankle_dorsiflexion_deg"] = _slider("ankle_dorsiflexion_deg", 0.0)
        sliders["neck_flexion_deg"] = _slider("neck_flexion_deg",
                                              TASK_REGISTRY[task].neck_flexion_deg)
    pi = float(pelvic_incidence_deg)

    def solve(slr_deg, **kw):
        extra = {k: kw[k] for k in nerve_keys}
        if key is None:
            return P.sweep(task, slr_deg=slr_deg, pelvic_incidence_deg=pi)[0]
        return P.sweep(task, [kw[key]], slr_deg=slr_deg, pelvic_incidence_deg=pi, **extra)[0]

    def sweep(steps, slr_deg=None):
        """The task's sweep for this person, or for another (``slr_deg``: the comparison)."""
        if key is None:  # the sweep runs over the SLR itself: no second person to pair
            if slr_deg is not None:
                return None
            return [solve(s) for s in np.linspace(40.0, 100.0, steps)]
        lo, hi = sliders[key].min, sliders[key].max
        slr = sliders["slr_deg"].value if slr_deg is None else slr_deg
        return P.sweep(task, np.linspace(lo, hi, steps), slr_deg=slr,
                       pelvic_incidence_deg=pi,
                       **{k: sliders[k].value for k in nerve_keys})

    record = TASK_REGISTRY[task]
    return Panel(record.title, sliders, solve, play_key=key or "slr_deg", sweep=sweep,
                 presenter=presenter, name=f"explainer-{task}",
                 play_direction=record.play_direction, target_key=key, nerve=nerve)


def joint_explorer(*, slr_deg=P.NORMAL_SLR_DEG, hip_flexion_deg=0.0, knee_flexion_deg=0.0,
                   pelvic_tilt_deg=0.0, presenter=None, close_up="pelvis"):
    """A panel with free thigh, knee and pelvic-tilt sliders (trunk kept upright).

    Pelvic tilt means what it means everywhere in the course: the pelvis turns on thighs
    that stay where they are in space, so tilting it forward flexes the hip by as much (the
    hip slider sets the thigh: the hip flexion with the pelvis in its standing position).
    A pose the hamstrings do not allow is never drawn: the pose stops at the limit, on the
    way from a pose the tissues allow, and the figure says so. ``close_up="back"`` opens it
    on the back of the thigh (each head named) instead of the pelvis close-up.
    """
    sliders = {"hip_flexion_deg": _slider("hip_flexion_deg", hip_flexion_deg),
               "knee_flexion_deg": _slider("knee_flexion_deg", knee_flexion_deg),
               "pelvic_tilt_deg": _slider("pelvic_tilt_deg", pelvic_tilt_deg),
               "slr_deg": _slider("slr_deg", slr_deg)}
    sliders["hip_flexion_deg"].description = "Thigh raised forward (°; hip flexion = this + tilt)"
    hip_lo, hip_hi = HIP_FLEXION_RANGE_DEG

    def pose(tilt, thigh, knee, slr):
        return P.joint_pose(tilt, float(np.clip(thigh + tilt, hip_lo, hip_hi)), knee,
                            slr_deg=slr)

    def solve(hip_flexion_deg, knee_flexion_deg, pelvic_tilt_deg, slr_deg):
        solve.note = None
        target = np.array([pelvic_tilt_deg, hip_flexion_deg, knee_flexion_deg])
        p = pose(*target, slr_deg)
        if p.reachable:
            return p
        # the furthest allowed pose on the straight way from a pose the tissues allow
        start = np.array([0.0, 0.0, max(knee_flexion_deg, 0.0)])
        if not pose(*start, slr_deg).reachable:
            start = np.array([0.0, 0.0, 90.0])
        lo, hi = 0.0, 1.0
        for _ in range(16):  # bisection to 1/65536 of the way (well below 0.01°)
            mid = 0.5 * (lo + hi)
            lo, hi = (mid, hi) if pose(*(start + mid * (target - start)), slr_deg).reachable \
                else (lo, mid)
        reached = pose(*(start + lo * (target - start)), slr_deg)
        hip_q, knee_q = QUANTITIES["hip_flexion_deg"], QUANTITIES["knee_flexion_deg"]
        solve.note = (f"Stopped at hip {hip_q.text(reached)}, knee {knee_q.text(reached)}: "
                      f"hamstrings at their limit")
        return reached

    solve.note = None

    def sweep(steps, slr_deg=None):  # the thigh raised, each pose stopped at the limit
        slr = sliders["slr_deg"].value if slr_deg is None else slr_deg
        return [solve(h, sliders["knee_flexion_deg"].value, 0.0, slr)
                for h in np.linspace(-20.0, 120.0, steps)]

    return Panel("Hip, knee and pelvis, joint by joint", sliders, solve,
                 play_key="hip_flexion_deg", sweep=sweep, presenter=presenter,
                 name="explainer-joints", secondary=close_up)


def pelvis_explorer(*, pelvic_incidence_deg=DEFAULT_PELVIC_INCIDENCE_DEG, pelvic_tilt_deg=0.0,
                    presenter=None):
    """A panel for the pelvis and lumbar curve standing: pelvic tilt and pelvic incidence.

    The thighs stay vertical and the trunk upright, so tilting the pelvis flexes the hips and
    bends the lumbar spine; changing PI changes the person (sacral shape), not the posture.
    """
    sliders = {"pelvic_tilt_deg": _slider("pelvic_tilt_deg", pelvic_tilt_deg),
               "pelvic_incidence_deg": _slider("pelvic_incidence_deg", pelvic_incidence_deg)}

    def solve(pelvic_tilt_deg, pelvic_incidence_deg):
        return P.joint_pose(pelvic_tilt_deg, pelvic_tilt_deg, 0.0,
                            pelvic_incidence_deg=pelvic_incidence_deg)

    def sweep(steps, slr_deg=None):  # no hamstrings in it: the same for everyone
        pi = sliders["pelvic_incidence_deg"].value
        return [P.joint_pose(t, t, 0.0, pelvic_incidence_deg=pi)
                for t in np.linspace(-20.0, 20.0, steps)]

    return Panel("The pelvis and the lumbar curve", sliders, solve, play_key="pelvic_tilt_deg",
                 sweep=sweep, presenter=presenter, name="explainer-pelvis")


def readout_html(posture, big=False, status="") -> str:
    """The panel's readouts as a small HTML table, rendered from the one readout table
    (`anatomy.model.readouts`): the same labels and rounding as the figure and the tables."""
    size = "1.3em" if big else "0.95em"
    xray = ("pelvic_incidence_deg", "radiographic_pelvic_tilt_deg", "sacral_slope_deg")
    keys = ("trunk_flexion_deg", "pelvic_tilt_deg", *xray, "lumbar_lordosis_deg",
            "lumbar_flexion_deg", "hip_flexion_deg", "knee_flexion_deg",
            *task_record(posture.task).readouts)
    # the X-ray angles have values only where they mean something (standing or sitting
    # upright), as in the figure's close-up (`anatomy.view.scene.radiographic`); the rows stay
    # so the table keeps its shape (the static course relies on it)
    upright = radiographic(posture)

    def value(k):
        if k in xray and not upright:
            return "upright only"
        return QUANTITIES[k].text(posture)

    left = "".join(
        f"<tr><td>{html.escape(QUANTITIES[k].label)}</td><td style='text-align:right'>"
        f"<b>{html.escape(value(k))}</b></td></tr>" for k in keys)
    head_keys = ("length", "range_used")  # one percentage per head, as in the figure
    header = "".join(f"<th title='{html.escape(HEAD_QUANTITIES[k].explanation)}'>"
                     f"{html.escape(HEAD_QUANTITIES[k].short)}</th>" for k in head_keys)
    right = "".join(
        f"<tr><td>{html.escape(FACTS[h].label)}</td>"
        + "".join(f"<td style='text-align:right'>{'<b>' if k == 'length' else ''}"
                  f"{html.escape(HEAD_QUANTITIES[k].text(posture, h))}"
                  f"{'</b>' if k == 'length' else ''}</td>" for k in head_keys) + "</tr>"
        for h in HAMSTRING_HEADS)
    # the same honest-state message as the figure's (the panel passes it)
    shown = ("the pose asked for" if posture.held_past_limit
             else "the furthest pose the tissues allow")
    status = (f"<p style='color:#B34700'><b>{html.escape(status)}</b>: the figure shows "
              f"{shown}.</p>" if status else "")
    r = posture.readouts  # the nerve tests say what stopped them (anatomy.model.neuro)
    if not posture.reachable and r.get("slr_limited_by_nerve"):
        status = ("<p style='color:#B34700'><b>Stopped at "
                  f"{QUANTITIES['slr_end_deg'].text(posture)}: the nerve</b> (symptoms, in the "
                  "model), before the hamstrings reached their limit.</p>")
    if not posture.reachable and "slump_knee_end_deg" in r:
        by = ("the nerve</b> (symptoms, in the model)" if r.get("slump_limited_by_nerve")
              else "the hamstrings</b> (at their limit)")
        status = ("<p style='color:#B34700'><b>The knee stops at "
                  f"{QUANTITIES['slump_knee_end_deg'].text(posture)} of flexion: {by}.</p>")
    return (f"<div style='font-size:{size}; display:flex; gap:2em'>"
            f"<table>{left}</table><table><tr><th>Muscle</th>{header}</tr>"
            f"{right}</table></div>{status}")


__all__ = ["Panel", "task_explorer", "joint_explorer", "pelvis_explorer", "readout_html",
           "SLIDER_SPECS", "EXPORT_DIR", "HIP_FLEXION_RANGE_DEG", "KNEE_FLEXION_RANGE_DEG",
           "PELVIC_INCIDENCE_RANGE_DEG"]
