"""Reviews of mastered skills: cards created at mastery, answers rated, due items chosen."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import fsrs
import pytest

from mltrail.coach import bkt
from mltrail.coach.mastery import PLACEMENT, mastery
from mltrail.coach.reviews import REVIEW, cards, due, history, next_due, rating_for
from mltrail.coach.skills import SkillGraph
from mltrail.curriculum.loader import load_curriculum

GRAPH = SkillGraph.from_curriculum(load_curriculum())
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
TYPES = "python/types"  # practised by python/clamp and quiz items q1, q2, q3, q5, q6
FLOW = "python/control-flow"  # practised by python/clamp and python/running-mean, no quiz item


@dataclass
class A:
    exercise_id: str
    status: str
    created_at: datetime
    verdict: dict | None = None

    @property
    def passed(self) -> bool:
        return self.status == "passed"


@dataclass
class E:
    kind: str
    subject: str
    created_at: datetime
    detail: dict = field(default_factory=dict)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def three_passes(exercise: str = "python/running-mean") -> list[A]:
    return [A(exercise, "passed", at(i)) for i in range(3)]


def test_ratings_follow_the_outcome():
    assert rating_for(False) == fsrs.Rating.Again
    assert rating_for(False, "hint") == fsrs.Rating.Again
    assert rating_for(True, "solution") == fsrs.Rating.Again
    assert rating_for(True, "hint") == fsrs.Rating.Hard
    assert rating_for(True) == fsrs.Rating.Good


def test_no_card_before_mastery_and_one_at_the_answer_that_masters():
    attempts = three_passes()
    assert FLOW not in cards(GRAPH, attempts[:2], [])
    found = cards(GRAPH, attempts, [])
    assert mastery(GRAPH, attempts[:2], [])[FLOW].p_known < bkt.MASTERED <= mastery(GRAPH, attempts, [])[FLOW].p_known
    card = found[FLOW]
    assert card.mastered_at == at(2)
    assert [r.rating for r in card.reviews] == [fsrs.Rating.Good]
    assert card.due == at(2) + timedelta(days=2)  # FSRS's first Good: stability 2.3 days, rounded to whole days


def test_later_answers_are_reviews_and_a_wrong_one_brings_the_card_due_sooner():
    attempts = three_passes()
    later = at(2) + timedelta(days=2)
    good = cards(GRAPH, attempts + [A("python/running-mean", "passed", later)], [])[FLOW]
    wrong = cards(GRAPH, attempts + [A("python/running-mean", "failed", later)], [])[FLOW]
    assert [r.rating for r in good.reviews] == [fsrs.Rating.Good, fsrs.Rating.Good]
    assert [r.rating for r in wrong.reviews] == [fsrs.Rating.Good, fsrs.Rating.Again]
    assert good.due - later > timedelta(days=5)
    assert wrong.due - later <= timedelta(days=1)
    assert good.card.stability > wrong.card.stability


def test_a_hint_since_the_last_answer_makes_a_right_answer_hard_and_only_once():
    attempts = three_passes() + [A("python/running-mean", "passed", at(3000)), A("python/running-mean", "passed", at(6000))]
    events = [E("hint", "python/running-mean", at(2000), {"level": 1})]
    ratings = [r.rating for r in cards(GRAPH, attempts, events)[FLOW].reviews]
    assert ratings == [fsrs.Rating.Good, fsrs.Rating.Hard, fsrs.Rating.Good]
    # a hint on another exercise says nothing about this one
    other = [E("hint", "python/clamp", at(2000), {"level": 1})]
    assert [r.rating for r in cards(GRAPH, attempts, other)[FLOW].reviews] == [fsrs.Rating.Good] * 3


def test_quiz_items_and_review_events_are_reviews_of_their_skills():
    attempts = [A("python/clamp", "passed", at(i)) for i in range(3)]  # clamp practises types and control flow
    quiz = A("python/quiz", "failed", at(5000), {"cases": [{"index": 0, "passed": False}]})  # q1: types
    typed = E(REVIEW, TYPES, at(9000), {"skill": TYPES, "item": "python/quiz#q2", "correct": True, "rating": "good"})
    found = cards(GRAPH, attempts + [quiz], [typed])
    assert [(r.item, r.rating) for r in found[TYPES].reviews][1:] == [
        ("python/quiz#q1", fsrs.Rating.Again), ("python/quiz#q2", fsrs.Rating.Good)]
    assert len(found[FLOW].reviews) == 1  # the quiz items do not practise control flow
    # the review event is in the history in time order, as an answer on the item's skills
    assert [o.item for o in history(GRAPH, attempts + [quiz], [typed])][-1] == "python/quiz#q2"


def test_a_hint_on_a_quiz_counts_for_every_item_of_the_attempt_that_follows():
    attempts = [A("python/clamp", "passed", at(i)) for i in range(3)]
    quiz = A("python/quiz", "passed", at(5000), {"cases": [{"index": 0, "passed": True}, {"index": 1, "passed": True}]})
    found = cards(GRAPH, attempts + [quiz], [E("hint", "python/quiz", at(4000), {"level": 1})])
    assert [r.rating for r in found[TYPES].reviews][1:] == [fsrs.Rating.Hard, fsrs.Rating.Hard]


def test_a_review_event_for_an_item_no_longer_in_the_course_is_ignored():
    gone = E(REVIEW, TYPES, at(10), {"skill": TYPES, "item": "python/quiz#q99", "correct": True})
    assert history(GRAPH, [], [gone]) == []


def test_a_placement_that_masters_a_skill_creates_its_card():
    placed = E(PLACEMENT, "placement", at(0), {"skills": {FLOW: 0.99, TYPES: 0.4}})
    found = cards(GRAPH, [], [placed])
    assert set(found) == {FLOW}
    assert found[FLOW].reviews[0].item is None and found[FLOW].mastered_at == at(0)


def test_due_lists_most_overdue_first_with_a_quiz_item_else_a_passed_exercise():
    attempts = [A("python/clamp", "passed", at(i)) for i in range(3)]  # types and control flow mastered together
    attempts += [A("python/clamp", "passed", at(3) + timedelta(days=2))]  # reviews both: due later
    placed = E(PLACEMENT, "placement", at(0), {"skills": {"python/functions": 0.99}})  # due 2 days after T0
    found = cards(GRAPH, attempts, [placed])
    assert due(GRAPH, found, T0 + timedelta(days=1), {"python/clamp"}) == []
    now = T0 + timedelta(days=60)
    listed = due(GRAPH, found, now, {"python/clamp"})
    assert [r.skill for r in listed][0] == "python/functions"
    assert {r.skill for r in listed} == {"python/functions", TYPES, FLOW}
    assert [r.overdue_days for r in listed] == sorted((r.overdue_days for r in listed), reverse=True)
    by_skill = {r.skill: r for r in listed}
    assert by_skill[TYPES].item.id == "python/quiz#q1"  # a quiz item when there is one
    assert by_skill[FLOW].item.id == "python/clamp" and by_skill[FLOW].passed_before  # else an exercise passed
    assert by_skill["python/functions"].item.id == "python/quiz#q4"
    assert 0 < by_skill[TYPES].retrievability < 0.9  # past due: below the 90% target
    assert next_due(found, T0) == min(card.due for card in found.values())


def test_the_quiz_item_asked_longest_ago_comes_next():
    attempts = [A("python/clamp", "passed", at(i)) for i in range(3)]
    events = [E(REVIEW, TYPES, at(100), {"skill": TYPES, "item": "python/quiz#q1", "correct": True}),
              E(REVIEW, TYPES, at(200), {"skill": TYPES, "item": "python/quiz#q2", "correct": True})]
    found = cards(GRAPH, attempts, events)
    item = {r.skill: r.item.id for r in due(GRAPH, found, T0 + timedelta(days=90), set())}[TYPES]
    assert item == "python/quiz#q3"


def test_a_skill_without_a_passed_exercise_is_asked_on_any_of_its_exercises_unless_unusable():
    placed = E(PLACEMENT, "placement", at(0), {"skills": {FLOW: 0.99}})
    found = cards(GRAPH, [], [placed])
    later = T0 + timedelta(days=30)
    listed = due(GRAPH, found, later, set())
    assert listed[0].item.id == "python/clamp" and not listed[0].passed_before
    assert due(GRAPH, found, later, set(), usable=lambda item: False) == []


@pytest.mark.parametrize("naive", [True, False])
def test_times_without_a_zone_are_taken_as_utc(naive):
    moment = at(0).replace(tzinfo=None) if naive else at(0)
    found = cards(GRAPH, [A("python/running-mean", "passed", moment + timedelta(minutes=i)) for i in range(3)], [])
    assert found[FLOW].due.tzinfo is not None


def test_the_service_refuses_unknown_skills_and_items_before_grading_anything(app):
    from mltrail.service import Invalid, NotFound
    from mltrail.service.coach_reviews import answer_review, review_queue

    with pytest.raises(NotFound, match="unknown skill 'python/nope'"):
        answer_review(app, "ana", "python/nope", "python/quiz#q1", "-4")
    with pytest.raises(NotFound, match="unknown quiz item 'python/clamp'"):
        answer_review(app, "ana", TYPES, "python/clamp", "-4")
    with pytest.raises(Invalid, match="does not practise python/dicts; it practises python/types"):
        answer_review(app, "ana", "python/dicts", "python/quiz#q1", "-4")
    with pytest.raises(Invalid, match="at least 1"):
        review_queue(app, "ana", limit=0)
    assert app.store.events(app.learner_id("ana")) == []
