"""How often feedback names the right mistake: each recorded mistake graded as a submission.

A learner who makes a recorded mistake should be told about that mistake. This
grades every explained `mistakes/<name>.py` of a course as if a learner had sent
it, and counts how often the verdict names that same mistake.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from mltrail.authoring.content_check import MISTAKE_SEED
from mltrail.curriculum.loader import Curriculum


@dataclass(frozen=True)
class MistakeOutcome:
    """One recorded mistake graded as a submission: which mistake the feedback named."""

    exercise: str
    mistake: str  # mistakes/<mistake>.py
    named: str | None  # what the verdict named (None: no mistake, or the submission passed)

    @property
    def own(self) -> bool:
        return self.named == self.mistake


def mistake_outcomes(curriculum: Curriculum, runner=None, seed: int = MISTAKE_SEED) -> list[MistakeOutcome]:
    """Every explained recorded mistake of the function exercises, graded, with the mistake named."""
    import os

    from mltrail.grading.grader import ContentError, grade_source

    jobs = [(ex, path) for ex in curriculum.exercises() if ex.kind == "function"
            for path in ex.mistakes() if ex.mistake_explanation(path)]

    def grade(job) -> MistakeOutcome:
        exercise, path = job
        try:
            verdict = grade_source(exercise, path.read_bytes(), seed=seed, runner=runner, tenant="mistake-share")
        except ContentError:
            return MistakeOutcome(exercise.id, path.stem, None)
        return MistakeOutcome(exercise.id, path.stem, verdict.mistake.name if verdict.mistake else None)

    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        return list(pool.map(grade, jobs))


def mistake_share(curriculum: Curriculum, runner=None, seed: int = MISTAKE_SEED) -> float:
    """The share (0 to 1) of explained recorded mistakes whose own explanation a learner is shown."""
    outcomes = mistake_outcomes(curriculum, runner, seed)
    return sum(o.own for o in outcomes) / len(outcomes) if outcomes else 1.0


__all__ = ["MistakeOutcome", "mistake_outcomes", "mistake_share"]
