"""Reviews and the model's refit, for any interface: functions of the App and a learner.

- `review_queue`: the learner's due reviews (coach.reviews), replayed from their records.
- `answer_review`: a typed answer to a quiz item of a due skill, graded in the sandbox
  (`grading.quiz.answer_items`) and recorded as an event of kind `REVIEW` ("review") with
  detail {"skill", "item", "correct", "rating"}; subject is the skill.
- `fit_params`: `mltrail coach fit`: every learner's answers, BKT refitted (coach.fit),
  the result stored in the `coach_params` table (replacing the previous fit).
- `param_source`: the stored fit as a `mastery.ParamSource` (defaults where nothing is stored).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timezone

from mltrail.coach import fit as coach_fit
from mltrail.coach import reviews
from mltrail.service.errors import Invalid, NotFound


_PARAMS: dict[int, tuple] = {}  # id(store) -> (store, the fit's stamp, its ParamTable)
_PARAMS_LOCK = threading.Lock()


def param_source(app) -> coach_fit.ParamTable:
    """The BKT parameters `mltrail coach fit` stored, falling back to the defaults per difficulty.

    Read again only when the stored fit changes (its stamp, read once per web request), so the
    same table serves every learner between two fits."""
    store = app.store
    stamp = store.coach_params_stamp()
    with _PARAMS_LOCK:
        found = _PARAMS.get(id(store))
    if found is not None and found[0] is store and found[1] == stamp:
        return found[2]
    table = coach_fit.ParamTable.from_records(store.coach_params())
    with _PARAMS_LOCK:
        if len(_PARAMS) > 16:
            _PARAMS.clear()
        _PARAMS[id(store)] = (store, stamp, table)
    return table


def _usable(app):
    from mltrail.curriculum.extras import missing_extra

    def usable(item) -> bool:
        exercise = app.curriculum.exercise(item.exercise)
        return exercise is not None and missing_extra(exercise) is None

    return usable


def review_cards(app, learner: str) -> dict[str, reviews.SkillCard]:
    """The FSRS card of every skill `learner` has mastered, replayed from their records."""
    learner_id = app.learner_id(learner)
    return dict(app.memo("review_cards", learner, lambda: reviews.cards(
        app.skill_graph, app.store.attempts(learner_id), app.store.events(learner_id), param_source(app)),
        reads_matter=False))


@dataclass
class ReviewQueue:
    """What is due for a learner now: `reviews` (at most the limit asked), `due` counts them all."""

    now: datetime
    reviews: list[reviews.DueReview]
    due: int
    cards: int
    next_due: datetime | None

    def to_json(self) -> dict:
        return {"now": self.now.isoformat(), "due": self.due, "cards": self.cards,
                "next_due": self.next_due.isoformat() if self.next_due else None,
                "reviews": [review.to_json() for review in self.reviews]}


def review_queue(app, learner: str, limit: int | None = None, now: datetime | None = None) -> ReviewQueue:
    """`learner`'s due reviews, most overdue first (at most `limit`), with counts and the next due date."""
    if limit is not None and limit < 1:
        raise Invalid("--limit", f"must be at least 1, got {limit}")
    now = now or datetime.now(timezone.utc)
    found = review_cards(app, learner)
    passed = app.passed_ids(learner)
    due = reviews.due(app.skill_graph, found, now, passed, usable=_usable(app))
    return ReviewQueue(now, due[:limit] if limit else due, len(due), len(found), reviews.next_due(found, now))


@dataclass
class ReviewAnswer:
    """An answer typed to a review: graded, rated and recorded."""

    skill: str
    item: str
    correct: bool
    rating: str
    message: str  # the item's explanation when right, what was wrong otherwise
    next_due: datetime | None  # the skill's new due date

    def to_json(self) -> dict:
        return {"skill": self.skill, "item": self.item, "correct": self.correct, "rating": self.rating,
                "message": self.message, "next_due": self.next_due.isoformat() if self.next_due else None}


def quiz_item(app, item_id: str):
    """The coach's Item and the quiz item's content for "module/quiz#q3"; NotFound otherwise."""
    item = app.skill_graph.all_items.get(item_id)
    if item is None or item.item is None:
        raise NotFound("quiz item", item_id)
    exercise = app.exercise(item.exercise)
    content = next(entry for entry in exercise.manifest.items if entry.id == item.item)
    return item, exercise, content


def answer_review(app, learner: str, skill: str, item_id: str, text: str) -> ReviewAnswer:
    """Grade `text` as the answer to quiz item `item_id` of `skill`, record it as a review, and reschedule."""
    from mltrail.grading.quiz import answer_items

    if skill not in app.skill_graph:
        raise NotFound("skill", skill)
    item, exercise, _ = quiz_item(app, item_id)
    if skill not in item.skills:
        raise Invalid(item_id, f"does not practise {skill}; it practises {', '.join(item.skills)}")
    verdict = answer_items(exercise, {item.item: text}, app.sandbox, tenant=learner)
    if verdict.status not in ("passed", "failed") or not verdict.cases:
        raise Invalid(item_id, f"the answer could not be graded ({verdict.status}: {verdict.message}); nothing was recorded")
    case = verdict.cases[0]
    rating = reviews.RATING_NAMES[reviews.rating_for(case.passed)]
    app.store.record_event(app.learner_id(learner), reviews.REVIEW, skill,
                           {"skill": skill, "item": item.id, "correct": case.passed, "rating": rating})
    card = review_cards(app, learner).get(skill)
    return ReviewAnswer(skill, item.id, case.passed, rating, case.message or "", card.due if card else None)


def fit_params(app, min_sequences: int = coach_fit.MIN_SEQUENCES) -> coach_fit.FitReport:
    """Refit BKT (and the spreading strength) from every learner's answers and store the
    result, replacing the previous fit: what `mltrail coach fit` does."""
    learners = [(app.store.attempts(learner_id), app.store.events(learner_id)) for learner_id, _ in app.store.learners()]
    report = coach_fit.fit_learners(app.skill_graph, learners, min_sequences=min_sequences)
    app.store.replace_coach_params(report.records())
    return report
