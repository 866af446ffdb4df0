"""The default comparison of an expected value with what the learner's code returned.

`default_compare` returns None when the values match, or a short message saying
where they differ, written for the learner. Types are strict where confusing
them is a real mistake (True is not 1; a generator is not a list).
"""

from __future__ import annotations

import math
from typing import Any

from mltrail.sandbox.codec import SELF, Iterated

RTOL = 1e-6
ATOL = 1e-9


def _describe(value: Any) -> str:
    if type(value) is Iterated:  # what a generator (or iterator) yielded, consumed by the sandbox
        return "a generator (your function yields, or returns an iterator: collect the items in what the prompt asks for)"
    return type(value).__name__ if value is not None else "None"


def _digits(value: int) -> int:
    return max(1, int(abs(value).bit_length() * 0.30103) + 1)


def _is_number(value: Any) -> bool:
    return type(value) in (int, float)


def _close(a: float, b: float) -> bool:
    if math.isnan(a) and math.isnan(b):
        return True
    return math.isclose(a, b, rel_tol=RTOL, abs_tol=ATOL)


def _compare_number(expected: Any, got: Any, where: str) -> str | None:
    if type(got) is bool or not _is_number(got):
        return f"{where}expected a number, got {_describe(got)}"
    if type(expected) is int and type(got) is int:
        return None if expected == got else f"{where}expected {expected}, got {got}"
    try:
        close = _close(float(expected), float(got))
    except OverflowError:  # an int beyond the float range cannot be close to a float answer
        return f"{where}expected {expected!r}, got an integer too large for a float (about {_digits(got)} digits)"
    if close:
        return None
    return f"{where}expected {expected!r}, got {got!r}"


def _compare_array(expected: Any, got: Any, where: str) -> str | None:
    import numpy as np

    if type(got) in (list, tuple):
        try:
            got = np.asarray(got)
        except ValueError:
            return f"{where}expected an array of shape {expected.shape}, got a ragged list"
    if type(got) is not np.ndarray:
        return f"{where}expected a numpy array, got {_describe(got)}"
    if got.shape != expected.shape:
        return f"{where}expected shape {expected.shape}, got shape {got.shape}"
    if expected.dtype.kind in "biufc" and got.dtype.kind in "biufc":
        if expected.dtype.kind == "b" and got.dtype.kind != "b":
            return f"{where}expected an array of booleans, got dtype {got.dtype}"
        if np.allclose(got, expected, rtol=RTOL, atol=ATOL, equal_nan=True):
            return None
        bad = np.argwhere(~np.isclose(got, expected, rtol=RTOL, atol=ATOL, equal_nan=True))
        index = tuple(int(i) for i in bad[0])
        return f"{where}at index {index if len(index) != 1 else index[0]}: expected {expected[index]!r}, got {got[index]!r}"
    if expected.dtype.kind in "US" or expected.dtype.kind == "O":
        for index in np.ndindex(expected.shape):
            message = compare_values(expected[index], got[index], f"{where}[{', '.join(map(str, index))}] ")
            if message:
                return message
        return None
    return f"{where}expected values of dtype {expected.dtype}, got {got.dtype}"


def _compare_sequence(expected: Any, got: Any, where: str) -> str | None:
    if type(got) not in (list, tuple):
        return f"{where}expected a {type(expected).__name__}, got {_describe(got)}"
    if len(got) != len(expected):
        return f"{where}expected {len(expected)} elements, got {len(got)}"
    for i, (e, g) in enumerate(zip(expected, got)):
        message = compare_values(e, g, f"{where}[{i}] ")
        if message:
            return message
    return None


def _compare_dict(expected: dict, got: Any, where: str) -> str | None:
    if type(got) is not dict:
        return f"{where}expected a dict, got {_describe(got)}"
    missing = [k for k in expected if k not in got]
    if missing:
        return f"{where}key {missing[0]!r} is missing"
    extra = [k for k in got if k not in expected]
    if extra:
        return f"{where}unexpected key {extra[0]!r}"
    for key, value in expected.items():
        message = compare_values(value, got[key], f"{where}[{key!r}] ")
        if message:
            return message
    return None


def _compare_pandas(expected: Any, got: Any, where: str) -> str | None:
    import numpy as np
    import pandas as pd

    if type(got) is not type(expected):
        return f"{where}expected a {type(expected).__name__}, got {_describe(got)}"
    if list(got.index) != list(expected.index):
        return f"{where}the index differs: expected {list(expected.index)[:8]}, got {list(got.index)[:8]}"
    if isinstance(expected, pd.DataFrame):
        if list(got.columns) != list(expected.columns):
            return f"{where}expected columns {list(expected.columns)}, got {list(got.columns)}"
        for column in expected.columns:
            message = _compare_array(np.asarray(expected[column]), np.asarray(got[column]), f"{where}column {column!r}: ")
            if message:
                return message
        return None
    return _compare_array(np.asarray(expected), np.asarray(got), where)


def compare_values(expected: Any, got: Any, where: str = "") -> str | None:
    """None if `got` matches `expected`, else a message naming the first difference."""
    kind = type(expected)
    if expected is None:
        return None if got is None else f"{where}expected None, got {got!r}"
    if expected is SELF:
        return None if got is SELF else f"{where}expected the method to return self, got {_describe(got)}"
    if kind is bool:
        if type(got) is not bool:
            return f"{where}expected True or False, got {_describe(got)} {got!r}"
        return None if got == expected else f"{where}expected {expected}, got {got}"
    if kind in (int, float):
        return _compare_number(expected, got, where)
    if kind is complex:
        if type(got) not in (int, float, complex):
            return f"{where}expected a complex number, got {_describe(got)}"
        return None if abs(complex(got) - expected) <= ATOL + RTOL * abs(expected) else f"{where}expected {expected}, got {got}"
    if kind is str:
        if type(got) is not str:
            return f"{where}expected a string, got {_describe(got)}"
        return None if got == expected else f"{where}expected {expected!r}, got {got!r}"
    if kind is Iterated:
        if type(got) is not Iterated:
            return f"{where}expected a generator (use yield), got {_describe(got)}"
        if got.truncated:
            return f"{where}your generator did not stop (it yielded more than {len(got.items):,} items)"
        return _compare_sequence(expected.items, got.items, where)
    if kind in (list, tuple):
        return _compare_sequence(expected, got, where)
    if kind is dict:
        return _compare_dict(expected, got, where)
    if kind in (set, frozenset):
        if type(got) not in (set, frozenset):
            return f"{where}expected a set, got {_describe(got)}"
        return None if got == expected else f"{where}expected {sorted(expected, key=repr)}, got {sorted(got, key=repr)}"
    module = kind.__module__.split(".")[0]
    if module == "numpy":
        import numpy as np

        if isinstance(expected, np.ndarray):
            return _compare_array(expected, got, where)
        return compare_values(expected.item(), got, where)
    if module == "pandas":
        return _compare_pandas(expected, got, where)
    return None if got == expected else f"{where}expected {expected!r}, got {got!r}"


def common_mistake(got: Any, args: dict, expected: Any) -> str | None:
    """A note for mistakes seen often: returning None, or an input unchanged."""
    if got is None and expected is not None:
        return "Your function returned None. Did you forget a `return` statement?"
    for name, value in args.items():
        if type(value) is type(got) and not _is_number(got) and type(got) is not bool:
            try:
                same = compare_values(value, got) is None
            except Exception:
                same = False
            if same and compare_values(expected, got) is not None:
                return f"Your function returned a value equal to the input `{name}`: did you return it unchanged?"
    return None
