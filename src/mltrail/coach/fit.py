"""Re-estimating the BKT parameters from every learner's answers (`mltrail coach fit`).

Data: one sequence per (learner, skill) of correct/wrong answers in time order, from
`mastery.observations` (graded attempts and quiz items; help views and placements are
not answers and are left out, as `bkt.fit_em` expects). A learner's sequence for a skill
holds their answers to items on that skill ALONE when they have any (else, rather than
nothing, those to items it shares with other skills): a wrong answer to an item on several
skills may be any one of them missing, and per-skill BKT would read it as a slip (or no
learning) of each skill the learner knew. On
simulated learners (benchmarks/adaptive.py) those answers pushed most fitted slips to their
bound and learn rates to a third of the truth, and the coach asked about three right answers
per learnt skill before believing it; fitted on one-skill items, slip and learn came out
near the simulator's and the coach's over-practice fell by a sixth.

Keys, most specific first:

- a skill with at least `min_sequences` sequences gets its own parameters (key: the
  skill id), fitted from its sequences, starting from the defaults of the difficulty
  most of its answers had;
- the other skills' answers are pooled per exercise difficulty (key "difficulty:3"): one
  sequence per (learner, skill) of the answers on items of that difficulty, fitted when
  the pool has at least `min_sequences` sequences;
- anything thinner keeps `bkt.defaults_for(difficulty)`;
- a fitted skill practised by quiz items and by code exercises also gets, per kind group
  with enough sequences, its own guess and slip (key "skill@quiz", "skill@code"; its prior,
  learn and forget held at the skill's): a quiz item is guessed far more often than a test
  suite is passed by luck, and one guess for both made a lucky quiz answer look like
  mastery. `mastery.item_params` reads them through `ParamTable.for_kind`.

Every fit stays within `FIT_BOUNDS` (forget at most 0.02, slip at most 0.15, guess at most 0.3), so a
fitted skill can still be mastered (see there).

The strength with which a right answer spreads to the prerequisites (`mastery.PROPAGATION`)
is fitted too when the data holds the learners' histories (`Sequences.add_observations`
keeps them): `fit_propagation` on the first `PROPAGATION_SAMPLE` learners, under the
parameters just fitted (`FitReport.propagation`). `FitReport.records()` gives the rows the
store keeps: one per key, and for the strength one row of key and scope `PROPAGATION_KEY`
whose `prior` column holds it (its other four parameter columns 0; `sequences` the answers
scored, `baseline_log_likelihood` that of `mastery.PROPAGATION`). A reader from before the
strength was stored skips that row (it is no valid BKTParams), and a fit stored before it
has no such row: the strength is then `mastery.PROPAGATION`.

`ParamTable` is the `mastery.ParamSource` that reads the result: skill, then difficulty,
then the defaults, and the stored strength. The log-likelihood gain reported per key is the fitted parameters'
log-likelihood minus that of the starting defaults, on the same sequences.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from mltrail.coach import bkt
from mltrail.coach.mastery import (PROPAGATION, Observation, ParamSource, default_params, observations, predict,
                                   replay)
from mltrail.coach.skills import SkillGraph

MIN_SEQUENCES = 30
# The fit's bounds (over bkt.DEFAULT_BOUNDS). A few dozen learners' answers leave BKT's five
# parameters poorly identified: unbounded, EM trades a high forget against a high slip and
# lands where three right answers in a row never reach MASTERED (P(known) settles near
# 1 - forget), so the coach would practise a skill forever. Forgetting between two answers is
# small (spaced reviews are FSRS's job); a slip or a guess above 0.3 means the item, not the
# learner, is the problem; a fitted slip is further capped at the defaults' largest (0.15):
# a wrong answer to an item on several skills is a "slip" of each skill the learner knew,
# which inflates it.
FIT_BOUNDS = {"forget": (1e-4, 0.02), "slip": (1e-4, 0.15), "guess": (1e-4, 0.3)}
DIFFICULTY_PREFIX = "difficulty:"
PROPAGATION_KEY = "propagation"  # the stored row (key and scope) of the fitted spreading strength
PROPAGATION_SAMPLE = 40  # learners whose histories the spreading strength is fitted on (the first ones)
KIND_SEPARATOR = "@"
_HOLD = 1e-3  # a per-kind fit holds the skill's prior, learn and forget within this


def difficulty_key(difficulty: int) -> str:
    return f"{DIFFICULTY_PREFIX}{difficulty}"


@dataclass(frozen=True)
class Fitted:
    """The parameters fitted for one key (a skill id or "difficulty:N")."""

    key: str
    scope: str  # "skill" or "difficulty"
    params: bkt.BKTParams
    sequences: int
    log_likelihood: float
    baseline_log_likelihood: float  # of the defaults the fit started from
    iterations: int = 0
    converged: bool = True

    @property
    def gain(self) -> float:
        return self.log_likelihood - self.baseline_log_likelihood

    def to_json(self) -> dict:
        return {"key": self.key, "scope": self.scope,
                **{name: round(getattr(self.params, name), 6) for name in bkt.FIELDS},
                "sequences": self.sequences, "log_likelihood": round(self.log_likelihood, 4),
                "baseline_log_likelihood": round(self.baseline_log_likelihood, 4),
                "gain": round(self.gain, 4), "iterations": self.iterations, "converged": self.converged}


@dataclass
class FitReport:
    """What a fit found: fitted keys, and the keys left at their defaults with their sequence counts."""

    fitted: list[Fitted]
    kept_defaults: dict[str, int] = field(default_factory=dict)
    learners: int = 0
    min_sequences: int = MIN_SEQUENCES
    propagation: "PropagationFit | None" = None  # the fitted spreading strength (None: no histories)

    def table(self) -> "ParamTable":
        """The fit as a ParamSource (with the fitted strength when there is one)."""
        return ParamTable({row.key: row.params for row in self.fitted},
                          propagation=self.propagation.strength if self.propagation else None)

    def records(self) -> list[dict]:
        """The rows the store keeps (`Store.replace_coach_params`): one per fitted key, and the
        spreading strength's row (key and scope PROPAGATION_KEY, the strength in `prior`)."""
        rows = [{"key": row.key, "scope": row.scope, **{name: getattr(row.params, name) for name in bkt.FIELDS},
                 "sequences": row.sequences, "log_likelihood": row.log_likelihood,
                 "baseline_log_likelihood": row.baseline_log_likelihood} for row in self.fitted]
        if self.propagation is not None:
            spread = self.propagation
            rows.append({"key": PROPAGATION_KEY, "scope": PROPAGATION_KEY, "prior": spread.strength,
                         **{name: 0.0 for name in bkt.FIELDS if name != "prior"}, "sequences": spread.answers,
                         "log_likelihood": spread.log_likelihoods[spread.strength],
                         "baseline_log_likelihood": spread.log_likelihoods.get(PROPAGATION)})
        return rows

    def to_json(self) -> dict:
        return {"learners": self.learners, "min_sequences": self.min_sequences,
                "fitted": [row.to_json() for row in self.fitted], "kept_defaults": self.kept_defaults,
                "propagation": self.propagation.to_json() if self.propagation else None}


@dataclass
class Sequences:
    """Every learner's answers per skill: (difficulty, correct) in time order."""

    by_skill: dict[str, list[list[tuple[int, bool]]]] = field(default_factory=dict)
    learners: int = 0
    # the kind group ("quiz" or "code", `kind_group`) of each answer of by_skill, run by run
    kinds: dict[str, list[list[str]]] = field(default_factory=dict)
    # each learner's answers as observations, and their graph: what fit_propagation replays
    histories: list[list[Observation]] = field(default_factory=list)
    graph: SkillGraph | None = None

    def add_learner(self, graph: SkillGraph, attempts: Sequence[Any], events: Sequence[Any]) -> None:
        self.add_observations(graph, observations(graph, attempts, events))

    def add_observations(self, graph: SkillGraph, history: Iterable[Observation]) -> None:
        """One learner's observations (oldest first, as `mastery.observations` gives them)."""
        alone: dict[str, list[tuple[int, bool, str]]] = {}
        shared: dict[str, list[tuple[int, bool, str]]] = {}
        history = list(history)
        self.graph = graph
        self.histories.append([obs for obs in history if obs.kind == "answer"])
        for obs in history:
            if obs.kind != "answer":
                continue  # help views and placements
            item = graph.all_items.get(obs.item) if obs.item else None
            for skill in obs.skills:
                if skill in graph:
                    (alone if len(obs.skills) == 1 else shared).setdefault(skill, []).append(
                        (obs.difficulty, bool(obs.correct), kind_group(item.kind if item else None)))
        # a skill's answers on items of it alone; only a learner who has none, those of the items
        # it shares with other skills (see the module docstring)
        for skill in list(alone) + [s for s in shared if s not in alone]:
            answers = alone.get(skill) or shared[skill]
            self.by_skill.setdefault(skill, []).append([(d, c) for d, c, _ in answers])
            self.kinds.setdefault(skill, []).append([g for _, _, g in answers])
        self.learners += 1


def collect(graph: SkillGraph, learners: Iterable[tuple[Sequence[Any], Sequence[Any]]]) -> Sequences:
    """The answer sequences of every learner, given as (attempts, events) pairs."""
    found = Sequences()
    for attempts, events in learners:
        found.add_learner(graph, attempts, events)
    return found


def _fit(key: str, scope: str, sequences: list[list[bool]], init: bkt.BKTParams, max_iter: int) -> Fitted:
    result = bkt.fit_em(sequences, init=init, max_iter=max_iter, bounds=FIT_BOUNDS)
    return Fitted(key, scope, result.params, len(sequences), result.log_likelihoods[-1],
                  bkt.log_likelihood(sequences, init), result.iterations, result.converged)


def kind_group(kind: str | None) -> str:
    """Items whose answers are guessed alike: "quiz" items, and "code" (function and dataset
    exercises, whose tests are hard to pass by luck; an answer of unknown kind counts here)."""
    return "quiz" if kind == "quiz" else "code"


def kind_key(skill: str, group: str) -> str:
    return f"{skill}{KIND_SEPARATOR}{group}"


def _fit_kinds(skill: str, row: Fitted, runs: list, kinds: list, min_sequences: int, max_iter: int) -> list[Fitted]:
    """Per kind group of a skill with answers of both: guess and slip fitted on that group's
    answers alone (EM with the skill's prior, learn and forget held), the rest the skill's."""
    out: list[Fitted] = []
    groups = {g for run in kinds for g in run}
    if len(groups) < 2:
        return out
    held = {name: (max(getattr(row.params, name) - _HOLD, 1e-4), min(getattr(row.params, name) + _HOLD, 1 - 1e-4))
            for name in ("prior", "learn", "forget")}
    bounds = {**FIT_BOUNDS, **held}
    for group in sorted(groups):
        sequences = [[c for (_, c), g in zip(run, marks) if g == group] for run, marks in zip(runs, kinds)]
        sequences = [seq for seq in sequences if seq]
        if len(sequences) < min_sequences:
            continue
        result = bkt.fit_em(sequences, init=row.params, max_iter=max_iter, bounds=bounds)
        params = bkt.BKTParams(prior=row.params.prior, learn=row.params.learn, forget=row.params.forget,
                               guess=result.params.guess, slip=result.params.slip)
        out.append(Fitted(kind_key(skill, group), "kind", params, len(sequences), bkt.log_likelihood(sequences, params),
                          bkt.log_likelihood(sequences, row.params), result.iterations, result.converged))
    return out


def fit(data: Sequences, min_sequences: int = MIN_SEQUENCES, max_iter: int = 200,
        propagation_sample: int = PROPAGATION_SAMPLE) -> FitReport:
    """Parameters per skill where there are enough sequences, else per difficulty pooled; for
    a skill practised by both quiz items and code exercises, its guess and slip per kind group
    (`_fit_kinds`: key "skill@quiz", "skill@code") where each has enough sequences; and, when
    `data` holds the learners' histories, the spreading strength (`fit_propagation` on the
    first `propagation_sample` of them, under the parameters just fitted; 0: not fitted)."""
    if isinstance(min_sequences, bool) or not isinstance(min_sequences, int) or min_sequences < 1:
        raise ValueError(f"min_sequences must be a whole number of at least 1, got {min_sequences!r}")
    fitted: list[Fitted] = []
    kept: dict[str, int] = {}
    pools: dict[int, list[list[bool]]] = {}
    for skill in sorted(data.by_skill):
        runs = data.by_skill[skill]
        if len(runs) >= min_sequences:
            modal = Counter(d for run in runs for d, _ in run).most_common(1)[0][0]
            row = _fit(skill, "skill", [[c for _, c in run] for run in runs], bkt.defaults_for(modal), max_iter)
            fitted.append(row)
            if len(data.kinds.get(skill, [])) == len(runs):
                fitted.extend(_fit_kinds(skill, row, runs, data.kinds[skill], min_sequences, max_iter))
            continue
        for run in runs:
            for difficulty in sorted({d for d, _ in run}):
                pools.setdefault(difficulty, []).append([c for d, c in run if d == difficulty])
    for difficulty in sorted(pools):
        key = difficulty_key(difficulty)
        if len(pools[difficulty]) >= min_sequences:
            fitted.append(_fit(key, "difficulty", pools[difficulty], bkt.defaults_for(difficulty), max_iter))
        else:
            kept[key] = len(pools[difficulty])
    report = FitReport(fitted, kept, data.learners, min_sequences)
    sample = [h for h in data.histories if h][:max(propagation_sample, 0)]
    if data.graph is not None and sample:
        report.propagation = fit_propagation(data.graph, sample, report.table())
    return report


def fit_learners(graph: SkillGraph, learners: Iterable[tuple[Sequence[Any], Sequence[Any]]],
                 min_sequences: int = MIN_SEQUENCES) -> FitReport:
    """`mltrail coach fit` on plain records: every learner's (attempts, events), the BKT
    parameters and the spreading strength; `report.records()` is what the store keeps."""
    return fit(collect(graph, learners), min_sequences=min_sequences)


class ParamTable:
    """A `mastery.ParamSource` over fitted parameters: the skill's, else its difficulty's, else
    the defaults. `propagation`, when set (`fit_propagation`), is the strength `mastery.replay`
    spreads a right answer to the prerequisites with (None: mastery.PROPAGATION)."""

    def __init__(self, rows: Mapping[str, bkt.BKTParams] | None = None, propagation: float | None = None) -> None:
        self.rows = dict(rows or {})
        if propagation is not None and not 0.0 <= propagation <= 1.0:
            raise ValueError(f"propagation must be between 0 and 1, got {propagation!r}")
        self.propagation = propagation

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]]) -> "ParamTable":
        """From stored rows (key and the five fields); a row that is no valid BKTParams is
        skipped. The spreading strength's row (PROPAGATION_KEY: the strength in `prior`) sets
        `propagation`; without it (a fit stored before the strength was), None."""
        rows = {}
        propagation = None
        for record in records:
            if record.get("key") == PROPAGATION_KEY:
                strength = record.get("prior")
                if isinstance(strength, (int, float)) and not isinstance(strength, bool) and 0.0 <= strength <= 1.0:
                    propagation = float(strength)
                continue
            try:
                rows[record["key"]] = bkt.BKTParams(**{name: record[name] for name in bkt.FIELDS})
            except (KeyError, ValueError):
                continue  # a damaged row must not break mastery: its key falls back to the defaults
        return cls(rows, propagation=propagation)

    def __call__(self, skill: str, difficulty: int) -> bkt.BKTParams:
        found = self.rows.get(skill) or self.rows.get(difficulty_key(difficulty))
        return found if found is not None else bkt.defaults_for(difficulty)

    def for_kind(self, skill: str, difficulty: int, kind: str | None) -> bkt.BKTParams:
        """For an answer to an item of this kind: the skill's row for the kind group, else as `__call__`."""
        found = self.rows.get(kind_key(skill, kind_group(kind)))
        return found if found is not None else self(skill, difficulty)


PROPAGATION_GRID = (0.0, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0)


@dataclass(frozen=True)
class PropagationFit:
    """The strength of `mastery.PROPAGATION` that predicts the learners' next answers best."""

    strength: float
    log_likelihoods: dict[float, float]  # per strength tried: the summed log P(answer) before each answer
    answers: int

    def to_json(self) -> dict:
        return {"strength": self.strength, "answers": self.answers,
                "log_likelihoods": {str(k): round(v, 4) for k, v in self.log_likelihoods.items()}}


def fit_propagation(graph: SkillGraph, histories: Iterable[Sequence[Observation]], params: ParamSource = default_params,
                    grid: Sequence[float] = PROPAGATION_GRID) -> PropagationFit:
    """How much a right answer on a skill should count for the skills it builds on: each
    strength of `grid` replays every learner's history (`mastery.replay` with `params`),
    scoring the model's P(right) for each answer before it is seen (`mastery.predict`); the
    strength with the largest log-likelihood wins (ties: the smaller). Learners' answers only:
    what a deployment has on record."""
    strengths = sorted({float(g) for g in grid})
    if not strengths or any(not 0.0 <= g <= 1.0 for g in strengths):
        raise ValueError(f"grid must hold strengths between 0 and 1, got {list(grid)!r}")
    histories = [list(h) for h in histories]
    totals: dict[float, float] = {}
    answers = 0
    for strength in strengths:
        total, count = 0.0, 0
        for history in histories:
            states: dict = {}
            for observation in history:
                if observation.kind == "answer" and observation.skills:
                    item = graph.all_items.get(observation.item) if observation.item else None
                    p = predict(graph, states, observation.skills, observation.difficulty, params,
                                item.kind if item else None)
                    p = min(max(p, 1e-6), 1 - 1e-6)
                    total += math.log(p if observation.correct else 1.0 - p)
                    count += 1
                replay(graph, [observation], params, states=states, propagation=strength)
        totals[strength], answers = total, count
    best = max(strengths, key=lambda g: (totals[g], -g))
    return PropagationFit(best, totals, answers)
