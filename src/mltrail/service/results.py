"""Typed results of the engine: plain dataclasses any interface renders or turns into JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

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
    needs: str | None = None  # why it cannot be graded here: an optional extra to install

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class HintStep:
    """The hints a learner has seen of an exercise's ladder, the newest last, and how many there are."""

    exercise: Exercise
    shown: list[str]
    total: int
    new: bool  # False when the learner asked again after the last hint (not counted again)


@dataclass(frozen=True)
class Progress:
    """How far a learner is (`mltrail progress --json` prints `to_json()`)."""

    exercises: int  # in the course
    passed: int  # of them, passed at least once
    percent: float
    attempts: int
    hints_taken: int  # distinct hints seen
    solutions_revealed: list[str]  # exercises whose solution was seen before passing
    modules: list[dict]  # per module: id, title, exercises, passed, attempted, lessons, lessons_read
    skills: dict[str, dict]  # per skill id: title, exercises, passed
    passed_ids: list[str]
    extra: dict = field(default_factory=dict)  # anything the coach reports beyond the fields above

    @classmethod
    def from_summary(cls, data: dict) -> "Progress":
        known = {f.name for f in fields(cls)} - {"extra"}
        return cls(**{k: data[k] for k in known}, extra={k: v for k, v in data.items() if k not in known})

    def to_json(self) -> dict:
        data = asdict(self)
        extra = data.pop("extra")
        return {**data, **extra}


__all__ = ["Check", "ExerciseSummary", "HintStep", "Progress"]
