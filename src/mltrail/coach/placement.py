"""A placement test: a few well-chosen questions, and how likely the learner knows each skill.

The test keeps a belief P(known) per skill of the real skill graph. An answer to an item
updates each skill it practises by the item's BKT likelihoods (guess and slip of its
difficulty, no learning: a test is not practice), then spreads along the prerequisites:

- a pass on s is evidence for every ancestor a of s (knowing s implies knowing what it
  builds on), and
- a failure on s is evidence against every descendant d of s (not knowing s implies not
  knowing what builds on it).

The spreading is a soft, pairwise Bayesian-network step (Jeffrey's rule). For a pair of
skills the joint is made from their current beliefs and one documented strength,
`LEAK` = lambda, the share of exceptions to the prerequisite relation:

    P(not a | s) = lambda * P(not a)      (someone who knows s lacks a prerequisite a)
    P(d | not s) = lambda * P(d)          (someone who lacks s knows a dependent d)

and the other conditional follows from the beliefs (clipped to [0, 1]). When the belief in
s moves from p to p', a relative r of s moves to P(r | s) p' + P(r | not s) (1 - p'). With
lambda = 0 a pass on s makes every ancestor as likely as s itself; with lambda = 1 nothing
spreads. The converse directions (a pass about dependents, a failure about prerequisites)
carry little information and are left to direct evidence.

The next question is the item with the largest expected fall of the total entropy of the
beliefs over the scope (the skills the test is about): quiz items first-class, function
exercises only for skills no quiz item practises (optional: skipping is a "don't know",
scored as a wrong answer; being slower to answer, their gain counts FUNCTION_WEIGHT of a quiz
item's when ranking). The test stops when every skill in scope is below `LOW` or above
`HIGH`, when the question budget is spent, or when no question is left that could help.

Pure: the skill graph and answers in, beliefs out; nothing here reads the store.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Iterable, Mapping

import numpy as np

from mltrail.coach import bkt
from mltrail.coach.mastery import ParamSource, default_params
from mltrail.coach.skills import Item, SkillGraph

LEAK = 0.05  # share of exceptions to "knowing s means knowing its prerequisites" (see above)
LOW, HIGH = 0.1, 0.9  # a skill's belief is confident below LOW or above HIGH
KNOWN = 0.5  # a skill is placed as known when its belief reaches this
MAX_QUESTIONS = 20
ASKABLE_KINDS = ("quiz", "function")  # a dataset exercise takes too long for a placement test
# A function exercise takes minutes where a quiz item takes seconds: its gain is weighed by this
# when ranking, so one is asked only when it tells clearly more than any quiz item.
FUNCTION_WEIGHT = 0.5
_EPS = 1e-9


@dataclass(frozen=True)
class Question:
    """The item to ask next and why: `gain` is the expected fall of uncertainty (nats)."""

    item: Item
    gain: float

    @property
    def optional(self) -> bool:
        """A function exercise: the learner may skip it (scored as "don't know")."""
        return self.item.kind != "quiz"

    def to_json(self) -> dict:
        return {"item": self.item.id, "exercise": self.item.exercise, "kind": self.item.kind,
                "skills": list(self.item.skills), "optional": self.optional, "gain": round(self.gain, 4)}


@dataclass(frozen=True)
class Answer:
    item: str
    correct: bool
    skipped: bool = False  # "don't know": scored as wrong


def entropy(p: np.ndarray) -> np.ndarray:
    """Binary entropy (nats) of each belief."""
    q = np.clip(p, _EPS, 1 - _EPS)
    return -(q * np.log(q) + (1 - q) * np.log(1 - q))


class Placement:
    """One learner's placement test over `scope` (default: every skill of the graph)."""

    def __init__(self, graph: SkillGraph, scope: Iterable[str] | None = None, max_questions: int = MAX_QUESTIONS,
                 params: ParamSource = default_params, beliefs: Mapping[str, float] | None = None,
                 leak: float = LEAK) -> None:
        if isinstance(max_questions, bool) or not isinstance(max_questions, int) or max_questions < 1:
            raise ValueError(f"max_questions must be a whole number of at least 1, got {max_questions!r}")
        if not 0.0 <= leak <= 1.0:
            raise ValueError(f"leak must be between 0 and 1, got {leak!r}")
        self.graph = graph
        self.skills = list(graph.order)
        self.index = {skill: i for i, skill in enumerate(self.skills)}
        chosen = list(self.skills) if scope is None else list(dict.fromkeys(scope))
        unknown = [s for s in chosen if s not in self.index]
        if unknown:
            raise ValueError(f"unknown skill {', '.join(unknown)}; skills look like 'module/skill', "
                             f"e.g. {', '.join(self.skills[:3])} (`mltrail path` lists them)")
        if not chosen:
            raise ValueError("the placement scope has no skill")
        self.scope = [s for s in self.skills if s in set(chosen)]
        self.in_scope = np.zeros(len(self.skills), dtype=bool)
        self.in_scope[[self.index[s] for s in self.scope]] = True
        self.max_questions = max_questions
        self.params = params
        self.leak = float(leak)
        self.ancestors, self.descendants = _relations(graph)  # [s, r]: r is an ancestor / a descendant of s
        start = dict(beliefs or {})
        self.p = np.array([min(max(float(start[s]), 0.0), 1.0) if s in start else params(s, 3).prior
                           for s in self.skills])
        self.answers: list[Answer] = []
        self._candidates = self._askable_items()
        self._ranked: tuple[int, list[Question]] | None = None  # gains() for this many answers

    # ------------------------------------------------------------ the items

    def _askable_items(self) -> list[Item]:
        """Quiz items on the scope, and function exercises of skills no quiz item practises."""
        quizzed = {s for item in self.graph.all_items.values() if item.kind == "quiz" for s in item.skills}
        wanted = set(self.scope)
        found: dict[str, Item] = {}
        for skill in self.graph.order:
            for item in self.graph.items(skill):
                if item.kind not in ASKABLE_KINDS or not (set(item.skills) & wanted) or not item.skills:
                    continue
                if item.kind == "quiz" or not (set(item.skills) & wanted) <= quizzed:
                    found.setdefault(item.id, item)
        return list(found.values())

    def _likelihoods(self, item: Item, skill: str, correct: bool) -> tuple[float, float]:
        p = self.params(skill, item.difficulty)
        return ((1 - p.slip, p.guess) if correct else (p.slip, 1 - p.guess))

    # ------------------------------------------------------------ belief updates

    def _spread(self, beliefs: np.ndarray, rows: np.ndarray, skill: np.ndarray,
                known: np.ndarray, unknown: np.ndarray) -> None:
        """Update `beliefs[rows]` (in place) for one observation on `skill` per row, with
        likelihoods P(obs | known) and P(obs | unknown); then spread along prerequisites."""
        p = beliefs[rows]
        ps = np.clip(p[np.arange(len(rows)), skill], _EPS, 1 - _EPS)[:, None]
        post = ps * known[:, None] / (ps * known[:, None] + (1 - ps) * unknown[:, None])
        lam = self.leak
        # a pass: ancestors, P(a | s) = 1 - lam (1 - P(a))
        a_if_s = 1 - lam * (1 - p)
        a_if_not = np.clip((p - a_if_s * ps) / (1 - ps), 0.0, 1.0)
        up = a_if_s * post + a_if_not * (1 - post)
        # a failure: descendants, P(d | not s) = lam P(d)
        d_if_not = lam * p
        d_if_s = np.clip((p - d_if_not * (1 - ps)) / ps, 0.0, 1.0)
        down = d_if_s * post + d_if_not * (1 - post)
        rose = post > ps
        new = np.where(self.ancestors[skill] & rose, up, p)
        new = np.where(self.descendants[skill] & ~rose, down, new)
        new[np.arange(len(rows)), skill] = post[:, 0]
        beliefs[rows] = new

    def _observe(self, beliefs: np.ndarray, items: list[Item], correct: bool) -> None:
        """Row k of `beliefs` after answering items[k] right (or wrong): each of its skills in turn."""
        width = max((len(item.skills) for item in items), default=0)
        for slot in range(width):
            rows = np.array([k for k, item in enumerate(items) if len(item.skills) > slot], dtype=int)
            if not len(rows):
                continue
            chosen = [items[k] for k in rows]
            skill = np.array([self.index[item.skills[slot]] for item in chosen])
            pairs = np.array([self._likelihoods(item, item.skills[slot], correct) for item in chosen])
            self._spread(beliefs, rows, skill, pairs[:, 0], pairs[:, 1])

    def p_correct(self, item: Item) -> float:
        """Probability that the learner answers `item` right, by the current beliefs."""
        known = float(np.prod([self.p[self.index[s]] for s in item.skills]))
        return bkt.p_correct(min(max(known, 0.0), 1.0), self.params(item.skills[0], item.difficulty))

    # ------------------------------------------------------------ the test

    def uncertainty(self, beliefs: np.ndarray | None = None) -> float:
        """Total entropy (nats) of the beliefs over the scope."""
        b = self.p if beliefs is None else beliefs
        total = entropy(b[..., self.in_scope]).sum(axis=-1)
        return float(total) if b.ndim == 1 else total

    @property
    def confident(self) -> bool:
        inside = self.p[self.in_scope]
        return bool(np.all((inside < LOW) | (inside > HIGH)))

    @property
    def stop_reason(self) -> str | None:
        """Why the test is over, or None while it goes on."""
        if self.confident:
            return "confident"
        if len(self.answers) >= self.max_questions:
            return "budget"
        if self.next_question() is None:
            return "no more useful questions"
        return None

    @property
    def done(self) -> bool:
        return self.stop_reason is not None

    def gains(self) -> list[Question]:
        """Every question still to ask with its expected information gain, best first (a function
        exercise's gain weighed by FUNCTION_WEIGHT for the order)."""
        if self._ranked is not None and self._ranked[0] == len(self.answers):
            return self._ranked[1]
        asked = {answer.item for answer in self.answers}
        items = [item for item in self._candidates if item.id not in asked]
        if not items:
            self._ranked = (len(self.answers), [])
            return []
        right = np.repeat(self.p[None, :], len(items), axis=0)
        wrong = right.copy()
        self._observe(right, items, True)
        self._observe(wrong, items, False)
        p_right = np.array([self.p_correct(item) for item in items])
        expected = p_right * self.uncertainty(right) + (1 - p_right) * self.uncertainty(wrong)
        gain = self.uncertainty() - expected
        weight = np.array([1.0 if item.kind == "quiz" else FUNCTION_WEIGHT for item in items])
        order = sorted(range(len(items)), key=lambda k: (-round(float(gain[k] * weight[k]), 9), items[k].kind != "quiz", k))
        self._ranked = (len(self.answers), [Question(items[k], float(gain[k])) for k in order])
        return self._ranked[1]

    def next_question(self) -> Question | None:
        """The most informative item to ask, or None when none would tell anything."""
        if self.confident or len(self.answers) >= self.max_questions:
            return None
        ranked = self.gains()
        return ranked[0] if ranked and ranked[0].gain > 1e-6 else None

    def answer(self, item_id: str, correct: bool | None) -> None:
        """Record an answer: True right, False wrong, None "don't know" (scored as wrong)."""
        item = self.graph.all_items.get(item_id)
        if item is None or item not in self._candidates:
            raise ValueError(f"{item_id!r} is not a question of this placement test")
        if any(answer.item == item_id for answer in self.answers):
            raise ValueError(f"{item_id!r} was already answered in this test")
        beliefs = self.p[None, :].copy()
        self._observe(beliefs, [item], bool(correct))
        self.p = beliefs[0]
        self.answers.append(Answer(item_id, bool(correct), skipped=correct is None))

    def result(self) -> dict[str, float]:
        """P(known) of every skill in scope: what seeds mastery (the `placement_result` event)."""
        return {skill: round(float(self.p[self.index[skill]]), 4) for skill in self.scope}

    def placed(self) -> tuple[list[str], list[str]]:
        """The skills in scope placed as known, and those to learn, in course order."""
        known = [s for s in self.scope if self.p[self.index[s]] >= KNOWN]
        return known, [s for s in self.scope if self.p[self.index[s]] < KNOWN]


_RELATIONS: "weakref.WeakKeyDictionary[SkillGraph, tuple[np.ndarray, np.ndarray]]" = weakref.WeakKeyDictionary()


def _relations(graph: SkillGraph) -> tuple[np.ndarray, np.ndarray]:
    """Boolean matrices over graph.order: [s, a] a is an ancestor of s, and its transpose (made once per graph)."""
    if graph not in _RELATIONS:
        index = {skill: i for i, skill in enumerate(graph.order)}
        ancestors = np.zeros((len(index), len(index)), dtype=bool)
        for skill, i in index.items():
            for ancestor in graph.ancestors(skill):
                ancestors[i, index[ancestor]] = True
        _RELATIONS[graph] = (ancestors, ancestors.T.copy())
    return _RELATIONS[graph]


def scope_for_modules(graph: SkillGraph, modules: Iterable[str] | None) -> list[str] | None:
    """The skills of these modules (None: every skill); ValueError naming the modules there are."""
    wanted = list(modules or [])
    if not wanted:
        return None
    there = list(dict.fromkeys(graph.skills[s].module for s in graph.order))
    unknown = [m for m in wanted if m not in there]
    if unknown:
        raise ValueError(f"unknown module {', '.join(unknown)}; the modules are: {', '.join(there)}")
    return [s for s in graph.order if graph.skills[s].module in wanted]
