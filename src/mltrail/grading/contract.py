"""The check contract: what a `check.py` may yield and return.

A check runs in the trusted process. `cases(rng)` yields the inputs of each
case, either as a plain dict of keyword arguments or wrapped in `Case` to
mark it hidden or to give it a label that feedback shows.
`compare(expected, got, case)` is optional; it returns True (or None) for a
pass, False for a fail, or a string that explains the failure to the learner.

A case may expect an exception instead of a value: `raises(args, ValueError,
match="negative")`. The reference must raise it too (the author's gate says so
when it does not); a submission passes the case when it raises that type (or a
subclass) with a message matching the pattern, and, for a class, at the same
call as the reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from mltrail.sandbox.codec import Iterated  # noqa: F401  (authors compare generators with it)


@dataclass(frozen=True)
class Raises:
    """What a case expects to be raised: an exception type's name and a message pattern."""

    type: str  # e.g. "ValueError"; a subclass passes too
    match: str | None = None  # a regular expression searched for in the message (re.search)

    def describe(self, verb: str = "raises") -> str:
        return f"{verb} {self.type}" + (f" with a message matching {self.match!r}" if self.match else "")


@dataclass
class Case:
    """One test case: keyword arguments for the entry function."""

    args: dict[str, Any]
    hidden: bool = False
    label: str | None = None
    files: dict[str, str] = field(default_factory=dict)
    raises: Raises | None = None

    @classmethod
    def of(cls, item: "Case | dict[str, Any]") -> "Case":
        if isinstance(item, Case):
            return item
        if isinstance(item, dict):
            return cls(args=item)
        raise TypeError(
            f"cases() must yield dicts of keyword arguments or Case objects, got {type(item).__name__}"
        )


def hidden(args: dict[str, Any], label: str | None = None) -> Case:
    """A case whose input, expected value and output are never shown."""
    return Case(args=args, hidden=True, label=label)


def labelled(args: dict[str, Any], label: str) -> Case:
    """A visible case with a short label shown in feedback, e.g. 'empty list'."""
    return Case(args=args, label=label)


def raises(
    args: dict[str, Any], exception: type[BaseException] | str, match: str | None = None,
    label: str | None = None, hidden: bool = False,
) -> Case:
    """A case where the entry must raise `exception` (a class or its name), its message matching `match`.

    `match` is a regular expression searched for in the message; keep it to the words the
    prompt promises (e.g. "negative"), so any wording that says it passes.
    """
    if isinstance(exception, type) and issubclass(exception, BaseException):
        name = exception.__name__
    elif isinstance(exception, str) and exception.isidentifier():
        name = exception
    else:
        raise TypeError(f"raises() needs an exception class or its name, got {exception!r}")
    if match is not None:
        re.compile(match)  # a bad pattern is the author's error, found when the cases are built
    return Case(args=args, hidden=hidden, label=label, raises=Raises(name, match))
