"""What the coach reads: plain attempt and event records, whoever stores them.

The coach never imports the store. Any object with these attributes will do (the
store's own records, rows rebuilt from an export, or test data), so the store
stands alone and the coach can be fed from anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


class AttemptLike(Protocol):
    """One graded (or pending) submission of a learner."""

    exercise_id: str
    passed: bool


class EventLike(Protocol):
    """One thing a learner did besides submitting: a hint, a solution or a lesson read."""

    kind: str
    subject: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class Attempt:
    """A minimal attempt record, for callers that have no store at hand."""

    exercise_id: str
    passed: bool


@dataclass(frozen=True)
class Event:
    """A minimal event record, for callers that have no store at hand."""

    kind: str
    subject: str
    detail: dict[str, Any] = field(default_factory=dict)
