"""Controls everyone can use: names for screen readers, values read with units, and a text
alternative for each figure.

ipywidgets gives a slider handle ``role=slider`` but no accessible name, and its
``aria-valuetext`` is the raw float (``100.00000000000001``); the Play widget's buttons are
icons without names. `PAGE_SCRIPT` (shown once by each panel) fixes that in the page, in
JupyterLab and in Voila: every slider in a panel gets its label as its name and its value read
as a number with its unit ("55 degrees"); the Play buttons get names; the figure canvas gets
``role=img`` and the panel's text alternative as its name. The same script clicks a Save
button's download link once (see `anatomy.ui.download`).

`pose_description` is that text alternative: the pose in words, from the model's numbers.

Examples
--------
>>> import anatomy
>>> print(pose_description(anatomy.standing()))  # doctest: +ELLIPSIS
In the model (standing): pelvis ...; hip ...
"""
from __future__ import annotations

import html

from ..model.muscles import FACTS
from ..model.readouts import HEAD_QUANTITIES
from ..model.tasks import task_record


def _tilt_words(deg: float) -> str:
    d = round(deg)
    if d == 0:
        return "pelvis at its standing tilt"
    return f"pelvis rotated {abs(d)}° {'forward' if d > 0 else 'back'} from standing"


def _flexion_words(joint: str, deg: float) -> str:
    d = round(deg)
    if d == 0:
        return f"{joint} straight (0°)"
    return f"{joint} {'flexed' if d > 0 else 'extended'} {abs(d)}°"


def pose_description(posture, title: str | None = None) -> str:
    """The pose in words: what the figure shows, for screen readers and as a caption."""
    what = (title or posture.task.replace("_", " ")).lower()
    # the figure's one percentage per head: range used, 0% at the standing length, 100% at the
    # length at the end of this person's straight leg raise (anatomy.model.readouts)
    used = posture.hamstring_range_used
    head = max(used, key=used.get)
    parts = [_tilt_words(posture.pelvic_tilt_deg),
             _flexion_words("hip", posture.hip_flexion_deg),
             _flexion_words("knee", posture.knee_flexion_deg),
             f"lumbar lordosis {round(posture.lumbar_lordosis_deg)}°",
             f"{FACTS[head].label} (the head nearest its limit) has used "
             f"{HEAD_QUANTITIES['range_used'].text(posture, head)} of its range (0% at its "
             "standing length, 100% at its length at the end of this person's straight leg "
             "raise)"]
    text = f"In the model ({what}): " + "; ".join(parts) + "."
    if posture.held_past_limit:
        text += (" The hamstrings are past what this person tolerates: the pose asked for is"
                 " shown.")
    elif not posture.reachable:
        text += " The target is beyond what the tissues allow: this is the furthest pose reached."
    return text


def alt_html(text: str) -> str:
    """The text alternative as a polite live region (read out when it changes)."""
    return (f"<p class='anatomy-alt' role='status' aria-live='polite'>"
            f"{html.escape(text)}</p>")


PAGE_SCRIPT = r"""
<script>
(function () {
  if (window.__anatomyPanels) { window.__anatomyPanels.scan(); return; }
  var UNITS = [["°", "degrees"], ["cm", "centimetres"], ["%", "percent"]];
  function unitOf(label) {
    for (var i = 0; i < UNITS.length; i++) if (label.indexOf(UNITS[i][0]) >= 0) return UNITS[i][1];
    return "";
  }
  function nameOf(label) { return label.replace(/\s*\((°|cm|%)[^)]*\)/, "").replace(/\s+/g, " ").trim(); }
  function fixSlider(el) {
    var handle = el.querySelector(".noUi-handle");
    var label = el.querySelector(".widget-label");
    var readout = el.querySelector(".widget-readout");
    if (!handle || !label) return;
    var text = label.textContent.trim();
    var name = nameOf(text);
    if (handle.getAttribute("aria-label") !== name) handle.setAttribute("aria-label", name);
    var value = readout ? readout.textContent.trim() : handle.getAttribute("aria-valuenow");
    var spoken = value + (unitOf(text) ? " " + unitOf(text) : "");
    if (handle.getAttribute("aria-valuetext") !== spoken) handle.setAttribute("aria-valuetext", spoken);
  }
  var PLAY = {"fa-play": "Play the sweep", "fa-pause": "Pause the sweep",
              "fa-stop": "Stop the sweep", "fa-retweet": "Repeat the sweep"};
  function fixPlay(el) {
    el.querySelectorAll("button").forEach(function (b) {
      var icon = b.querySelector("i");
      if (!icon) return;
      for (var cls in PLAY) {
        if (icon.classList.contains(cls) && b.getAttribute("aria-label") !== PLAY[cls]) {
          b.setAttribute("aria-label", PLAY[cls]); b.title = PLAY[cls];
        }
      }
    });
  }
  function fixButton(b) {
    // icon glyphs are decoration: hide them, so the name is the button's words
    b.querySelectorAll("i").forEach(function (i) { i.setAttribute("aria-hidden", "true"); });
    var text = b.textContent.replace(/\s+/g, " ").trim();
    if (text && b.getAttribute("aria-label") !== text) b.setAttribute("aria-label", text);
  }
  function fixCanvas(panel) {
    var alt = panel.querySelector(".anatomy-alt");
    var label = alt ? alt.textContent.trim() : "Figure";
    panel.querySelectorAll(".jupyter-matplotlib-canvas-div canvas").forEach(function (c, i) {
      if (i > 0) { c.setAttribute("aria-hidden", "true"); return; }  // the zoom overlay
      c.setAttribute("role", "img");
      if (c.getAttribute("aria-label") !== label) c.setAttribute("aria-label", label);
    });
    panel.querySelectorAll(".widget-output img").forEach(function (img) {
      if (img.alt !== label) img.alt = label;
    });
  }
  function scan() {
    document.querySelectorAll(".anatomy-panel").forEach(function (panel) {
      panel.querySelectorAll(".widget-slider").forEach(fixSlider);
      panel.querySelectorAll(".widget-play").forEach(fixPlay);
      panel.querySelectorAll("button").forEach(function (b) { if (!b.closest(".widget-play")) fixButton(b); });
      fixCanvas(panel);
    });
    document.querySelectorAll("a.anatomy-download[data-autoclick]").forEach(function (a) {
      a.removeAttribute("data-autoclick");
      a.click();
    });
  }
  var pending = false;
  var observer = new MutationObserver(function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; scan(); });
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true,
                                   attributes: true, attributeFilter: ["aria-valuenow"]});
  window.__anatomyPanels = {scan: scan};
  scan();
})();
</script>
"""
"""Shown once per panel (it installs itself once per page)."""

PRESENTER_CSS = """
<style>
.anatomy-presenter .widget-label, .anatomy-presenter .widget-readout,
.anatomy-presenter .widget-button, .anatomy-presenter .widget-toggle-button,
.anatomy-presenter .anatomy-alt {
  font-size: 24px !important; line-height: 1.3 !important; }
.anatomy-presenter .anatomy-alt { position: absolute !important; width: 1px; height: 1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.anatomy-presenter .widget-button, .anatomy-presenter .widget-toggle-button {
  height: auto !important; padding: 0.25em 0.8em !important; width: auto !important; }
.anatomy-presenter .widget-slider { height: 44px !important; }
.anatomy-presenter .widget-readout { min-width: 3.5em !important; }
.anatomy-panel .anatomy-alt { margin: 0.2em 0; color: #333; }
.anatomy-presenter .anatomy-controls .widget-slider { flex-wrap: wrap; height: auto !important; }
.anatomy-presenter .anatomy-controls .widget-slider .widget-label {
  width: 100% !important; max-width: none !important; text-align: left !important; }
.anatomy-presenter .anatomy-controls .widget-toggle-buttons,
.anatomy-presenter .anatomy-controls .widget-toggle-buttons .widget-toggle-buttons {
  flex-wrap: wrap; height: auto !important; }
</style>
"""
"""Presenter sizes for a panel's widgets (scoped to panels with the ``anatomy-presenter``
class, so a notebook can hold panels in both modes)."""
