"""Every notebook as a user meets it: in JupyterLab and in Voila, in headless Chromium.

nbval proves that cells run; these tests look at what the page shows: no error output, no
"Error displaying widget", figure canvases drawn and not blank, sliders that move the picture
and the readouts the way the model says. Screenshots before and after a slider move are kept
in test-artifacts/browser/ (git ignores it) for a person to look at.
"""
from __future__ import annotations

import io
import re
import time
from pathlib import Path

import nbformat
import numpy as np
import pytest
from PIL import Image

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
IDLE = "Python 3 (ipykernel) | Idle"


def _panel_count(name: str) -> int:
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    return sum("controls." in c.source for c in nb.cells if c.cell_type == "code")


def _has_panels(name: str) -> bool:
    return _panel_count(name) > 0


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def _not_blank(png: bytes) -> bool:
    px = _pixels(png)
    return px.std() > 8 and (px.min(axis=(0, 1)) < 200).all()


def _drawn(locator, timeout_s: float = 90.0) -> bytes:
    """A screenshot of a canvas once it has been drawn (frames arrive after the kernel is
    idle, later on a busy machine); the last screenshot if it never is."""
    deadline = time.time() + timeout_s
    while True:
        shot = locator.screenshot()
        if _not_blank(shot) or time.time() > deadline:
            return shot
        time.sleep(0.5)


def _until_changed(locator, before: bytes, timeout_s: float = 60.0) -> bytes:
    """A screenshot once it differs from ``before`` (the kernel's new frame has arrived);
    the last screenshot if it never does. Waits for the thing checked, not for a time."""
    deadline = time.time() + timeout_s
    while True:
        shot = locator.screenshot()
        if _changed(before, shot) > 0.002 or time.time() > deadline:
            return shot
        time.sleep(0.3)


def _until(predicate, timeout_s: float = 60.0):
    deadline = time.time() + timeout_s
    while True:
        value = predicate()
        if value or time.time() > deadline:
            return value
        time.sleep(0.3)


def _changed(a: bytes, b: bytes) -> float:
    pa, pb = _pixels(a), _pixels(b)
    if pa.shape != pb.shape:
        return 1.0
    return float((np.abs(pa - pb).sum(axis=2) > 30).mean())


def _canvases(page):
    # the first canvas of each ipympl figure (the second is the rubber-band overlay)
    return page.locator(".jupyter-matplotlib-canvas-div canvas:first-child")


def _first_slider(page):
    return page.locator(".widget-slider").first


def _readout(slider) -> float:
    return float(slider.locator(".widget-readout").inner_text().strip())


def _settled(slider, timeout_s: float = 30.0) -> float:
    """The slider's readout once it has stopped changing (queued key presses applied)."""
    deadline = time.time() + timeout_s
    last, same = _readout(slider), 0
    while same < 3 and time.time() < deadline:
        time.sleep(0.3)
        now = _readout(slider)
        same = same + 1 if now == last else 0
        last = now
    return last


def _st_length(page):
    """The semitendinosus length (cm) shown in the first panel's readout table, if any."""
    cells = page.locator(".widget-html tr", has_text="Semitendinosus").first
    if cells.count() == 0:
        return None
    m = re.search(r"([\d.]+) cm", cells.inner_text())
    return float(m.group(1)) if m else None


def _run_all_in_lab(page, lab, name):
    page.goto(f"{lab['base']}/lab/tree/{name}?reset&token={lab['token']}")
    page.get_by_text(IDLE).wait_for(timeout=120_000)
    page.locator(".lm-MenuBar-item", has_text="Run").click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
    # wait until every code cell has a number in its prompt and the kernel is idle
    deadline = time.time() + 240
    while time.time() < deadline:
        busy = page.locator(".jp-InputPrompt", has_text="[*]").count()
        unrun = page.locator(".jp-CodeCell .jp-InputPrompt", has_text="[ ]").count()
        if busy == 0 and unrun == 0 and page.get_by_text(IDLE).count() > 0:
            break
        time.sleep(0.5)
    else:
        pytest.fail(f"{name}: cells still running after 240 s")
    # every panel's canvas view is on the page (its frames are waited for by _drawn)
    panels = page.locator(".jp-OutputArea-output .anatomy-panel")
    expected = _panel_count(name)
    _until(lambda: panels.count() >= expected and _canvases(page).count() >= expected, 120)


def _assert_no_errors(page, name):
    stderr = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert stderr.count() == 0, f"{name}: error or warning output: {stderr.first.inner_text()[:500]}"
    assert page.get_by_text("Error displaying widget").count() == 0, f"{name}: widget error"
    assert page.get_by_text("model not found").count() == 0, f"{name}: widget model not found"


def _on_screen(page, locator) -> bool:
    box = locator.bounding_box()
    view = page.viewport_size
    return (box is not None and box["y"] >= 0 and box["x"] >= 0
            and box["y"] + box["height"] <= view["height"] + 1
            and box["x"] + box["width"] <= view["width"] + 1)


def _stopped(page) -> bool:
    """The first panel says its pose is held at a limit (its honest state)."""
    panel = page.locator(".anatomy-panel").first
    return panel.get_by_text(re.compile(r"[Ss]topped at|its limit|[Tt]he knee stops")).count() > 0


def _move_and_check(page, name, where, artifacts):
    """Bring the first panel to the top of the window, as a student scrolling to it would:
    its figure and every one of its sliders must be on the screen together (1366x900). Then
    move the first slider with the keyboard and by dragging; the canvas must change. A panel
    that starts held at a limit says so, and its slider then acts the other way."""
    canvases = _canvases(page)
    assert canvases.count() >= 1, f"{name}: no figure canvas"
    canvas = canvases.first
    panel = page.locator(".anatomy-panel").first
    panel.evaluate("e => e.scrollIntoView({block: 'start'})")
    before = _drawn(canvas)
    assert _not_blank(before), f"{name}: the canvas is blank"
    page.screenshot(path=str(artifacts / f"{where}_{name}_before.png"))
    assert _on_screen(page, canvas), f"{name}: the figure is not on the screen with its panel"
    sliders = panel.locator(".widget-slider")
    for i in range(sliders.count()):
        label = sliders.nth(i).locator(".widget-label").inner_text()
        assert _on_screen(page, sliders.nth(i)), (
            f"{name}: slider '{label}' is off the screen while the figure is on it "
            f"({sliders.nth(i).bounding_box()}, window {page.viewport_size})")
    slider = _first_slider(page)
    start = _readout(slider)
    length0 = _st_length(page)
    handle = slider.locator(".noUi-handle")
    handle.focus()
    key, sign = "ArrowRight", 1
    for _ in range(12):
        page.keyboard.press(key)
    moved = _settled(slider)
    assert moved > start, f"{name}: the slider did not move with the keyboard"
    after_keys = _until_changed(canvas, before, timeout_s=20 if _stopped(page) else 60)
    if _changed(before, after_keys) <= 0.002 and _stopped(page):
        key, sign = "ArrowLeft", -1  # held at its limit: the picture follows the way back
        for _ in range(36):
            page.keyboard.press(key)
        moved = _settled(slider)
        after_keys = _until_changed(canvas, before)
    assert _changed(before, after_keys) > 0.002, f"{name}: the picture did not follow the slider"
    box = handle.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + sign * 80, box["y"] + box["height"] / 2,
                    steps=8)
    page.mouse.up()
    assert _until(lambda: sign * (_readout(slider) - moved) > 0, 30), \
        f"{name}: dragging did not move the slider"
    after_drag = _until_changed(canvas, after_keys)
    assert _changed(after_keys, after_drag) > 0.002, f"{name}: the picture did not follow the drag"
    page.screenshot(path=str(artifacts / f"{where}_{name}_after.png"))
    return start, _readout(slider), length0, _st_length(page)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_in_jupyterlab(page, lab, artifacts, name):
    _run_all_in_lab(page, lab, name)
    _assert_no_errors(page, name)
    if not _has_panels(name):
        images = page.locator(".jp-OutputArea-output img")
        assert images.count() >= 1, f"{name}: no figure"
        assert _not_blank(_drawn(images.first))
        page.screenshot(path=str(artifacts / f"lab_{name}.png"), full_page=True)
        return
    for i, canvas in enumerate(_canvases(page).all()):
        canvas.scroll_into_view_if_needed()
        t0 = time.time()
        shot = _drawn(canvas)
        if not _not_blank(shot):  # keep what the page showed, for a person to look at
            (artifacts / f"lab_{name}_blank_canvas_{i}.png").write_bytes(shot)
            page.screenshot(path=str(artifacts / f"lab_{name}_blank_page_{i}.png"))
        assert _not_blank(shot), (f"{name}: canvas {i} still blank after "
                                  f"{time.time() - t0:.0f} s (size {canvas.bounding_box()})")
    start, end, length0, length1 = _move_and_check(page, name, "lab", artifacts)
    label = _first_slider(page).locator(".widget-label").inner_text()
    if "Hip flexion" in label and length0 is not None and end > start:
        # the model: flexing the hip lengthens semitendinosus, and the readout says so
        assert length1 > length0, f"{name}: ST length readout did not rise with hip flexion"


@pytest.mark.parametrize("name", [n for n in NOTEBOOKS if _has_panels(n)])
def test_notebook_in_voila(page, voila, artifacts, name):
    page.goto(f"{voila['base']}/voila/render/{name}", timeout=180_000)
    _canvases(page).first.wait_for(timeout=180_000)
    _drawn(_canvases(page).first)
    # an app view: no code anywhere on the page
    assert page.locator(".jp-CodeCell .jp-InputArea").count() == 0
    assert "import anatomy" not in page.inner_text("body")
    assert page.get_by_text("Error displaying widget").count() == 0
    _move_and_check(page, name, "voila", artifacts)


def _quiet(locator, still_s: float = 2.0, timeout_s: float = 120.0) -> bytes:
    """A screenshot once the canvas has not changed for ``still_s`` (Play finished, the last
    frame in)."""
    deadline = time.time() + timeout_s
    last, since = locator.screenshot(), time.time()
    while time.time() < deadline:
        time.sleep(0.4)
        shot = locator.screenshot()
        if _changed(last, shot) > 0:
            last, since = shot, time.time()
        elif time.time() - since >= still_s:
            return shot
    return last


def test_no_stale_pixels_after_moves_and_play(page, lab, artifacts):
    """After slider moves and Play, the canvas shows what a full render of the same state
    shows. The full render: switching the close-up away and back redraws the whole figure
    (no cached background). Tolerance: the noise floor measured between two such full renders
    of one state, printed."""
    name = "04_tight_hamstrings_and_the_lower_back.ipynb"
    _run_all_in_lab(page, lab, name)
    panel = page.locator(".anatomy-panel").first
    panel.evaluate("e => e.scrollIntoView({block: 'start'})")
    canvas = _canvases(page).first
    assert _not_blank(_drawn(canvas))
    other = panel.locator("button", has_text="back of the thigh")
    back = panel.locator("button", has_text="pelvis and lumbar")

    def full_render() -> bytes:
        shown = _quiet(canvas)
        other.click()
        _until_changed(canvas, shown)
        away = _quiet(canvas)
        back.click()
        _until_changed(canvas, away)
        return _quiet(canvas)

    floor = _changed(full_render(), full_render())
    slider = panel.locator(".widget-slider").nth(1)  # the trunk slider (after the SLR one)
    handle = slider.locator(".noUi-handle")
    handle.focus()
    for key, n in (("ArrowLeft", 40), ("ArrowRight", 15), ("ArrowLeft", 5)):
        for _ in range(n):
            page.keyboard.press(key)
    _settled(slider)
    panel.get_by_role("button", name="Play the sweep").click()
    page.screenshot(path=str(artifacts / "stale_during_play.png"))
    _quiet(canvas, still_s=3.0)
    handle.focus()
    for _ in range(60):  # back from the end of the sweep into reach (trunk about 70°)
        page.keyboard.press("ArrowLeft")
    assert _settled(slider) < 90, "the trunk slider did not come back into reach"
    moved = _quiet(canvas)
    page.screenshot(path=str(artifacts / "stale_after_moves.png"))
    fresh = full_render()
    stale = _changed(moved, fresh)
    print(f"\nstale-pixel check: noise floor {floor:.5f}, after moves and Play {stale:.5f} "
          f"(share of canvas pixels differing by more than 30/765)")
    if stale > max(2 * floor, 0.0005):
        (artifacts / "stale_moved.png").write_bytes(moved)
        (artifacts / "stale_fresh.png").write_bytes(fresh)
    assert stale <= max(2 * floor, 0.0005), (stale, floor)
