"""Reviews of mastered skills: when each is due again, by FSRS, replayed from a learner's records.

Like mastery, the schedule is never stored: it is replayed from the learner's history, so
it agrees with that history and survives export and import.

- A skill's card is created at the moment the skill first becomes mastered (mastery
  replayed in time order: the answer, or placement result, that lifted P(L) to
  `bkt.MASTERED`). That moment is the card's first review (rated like the answer; Good
  for a placement).
- Every later answer on the skill is a review of its card: an attempt at an exercise that
  practises it, an item of a graded quiz, or a "review" event (an answer typed to
  `mltrail review`). Losing mastery later does not delete the card: the next answers
  are reviews that bring it back.
- The rating comes from the outcome (`rating_for`): wrong -> Again; right after seeing the
  exercise's solution -> Again (it was copied, not recalled); right after a hint -> Hard;
  right -> Good. "After" means: since the previous answer on the same exercise (a quiz's
  hints cover all its items).

The scheduler has no learning steps (a mastered skill is past learning; minutes-long
steps are for flash cards) and no fuzzing (fuzz is random and the replay must give the
same dates every time).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Sequence

import fsrs

from mltrail.coach import bkt
from mltrail.coach.mastery import REVIEW  # an answer typed to `mltrail review`: detail {skill, item, correct, rating}
from mltrail.coach.mastery import Observation, ParamSource, SkillState, default_params, observations, replay
from mltrail.coach.skills import Item, SkillGraph

RATING_NAMES = {fsrs.Rating.Again: "again", fsrs.Rating.Hard: "hard", fsrs.Rating.Good: "good", fsrs.Rating.Easy: "easy"}


def scheduler() -> fsrs.Scheduler:
    """The FSRS scheduler of reviews: default weights, 90% retention, no steps, no fuzz."""
    return fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def rating_for(correct: bool, helped: str | None = None) -> fsrs.Rating:
    """The FSRS rating of an answer; `helped` is "hint" or "solution" if one was seen before it."""
    if not correct or helped == "solution":
        return fsrs.Rating.Again
    if helped == "hint":
        return fsrs.Rating.Hard
    return fsrs.Rating.Good


@dataclass(frozen=True)
class Review:
    """One review of a skill's card."""

    at: datetime
    item: str | None  # Item.id; None for the placement that created a card
    correct: bool
    rating: fsrs.Rating

    def to_json(self) -> dict:
        return {"at": self.at.isoformat(), "item": self.item, "correct": self.correct, "rating": RATING_NAMES[self.rating]}


@dataclass
class SkillCard:
    """A mastered skill's FSRS card and the reviews that shaped it."""

    skill: str
    card: fsrs.Card
    mastered_at: datetime
    reviews: list[Review] = field(default_factory=list)

    @property
    def due(self) -> datetime:
        return self.card.due

    def last_asked(self, item_id: str) -> datetime | None:
        times = [review.at for review in self.reviews if review.item == item_id]
        return max(times) if times else None

    def to_json(self) -> dict:
        return {"skill": self.skill, "mastered_at": self.mastered_at.isoformat(), "due": self.due.isoformat(),
                "stability_days": round(self.card.stability or 0.0, 3),
                "difficulty": round(self.card.difficulty or 0.0, 3),
                "reviews": [review.to_json() for review in self.reviews]}


@dataclass(frozen=True)
class DueReview:
    """A skill whose card is due, and the item to ask about it."""

    skill: str
    due: datetime
    overdue_days: float
    retrievability: float  # FSRS's estimate that the learner still recalls it now
    item: Item
    passed_before: bool  # for an exercise item: the learner passed it before

    def to_json(self) -> dict:
        return {"skill": self.skill, "due": self.due.isoformat(), "overdue_days": round(self.overdue_days, 3),
                "retrievability": round(self.retrievability, 4), "item": self.item.id, "kind": self.item.kind,
                "exercise": self.item.exercise, "quiz_item": self.item.item}


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def history(graph: SkillGraph, attempts: Sequence[Any], events: Sequence[Any]) -> list[Observation]:
    """Every observation of a learner, oldest first, answers typed to reviews included (mastery reads them)."""
    return observations(graph, attempts, events)


class _HelpSeen:
    """When hints and solutions of each exercise were shown, to rate the answers that follow."""

    def __init__(self, events: Iterable[Any]) -> None:
        self.views: dict[str, list[tuple[datetime, str]]] = {}
        for event in events:
            if event.kind in ("hint", "solution"):
                self.views.setdefault(event.subject, []).append((_aware(event.created_at), event.kind))
        for views in self.views.values():
            views.sort()

    def between(self, exercise: str, after: datetime | None, until: datetime) -> str | None:
        """The strongest help seen on `exercise` in (after, until]: "solution", "hint" or None."""
        views = self.views.get(exercise, [])
        seen = {kind for at, kind in views[: bisect_right(views, (until, "~"))] if after is None or at > after}
        return "solution" if "solution" in seen else "hint" if "hint" in seen else None


def cards(graph: SkillGraph, attempts: Sequence[Any], events: Sequence[Any],
          params: ParamSource = default_params, schedule: fsrs.Scheduler | None = None) -> dict[str, SkillCard]:
    """The FSRS card of every skill the learner has mastered at some point, replayed from their records."""
    schedule = schedule or scheduler()
    help_seen = _HelpSeen(events)
    last_answer: dict[str, datetime] = {}  # exercise -> time of its latest answer
    before_last: dict[str, datetime | None] = {}  # exercise -> time of the answer before that one
    states: dict[str, SkillState] = {}
    found: dict[str, SkillCard] = {}

    def after(obs) -> None:  # the states after each observation, in one replay
        if obs.kind == "placement":
            touched, correct, rating, item = list(obs.estimates or {}), True, fsrs.Rating.Good, None
        elif obs.kind == "answer":
            exercise = graph.all_items[obs.item].exercise if obs.item in graph.all_items else obs.item
            if last_answer.get(exercise) != obs.at:  # a quiz's items share their attempt's time and its hints
                before_last[exercise], last_answer[exercise] = last_answer.get(exercise), obs.at
            helped = help_seen.between(exercise, before_last.get(exercise), obs.at)
            touched, correct, rating, item = list(obs.skills), bool(obs.correct), rating_for(bool(obs.correct), helped), obs.item
        else:
            return  # a hint or solution view is not a review
        for skill in touched:
            state = states.get(skill)
            if skill in found:
                if obs.kind == "answer":
                    _review(schedule, found[skill], obs.at, item, correct, rating)
            elif state is not None and state.p_known >= bkt.MASTERED:
                found[skill] = SkillCard(skill, fsrs.Card(card_id=len(found) + 1, due=obs.at), obs.at)
                _review(schedule, found[skill], obs.at, item, correct, rating)

    replay(graph, history(graph, attempts, events), params, states, after=after)
    return found


def _review(schedule: fsrs.Scheduler, card: SkillCard, at: datetime, item: str | None, correct: bool,
            rating: fsrs.Rating) -> None:
    card.card, _ = schedule.review_card(card.card, rating, at.astimezone(timezone.utc))
    card.reviews.append(Review(at, item, correct, rating))


def pick_item(graph: SkillGraph, card: SkillCard, passed: set[str],
              usable: Callable[[Item], bool] | None = None) -> tuple[Item, bool] | None:
    """What to ask for a skill's review: a quiz item of the skill if there is one, else an
    exercise the learner passed, else any exercise of it (a skill placed, never practised).

    Among candidates, the one asked longest ago (never asked first), then course order.
    Returns the item and whether it is an exercise passed before; None if nothing fits.
    """
    items = [item for item in graph.items(card.skill) if usable is None or usable(item)]
    quiz = [item for item in items if item.item is not None]
    exercises = [item for item in items if item.item is None]
    done = [item for item in exercises if item.exercise in passed]
    for candidates in (quiz, done, exercises):
        if candidates:
            never = datetime.min.replace(tzinfo=timezone.utc)
            chosen = min(enumerate(candidates), key=lambda pair: (card.last_asked(pair[1].id) or never, pair[0]))[1]
            return chosen, chosen.item is None and chosen.exercise in passed
    return None


def due(graph: SkillGraph, found: dict[str, SkillCard], now: datetime, passed: set[str],
        usable: Callable[[Item], bool] | None = None, schedule: fsrs.Scheduler | None = None) -> list[DueReview]:
    """Skills whose card is due at `now`, most overdue first, each with the item to ask."""
    schedule = schedule or scheduler()
    now = _aware(now).astimezone(timezone.utc)
    out = []
    for skill, card in found.items():
        if skill not in graph or card.due > now:
            continue  # a skill no longer in the course keeps its card but is not asked
        picked = pick_item(graph, card, passed, usable)
        if picked is None:
            continue
        item, passed_before = picked
        overdue = (now - card.due).total_seconds() / 86400.0
        out.append(DueReview(skill, card.due, overdue, schedule.get_card_retrievability(card.card, now), item,
                             passed_before))
    out.sort(key=lambda review: (-review.overdue_days, graph.skills[review.skill].order))
    return out


def next_due(found: dict[str, SkillCard], now: datetime) -> datetime | None:
    """When the next card not yet due falls due (None if there is none)."""
    later = [card.due for card in found.values() if card.due > _aware(now)]
    return min(later) if later else None
