"""A placement test: a few well-chosen questions, and how likely the learner knows each skill.

The test keeps a belief P(known) per skill of the real skill graph, as log-odds: where it
started plus the evidence of every answer so far (so the order of the answers does not
matter, and a later answer can undo what an early slip suggested). An answer to an item is
evidence by the item's BKT likelihoods (guess and slip of its difficulty; no learning, a
test is not practice):

- on the item's own skills: log(P(answer | known) / P(answer | unknown)), in full for a
  right answer (every skill of the item is known); shared among them for a wrong one (at
  least one is not known);
- spread along the prerequisites, as a tempered likelihood (the same ratio raised to the
  power `STRENGTH` = w): a right answer on s counts for every ancestor of s (knowing s
  implies knowing what it builds on), a wrong one against every descendant of s (not
  knowing s implies not knowing what builds on it).

w = 1 takes the prerequisite relation as strict (a right answer on s says as much about
each prerequisite as about s); w = 0 spreads nothing. `STRENGTH` = 0.7 leaves room for the
exceptions (a learner who knows s but has forgotten one of its prerequisites). The converse
directions (a right answer about dependents, a wrong one about prerequisites) say little
and are left to direct evidence.

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
from mltrail.coach.mastery import ParamSource, default_params, item_params
from mltrail.coach.skills import Item, SkillGraph

STRENGTH = 0.7  # how much an answer on s counts for its ancestors (right) or descendants (wrong); see above
LOW, HIGH = 0.1, 0.9  # a skill's belief is confident below LOW or above HIGH
KNOWN = 0.5  # a skill is placed as known when its belief is above this
# Where the test starts on a skill it has no evidence about: it assumes nothing. (A newcomer's
# BKT prior, 0.1 to 0.3, would let a single slip on a basic item settle the whole graph.)
START = 0.5
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


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -40.0, 40.0)))


def entropy(p: np.ndarray) -> np.ndarray:
    """Binary entropy (nats) of each belief."""
    q = np.clip(p, _EPS, 1 - _EPS)
    return -(q * np.log(q) + (1 - q) * np.log(1 - q))


class Placement:
    """One learner's placement test over `scope` (default: every skill of the graph).

    `beliefs` gives a starting P(known) for skills the coach already has evidence on; the
    others start at `start`. `params` gives each item's guess and slip (default: by difficulty).
    """

    def __init__(self, graph: SkillGraph, scope: Iterable[str] | None = None, max_questions: int = MAX_QUESTIONS,
                 params: ParamSource = default_params, beliefs: Mapping[str, float] | None = None,
                 strength: float = STRENGTH, start: float = START) -> None:
        if isinstance(max_questions, bool) or not isinstance(max_questions, int) or max_questions < 1:
            raise ValueError(f"max_questions must be a whole number of at least 1, got {max_questions!r}")
        if not 0.0 <= strength <= 1.0:
            raise ValueError(f"strength must be between 0 and 1, got {strength!r}")
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
        self.strength = float(strength)
        self.ancestors, self.descendants = _relations(graph)  # [s, r]: r is an ancestor / a descendant of s
        if not 0.0 < start < 1.0:
            raise ValueError(f"start must be strictly between 0 and 1, got {start!r}")
        given = dict(beliefs or {})
        first = np.array([min(max(float(given[s]), _EPS), 1 - _EPS) if s in given else start for s in self.skills])
        self.base = np.log(first / (1 - first))  # log-odds where the test started
        self.evidence = np.zeros(len(self.skills))  # log-likelihood ratios of the answers so far
        self.answers: list[Answer] = []
        self._candidates = self._askable_items()
        self._ranked: tuple[int, list[Question]] | None = None  # gains() for this many answers
        self._contributions: dict[tuple[str, bool], np.ndarray] = {}

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
        p = item_params(self.params, skill, item.difficulty, item.kind)
        return ((1 - p.slip, p.guess) if correct else (p.slip, 1 - p.guess))

    # ------------------------------------------------------------ evidence

    @property
    def p(self) -> np.ndarray:
        """P(known) of every skill, in graph order."""
        return _sigmoid(self.base + self.evidence)

    def contribution(self, item: Item, correct: bool) -> np.ndarray:
        """The log-likelihood ratio an answer to `item` adds to each skill's log-odds."""
        key = (item.id, correct)
        if key not in self._contributions:
            out = np.zeros(len(self.skills))
            share = 1.0 if correct else 1.0 / len(item.skills)
            spread = np.zeros(len(self.skills))
            for skill in item.skills:
                i = self.index[skill]
                known, unknown = self._likelihoods(item, skill, correct)
                ratio = np.log(known / unknown) * share
                out[i] += ratio
                relatives = self.ancestors[i] if correct else self.descendants[i]
                # right: an ancestor of several skills of the item counts once (the strongest);
                # wrong: each skill's share adds up, so a descendant of all of them gets the whole
                spread = (np.where(relatives, np.maximum(spread, ratio), spread) if correct
                          else spread + np.where(relatives, ratio, 0.0))
            own = np.zeros(len(self.skills), dtype=bool)
            own[[self.index[s] for s in item.skills]] = True
            self._contributions[key] = out + np.where(own, 0.0, self.strength * spread)
        return self._contributions[key]

    def p_correct(self, item: Item, beliefs: np.ndarray | None = None) -> float:
        """Probability that the learner answers `item` right, by the current beliefs."""
        b = self.p if beliefs is None else beliefs
        known = float(np.prod([b[self.index[s]] for s in item.skills]))
        return bkt.p_correct(min(max(known, 0.0), 1.0), item_params(self.params, item.skills[0], item.difficulty, item.kind))

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
        now = self.base + self.evidence
        right = _sigmoid(now[None, :] + np.array([self.contribution(item, True) for item in items]))
        wrong = _sigmoid(now[None, :] + np.array([self.contribution(item, False) for item in items]))
        beliefs = _sigmoid(now)
        p_right = np.array([self.p_correct(item, beliefs) for item in items])
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
        self.evidence = self.evidence + self.contribution(item, bool(correct))
        self._ranked = None
        self.answers.append(Answer(item_id, bool(correct), skipped=correct is None))

    def beliefs(self) -> dict[str, float]:
        """P(known) of every skill in scope, evidence or not."""
        p = self.p
        return {skill: round(float(p[self.index[skill]]), 4) for skill in self.scope}

    def result(self) -> dict[str, float]:
        """P(known) of the skills in scope that some answer told about: what seeds mastery (the
        `placement_result` event). A skill no answer reached is left out, so mastery keeps its own
        estimate there rather than the test's starting point."""
        p, touched = self.p, self.evidence != 0.0
        return {skill: round(float(p[self.index[skill]]), 4) for skill in self.scope if touched[self.index[skill]]}

    def placed(self) -> tuple[list[str], list[str]]:
        """The skills in scope placed as known (belief above KNOWN), and those to learn, in course order."""
        p = self.p
        known = [s for s in self.scope if p[self.index[s]] > KNOWN]
        return known, [s for s in self.scope if p[self.index[s]] <= KNOWN]


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
