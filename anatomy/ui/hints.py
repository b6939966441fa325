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


def _query_flags() -> dict[str, str]:
    """The page's query string in Voila (``?present=1``), empty elsewhere.

    Voila passes the page's query string to the kernel as ``QUERY_STRING``; with pre-heated
    kernels the notebook first waits here for the page that takes the kernel.
    """
    import os
    from urllib.parse import parse_qsl

    if os.environ.get("VOILA_PREHEAT", "False") != "False":  # a pre-heated kernel: wait
        try:
            from voila.utils import wait_for_request
            wait_for_request()
        except Exception:  # pragma: no cover - Voila not installed or the page went away
            pass
    return dict(parse_qsl(os.environ.get("QUERY_STRING", "")))


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
      string to the kernel), for a projector without touching code.
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
    flag = _query_flags().get("present", "").lower()
    if flag in {"1", "true", "yes", "on"}:
        from ..view.style import set_presenter_mode
        set_presenter_mode(True)
