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
  measured, at the time it was taken (later answers update it as usual), kept within
  `PLACEMENT_BOUNDS` (a test is never certainty).

How an answer updates the skills (`replay`):

- its own skills, by BKT. An item on several skills is answered right only when every one
  of them is known, so each skill's likelihoods marginalise over the others' current
  P(known) (`attribution`): a wrong answer is blamed on the skill least likely known, and a
  right answer says less about one skill while another may have been guessed. An item on one
  skill is plain BKT;
- along the skill graph, as a tempered likelihood (the answer's log-likelihood ratio times a
  strength below 1): a right answer on s is evidence for every skill s builds on, directly or
  further back (knowing s implies knowing its prerequisites; `PROPAGATION`); a wrong one is
  weaker evidence against the skills built directly on s (`PROPAGATION_DOWN`). Only the
  direct dependents: one forgotten basic skill must not sink everything above it, and the
  dependents' own answers carry the evidence further. No learning step follows for these
  skills: they were not practised. The converse directions say little and are left to
  direct evidence. (Measured on simulated learners, benchmarks/adaptive.py: spreading a
  wrong answer to every descendant made next-answer prediction worse.)
  Answers on one dependent are not independent evidence about what it builds on, so a right
  answer spreads what it told about its own skill (how far it moved that skill's log-odds,
  nothing once the skill is sure), not its full likelihood ratio, and lifts a prerequisite at
  most to the P(known) the answered skill has after it. Summed per answer without these, a
  run of right answers on later skills kept an earlier one mastered that the learner kept
  failing (the benchmark found goal skills believed mastered at 1.0 after 30 wrong answers of
  their own, and learners stuck for hundreds of items on skills whose prerequisite the model
  was sure of). The strength can be fitted (`fit.fit_propagation`) and carried by the
  parameters (`fit.ParamTable.propagation`).

Where a skill starts (`prior`): the learners' base rate (the parameters' prior), scaled by
how much more (or less) likely than usual its prerequisites are known now. If knowledge
respects prerequisites, P(s known) = P(s | its prerequisites known) * P(they are known), so
the base rate divided by the prerequisites' base rate is P(s | they are known). A learner who
has shown the first skills of a module is likelier to know the next one; one who failed them,
less. Without evidence of its own a skill stays below `PRIOR_CAP`, so it is never taken as
known, nor mastered, on its prerequisites alone.

`predict` is the model's P(right) for an item before it is answered.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Sequence

from mltrail.coach import bkt
from mltrail.coach.skills import SkillGraph

WRONG = {"failed", "timeout", "memory_limit"}
PLACEMENT = "placement_result"  # the event a placement test leaves: detail {"skills": {skill: p_known}}
REVIEW = "review"  # a review answered inline (coach.reviews)

ParamSource = Callable[[str, int], bkt.BKTParams]  # (skill, item difficulty) -> parameters

# How much a right answer on s counts for the skills it builds on, and a wrong one against the
# skills built directly on it, as a power of the answer's likelihood ratio: 0 spreads nothing,
# 1 takes the prerequisite relation as strict. Below 1 leaves room for the exceptions (a skill
# known while a prerequisite is forgotten); a wrong answer spreads less, as it may be a slip.
PROPAGATION = 0.4
PROPAGATION_DOWN = 0.15
# A right answer on s raises a skill s builds on at most to P(s known) after the answer: the
# answers on one dependent are not independent evidence about its prerequisites (ten right
# answers on s say little more about them than s's own P(known)), and summed up without a
# ceiling they would master a prerequisite the learner keeps failing.
# A skill's starting P(known) from its prerequisites alone stays below this (and below
# next_step.READY, 0.8): at least one answer of its own is needed before it counts as known.
PRIOR_CAP = 0.75
# A placement is a short test, not certainty: its estimate is kept within these bounds. (At
# exactly 1.0, as a rounded estimate can be, BKT can never lower P(known) again: a skill placed
# known by mistake would stay mastered through any number of wrong answers.)
PLACEMENT_BOUNDS = (0.01, 0.99)
_EPS = 1e-6


def default_params(skill: str, difficulty: int) -> bkt.BKTParams:
    return bkt.defaults_for(difficulty)


def item_params(params: ParamSource, skill: str, difficulty: int, kind: str | None = None) -> bkt.BKTParams:
    """A skill's parameters for an answer to an item of this kind ("quiz", "function",
    "dataset"): the source's `for_kind` when it has one (a fitted `fit.ParamTable` keeps a
    quiz item's guess apart from a function's: tests on many cases are hard to pass by luck),
    else the source itself."""
    for_kind = getattr(params, "for_kind", None)
    return for_kind(skill, difficulty, kind) if for_kind is not None and kind else params(skill, difficulty)


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


def attribution(p_known: Sequence[float], correct: bool,
                params: Sequence[bkt.BKTParams]) -> list[tuple[float, float]]:
    """P(answer | known), P(answer | unknown) for each skill of one item.

    The item is right with probability 1 - slip when every skill is known, else guess; for
    skill i the others are marginalised at their current P(known) (taken independent), with
    skill i's own guess and slip. One skill: (1 - slip, guess) or (slip, 1 - guess).
    """
    out = []
    for i, p in enumerate(params):
        others = math.prod(q for j, q in enumerate(p_known) if j != i)
        right_if_known = others * (1.0 - p.slip) + (1.0 - others) * p.guess
        out.append((right_if_known, p.guess) if correct else (1.0 - right_if_known, 1.0 - p.guess))
    return out


def prior(graph: SkillGraph, skill: str, states: dict[str, SkillState], params: ParamSource = default_params,
          difficulty: int = 3, memo: dict[str, dict[int, float]] | None = None,
          base: "_BaseRates | None" = None) -> float:
    """Where a skill with no evidence of its own starts: its base rate (`params` prior) times
    how much likelier than their base rate its prerequisites are known now (their states, or
    their own `prior`), capped at max(base rate, PRIOR_CAP). See the module docstring.

    `memo` (skill -> level -> prior) may be shared between calls while the states it was
    computed from stand: `replay` forgets a skill's descendants whenever the skill changes;
    `base` (`_BaseRates` of `params`) may be shared while `params` answers the same."""
    memo = memo if memo is not None else {}
    relatives = _relatives(graph)
    base = base if base is not None else _BaseRates(params)

    def now(one: str) -> float:
        found = states.get(one)
        return found.p_known if found is not None else start(one, 3)

    def start(one: str, level: int) -> float:
        levels = memo.get(one)
        value = levels.get(level) if levels is not None else None
        if value is None:
            own = base.own(one, level)
            parents = relatives[one][2] if one in relatives else ()
            if not parents:
                value = own
            else:
                value = min(own * min(now(parent) for parent in parents) / base.usual(one, parents),
                            max(own, PRIOR_CAP))
            memo.setdefault(one, {})[level] = value
        return value

    return start(skill, difficulty)


class _BaseRates:
    """A parameter source's priors (`params(skill, level).prior`) and each skill's usual
    prerequisite base rate, read once: `prior` asks for them thousands of times a replay."""

    def __init__(self, params: ParamSource) -> None:
        self.params = params
        self._own: dict[tuple[str, int], float] = {}
        self._usual: dict[str, float] = {}

    def own(self, skill: str, level: int) -> float:
        found = self._own.get((skill, level))
        if found is None:
            found = self._own[skill, level] = self.params(skill, level).prior
        return found

    def usual(self, skill: str, parents) -> float:
        found = self._usual.get(skill)
        if found is None:
            found = self._usual[skill] = max(min(self.own(parent, 3) for parent in parents), _EPS)
        return found


def predict(graph: SkillGraph, states: dict[str, SkillState], skills: Sequence[str], difficulty: int,
            params: ParamSource = default_params, kind: str | None = None) -> float:
    """The model's P(right) for an item (of `kind`, when known) on these skills: every skill
    known (a skill with no state at its `prior`), then the item's guess and slip (its first
    skill's parameters, `item_params`)."""
    known = math.prod(states[s].p_known if s in states else prior(graph, s, states, params, difficulty)
                      for s in skills)
    return bkt.p_correct(min(max(known, 0.0), 1.0), item_params(params, skills[0], difficulty, kind))


_RELATIVES: "weakref.WeakKeyDictionary[SkillGraph, dict]" = weakref.WeakKeyDictionary()


def _relatives(graph: SkillGraph) -> dict[str, tuple[frozenset, frozenset, frozenset, frozenset]]:
    """Every skill's ancestors, direct dependents, direct prerequisites and descendants (the
    skills whose prior reads it), once per graph."""
    if graph not in _RELATIVES:
        _RELATIVES[graph] = {s: (frozenset(graph.ancestors(s)), frozenset(graph.dependents(s)),
                                 frozenset(graph.prerequisites(s)), frozenset(graph.descendants(s)))
                             for s in graph.order}
    return _RELATIVES[graph]


_SHARED_PRIOR_MEMO = True  # tests turn it off to check that sharing changes no number


_POSITIONS: "weakref.WeakKeyDictionary[SkillGraph, dict]" = weakref.WeakKeyDictionary()


def _positions(graph: SkillGraph) -> dict[str, int]:
    """Each skill's place in graph.order (prerequisites first), once per graph."""
    if graph not in _POSITIONS:
        _POSITIONS[graph] = {s: i for i, s in enumerate(graph.order)}
    return _POSITIONS[graph]


def _logit(p: float) -> float:
    p = min(max(p, _EPS), 1.0 - _EPS)
    return math.log(p / (1.0 - p))


def _spread(graph: SkillGraph, skills: Sequence[str], ratios: Sequence[float], correct: bool,
            state: Callable[[str, int], SkillState], difficulty: int, strength: float,
            after: Sequence[float] = (), changed: Callable[[str], None] = lambda skill: None) -> None:
    """A right answer's evidence for the skills' ancestors, a wrong one's against their direct
    dependents. A relative of several skills of the item takes the strongest ratio once. A
    right answer raises an ancestor at most to the P(known) its skill has now (`after`; see
    the module docstring)."""
    strength = strength if correct else (strength * PROPAGATION_DOWN / PROPAGATION if PROPAGATION > 0 else 0.0)
    if strength <= 0.0:
        return
    relatives = _relatives(graph)
    reached: dict[str, tuple[float, float]] = {}
    ceilings = list(after) or [1.0] * len(skills)
    for skill, ratio, ceiling in zip(skills, ratios, ceilings):
        for other in relatives[skill][0 if correct else 1]:
            if other not in skills and abs(ratio) > abs(reached.get(other, (0.0, 0.0))[0]):
                reached[other] = (ratio, ceiling)
    position = _positions(graph)
    for other in sorted(reached, key=position.__getitem__):  # prerequisites first: a new state's prior reads them
        ratio, ceiling = reached[other]
        current = state(other, difficulty)
        moved = 1.0 / (1.0 + math.exp(-(_logit(current.p_known) + strength * ratio)))
        current.p_known = min(moved, max(current.p_known, ceiling)) if correct else moved
        changed(other)


def replay(graph: SkillGraph, history: Iterable[Observation], params: ParamSource = default_params,
           states: dict[str, SkillState] | None = None, propagation: float | None = None,
           after: Callable[[Observation], None] | None = None) -> dict[str, SkillState]:
    """P(known) of every skill after the observations, starting from each skill's prior.

    `after(observation)`, when given, is called once each observation is taken into `states`
    (to read the states at every step in one replay).

    `states` (updated in place) continues an earlier replay; `propagation` is how much a right
    answer counts for the skills it builds on (a wrong one counts PROPAGATION_DOWN /
    PROPAGATION of that against its direct dependents; see the module docstring; 0: none).
    Without `propagation`: the `propagation` attribute of `params` when it has one (a fitted
    `fit.ParamTable`), else PROPAGATION."""
    states = states if states is not None else {}
    if propagation is None:
        fitted = getattr(params, "propagation", None)
        propagation = PROPAGATION if fitted is None else float(fitted)

    # the priors of skills without a state, shared by this replay's calls to `prior` until an
    # ancestor's state is made or changes (`changed`): without it a wrong answer's spread to a
    # dozen dependents walked each one's ancestors anew
    memo: dict[str, dict[int, float]] | None = {} if _SHARED_PRIOR_MEMO else None
    base = _BaseRates(params) if _SHARED_PRIOR_MEMO else None
    relatives = _relatives(graph)

    def changed(skill: str) -> None:
        if memo:
            gone = relatives[skill][3] if skill in relatives else ()
            if len(memo) < len(gone):
                for key in [key for key in memo if key in gone]:
                    del memo[key]
            else:
                for key in gone:
                    memo.pop(key, None)
            memo.pop(skill, None)

    def state(skill: str, difficulty: int) -> SkillState:
        found = states.get(skill)
        if found is None:
            found = states[skill] = SkillState(skill, prior(graph, skill, states, params, difficulty, memo, base))
            changed(skill)
        return found

    def take(observation: Observation) -> None:
        if observation.kind == "placement":
            for skill, estimate in (observation.estimates or {}).items():
                current = state(skill, 3)
                current.p_known = min(max(estimate, PLACEMENT_BOUNDS[0]), PLACEMENT_BOUNDS[1])
                current.placed = True
                changed(skill)
            return
        skills = [s for s in dict.fromkeys(observation.skills) if s in graph]
        if not skills:
            return
        item = graph.all_items.get(observation.item) if observation.item else None
        answer_params = [item_params(params, s, observation.difficulty, item.kind if item else None) for s in skills]
        current = [state(s, observation.difficulty) for s in skills]
        if observation.kind != "answer":
            for one, p in zip(current, answer_params):
                one.p_known = bkt.observe_help(one.p_known, observation.kind, p)
                changed(one.skill)
            return
        correct = bool(observation.correct)
        before = [_logit(one.p_known) for one in current]
        likelihoods = attribution([one.p_known for one in current], correct, answer_params)
        for one, p, (if_known, if_unknown) in zip(current, answer_params, likelihoods):
            known = one.p_known * if_known
            one.p_known = bkt.transition(known / (known + (1.0 - one.p_known) * if_unknown), p)
            one.answers += 1
            one.correct += correct
            one.last_answer = observation.at
            changed(one.skill)
        if correct:
            # what a right answer tells about the skills it builds on goes through what it
            # told about its own: how far it moved them (nothing more once they are sure)
            ratios = [max(_logit(one.p_known) - was, 0.0) for one, was in zip(current, before)]
        else:
            ratios = [math.log(if_known / if_unknown) for if_known, if_unknown in likelihoods]
        _spread(graph, skills, ratios, correct, state, observation.difficulty, propagation,
                [one.p_known for one in current], changed)

    for observation in history:
        take(observation)
        if after is not None:
            after(observation)
    return states


def mastery(graph: SkillGraph, attempts: Sequence[Any], events: Sequence[Any],
            params: ParamSource = default_params) -> dict[str, SkillState]:
    """Every skill's state for a learner: replayed evidence, or the prior where there is none."""
    states = replay(graph, observations(graph, attempts, events), params)
    base = _BaseRates(params)
    for skill in graph.order:  # prerequisites first, so each starts from theirs
        if skill not in states:
            states[skill] = SkillState(skill, prior(graph, skill, states, params, base=base))
    return states


def mastered(states: dict[str, SkillState]) -> set[str]:
    return {skill for skill, state in states.items() if state.mastered}
