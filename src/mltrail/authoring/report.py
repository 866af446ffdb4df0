"""`mltrail content check ID`: the gate for one exercise, with what each graded file did.

For every recorded mistake the author sees which case rejects it (its number, counted
from 1 as learners see it, its label and the message), and how the reference solution
and the starter fare, so a mistake that is caught only by luck shows up at once.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from mltrail.curriculum.extras import missing_extra
from mltrail.authoring.content_check import (
    case_problems,
    exercise_jobs,
    explanation_problems,
    grade_job,
    judge_job,
    job_path,
)
from mltrail.curriculum.graph import reference_problems
from mltrail.curriculum.loader import Curriculum, Exercise, Problem


@dataclass
class Outcome:
    """How one graded file fared, and whether that is what the gate requires."""

    file: str  # solution.py, starter.py, mistakes/<name>.py, generated answers
    seed: int
    must_pass: bool
    status: str
    message: str
    ok: bool
    case: int | None = None  # first failing case, counted from 1
    case_label: str | None = None
    case_message: str | None = None
    explanation: str | None = None  # a mistake's mistakes/<name>.md


@dataclass
class ExerciseReport:
    """Everything the gate found for one exercise."""

    exercise: str
    outcomes: list[Outcome] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: str | None = None  # why nothing was graded: an optional extra is not installed

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict:
        return {
            "exercise": self.exercise,
            "ok": self.ok,
            "skipped": self.skipped,
            "outcomes": [asdict(outcome) for outcome in self.outcomes],
            "problems": [{"path": str(p.path), "field": p.field, "message": p.message} for p in self.problems],
        }


def _outcome(job, verdict) -> Outcome:
    failure = verdict.first_failure
    outcome = Outcome(job.label, job.seed, job.must_pass, verdict.status, verdict.message, judge_job(job, verdict) is None)
    if failure is not None:
        outcome.case, outcome.case_label, outcome.case_message = failure.index + 1, failure.label, failure.message or None
    if job.label.startswith("mistakes/"):
        outcome.explanation = job.exercise.mistake_explanation(job_path(job))
    return outcome


def _static_problems(curriculum: Curriculum, exercise: Exercise) -> list[Problem]:
    from mltrail.authoring import content_check

    mine = [p for p in curriculum.problems + reference_problems(curriculum)
            if Path(p.path).resolve().is_relative_to(exercise.path.resolve())]
    return mine + (explanation_problems([exercise]) if content_check.REQUIRE_MISTAKE_EXPLANATIONS else [])


def exercise_report(curriculum: Curriculum, exercise: Exercise, runner=None, grade: bool = True) -> ExerciseReport:
    """The gate for one exercise: static problems, then every graded file with its first failing case."""
    report = ExerciseReport(exercise.id, problems=_static_problems(curriculum, exercise))
    if not grade:
        return report
    report.skipped = missing_extra(exercise)
    if report.skipped:
        return report
    if exercise.kind == "function":
        report.problems += case_problems(exercise)
    for job in exercise_jobs(exercise):
        verdict = grade_job(job, runner)
        if isinstance(verdict, Problem):
            if verdict.message not in {p.message for p in report.problems}:  # a broken check: say it once
                report.problems.append(verdict)
            continue
        outcome = _outcome(job, verdict)
        report.outcomes.append(outcome)
        if not outcome.ok:
            report.problems.append(judge_job(job, verdict))
    return report
