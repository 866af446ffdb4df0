"""A learner's placement test through the App: questions, answers graded in the sandbox, the result stored.

The test itself is `coach.placement.Placement` (pure); this module gives it the learner's
current mastery to start from, grades each answer (a quiz item's typed text through
`grading.quiz.answer_items`, a function exercise's source through `App.grade`, which also
stores the attempt) and records what happened as store events, which the coach replays:

- ``placement_answer`` (subject: the item id), detail ``{"item": id, "correct": bool,
  "skipped": bool}``, one per question answered (a skip is a "don't know");
- ``placement_result`` (`mastery.PLACEMENT`, subject ``"placement"``), detail
  ``{"skills": {skill: p_known}, "questions": n, "stop": why, "scope": [modules]}``: the
  estimate that seeds mastery from then on, for the skills some answer told about (none
  stored when no question was answered).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mltrail.coach.mastery import PLACEMENT
from mltrail.coach.placement import MAX_QUESTIONS, Placement, Question, scope_for_modules
from mltrail.service.errors import Invalid

ANSWER_EVENT = "placement_answer"
DONT_KNOW = ("", "?")


def start(app, learner: str, modules: list[str] | None = None, max_questions: int = MAX_QUESTIONS) -> Placement:
    """A placement test for `learner` over these modules (all by default), starting from their
    mastery where they have answered or been placed before.

    ValueError for an unknown module (naming the modules there are) or a budget below 1.
    """
    graph = app.skill_graph
    scope = scope_for_modules(graph, modules)
    # only what the coach has evidence on; elsewhere the test assumes nothing (placement.START)
    beliefs = {skill: state.p_known for skill, state in app.mastery(learner).items() if state.answers or state.placed}
    return Placement(graph, scope=scope, max_questions=max_questions, beliefs=beliefs)


def quiz_item(app, question: Question):
    """The quiz item's own record (prompt, choices, kind) from the content."""
    exercise = app.exercise(question.item.exercise)
    return next(item for item in exercise.manifest.items if item.id == question.item.item)


def grade_quiz_answer(app, learner: str, question: Question, text: str) -> bool | None:
    """Whether the typed answer to a quiz item is right (graded in the sandbox); None for "don't know"."""
    typed = (text or "").strip()
    if typed in DONT_KNOW:
        return None
    exercise = app.exercise(question.item.exercise)
    from mltrail.grading.quiz import answer_items

    verdict = answer_items(exercise, {question.item.item: typed}, app.sandbox, tenant=learner)
    if verdict.status not in ("passed", "failed") or not verdict.cases:
        raise Invalid(question.item.id, f"the answer could not be graded ({verdict.status}: {verdict.message})")
    return bool(verdict.cases[0].passed)


def grade_function_answer(app, learner: str, question: Question, source: bytes | None) -> bool | None:
    """Whether the learner's source passes the exercise (stored as an attempt); None when skipped."""
    if source is None or not source.strip():
        return None
    return app.grade(learner, question.item.exercise, source).passed


def record_answer(app, learner: str, placement: Placement, question: Question, correct: bool | None) -> None:
    """Tell the test the outcome and keep it as a `placement_answer` event."""
    placement.answer(question.item.id, correct)
    app.store.record_event(app.learner_id(learner), ANSWER_EVENT, question.item.id,
                           {"item": question.item.id, "correct": bool(correct), "skipped": correct is None})


@dataclass
class PlacementOutcome:
    """What a finished test placed: skills known and to learn (course order), and the next step.

    `skills` is what was stored (the skills some answer told about); `beliefs` every skill in scope."""

    skills: dict[str, float]
    beliefs: dict[str, float]
    known: list[str]
    to_learn: list[str]
    questions: list[dict] = field(default_factory=list)
    stop: str = ""
    next_step: object = None

    def to_json(self) -> dict:
        return {"skills": self.skills, "beliefs": self.beliefs, "known": self.known, "to_learn": self.to_learn,
                "questions": self.questions, "stop": self.stop,
                "next": self.next_step.to_json() if self.next_step is not None else None}


def finish(app, learner: str, placement: Placement, modules: list[str] | None = None) -> PlacementOutcome:
    """Store the result as the `placement_result` event (it seeds mastery) and say what comes next."""
    result = placement.result()
    stop = placement.stop_reason or "stopped by the learner"
    if result:  # no answer, nothing learnt: mastery stays as it was
        app.store.record_event(app.learner_id(learner), PLACEMENT, "placement",
                               {"skills": result, "questions": len(placement.answers), "stop": stop,
                                "scope": list(modules or [])})
    known, to_learn = placement.placed()
    asked = [{"item": a.item, "correct": a.correct, "skipped": a.skipped} for a in placement.answers]
    return PlacementOutcome(result, placement.beliefs(), known, to_learn, asked, stop, app.next_step(learner))
