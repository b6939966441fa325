"""One-line hints instead of tracebacks when a notebook cell is run out of order.

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
