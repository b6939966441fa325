"""Input checks shared by every public function.

Every check names the parameter, shows the value it got and states what is allowed, so that
a student who types ``hip_flexion_deg=200`` learns what went wrong from the message alone.
"""
from __future__ import annotations

import numbers
from collections.abc import Iterable

import numpy as np


class AnatomyInputError(ValueError):
    """A value outside what the model allows (a ``ValueError``)."""


class AnatomyTypeError(AnatomyInputError, TypeError):
    """A value of the wrong kind (both a ``ValueError`` and a ``TypeError``).

    Catch it as either: the model's documentation promises ``ValueError`` for bad input, and
    Python's convention is ``TypeError`` for a wrong type.
    """


def _show(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def real_array(name: str, value, lo: float, hi: float, unit: str = "deg") -> np.ndarray | float:
    """Return ``value`` as a float (scalar in) or float array, after checking it.

    Raises `AnatomyTypeError` for strings, booleans, None and other non-numbers, and
    `AnatomyInputError` for NaN, infinities or values outside ``[lo, hi]``.
    """
    if isinstance(value, (str, bytes, bool, np.bool_)) or value is None:
        raise AnatomyTypeError(
            f"{name} must be a number in {unit} from {lo:g} to {hi:g}; got {_show(value)}"
        )
    scalar = isinstance(value, numbers.Real)
    try:
        raw = np.asarray(value)
    except (TypeError, ValueError):
        raw = None
    if raw is not None and raw.dtype.kind in "bUSOcV":  # booleans, text, objects, complex
        raise AnatomyTypeError(
            f"{name} must be a number (or an array of numbers) in {unit} from {lo:g} to {hi:g};"
            f" got {_show(value)}")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise AnatomyTypeError(
            f"{name} must be a number (or an array of numbers) in {unit} from {lo:g} to {hi:g};"
            f" got {_show(value)}"
        ) from None
    if arr.dtype == object:
        raise AnatomyTypeError(f"{name} must be numeric; got {_show(value)}")
    finite = np.isfinite(arr)
    if not finite.all():
        bad = arr[~finite].flat[0]
        raise AnatomyInputError(
            f"{name} must be a finite number in {unit} from {lo:g} to {hi:g}; got {bad!r}"
        )
    # a tiny tolerance so that round-off from unit conversions never trips the range check
    tol = 1e-9 * max(1.0, abs(lo), abs(hi))
    out = (arr < lo - tol) | (arr > hi + tol)
    if out.any():
        bad = arr[out].flat[0]
        raise AnatomyInputError(
            f"{name}={bad:g} {unit} is outside the model's range {lo:g} to {hi:g} {unit}"
        )
    arr = np.clip(arr, lo, hi)
    if scalar or arr.ndim == 0:
        return float(arr)
    return arr


def choice(name: str, value, allowed: Iterable[str]) -> str:
    """Check that ``value`` is one of ``allowed`` (strings)."""
    allowed = tuple(allowed)
    if not isinstance(value, str):
        raise AnatomyTypeError(f"{name} must be one of {allowed}; got {_show(value)}")
    if value not in allowed:
        raise AnatomyInputError(f"{name} must be one of {allowed}; got {_show(value)}")
    return value


class ReadOnlyDict(dict):
    """A dict that cannot be changed after it is made (and still pickles and copies)."""

    def _refuse(self, *args, **kwargs):
        raise TypeError("this mapping is read-only (it belongs to a frozen result)")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse
    __ior__ = _refuse

    def __reduce__(self):
        return (ReadOnlyDict, (dict(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __hash__(self):
        return hash(tuple(sorted(self.items())))
