"""Presenter mode and take-away figures (`anatomy.present`)."""

import matplotlib
import pytest
from matplotlib.figure import Figure
from PIL import Image

import anatomy
from anatomy.ui.presenter import present
from anatomy.view.export import MIN_PNG_DPI, save_figure, save_sweep_gif
from anatomy.view.scene import Scene
from anatomy.view.style import presenter_mode


@pytest.fixture(autouse=True)
def _presenter_off():
    """Every test starts and ends with presenter mode off, whatever happens in it."""
    present(False)
    try:
        yield
    finally:
        present(False)


@pytest.fixture
def small_figure():
    fig = Figure(figsize=(2.0, 1.5), dpi=100)
    fig.add_subplot().plot([0, 1], [0, 1])
    return fig


@pytest.fixture
def scene():
    s = Scene(anatomy.straight_leg_raise(10.0), name="test-present-scene")
    yield s
    s.close()


# ------------------------------------------------------------------------------------------
# presenter mode
# ------------------------------------------------------------------------------------------
def test_present_toggles_presenter_mode():
    assert presenter_mode() is False
    present()  # default: on
    assert presenter_mode() is True
    present(False)
    assert presenter_mode() is False
    present(True)
    present(True)  # idempotent
    assert presenter_mode() is True
    present(0)  # anything falsy turns it off
    assert presenter_mode() is False


def test_presenter_mode_applies_to_scenes_built_afterwards():
    before = Scene(anatomy.standing(), name="test-present-before")
    try:
        present(True)
        assert before.presenter is False  # built earlier: unchanged
        after = Scene(anatomy.standing(), name="test-present-after")
        try:
            assert after.presenter is True
            assert after.figure.get_size_inches()[0] > before.figure.get_size_inches()[0]
            explicit = Scene(anatomy.standing(), name="test-present-explicit", presenter=False)
            assert explicit.presenter is False  # an explicit argument wins
            explicit.close()
        finally:
            after.close()
    finally:
        before.close()


@pytest.mark.parametrize("kernel_loop", [True, False], ids=["on the kernel's loop", "no loop"])
def test_a_preheated_kernel_runs_on_and_switches_when_the_page_arrives(monkeypatch,
                                                                       kernel_loop):
    """In a pre-heated Voila kernel the setup must not wait for the page (the rest of the
    notebook runs ahead, which is what makes a class's pages fast); ``?present=1`` is applied
    when the page arrives, to the panels already open: on the kernel's event loop (a loop
    running in a thread of its own stands in for it here), or at once without one."""
    import asyncio
    import threading
    import time

    import voila.utils

    from anatomy.ui import controls, hints

    arrived = threading.Event()
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.delenv("QUERY_STRING", raising=False)
    monkeypatch.setattr(voila.utils, "wait_for_request", lambda url=None: arrived.wait(10))
    switched = []

    class OpenPanel:
        def set_presenter(self, on):
            switched.append(on)

    monkeypatch.setitem(controls._OPEN_PANELS, "test-open-panel", OpenPanel())
    loop = asyncio.new_event_loop()
    runner = threading.Thread(target=loop.run_forever, daemon=True)
    if kernel_loop:
        runner.start()
        while not loop.is_running():
            time.sleep(0.01)

    def running_loop():
        if kernel_loop:
            return loop
        raise RuntimeError("no running event loop")

    monkeypatch.setattr(asyncio, "get_running_loop", running_loop)
    try:
        assert hints._preheated()
        thread = hints._present_when_the_page_arrives()
        assert thread.is_alive() and not presenter_mode(), "the setup waited for the page"
        monkeypatch.setenv("QUERY_STRING", "present=1")
        arrived.set()
        thread.join(10)
        deadline = time.time() + 5
        while not switched and time.time() < deadline:  # the loop runs the switch
            time.sleep(0.01)
        assert presenter_mode() and switched == [True]
    finally:
        if kernel_loop:
            loop.call_soon_threadsafe(loop.stop)
            runner.join(5)
        loop.close()


def test_anatomy_present_is_callable_as_documented():
    """``anatomy.present()`` is the switch (README, teacher notes), not the submodule."""
    assert anatomy.present is present
    anatomy.present(True)
    assert presenter_mode() is True
    anatomy.present(False)
    assert presenter_mode() is False


# ------------------------------------------------------------------------------------------
# save_figure
# ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("dpi", [72, 100, 150, 199])
def test_save_figure_refuses_a_png_below_200_dpi(small_figure, tmp_path, dpi):
    path = tmp_path / "slide.png"
    with pytest.raises(ValueError, match=rf"dpi={dpi}\b.*200"):
        save_figure(small_figure, path, dpi=dpi)
    assert not path.exists()


@pytest.mark.parametrize("name", ["slide.jpg", "slide.gif", "slide", "slide.png.txt",
                                  "slide.eps"])
def test_save_figure_refuses_unknown_suffixes(small_figure, tmp_path, name):
    with pytest.raises(ValueError, match=r"\.png, \.svg or \.pdf"):
        save_figure(small_figure, tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_save_figure_writes_png_at_the_dpi_asked(small_figure, tmp_path):
    out = save_figure(small_figure, tmp_path / "deep" / "er" / "slide.PNG", dpi=250)
    assert out == str(tmp_path / "deep" / "er" / "slide.PNG")  # folders made, name kept
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.size == (500, 375)
        assert image.info["dpi"][0] == pytest.approx(250, abs=0.5)


def test_save_figure_default_is_200_dpi(small_figure, tmp_path):
    assert MIN_PNG_DPI == 200
    with Image.open(save_figure(small_figure, tmp_path / "a.png")) as image:
        assert image.size == (400, 300)


@pytest.mark.parametrize("suffix, magic", [(".svg", b"<?xml"), (".pdf", b"%PDF-")])
def test_save_figure_writes_vector_formats_whatever_the_dpi(small_figure, tmp_path, suffix,
                                                            magic):
    out = save_figure(small_figure, tmp_path / f"slide{suffix}", dpi=72)  # dpi ignored
    with open(out, "rb") as f:
        assert f.read(5) == magic


# ------------------------------------------------------------------------------------------
# save_sweep_gif
# ------------------------------------------------------------------------------------------
def test_save_sweep_gif_reports_progress_once_per_frame(scene, tmp_path):
    postures = anatomy.sweep("straight_leg_raise", [0.0, 20.0, 40.0, 60.0, 75.0])
    calls = []
    out = save_sweep_gif(scene, postures, tmp_path / "sweep.gif", dpi=30,
                         progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    with Image.open(out) as image:
        assert image.format == "GIF"
        assert image.n_frames == 5  # every pose differs, so no frame is merged
        assert image.info.get("loop") == 0
    assert scene.posture == postures[-1]  # left on the last pose


def test_save_sweep_gif_progress_is_optional(scene, tmp_path):
    postures = anatomy.sweep("straight_leg_raise", [0.0, 50.0])
    out = save_sweep_gif(scene, postures, tmp_path / "two.gif", dpi=30)
    with Image.open(out) as image:
        assert image.n_frames == 2


def test_save_sweep_gif_refuses_other_suffixes(scene, tmp_path):
    calls = []
    with pytest.raises(ValueError, match=r"\.gif"):
        save_sweep_gif(scene, anatomy.sweep("straight_leg_raise", [0.0]),
                       tmp_path / "sweep.png", progress=lambda *a: calls.append(a))
    assert calls == [] and not (tmp_path / "sweep.png").exists()


def test_backend_is_agg_in_tests():
    assert matplotlib.get_backend().lower() == "agg"
