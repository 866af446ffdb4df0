"""Typed results of the engine: plain dataclasses any interface renders or turns into JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from mltrail.curriculum.loader import Exercise
from mltrail.doctor import Check


@dataclass(frozen=True)
class ExerciseSummary:
    """One row of the exercise list (`mltrail list --json` prints these fields)."""

    id: str
    module: str
    title: str
    kind: str
    entry: str | None
    skills: list[str]
    difficulty: int
    minutes: int

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class HintStep:
    """The hints a learner has seen of an exercise's ladder, the newest last, and how many there are."""

    exercise: Exercise
    shown: list[str]
    total: int
    new: bool  # False when the learner asked again after the last hint (not counted again)


__all__ = ["Check", "ExerciseSummary", "HintStep"]
