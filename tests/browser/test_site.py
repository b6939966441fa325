"""The read-only edition (static site) in Chromium, offline, from file://.

A session fixture builds the site into a temporary folder with coarser grids (``quick``: the
same code, the same pages and panels, fewer grid points), so CI builds the site and runs these
tests on every ``python3 dev.py test``. Every request that is not ``file://`` is aborted and
recorded: a page that tries to reach the network fails.
"""
from __future__ import annotations

import html as html_lib
import json
import re
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build_site
    finally:
        sys.path.pop(0)
    out = tmp_path_factory.mktemp("site") / "site"
    t0 = time.perf_counter()
    summary = build_site.build(out, repo="OWNER/REPO", quick=True)
    print(f"site built in {time.perf_counter() - t0:.0f} s ({summary['bytes'] / 1e6:.1f} MB)")
    return {"dir": out, "summary": summary, "builder": build_site}


def _offline_page(browser, width=1366, height=900):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    log = {"errors": [], "left": []}

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            log["left"].append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type in ("error", "warning") and log["errors"].append(
        f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: log["errors"].append(f"pageerror: {e}"))
    page.on("requestfailed", lambda r: not r.url.startswith("file://") or log["errors"].append(
        f"failed: {r.url}"))
    return context, page, log


def _pages(site):
    return site["summary"]["pages"]


def _panel_pages(site):
    return sorted({p["page"] + ".html" for p in site["summary"]["panels"]})


def _kernel_twin(data):
    """The notebook's own (kernel) panel that a static panel was built from."""
    from anatomy.ui import controls

    return getattr(controls, data["function"])(*data["args"], presenter=False, **data["kwargs"])


def _site_panels(page, site):
    """Every static panel of the site, page by page: (page name, panel element, its data)."""
    for name in _panel_pages(site):
        page.goto((site["dir"] / name).as_uri())
        for panel in page.query_selector_all(".site-panel"):
            yield name, panel, _panel_data(page, panel)


def test_no_network_links_in_any_file(site):
    """No file of the site loads anything from the network (scripts, styles, images, fonts),
    and the zip for a learning platform holds the whole site."""
    import zipfile

    with zipfile.ZipFile(site["dir"] / site["builder"].ZIP_NAME) as z:
        names = set(z.namelist())
    for page in _pages(site) + ["assets/panel.js", "assets/site.css"]:
        assert f"hamstring-explainer/{page}" in names, page
    bad = []
    for f in site["dir"].rglob("*"):
        if f.suffix not in (".html", ".css", ".js"):
            continue
        text = f.read_text()
        for m in re.finditer(r"<(script|link|img|iframe|source|video|audio)\b[^>]*?"
                             r"(?:src|href)\s*=\s*[\"']?(https?:)?//", text, re.I):
            bad.append(f"{f.name}: {m.group(0)[:80]}")
        for m in re.finditer(r"url\(\s*[\"']?(https?:)?//|@import", text):
            bad.append(f"{f.name}: {m.group(0)}")
    assert not bad, bad


def test_every_page_loads_offline_without_errors(site, browser):
    context, page, log = _offline_page(browser)
    try:
        for name in _pages(site):
            page.goto((site["dir"] / name).as_uri())
            page.wait_for_load_state("load")
            banner = page.locator(".banner")
            assert "Read-only edition" in banner.inner_text(), name
            if name in _panel_pages(site):
                page.wait_for_selector(".site-panel svg.side-view")
        assert not log["errors"], log["errors"]
        assert not log["left"], f"requests leaving the machine: {log['left']}"
    finally:
        context.close()
    # the live-notebook link sits in the banner of every notebook page
    text = (site["dir"] / "04_tight_hamstrings_and_the_lower_back.html").read_text()
    assert "mybinder.org/v2/gh/OWNER/REPO/HEAD?urlpath=lab/tree/notebooks/04_" in text


def test_every_notebook_panel_is_on_its_page(site):
    """Each explorer call in a notebook became one static panel, with the real sliders."""
    builder = site["builder"]
    for nb in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        cells = json.loads(nb.read_text())["cells"]
        calls = [c for cell in cells if cell["cell_type"] == "code"
                 for c in builder.panel_calls("".join(cell["source"]))]
        text = (site["dir"] / f"{nb.stem}.html").read_text()
        assert text.count('class="site-panel"') == len(calls), nb.name
        assert text.count('id="panel-data-') == len(calls), nb.name


def _svg_state(page, panel):
    return page.evaluate("p => p.querySelector('svg.side-view').innerHTML", panel)


def test_every_slider_changes_the_picture(site, browser, artifacts):
    context, page, log = _offline_page(browser)
    dead = []
    try:
        for name in _panel_pages(site):
            page.goto((site["dir"] / name).as_uri())
            panels = page.query_selector_all(".site-panel")
            for i, panel in enumerate(panels):
                for slider in panel.query_selector_all("input[type=range]"):
                    label = slider.evaluate("s => s.labels[0].textContent")
                    start = _svg_state(page, panel)
                    changed = False
                    for key in ("End", "Home"):  # the keyboard, as a user would
                        slider.focus()
                        page.keyboard.press(key)
                        if _svg_state(page, panel) != start:
                            changed = True
                    panel.query_selector("button.reset").click()
                    assert _svg_state(page, panel) == start, f"{name} reset"
                    if not changed:
                        dead.append(f"{name} panel {i}: {label}")
        page.set_viewport_size({"width": 1366, "height": 900})
        page.goto((site["dir"] / "04_tight_hamstrings_and_the_lower_back.html").as_uri())
        page.query_selector(".site-panel").scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "site_04_1366.png"))
    finally:
        context.close()
    assert not dead, f"sliders that change nothing in the picture: {dead}"
    assert not log["errors"], log["errors"]


def _set_sliders(page, panel, values):
    for key, value in values.items():
        page.evaluate(
            "([p, k, v]) => { const i = p.querySelector(`input[data-key=${k}]`);"
            " i.value = v; i.dispatchEvent(new Event('input')); }", [panel, key, value])


def _panel_data(page, panel):
    return json.loads(page.evaluate(
        "p => document.getElementById('panel-data-' + p.id.slice(6)).textContent", panel))


def _picks(sliders, fracs=(0.0, 0.37, 1.0)):
    return [{s["key"]: s["grid"][round(f * (len(s["grid"]) - 1))] for s in sliders}
            for f in fracs]


def _svg_points(text):
    """An SVG ``points`` attribute as an (n, 2) array in the model's mm, y up."""
    import numpy as np
    xy = np.array([[float(v) for v in p.split(",")] for p in text.split()])
    return xy * [1, -1]


def _kernel_readout_cells(panel, values):
    """The kernel panel's readout cells for the same slider values (its own solver and
    its own HTML): what a student with a kernel would read."""
    from anatomy.ui import controls

    posture = panel.solver(**values)
    text = controls.readout_html(posture)
    cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", text, re.S)
    return [html_lib.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells], posture


def test_numbers_shown_are_the_models(site, browser):
    """At sampled grid points, every readout on the page equals the kernel panel's."""
    context, page, log = _offline_page(browser)
    checked = 0
    try:
        for name in _panel_pages(site):
            page.goto((site["dir"] / name).as_uri())
            for panel in page.query_selector_all(".site-panel"):
                data = json.loads(page.evaluate(
                    "p => document.getElementById('panel-data-' + p.id.slice(6)).textContent",
                    panel))
                sliders = data["sliders"]
                kernel = _kernel_twin(data)
                picks = []
                for frac in (0.0, 0.37, 1.0):  # the ends and a point inside
                    picks.append({s["key"]: s["grid"][round(frac * (len(s["grid"]) - 1))]
                                  for s in sliders})
                for values in picks:
                    for s in sliders:
                        page.evaluate(
                            "([p, k, v]) => { const i = p.querySelector(`input[data-key=${k}]`);"
                            " i.value = v; i.dispatchEvent(new Event('input')); }",
                            [panel, s["key"], values[s["key"]]])
                    shown = panel.eval_on_selector_all(
                        ".panel-readouts td, .panel-readouts th",
                        "cells => cells.map(c => c.textContent)")
                    want, posture = _kernel_readout_cells(kernel, values)
                    assert shown == want, (name, data["title"], values)
                    status = panel.query_selector(".status")
                    assert status.is_visible() == (not posture.reachable), (name, values)
                    from anatomy.view.scene import status_text
                    target = (None if kernel._target_key is None
                              else float(values[kernel._target_key]))
                    words = status_text(posture, target, getattr(kernel.solver, "note", None))
                    assert status.text_content() == words, (name, values)  # word for word
                    note = panel.query_selector(".grid-note").inner_text()
                    assert "grid step" in note
                    checked += 1
                kernel.close()
    finally:
        context.close()
    print(f"{checked} sampled grid points: page readouts equal the kernel panel's")
    assert checked >= 3 * len(site["summary"]["panels"])


def test_phone_width_no_horizontal_scroll_and_panel_stacks(site, browser, artifacts):
    context, page, log = _offline_page(browser, 390, 844)
    wide = []
    try:
        for name in _pages(site):
            page.goto((site["dir"] / name).as_uri())
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                wide.append(f"{name}: {width} px")
            for panel in page.query_selector_all(".site-panel"):
                view = panel.query_selector(".panel-view").bounding_box()
                side = panel.query_selector(".panel-readouts").bounding_box()
                assert side["y"] >= view["y"] + view["height"] - 1, f"{name}: not stacked"
                assert view["width"] >= 0.85 * 390 - 40, f"{name}: picture too narrow"
        page.goto((site["dir"] / "04_tight_hamstrings_and_the_lower_back.html").as_uri())
        page.query_selector(".site-panel").scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "site_04_390.png"))
    finally:
        context.close()
    assert not wide, f"horizontal scroll at 390 px: {wide}"


def test_sliders_have_names_and_work_from_the_keyboard(site, browser):
    context, page, log = _offline_page(browser)
    try:
        page.goto((site["dir"] / "02_two_joints_one_muscle.html").as_uri())
        data = json.loads(page.locator("#panel-data-0").text_content())
        for s in data["sliders"]:
            slider = page.get_by_role("slider", name=s["label"], exact=True)
            assert slider.count() == 1, s["label"]
            assert float(slider.get_attribute("min")) == s["min"]
            assert float(slider.get_attribute("max")) == s["max"]
            assert float(slider.input_value()) == s["value"]
        hip = page.get_by_role("slider", name=data["sliders"][0]["label"], exact=True)
        before = hip.input_value()
        hip.focus()
        for _ in range(10):
            page.keyboard.press("ArrowRight")
        assert float(hip.input_value()) > float(before)
        assert "showing the pose computed at" in hip.get_attribute("aria-valuetext")
        # buttons are reachable with Tab and named
        assert page.get_by_role("button", name=re.compile("Play")).count() == 1
        assert page.get_by_role("button", name=re.compile("Reset")).count() == 1
    finally:
        context.close()


def test_picture_matches_the_spec(site, browser):
    """The browser's strain colours and belly shapes are the Python spec's and scene's."""
    import numpy as np

    import anatomy
    from anatomy.model.body import posture_points
    from anatomy.view import scene as kernel
    from anatomy.view.picture_spec import strain_rgb

    context, page, log = _offline_page(browser)
    try:
        page.goto((site["dir"] / "02_two_joints_one_muscle.html").as_uri())
        for u in (-0.8, -0.5, -0.2, 0.0, 0.3, 0.5, 0.85, 0.9, 0.97, 1.0, 1.4):
            js = tuple(page.evaluate("u => window.siteStrainRGB(u)", u))
            mpl = tuple(round(255 * c) for c in kernel.strain_colour(u)[:3])
            assert js == strain_rgb(u), u
            assert max(abs(a - b) for a, b in zip(js, mpl)) <= 1, (u, js, mpl)
        pts = posture_points(anatomy.forward_bend(60.0, slr_deg=55.0))
        for head in anatomy.HAMSTRING_HEADS:
            xy = pts.paths[head][:, :2]
            py = kernel._belly_polygon(xy, head) * 1000
            js = np.array(page.evaluate("([xy, h]) => window.siteBellyPolygon(xy, h)",
                                        [(xy * 1000).tolist(), head]))
            assert js.shape == py.shape, head
            assert np.abs(js - py).max() < 0.05, head  # mm
        fills = set(page.evaluate(
            "() => [...document.querySelectorAll('svg.side-view [fill]')]"
            ".map(e => e.getAttribute('fill'))"))
        # the arcs and the second person: colours, widths (px at the kernel's 100 dpi),
        # dashes (matplotlib's: the pattern times the line width), opacity, from the spec
        page.locator("#panel-0-compare-1").check()
        styles = page.evaluate(
            "() => [...document.querySelectorAll('#panel-0 svg.side-view g.angle > *,"
            " #panel-0 svg.side-view g.comparison > *')].map(e => ({tag: e.tagName,"
            " group: e.parentNode.getAttribute('class'), key: e.parentNode.dataset.angle,"
            " stroke: e.getAttribute('stroke'), fill: e.getAttribute('fill'),"
            " width: +e.getAttribute('stroke-width'), dash: e.getAttribute('stroke-dasharray'),"
            " opacity: e.parentNode.getAttribute('opacity')}))")
    finally:
        context.close()
    from anatomy.view.picture_spec import SPEC
    px = 100 / 72

    def dash(pattern, width):
        return " ".join(f"{v * width * px:.2f}" for v in pattern)

    st, comp = SPEC["arc_style"], SPEC["comparison"]
    arcs = [e for e in styles if e["group"] == "angle"]
    assert {e["key"] for e in arcs} == set(SPEC["arcs"]) | {"lumbar"}
    for e in arcs:
        colour = (SPEC["lumbar_label"] if e["key"] == "lumbar" else SPEC["arcs"][e["key"]])["colour"]
        if e["tag"] == "text":
            assert e["fill"] == colour, e
        elif e["tag"] == "polyline":
            assert (e["stroke"], e["width"], e["dash"]) == (colour, round(st["width"] * px, 2),
                                                            None), e
        else:  # the reference line, dashed
            assert (e["stroke"], e["width"], e["dash"]) == (
                colour, round(st["ref_width"] * px, 2), dash(st["ref_dash"], st["ref_width"])), e
    ghost = [e for e in styles if e["group"] == "comparison"]
    widths = comp["widths"]
    assert len(ghost) == len(SPEC["bones"]) + 5 + len(SPEC["heads"]) + 1
    for e in ghost:
        assert e["stroke"] == comp["stroke"] and float(e["opacity"]) == comp["opacity"], e
        assert e["fill"] == "none", e
        kind = {"polygon": "belly", "circle": "head"}.get(e["tag"])
        if kind == "belly":  # the bellies solid, the rest dashed
            assert e["dash"] is None and e["width"] == round(widths["belly"] * px, 2), e
        else:
            assert e["dash"] in {dash(comp["dash"], w) for w in widths.values()}, e
    allowed = {"none", "white"} | {v["fill"] for v in SPEC["side"].values() if "fill" in v}
    allowed |= {SPEC["bone_style"]["fill"], SPEC["text_colour"], SPEC["muted_text_colour"]}
    allowed |= {a["colour"] for a in SPEC["arcs"].values()}
    allowed |= {SPEC["lumbar_label"]["colour"], comp["tag_colour"]}
    strain = {f for f in fills if f.startswith("rgb(")}
    assert fills - strain <= allowed, fills - strain - allowed


def test_play_runs_the_task_in_its_registry_direction(site, browser):
    """Active knee extension plays from the bent knee towards straight (play_direction -1)."""
    from anatomy.model.tasks import TASK_REGISTRY

    context, page, log = _offline_page(browser)
    try:
        page.goto((site["dir"] / "05_clinical_tests.html").as_uri())
        for panel in page.query_selector_all(".site-panel"):
            data = json.loads(page.evaluate(
                "p => document.getElementById('panel-data-' + p.id.slice(6)).textContent",
                panel))
            task = TASK_REGISTRY[data["task"]]
            slider = panel.query_selector(f"input[data-key={data['play']}]")
            start = float(slider.input_value())
            lo, hi = float(slider.get_attribute("min")), float(slider.get_attribute("max"))
            first, last = (lo, hi) if task.play_direction > 0 else (hi, lo)
            panel.query_selector("button.play").click()
            page.wait_for_function(
                "([s, v]) => parseFloat(s.value) !== v", arg=[slider, start], timeout=5000)
            panel.query_selector("button.play").click()  # pause
            now = float(slider.input_value())
            if start == last:  # a panel that starts at the end: Play runs again from the start
                assert abs(now - first) < abs(now - last), (data["task"], start, now)
            else:
                assert (now - start) * task.play_direction > 0, (data["task"], start, now)
    finally:
        context.close()
    assert not log["errors"], log["errors"]


def test_arcs_and_their_labels_are_the_kernel_scenes(site, browser):
    """At sampled grid points of every panel, each joint-angle arc lies where the kernel
    scene draws it (its own `angle_marks`: same centre, radius, start and sweep, to the mm)
    and its label says what the kernel's says (the model's angle, as rounded there); the
    trunk's arc is drawn exactly when the kernel scene draws it (upright tasks)."""
    import numpy as np

    from anatomy.model.body import posture_points
    from anatomy.view.picture_spec import SPEC
    from anatomy.view.scene import angle_marks

    context, page, log = _offline_page(browser)
    checked = 0
    try:
        for name, panel, data in _site_panels(page, site):
            kernel = _kernel_twin(data)
            upright = kernel.scene.task_solver == "upright"
            try:
                for values in _picks(data["sliders"]):
                    _set_sliders(page, panel, values)
                    posture = kernel.solver(**values)
                    want = angle_marks(posture_points(posture), posture, upright)
                    shown = panel.eval_on_selector_all(
                        "svg.side-view g.angle", "gs => gs.map(g => ({key: g.dataset.angle,"
                        " shown: g.getAttribute('display') !== 'none',"
                        " text: g.querySelector('text').textContent,"
                        " arc: g.querySelector('polyline') &&"
                        " g.querySelector('polyline').getAttribute('points')}))")
                    shown = {g["key"]: g for g in shown}
                    assert set(shown) == set(SPEC["arcs"]) | {"lumbar"}
                    for key, g in shown.items():
                        assert g["shown"] == (key in want), (name, key, values)
                        if key not in want:
                            continue
                        assert g["text"] == want[key]["text"], (name, key, values)
                        if key == "lumbar":
                            continue
                        js = _svg_points(g["arc"])
                        py = want[key]["arc"] * 1000
                        assert js.shape == py.shape, key
                        assert np.abs(js - py).max() < 1.5, (name, key, values)  # mm
                        r = np.linalg.norm(js - want[key]["centre"] * 1000, axis=1)
                        assert np.allclose(r, SPEC["arcs"][key]["radius_m"] * 1000,
                                           atol=1.5), (name, key)
                    checked += 1
            finally:
                kernel.close()
    finally:
        context.close()
    assert not log["errors"], log["errors"]
    assert checked >= 3 * len(site["summary"]["panels"])


def test_comparison_person_is_drawn_with_the_models_numbers(site, browser, artifacts):
    """Every panel with an SLR slider offers the kernel panel's second persons; chosen, the
    person is drawn dashed where the model puts them (solved as the kernel panel solves
    them: the same slider values, their own SLR), named as in the kernel scene, and the
    readouts show their numbers beside the first person's, as the kernel figure does."""
    import numpy as np

    from anatomy.model.body import posture_points
    from anatomy.ui import controls
    from anatomy.view.picture_spec import SPEC
    from anatomy.view.scene import _belly_polygon, person_rows

    def column(posture):
        angles, heads = person_rows(posture)
        return [t for _, t in angles + heads]

    context, page, log = _offline_page(browser)
    checked = 0
    try:
        for name, panel, data in _site_panels(page, site):
            kernel = _kernel_twin(data)
            try:
                radios = panel.query_selector_all(".compare-choice input[type=radio]")
                if kernel.compare is None:
                    assert not radios, name
                    continue
                options = list(kernel.compare.options)
                labels = [panel.evaluate("(p, id) => p.querySelector(`label[for='${id}']`)"
                                         ".textContent", r.get_attribute("id"))
                          for r in radios]
                assert labels == [o for o, _ in options], name
                ghost = panel.query_selector("svg.side-view g.comparison")
                assert ghost.get_attribute("display") == "none"  # nobody at first
                for k, (_, slr) in enumerate(options):
                    if slr is None:
                        continue
                    radios[k].check()
                    for values in _picks(data["sliders"], (0.0, 0.6)):
                        _set_sliders(page, panel, values)
                        assert ghost.get_attribute("display") != "none"
                        tag = panel.query_selector("svg.side-view .comparison-tag")
                        assert tag.text_content() == SPEC["text"]["comparison_tag"].format(
                            label=controls.compare_label(slr))
                        first = kernel.solver(**values)
                        other = kernel.solver(**{**values, "slr_deg": slr})
                        cells = panel.eval_on_selector_all(
                            ".comparison-table tbody tr", "rows => rows.map(r =>"
                            " [...r.querySelectorAll('td')].map(c => c.textContent))")
                        assert [c[0] for c in cells] == column(first), (name, values)
                        assert [c[1] for c in cells] == column(other), (name, slr, values)
                        pts = posture_points(other)
                        head = ghost.evaluate(
                            "g => { const c = g.querySelector('circle');"
                            " return [+c.getAttribute('cx'), -c.getAttribute('cy')]; }")
                        assert np.abs(np.array(head) - pts.head_centre[:2] * 1000).max() < 1.5
                        bellies = ghost.eval_on_selector_all(
                            "polygon", "ps => ps.map(p => p.getAttribute('points'))")
                        for head_name, text in zip(data["heads"], bellies):
                            py = _belly_polygon(pts.paths[head_name][:, :2], head_name)
                            js = _svg_points(text)
                            assert np.abs(js - py * 1000).max() < 1.5, (name, head_name)
                        checked += 1
                if name.startswith("04_") and panel.get_attribute("id") == "panel-0":
                    radios[1].check()
                    panel.scroll_into_view_if_needed()
                    page.screenshot(path=str(artifacts / "site_04_compare_1366.png"))
                    page.set_viewport_size({"width": 390, "height": 844})
                    panel.query_selector(".panel-view").scroll_into_view_if_needed()
                    page.screenshot(path=str(artifacts / "site_04_compare_390.png"))
                    page.set_viewport_size({"width": 1366, "height": 900})
                panel.query_selector("button.reset").click()
                assert ghost.get_attribute("display") == "none", "Reset: nobody again"
                assert radios[0].is_checked()
            finally:
                kernel.close()
    finally:
        context.close()
    assert not log["errors"], log["errors"]
    assert checked >= 4, checked


def test_nerve_is_the_models(site, browser):
    """The nerve panels (notebook 07) draw the sciatic nerve where the model runs it, in the
    colour of its load on the nerve's own ramp, with the kernel scene's words; the other
    panels draw no nerve."""
    import numpy as np

    from anatomy.model.nerve_course import nerve_path_points
    from anatomy.view.nerve_art import nerve_label, nerve_load
    from anatomy.view.picture_spec import nerve_rgb

    context, page, log = _offline_page(browser)
    checked = 0
    try:
        for name, panel, data in _site_panels(page, site):
            line = panel.query_selector("svg.side-view g.nerve polyline:last-of-type")
            if not data["kwargs"].get("nerve"):
                assert line is None, name
                continue
            kernel = _kernel_twin(data)
            try:
                for values in _picks(data["sliders"], (0.0, 0.4, 0.7, 1.0)):
                    _set_sliders(page, panel, values)
                    posture = kernel.solver(**values)
                    js = _svg_points(line.get_attribute("points"))
                    py = nerve_path_points(posture)[:, :2] * 1000
                    assert js.shape == py.shape and np.abs(js - py).max() < 1.0, values
                    want = "rgb({},{},{})".format(*nerve_rgb(round(1000 * nerve_load(
                        posture)) / 1000))
                    assert line.get_attribute("stroke") == want, values
                    words = panel.eval_on_selector_all(
                        "svg.side-view .nerve-text tspan", "ts => ts.map(t => t.textContent)")
                    assert "\n".join(words) == nerve_label(posture), values
                    checked += 1
            finally:
                kernel.close()
    finally:
        context.close()
    assert not log["errors"], log["errors"]
    assert checked >= 8, checked


LABEL_BOXES = """p => [...p.querySelectorAll('svg.side-view text')].filter(t => t.textContent.trim()
  && t.getBoundingClientRect().width > 0).map(t => { const r = t.getBoundingClientRect();
  return [t.textContent, r.left, r.top, r.right, r.bottom]; })"""


def test_words_on_the_picture_do_not_overlap(site, browser):
    """At phone and laptop widths, with the second person drawn, at the start pose and at
    the ends of the first slider, no two words on the picture overlap (screen pixels)."""
    hits = []
    for width, height in ((390, 844), (1366, 900)):
        context, page, log = _offline_page(browser, width, height)
        try:
            for name in _panel_pages(site):
                page.goto((site["dir"] / name).as_uri())
                for panel in page.query_selector_all(".site-panel"):
                    radios = panel.query_selector_all(".compare-choice input[type=radio]")
                    if radios:
                        radios[-1].check()
                    data = _panel_data(page, panel)
                    s = data["sliders"][-1]
                    for value in (s["value"], s["min"], s["max"]):
                        _set_sliders(page, panel, {s["key"]: value})
                        boxes = panel.evaluate(LABEL_BOXES)
                        for i, a in enumerate(boxes):
                            for b in boxes[i + 1:]:
                                if (a[1] < b[3] - 1 and b[1] < a[3] - 1 and a[2] < b[4] - 1
                                        and b[2] < a[4] - 1):
                                    hits.append(f"{width}px {name} {data['title']} "
                                                f"{s['key']}={value}: {a[0]!r} / {b[0]!r}")
        finally:
            context.close()
    assert not hits, "\n".join(hits)
