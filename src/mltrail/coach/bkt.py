"""How likely a learner knows a skill: Bayesian Knowledge Tracing with forgetting, and its EM fit.

The model is a two-state hidden Markov model per learner and skill. The hidden state is
"unknown" or "known"; each graded answer (an attempt or a quiz answer) is an observation:

- P(known before the first answer)        = prior
- P(unknown -> known between two answers) = learn
- P(known -> unknown between two answers) = forget
- P(correct | unknown)                    = guess
- P(wrong | known)                        = slip

A skill counts as mastered once P(L) = P(known) reaches `MASTERED`. Hint and solution views
are observations too, with fixed likelihoods built from guess and slip (see
`observe_help`); they are not part of the fit, which uses graded answers only.

Everything here is pure: plain floats and lists in, plain floats out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Sequence

import numpy as np

MASTERED = 0.95

# Share of hint / solution views that a learner asks for whatever they know (curiosity,
# checking a working answer). The rest come from learners who would otherwise fail.
# A solution view is scored like a wrong answer; a hint is weaker evidence.
HELP_BASE_RATE = {"hint": 0.5, "solution": 0.0}

FIELDS = ("prior", "learn", "guess", "slip", "forget")

# Guess and slip stay below 0.5 so the "known" state keeps meaning "answers correctly".
DEFAULT_BOUNDS: Mapping[str, tuple[float, float]] = {
    "prior": (1e-4, 1 - 1e-4),
    "learn": (1e-4, 1 - 1e-4),
    "forget": (1e-4, 1 - 1e-4),
    "guess": (1e-4, 0.5 - 1e-4),
    "slip": (1e-4, 0.5 - 1e-4),
}


@dataclass(frozen=True)
class BKTParams:
    """The five BKT probabilities of one skill (or one exercise difficulty)."""

    prior: float
    learn: float
    guess: float
    slip: float
    forget: float

    def __post_init__(self) -> None:
        for name in FIELDS:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float, np.floating)):
                raise ValueError(f"BKTParams.{name} must be a number between 0 and 1, got {value!r}")
            if not 0.0 < float(value) < 1.0:
                raise ValueError(f"BKTParams.{name} must be strictly between 0 and 1, got {value!r}")
            object.__setattr__(self, name, float(value))
        if self.guess + self.slip >= 1.0:
            raise ValueError(
                f"BKTParams.guess + BKTParams.slip must be below 1 (got {self.guess} + {self.slip}); "
                "otherwise a correct answer would be evidence against knowing the skill"
            )


@dataclass(frozen=True)
class FitResult:
    """What `fit_em` found: the parameters and how the log-likelihood got there.

    `log_likelihoods[k]` belongs to the k-th parameter set visited (the first is `init`,
    the last is `params`); `iterations` counts the M-steps taken.
    """

    params: BKTParams
    log_likelihoods: list[float]
    iterations: int
    converged: bool


# Why these values: graded exercises run tests, so a correct answer is hard to guess, and
# guess falls from 0.25 (easy, short answers) to 0.10 (hard). Harder exercises are slipped
# on more often by learners who know the skill (0.05 -> 0.15), are learnt more slowly per
# attempt (0.30 -> 0.10), and fewer newcomers know them already (prior 0.30 -> 0.10).
# Forgetting between two attempts is small; spaced review of mastered skills is FSRS's job.
# With each of these, three correct answers in a row reach mastery and one does not.
_DEFAULTS = {
    1: BKTParams(prior=0.30, learn=0.30, guess=0.25, slip=0.05, forget=0.01),
    2: BKTParams(prior=0.25, learn=0.25, guess=0.20, slip=0.08, forget=0.01),
    3: BKTParams(prior=0.20, learn=0.20, guess=0.20, slip=0.10, forget=0.01),
    4: BKTParams(prior=0.15, learn=0.15, guess=0.15, slip=0.12, forget=0.01),
    5: BKTParams(prior=0.10, learn=0.10, guess=0.10, slip=0.15, forget=0.01),
}


def defaults_for(difficulty: int) -> BKTParams:
    """Default parameters for an exercise of difficulty 1 (easiest) to 5 (hardest)."""
    if isinstance(difficulty, bool) or not isinstance(difficulty, int) or difficulty not in _DEFAULTS:
        raise ValueError(f"difficulty must be an integer from 1 to 5, got {difficulty!r}")
    return _DEFAULTS[difficulty]


def _check_p(p_known: float) -> float:
    if not 0.0 <= p_known <= 1.0:
        raise ValueError(f"p_known must be a probability between 0 and 1, got {p_known!r}")
    return float(p_known)


def p_correct(p_known: float, params: BKTParams) -> float:
    """Probability that the next answer is correct."""
    p = _check_p(p_known)
    return p * (1.0 - params.slip) + (1.0 - p) * params.guess


def posterior(p_known: float, correct: bool, params: BKTParams) -> float:
    """P(known) given one answer, by Bayes' rule (before any learning or forgetting)."""
    p = _check_p(p_known)
    if correct:
        known, unknown = p * (1.0 - params.slip), (1.0 - p) * params.guess
    else:
        known, unknown = p * params.slip, (1.0 - p) * (1.0 - params.guess)
    return known / (known + unknown)


def transition(p_known: float, params: BKTParams) -> float:
    """P(known) at the next answer: learnt if unknown, forgotten if known."""
    return p_known * (1.0 - params.forget) + (1.0 - p_known) * params.learn


def update(p_known: float, correct: bool, params: BKTParams) -> float:
    """P(known) at the next answer after this one: Bayes' rule, then learn/forget."""
    return transition(posterior(p_known, correct, params), params)


def observe_help(p_known: float, kind: str, params: BKTParams) -> float:
    """P(known) after a "hint" or "solution" view: evidence against mastery, no learning.

    A view is an observation with these likelihoods, where b = HELP_BASE_RATE[kind] is the
    share of views asked for whatever the learner knows:

        P(view | known)   = b + (1 - b) * slip          (knowers need help when they'd slip)
        P(view | unknown) = b + (1 - b) * (1 - guess)   (others when they'd not guess right)

    Since guess + slip < 1 the second is larger, so P(known) falls strictly for
    0 < P < 1 and stays in [0, 1]. A solution (b = 0) weighs as much as a wrong answer, a
    hint (b = 0.5) less. No learn/forget step follows: a view is not a practice attempt.
    Callers should count only views before the learner passed the exercise.
    """
    if kind not in HELP_BASE_RATE:
        raise ValueError(f"help kind must be one of {sorted(HELP_BASE_RATE)}, got {kind!r}")
    p = _check_p(p_known)
    base = HELP_BASE_RATE[kind]
    known = p * (base + (1.0 - base) * params.slip)
    unknown = (1.0 - p) * (base + (1.0 - base) * (1.0 - params.guess))
    return known / (known + unknown)


def trace(observations: Iterable[bool | str], params: BKTParams, p0: float | None = None) -> list[float]:
    """P(known) after each observation: True/False for an answer, "hint"/"solution" for a view."""
    p = params.prior if p0 is None else _check_p(p0)
    out = []
    for index, obs in enumerate(observations):
        if isinstance(obs, str):
            p = observe_help(p, obs, params)
        elif isinstance(obs, (bool, np.bool_)):
            p = update(p, bool(obs), params)
        else:
            raise ValueError(f"observation {index} must be True, False, 'hint' or 'solution', got {obs!r}")
        out.append(p)
    return out


# --- fitting: scaled forward-backward over all sequences at once ---------------------


@dataclass(frozen=True)
class _Batch:
    """Distinct sequences, padded to one length: arrays of shape (steps, sequences)."""

    correct: np.ndarray  # bool
    present: np.ndarray  # bool, False on padding
    weight: np.ndarray  # how many input sequences share this one


def _batch(sequences: Sequence[Sequence[bool]]) -> _Batch | None:
    rows = []
    for index, seq in enumerate(sequences):
        seq = list(seq)
        if not all(isinstance(x, (bool, np.bool_)) for x in seq):
            raise ValueError(f"sequence {index} must hold only True/False answers")
        if seq:
            rows.append(seq)
    if not rows:
        return None
    steps = max(map(len, rows))
    table = np.zeros((len(rows), 2 * steps), dtype=np.int8)
    for i, seq in enumerate(rows):
        table[i, : len(seq)] = seq
        table[i, steps : steps + len(seq)] = 1
    unique, counts = np.unique(table, axis=0, return_counts=True)
    return _Batch(unique[:, :steps].T.astype(bool), unique[:, steps:].T.astype(bool), counts.astype(float))


def _emissions(batch: _Batch, params: BKTParams) -> tuple[np.ndarray, np.ndarray]:
    """P(answer | unknown), P(answer | known); 1 on padding, so it changes nothing there."""
    e0 = np.where(batch.correct, params.guess, 1.0 - params.guess)
    e1 = np.where(batch.correct, 1.0 - params.slip, params.slip)
    e0[~batch.present] = 1.0
    e1[~batch.present] = 1.0
    return e0, e1


def _forward(e0: np.ndarray, e1: np.ndarray, params: BKTParams) -> tuple[np.ndarray, np.ndarray]:
    """Filtered P(known | answers so far) and the scale factors P(answer_t | answers before)."""
    filtered = np.empty_like(e0)
    scale = np.empty_like(e0)
    predicted = np.full(e0.shape[1], params.prior)
    for t in range(e0.shape[0]):
        known = predicted * e1[t]
        scale[t] = known + (1.0 - predicted) * e0[t]
        filtered[t] = known / scale[t]
        predicted = filtered[t] * (1.0 - params.forget) + (1.0 - filtered[t]) * params.learn
    return filtered, scale


def log_likelihood(sequences: Sequence[Sequence[bool]], params: BKTParams) -> float:
    """Log-probability of the answer sequences under the model (forward algorithm)."""
    batch = _batch(sequences)
    if batch is None:
        return 0.0
    _, scale = _forward(*_emissions(batch, params), params)
    return float(batch.weight @ np.log(scale).sum(axis=0))


def _expected_counts(batch: _Batch, params: BKTParams) -> tuple[float, dict[str, tuple[float, float]]]:
    """E-step: log-likelihood and, per field, (expected events, expected chances)."""
    e0, e1 = _emissions(batch, params)
    filtered, scale = _forward(e0, e1, params)
    learn, forget = params.learn, params.forget
    known = np.empty_like(filtered)  # smoothed P(known_t | all answers)
    known[-1] = filtered[-1]
    beta0 = np.ones(filtered.shape[1])
    beta1 = np.ones(filtered.shape[1])
    moves = np.zeros(4)  # expected unknown->known, unknown->*, known->unknown, known->*
    for t in range(filtered.shape[0] - 2, -1, -1):
        m0 = e0[t + 1] * beta0 / scale[t + 1]
        m1 = e1[t + 1] * beta1 / scale[t + 1]
        w = batch.weight * batch.present[t + 1]  # no transition into padding
        to_known = (1.0 - filtered[t]) * learn * m1
        to_unknown = filtered[t] * forget * m0
        beta0 = (1.0 - learn) * m0 + learn * m1
        beta1 = forget * m0 + (1.0 - forget) * m1
        known[t] = filtered[t] * beta1
        moves += [w @ to_known, w @ (1.0 - known[t]), w @ to_unknown, w @ known[t]]
    w = batch.weight * batch.present
    unknown = 1.0 - known
    counts = {
        "prior": (batch.weight @ known[0], batch.weight.sum()),
        "learn": (moves[0], moves[1]),
        "forget": (moves[2], moves[3]),
        "guess": (np.sum(w * unknown * batch.correct), np.sum(w * unknown)),
        "slip": (np.sum(w * known * ~batch.correct), np.sum(w * known)),
    }
    return float(batch.weight @ np.log(scale).sum(axis=0)), counts


def _maximise(params: BKTParams, counts, bounds: Mapping[str, tuple[float, float]]) -> BKTParams:
    """M-step, clipped to the bounds.

    Each field's part of the EM objective is concave in that field alone, so clipping the
    unconstrained maximum to its interval is the constrained maximum: the log-likelihood
    still never falls. A field with no evidence (no transitions at all) keeps its value.
    """
    new = {}
    for name in FIELDS:
        events, chances = counts[name]
        value = events / chances if chances > 1e-12 else getattr(params, name)
        low, high = bounds[name]
        new[name] = min(max(float(value), low), high)
    return replace(params, **new)


def _check_bounds(bounds: Mapping[str, tuple[float, float]] | None) -> dict[str, tuple[float, float]]:
    merged = dict(DEFAULT_BOUNDS)
    for name, pair in (bounds or {}).items():
        if name not in DEFAULT_BOUNDS:
            raise ValueError(f"bounds: unknown field {name!r}; fields are {', '.join(FIELDS)}")
        low, high = pair
        if not 0.0 < low <= high < 1.0:
            raise ValueError(f"bounds[{name!r}] must satisfy 0 < low <= high < 1, got {pair!r}")
        if name in ("guess", "slip") and high >= 0.5:
            raise ValueError(f"bounds[{name!r}] upper end must be below 0.5, got {high!r}")
        merged[name] = (float(low), float(high))
    return merged


def fit_em(
    sequences: Sequence[Sequence[bool]],
    init: BKTParams | None = None,
    max_iter: int = 200,
    tol: float = 1e-7,
    bounds: Mapping[str, tuple[float, float]] | None = None,
) -> FitResult:
    """Parameters that fit the answer sequences best, by Baum-Welch (EM).

    `sequences` holds one list of True/False answers per learner and skill, in order.
    Starts from `init` (default: `defaults_for(3)`) clipped to `bounds` (per field,
    merged over `DEFAULT_BOUNDS`; guess and slip stay below 0.5 so that the known state
    is the one that answers correctly). Stops when an iteration gains less than
    `tol * |log-likelihood|`, or after `max_iter` M-steps.
    """
    batch = _batch(sequences)
    if batch is None:
        raise ValueError("fit_em needs at least one non-empty answer sequence")
    limits = _check_bounds(bounds)
    start = init if init is not None else defaults_for(3)
    params = replace(start, **{n: min(max(getattr(start, n), lo), hi) for n, (lo, hi) in limits.items()})
    history: list[float] = []
    converged = False
    iterations = 0
    while True:
        ll, counts = _expected_counts(batch, params)
        if history and not math.isfinite(ll):
            raise ValueError("fit_em: the log-likelihood is no longer finite; check the bounds")
        if history and ll - history[-1] <= tol * abs(ll):
            converged = True
        history.append(ll)
        if converged or iterations >= max_iter:
            break
        params = _maximise(params, counts, limits)
        iterations += 1
    return FitResult(params=params, log_likelihoods=history, iterations=iterations, converged=converged)
