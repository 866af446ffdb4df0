"""The check contract: what a `check.py` may yield and return.

A check runs in the trusted process. `cases(rng)` yields the inputs of each
case, either as a plain dict of keyword arguments or wrapped in `Case` to
mark it hidden or to give it a label that feedback shows.
`compare(expected, got, case)` is optional; it returns True (or None) for a
pass, False for a fail, or a string that explains the failure to the learner.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mltrail.sandbox.codec import Iterated  # noqa: F401  (authors compare generators with it)


@dataclass
class Case:
    """One test case: keyword arguments for the entry function."""

    args: dict[str, Any]
    hidden: bool = False
    label: str | None = None
    files: dict[str, str] = field(default_factory=dict)

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
