"""A notebook's set-up in one call (`notebook_setup`), and one-line hints instead of
tracebacks when a notebook cell is run out of order.

Teaching notebooks are run out of order all the time: a student opens one, scrolls down and
runs a cell whose panel was made further up. Python then prints a NameError traceback.
`notebook_hints` (called once by each notebook's setup cell) turns that into one line that
says what to do.

Examples
--------
>>> from anatomy.ui.hints import hint_for
>>> print(hint_for(NameError("name 'panel' is not defined")))
`panel` is made by an earlier cell: run the cells above this one first (Run > Run All Above Selected Cell).
"""
from __future__ import annotations

import re
import threading


def hint_for(exc: BaseException) -> str | None:
    """The one-line hint for an exception, or None when it is not an out-of-order error."""
    if isinstance(exc, NameError):
        m = re.search(r"name '([^']+)' is not defined", str(exc))
        if m:
            return (f"`{m.group(1)}` is made by an earlier cell: run the cells above this one "
                    "first (Run > Run All Above Selected Cell).")
    return None


def notebook_hints() -> bool:
    """Show a one-line hint, not a traceback, for names used before the cell that makes them.

    Returns True when the hint was installed (inside IPython), False elsewhere.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return False
    shell = get_ipython()
    if shell is None:
        return False

    def handler(shell, etype, value, tb, tb_offset=None):
        message = hint_for(value)
        if message is None:
            return shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        print(message)
        return None

    shell.set_custom_exc((NameError,), handler)
    return True


def _preheated() -> bool:
    """True in a Voila kernel started ahead of the page that will use it (a pre-heated pool)."""
    import os

    return os.environ.get("VOILA_PREHEAT", "False") != "False"


def _query_flags() -> dict[str, str]:
    """The page's query string in Voila (``?present=1``), empty elsewhere.

    Voila passes the page's query string to the kernel as ``QUERY_STRING`` (in a pre-heated
    kernel only once a page has taken it: see `_present_when_the_page_arrives`).
    """
    import os
    from urllib.parse import parse_qsl

    return dict(parse_qsl(os.environ.get("QUERY_STRING", "")))


def _wants_presenter() -> bool:
    return _query_flags().get("present", "").lower() in {"1", "true", "yes", "on"}


def _switch_to_presenter() -> int:
    """Presenter mode for the panels built from now on and for every open panel; returns
    how many open panels were switched."""
    from ..view.style import set_presenter_mode
    from .controls import _OPEN_PANELS

    set_presenter_mode(True)
    panels = list(_OPEN_PANELS.values())
    for panel in panels:
        panel.set_presenter(True)
    return len(panels)


def _present_when_the_page_arrives() -> threading.Thread:
    """In a pre-heated kernel: build everything now, and switch to presenter mode later.

    A pre-heated kernel runs the whole notebook before any student opens the page (that is
    what makes a class's pages arrive fast), so the query string is not known yet. A
    background thread waits for the page that takes the kernel (Voila's own
    ``wait_for_request``); if it asked for ``?present=1``, the switch runs on the kernel's
    event loop, where widgets are changed safely, and rebuilds the open panels at presenter
    sizes.
    """
    import asyncio

    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # pragma: no cover - a kernel without a running loop
        loop = None

    def wait() -> None:
        try:
            from voila.utils import wait_for_request
            wait_for_request()
        except Exception:  # pragma: no cover - Voila missing, or the page went away
            return
        if not _wants_presenter():
            return
        if loop is not None and loop.is_running():
            loop.call_soon_threadsafe(_switch_to_presenter)
        else:  # pragma: no cover
            _switch_to_presenter()

    thread = threading.Thread(target=wait, name="anatomy-wait-for-page", daemon=True)
    thread.start()
    return thread


def use_live_figures(shell=None) -> bool:
    """Make figures live (ipympl's ``%matplotlib widget``); still pictures when it is missing.

    Returns True for live figures. Without ipympl it switches to the inline backend (panels
    then show a picture that is redrawn after each slider move) and prints one line saying so.
    """
    if shell is None:
        from IPython import get_ipython
        shell = get_ipython()
    if shell is None:
        return False
    try:
        import ipympl  # noqa: F401
        shell.run_line_magic("matplotlib", "widget")
        return True
    except Exception as exc:  # ipympl missing or its front end unavailable
        shell.run_line_magic("matplotlib", "inline")
        print(f"Still pictures instead of live figures ({type(exc).__name__}: {exc}); "
              "the sliders still work. Install ipympl for live figures.")
        return False


def notebook_setup(live: bool = True) -> None:
    """Everything a notebook's setup cell does, in one call.

    * live figures with ipympl, or the inline backend with a one-line note when ipympl is
      missing (``live=False`` asks for still pictures: notebooks without panels);
    * a one-line hint instead of a traceback for a later cell run before the cell that makes
      its names (`notebook_hints`);
    * presenter mode when the page was opened with ``?present=1`` (Voila passes the query
      string to the kernel), for a projector without touching code; in a pre-heated Voila
      kernel the notebook runs on without waiting for the page, and the switch happens when
      the page arrives (`_present_when_the_page_arrives`).
    """
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        return
    if live:
        use_live_figures(shell)
    else:
        shell.run_line_magic("matplotlib", "inline")
    notebook_hints()
    if _preheated():  # the page is not there yet: do not wait for it (see the function)
        _present_when_the_page_arrives()
    elif _wants_presenter():
        from ..view.style import set_presenter_mode
        set_presenter_mode(True)
