"""Mastery per skill, replayed from what a learner did: graded answers, help asked, placement.

The coach keeps no state of its own: a learner's mastery is recomputed from their records
(attempts, events) in the order they happened, so it always agrees with the history,
survives export and import, and changes at once when the model's parameters are refitted.

Evidence, per skill an item practises:

- an attempt at a function or dataset exercise: correct when it passed; wrong when it
  failed, timed out or ran out of memory (a sandbox error, a refused or skipped
  submission says nothing about the learner);
- each item of a graded quiz: correct or wrong, on the item's own skills;
- a hint or a solution shown before the exercise was passed: evidence against mastery
  (bkt.observe_help); after passing, curiosity says nothing;
- a review answered inline (a quiz item of a mastered skill): correct or wrong;
- a placement result: the placement's estimate replaces the prior of each skill it
  measured, at the time it was taken (later answers update it as usual).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Sequence

from mltrail.coach import bkt
from mltrail.coach.skills import SkillGraph

WRONG = {"failed", "timeout", "memory_limit"}
PLACEMENT = "placement_result"  # the event a placement test leaves: detail {"skills": {skill: p_known}}
REVIEW = "review"  # a review answered inline (coach.reviews)

ParamSource = Callable[[str, int], bkt.BKTParams]  # (skill, item difficulty) -> parameters


def default_params(skill: str, difficulty: int) -> bkt.BKTParams:
    return bkt.defaults_for(difficulty)


@dataclass(frozen=True)
class Observation:
    """One piece of evidence about some skills."""

    at: datetime
    skills: tuple[str, ...]
    difficulty: int
    kind: str  # answer, hint, solution, placement
    correct: bool | None = None
    item: str | None = None  # Item.id for answers
    estimates: dict[str, float] | None = None  # for placement


@dataclass
class SkillState:
    skill: str
    p_known: float
    answers: int = 0  # graded answers seen
    correct: int = 0
    last_answer: datetime | None = None
    placed: bool = False  # seeded by a placement test

    @property
    def mastered(self) -> bool:
        return self.p_known >= bkt.MASTERED

    def to_json(self) -> dict:
        return {"skill": self.skill, "p_known": round(self.p_known, 4), "mastered": self.mastered,
                "answers": self.answers, "correct": self.correct,
                "last_answer": self.last_answer.isoformat() if self.last_answer else None, "placed": self.placed}


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def observations(graph: SkillGraph, attempts: Sequence[Any], events: Sequence[Any]) -> list[Observation]:
    """Every observation in a learner's records, oldest first.

    `attempts` need exercise_id, status, created_at and (for quizzes) verdict; `events`
    need kind, subject, detail, created_at (the store's records, or any look-alikes).
    """
    found: list[tuple[datetime, int, Observation]] = []
    first_pass: dict[str, datetime] = {}
    quiz_items = {ex: items for ex, items in graph.exercise_items.items() if items and items[0].item is not None}
    by_exercise = {ex: items[0] for ex, items in graph.exercise_items.items() if items and items[0].item is None}
    order = 0
    for attempt in attempts:
        at = _aware(attempt.created_at)
        status = attempt.status
        if status == "passed":
            first_pass[attempt.exercise_id] = min(first_pass.get(attempt.exercise_id, at), at)
        if status != "passed" and status not in WRONG:
            continue
        if attempt.exercise_id in quiz_items:
            items = quiz_items[attempt.exercise_id]
            cases = (attempt.verdict or {}).get("cases") or []
            for case in cases:
                index = case.get("index")
                if isinstance(index, int) and 0 <= index < len(items) and items[index].skills:
                    item = items[index]
                    found.append((at, order, Observation(at, item.skills, item.difficulty, "answer",
                                                         bool(case.get("passed")), item.id)))
                    order += 1
            continue
        item = by_exercise.get(attempt.exercise_id)
        if item is None or not item.skills:
            continue  # an exercise no longer in the course
        found.append((at, order, Observation(at, item.skills, item.difficulty, "answer", status == "passed", item.id)))
        order += 1
    for event in events:
        at = _aware(event.created_at)
        if event.kind in ("hint", "solution"):
            item = by_exercise.get(event.subject)
            passed_at = first_pass.get(event.subject)
            if item is None or not item.skills or (passed_at is not None and passed_at <= at):
                continue
            if event.kind == "solution" and not (event.detail or {}).get("revealed_before_pass", True):
                continue
            found.append((at, order, Observation(at, item.skills, item.difficulty, event.kind)))
            order += 1
        elif event.kind == REVIEW:  # a review answered inline: detail {skill, item, correct, rating}
            detail = event.detail or {}
            item = graph.all_items.get(detail.get("item"))
            if item is not None and item.skills and isinstance(detail.get("correct"), bool):
                found.append((at, order, Observation(at, item.skills, item.difficulty, "answer", detail["correct"], item.id)))
                order += 1
        elif event.kind == PLACEMENT:
            estimates = {s: float(p) for s, p in ((event.detail or {}).get("skills") or {}).items()
                         if s in graph and isinstance(p, (int, float)) and 0.0 <= float(p) <= 1.0}
            if estimates:
                found.append((at, order, Observation(at, tuple(estimates), 3, "placement", estimates=estimates)))
                order += 1
    found.sort(key=lambda entry: (entry[0], entry[1]))
    return [observation for _, _, observation in found]


def replay(graph: SkillGraph, history: Iterable[Observation], params: ParamSource = default_params,
           states: dict[str, SkillState] | None = None) -> dict[str, SkillState]:
    """P(known) of every skill after the observations, starting from each skill's prior."""
    states = states if states is not None else {}

    def state(skill: str, difficulty: int) -> SkillState:
        if skill not in states:
            states[skill] = SkillState(skill, params(skill, difficulty).prior)
        return states[skill]

    for observation in history:
        if observation.kind == "placement":
            for skill, estimate in (observation.estimates or {}).items():
                current = state(skill, 3)
                current.p_known = min(max(estimate, 0.0), 1.0)
                current.placed = True
            continue
        for skill in observation.skills:
            if skill not in graph:
                continue
            p = params(skill, observation.difficulty)
            current = state(skill, observation.difficulty)
            if observation.kind == "answer":
                current.p_known = bkt.update(current.p_known, bool(observation.correct), p)
                current.answers += 1
                current.correct += bool(observation.correct)
                current.last_answer = observation.at
            else:
                current.p_known = bkt.observe_help(current.p_known, observation.kind, p)
    return states


def mastery(graph: SkillGraph, attempts: Sequence[Any], events: Sequence[Any],
            params: ParamSource = default_params) -> dict[str, SkillState]:
    """Every skill's state for a learner: replayed evidence, or the prior where there is none."""
    states = replay(graph, observations(graph, attempts, events), params)
    for skill in graph.order:
        if skill not in states:
            states[skill] = SkillState(skill, params(skill, 3).prior)
    return states


def mastered(states: dict[str, SkillState]) -> set[str]:
    return {skill for skill, state in states.items() if state.mastered}
