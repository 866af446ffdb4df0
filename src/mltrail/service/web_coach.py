"""Quizzes answered item by item, and placement tests that last across requests (the web app's needs).

- `answer_quiz`: answers typed into a quiz page, graded in the sandbox (`grading.quiz.answer_items`)
  and stored as one attempt of the quiz, like `mltrail check` on the quiz file: the attempt's code is
  the quiz file with those answers, its verdict's cases carry each item's index (mastery and reviews
  read them). The quiz counts as passed once every item's latest answer is right, whether they were
  answered at once or one at a time.
- A placement test kept in the store, so any request (or web process) can go on with it and the
  learner holds nothing they could forge: a ``placement_start`` event (subject "placement", detail
  {"modules", "max", "beliefs"}: where the test started), then the `coach_placement` answer events
  tagged with the test (detail "test": the start event's id), then a ``placement_end`` event once it
  is over (beside the ``placement_result`` event `coach_placement.finish` stores). `placement_run`
  replays them into a `coach.placement.Placement`, which is deterministic.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from mltrail.coach.placement import Placement, Question, scope_for_modules
from mltrail.service import coach_placement
from mltrail.service.errors import Conflict, Invalid

START_EVENT = "placement_start"
END_EVENT = "placement_end"
MAX_ANSWER_CHARS = 2000


# ---------------------------------------------------------------- quizzes


def quiz_exercise(app, exercise_id: str):
    """The quiz exercise; NotFound for an unknown id, Invalid when it is not a quiz."""
    exercise = app.exercise(exercise_id)
    if exercise.kind != "quiz":
        raise Invalid(exercise.id, f"is a {exercise.kind} exercise, not a quiz; open /exercises/{exercise.id}")
    return exercise


def latest_answers(app, learner: str, exercise) -> dict[str, dict]:
    """Each item's latest graded answer among `learner`'s attempts at the quiz: item id -> {"correct", "message"}."""
    items = exercise.manifest.items
    latest: dict[str, dict] = {}
    for attempt in app.attempts(learner, exercise.id):
        if attempt.status not in ("passed", "failed"):
            continue
        for case in (attempt.verdict or {}).get("cases") or []:
            index = case.get("index")
            if isinstance(index, int) and 0 <= index < len(items):
                latest[items[index].id] = {"correct": bool(case.get("passed")), "message": case.get("message") or ""}
    return latest


@dataclass
class ItemResult:
    """One item answered: right or not, and the explanation (right) or what is wrong (not yet)."""

    item: str
    index: int
    correct: bool
    message: str
    explanation: str | None  # the content's explanation, shown once the item is right

    def to_json(self) -> dict:
        return {"item": self.item, "index": self.index, "correct": self.correct, "message": self.message,
                "explanation": self.explanation}


@dataclass
class QuizAnswer:
    """Answers to a quiz graded and stored: the attempt, each item's result, and the quiz's state."""

    exercise: str
    attempt: int
    status: str  # "passed" once every item's latest answer is right, else "failed"
    message: str
    results: list[ItemResult]
    right: list[str] = field(default_factory=list)  # items whose latest answer is right, quiz order
    total: int = 0

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    def to_json(self) -> dict:
        return {"exercise": self.exercise, "attempt": self.attempt, "status": self.status, "passed": self.passed,
                "message": self.message, "results": [r.to_json() for r in self.results], "right": self.right,
                "total": self.total}


def _clean_answers(exercise, answers: dict[str, str]) -> dict[str, str]:
    known = [item.id for item in exercise.manifest.items]
    unknown = sorted(set(answers) - set(known))
    if unknown:
        raise Invalid(exercise.id, f"has no item {', '.join(unknown)}; its items are {', '.join(known)}")
    given = {}
    for item_id in known:  # quiz order
        text = answers.get(item_id)
        if text is None or not str(text).strip():
            continue
        text = str(text).strip()
        if len(text) > MAX_ANSWER_CHARS or "\0" in text:
            raise Invalid(item_id, f"an answer is plain text of at most {MAX_ANSWER_CHARS} characters")
        given[item_id] = text
    if not given:
        raise Invalid(exercise.id, "no answer was given: answer at least one question")
    return given


def answer_quiz(app, learner: str, exercise_id: str, answers: dict[str, str]) -> QuizAnswer:
    """Grade typed answers to some or all items of a quiz (in the sandbox) and store them as an attempt.

    Blank answers are left out (not answered, not counted). Nothing is stored when the answers
    cannot be graded (an Invalid says why).
    """
    from mltrail.curriculum.quiz_file import quiz_file
    from mltrail.grading.quiz import answer_items

    exercise = quiz_exercise(app, exercise_id)
    given = _clean_answers(exercise, answers)
    seed = secrets.randbits(32)
    verdict = answer_items(exercise, given, app.sandbox, tenant=learner, seed=seed)
    if verdict.status not in ("passed", "failed") or not verdict.cases:
        raise Invalid(exercise.id, f"the answers could not be graded ({verdict.status}: {verdict.message}); "
                                   "nothing was recorded, try again")
    items = exercise.manifest.items
    latest = {item: state["correct"] for item, state in latest_answers(app, learner, exercise).items()}
    latest.update({items[case.index].id: case.passed for case in verdict.cases})
    right = [item.id for item in items if latest.get(item.id)]
    verdict.status = "passed" if len(right) == len(items) else "failed"
    verdict.message = _quiz_message(verdict, len(right), len(items))
    code = quiz_file(exercise, {item.id: given.get(item.id) for item in items})
    attempt = app.store.start_attempt(app.learner_id(learner), exercise.id, code, seed, exercise.content_version())
    app.store.finish_attempt(attempt, verdict.to_record())
    results = [ItemResult(items[c.index].id, c.index, c.passed, c.message,
                          items[c.index].explanation if c.passed else None) for c in verdict.cases]
    return QuizAnswer(exercise.id, attempt, verdict.status, verdict.message, results, right, len(items))


def _quiz_message(verdict, right: int, total: int) -> str:
    now = sum(c.passed for c in verdict.cases)
    text = f"{now} of {len(verdict.cases)} answer{'s' if len(verdict.cases) != 1 else ''} right"
    if right == total:
        return f"{text}: every question of this quiz is now answered right."
    return f"{text}; {right} of the quiz's {total} questions answered right so far."


# ---------------------------------------------------------------- placement


@dataclass
class PlacementRun:
    """A placement test replayed from the store: its id (the start event's), scope and state."""

    test: int
    modules: list[str]
    placement: Placement
    ended: bool

    @property
    def question(self) -> Question | None:
        """The question to answer now (None once the test is over)."""
        return None if self.ended else self.placement.next_question()

    @property
    def number(self) -> int:
        return len(self.placement.answers) + 1


def placement_run(app, learner: str) -> PlacementRun | None:
    """`learner`'s latest placement test (running or ended), replayed; None if they never started one."""
    learner_id = app.learner_id(learner)
    starts = app.store.events(learner_id, kind=START_EVENT)
    if not starts:
        return None
    start = starts[-1]
    detail = start.detail or {}
    modules = [str(m) for m in detail.get("modules") or []]
    graph = app.skill_graph
    try:
        scope = scope_for_modules(graph, modules)
    except ValueError:  # a module gone from the course since: the test covers what is left
        scope = scope_for_modules(graph, [m for m in modules if any(graph.skills[s].module == m for s in graph.order)])
    beliefs = {s: float(p) for s, p in (detail.get("beliefs") or {}).items() if s in graph}
    placement = Placement(graph, scope=scope, max_questions=int(detail.get("max") or 20), beliefs=beliefs)
    for event in app.store.events(learner_id, kind=coach_placement.ANSWER_EVENT):
        answer = event.detail or {}
        if event.id > start.id and answer.get("test") == start.id:
            try:
                placement.answer(answer["item"], None if answer.get("skipped") else bool(answer.get("correct")))
            except (KeyError, ValueError):
                continue  # an item gone from the course since
    ended = any((e.detail or {}).get("test") == start.id for e in app.store.events(learner_id, kind=END_EVENT))
    return PlacementRun(start.id, modules, placement, ended)


def start_placement(app, learner: str, modules: list[str] | None = None, max_questions: int = 20) -> PlacementRun:
    """A new placement test for `learner` (replacing one still running); Invalid for an unknown module."""
    if isinstance(max_questions, bool) or not isinstance(max_questions, int) or not 1 <= max_questions <= 50:
        raise Invalid("max_questions", f"must be a whole number from 1 to 50, got {max_questions!r}")
    try:
        scope_for_modules(app.skill_graph, modules)
    except ValueError as exc:
        raise Invalid("modules", str(exc)) from None
    # as coach_placement.start: only what the coach has evidence on; elsewhere the test assumes nothing
    beliefs = {skill: state.p_known for skill, state in app.mastery(learner).items() if state.answers or state.placed}
    app.store.record_event(app.learner_id(learner), START_EVENT, "placement",
                           {"modules": list(dict.fromkeys(modules or [])), "max": max_questions, "beliefs": beliefs})
    run = placement_run(app, learner)
    if run.question is None:  # nothing left to ask (the coach is already sure): over at once
        finish_placement(app, learner, run)
    return run


def running(app, learner: str) -> PlacementRun:
    """The test `learner` is taking now; Conflict when there is none or it has ended."""
    run = placement_run(app, learner)
    if run is None:
        raise Conflict("placement", "no placement test is running: start one first")
    if run.ended:
        raise Conflict("placement", "this placement test has ended: start a new one to take it again")
    return run


@dataclass
class PlacementStep:
    """An answer taken: whether it was right (None: "don't know"), and the test after it."""

    item: str
    correct: bool | None
    run: PlacementRun
    outcome: coach_placement.PlacementOutcome | None  # once the test is over


def answer_placement(app, learner: str, item_id: str, text: str | None = None, source: bytes | None = None,
                     skip: bool = False) -> PlacementStep:
    """Answer the question asked now (`item_id` must be it: Conflict otherwise), graded in the sandbox.

    A quiz item takes `text`, a function exercise `source` (stored as an attempt); `skip`, a
    blank answer or "?" is "I don't know". The test ends by itself when it has asked enough.
    """
    run = running(app, learner)
    question = run.question
    if question is None:
        return PlacementStep(item_id, None, run, finish_placement(app, learner))
    if item_id != question.item.id:
        raise Conflict("placement", f"'{item_id}' is not the question asked now; reload the test to see it")
    if skip:
        correct = None
    elif question.item.kind == "quiz":
        if text is not None and (len(text) > MAX_ANSWER_CHARS or "\0" in text):
            raise Invalid(item_id, f"an answer is plain text of at most {MAX_ANSWER_CHARS} characters")
        correct = coach_placement.grade_quiz_answer(app, learner, question, text or "")
    else:
        correct = coach_placement.grade_function_answer(app, learner, question, source)
    run.placement.answer(question.item.id, correct)
    app.store.record_event(app.learner_id(learner), coach_placement.ANSWER_EVENT, question.item.id,
                           {"item": question.item.id, "correct": bool(correct), "skipped": correct is None,
                            "test": run.test})
    outcome = finish_placement(app, learner, run) if run.placement.done else None
    return PlacementStep(question.item.id, correct, run, outcome)


def finish_placement(app, learner: str, run: PlacementRun | None = None) -> coach_placement.PlacementOutcome:
    """End the running test (early, or once it is over): its result seeds mastery; what comes next."""
    run = run or running(app, learner)
    outcome = coach_placement.finish(app, learner, run.placement, run.modules)
    app.store.record_event(app.learner_id(learner), END_EVENT, "placement", {"test": run.test, "stop": outcome.stop})
    run.ended = True
    return outcome


def placement_outcome(app, learner: str) -> coach_placement.PlacementOutcome | None:
    """What `learner`'s latest ended test placed (recomputed from its answers); None if none has ended."""
    run = placement_run(app, learner)
    if run is None or not run.ended:
        return None
    placement = run.placement
    known, to_learn = placement.placed()
    asked = [{"item": a.item, "correct": a.correct, "skipped": a.skipped} for a in placement.answers]
    stops = [e for e in app.store.events(app.learner_id(learner), kind=END_EVENT) if (e.detail or {}).get("test") == run.test]
    stop = (stops[-1].detail or {}).get("stop", "") if stops else ""
    return coach_placement.PlacementOutcome(placement.result(), placement.beliefs(), known, to_learn, asked, stop,
                                            app.next_step(learner))


# ---------------------------------------------------------------- reviews


def due_reviews(app, learner: str, limit: int = 50):
    """`learner`'s review queue and its due reviews once per item (an item practising two due
    skills reviews both at once)."""
    from mltrail.service.coach_reviews import review_queue

    queue = review_queue(app, learner, limit=limit)
    seen: set[str] = set()
    once = []
    for review in queue.reviews:
        if review.item.id not in seen:
            seen.add(review.item.id)
            once.append(review)
    return queue, once


def answer_due_review(app, learner: str, skill: str, item_id: str, text: str):
    """Answer a quiz item due for review of `skill` now (Conflict when it is not due), as `mltrail review`."""
    from mltrail.service.coach_reviews import answer_review, review_queue

    if not text.strip():
        raise Invalid(item_id or "answer", "type an answer first")
    if len(text) > MAX_ANSWER_CHARS or "\0" in text:
        raise Invalid(item_id, f"an answer is plain text of at most {MAX_ANSWER_CHARS} characters")
    due = {(r.skill, r.item.id) for r in review_queue(app, learner).reviews if r.item.item is not None}
    if (skill, item_id) not in due:
        raise Conflict("review", f"'{item_id}' is not a quiz item due for review of {skill or 'a skill'} now; "
                                 "reload the page")
    return answer_review(app, learner, skill, item_id, text)
