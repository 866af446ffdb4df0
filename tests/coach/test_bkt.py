"""Knowledge tracing: the update rules, the forward likelihood, the EM fit and the defaults."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from mltrail.coach.bkt import (
    DEFAULT_BOUNDS,
    MASTERED,
    BKTParams,
    defaults_for,
    fit_em,
    log_likelihood,
    observe_help,
    p_correct,
    posterior,
    trace,
    update,
)

HAND = BKTParams(prior=0.4, learn=0.3, guess=0.2, slip=0.1, forget=0.05)


def simulate(params: BKTParams, count: int, rng: np.random.Generator, lengths=(5, 15)) -> list[list[bool]]:
    """Answer sequences drawn from the model itself."""
    sequences = []
    for _ in range(count):
        known = rng.random() < params.prior
        answers = []
        for _ in range(rng.integers(lengths[0], lengths[1] + 1)):
            answers.append(bool(rng.random() < (1 - params.slip if known else params.guess)))
            known = rng.random() >= params.forget if known else rng.random() < params.learn
        sequences.append(answers)
    return sequences


def random_params(rng: np.random.Generator) -> BKTParams:
    return BKTParams(
        prior=rng.uniform(0.05, 0.95),
        learn=rng.uniform(0.05, 0.95),
        guess=rng.uniform(0.05, 0.45),
        slip=rng.uniform(0.05, 0.45),
        forget=rng.uniform(0.05, 0.95),
    )


def path_log_probability(path: tuple[int, ...], answers: list[bool], p: BKTParams) -> float:
    """log P(hidden path, answers) for one path of unknown (0) / known (1) states."""
    step = {(0, 0): 1 - p.learn, (0, 1): p.learn, (1, 0): p.forget, (1, 1): 1 - p.forget}
    prob = p.prior if path[0] else 1 - p.prior
    for t, (state, correct) in enumerate(zip(path, answers)):
        if t:
            prob *= step[path[t - 1], state]
        right = 1 - p.slip if state else p.guess
        prob *= right if correct else 1 - right
    return math.log(prob)


def brute_force_log_likelihood(answers: list[bool], p: BKTParams) -> float:
    """Sum over every hidden path."""
    paths = itertools.product((0, 1), repeat=len(answers))
    return math.log(sum(math.exp(path_log_probability(path, answers, p)) for path in paths))


# --- the update rules, by hand --------------------------------------------------------


def test_p_correct_by_hand():
    # 0.4 * 0.9 + 0.6 * 0.2
    assert p_correct(0.4, HAND) == pytest.approx(0.48)


def test_posterior_and_update_after_a_correct_answer():
    # Bayes: 0.4 * 0.9 / (0.4 * 0.9 + 0.6 * 0.2) = 0.36 / 0.48
    assert posterior(0.4, True, HAND) == pytest.approx(0.75)
    # then 0.75 * (1 - 0.05) + 0.25 * 0.3
    assert update(0.4, True, HAND) == pytest.approx(0.7875)


def test_posterior_and_update_after_a_wrong_answer():
    # Bayes: 0.4 * 0.1 / (0.4 * 0.1 + 0.6 * 0.8) = 0.04 / 0.52
    assert posterior(0.4, False, HAND) == pytest.approx(1 / 13)
    # then (1/13) * 0.95 + (12/13) * 0.3 = 4.55 / 13
    assert update(0.4, False, HAND) == pytest.approx(0.35)


def test_trace_chains_updates_from_the_prior_or_a_given_start():
    assert trace([True, False], HAND) == pytest.approx([0.7875, update(0.7875, False, HAND)])
    assert trace([True], HAND, p0=0.4) == pytest.approx([0.7875])
    assert trace([], HAND) == []


# --- help views -----------------------------------------------------------------------


@pytest.mark.parametrize("p", [0.01, 0.2, 0.5, 0.8, 0.99])
def test_help_views_lower_mastery_a_solution_more_than_a_hint(p):
    after_hint = observe_help(p, "hint", HAND)
    after_solution = observe_help(p, "solution", HAND)
    assert 0.0 <= after_solution < after_hint < p


def test_a_help_view_is_no_practice_and_never_goes_below_zero():
    assert observe_help(0.0, "solution", HAND) == 0.0  # an update would add `learn`
    assert observe_help(1.0, "hint", HAND) == 1.0
    assert trace(["hint", "solution"], HAND) == pytest.approx(
        [observe_help(0.4, "hint", HAND), observe_help(observe_help(0.4, "hint", HAND), "solution", HAND)]
    )


def test_a_solution_view_weighs_like_a_wrong_answer():
    assert observe_help(0.4, "solution", HAND) == pytest.approx(posterior(0.4, False, HAND))


def test_unknown_help_kind_and_observation_are_refused():
    with pytest.raises(ValueError, match="hint"):
        observe_help(0.5, "video", HAND)
    with pytest.raises(ValueError, match="observation 1"):
        trace([True, 1], HAND)
    with pytest.raises(ValueError, match="p_known"):
        posterior(1.5, True, HAND)


# --- mastery with the defaults ----------------------------------------------------------


@pytest.mark.parametrize("difficulty", [1, 2, 3, 4, 5])
def test_a_run_of_correct_answers_masters_a_skill_a_lucky_guess_does_not(difficulty):
    params = defaults_for(difficulty)
    run = trace([True] * 5, params)
    assert run[0] < MASTERED
    assert run[2] >= MASTERED
    assert max(trace([False, False, True], params)) < MASTERED


def test_harder_defaults_learn_slower_slip_more_and_guess_less():
    by_level = [defaults_for(d) for d in range(1, 6)]
    for easier, harder in zip(by_level, by_level[1:]):
        assert harder.learn < easier.learn
        assert harder.slip > easier.slip
        assert harder.guess <= easier.guess
    assert by_level[-1].guess < by_level[0].guess


# --- the forward likelihood -------------------------------------------------------------


def test_forward_log_likelihood_equals_the_sum_over_all_hidden_paths():
    rng = np.random.default_rng(7)
    for _ in range(25):
        params = random_params(rng)
        sequences = [list(rng.random(rng.integers(1, 7)) < 0.5) for _ in range(3)]
        sequences = [[bool(x) for x in s] for s in sequences]
        expected = sum(brute_force_log_likelihood(s, params) for s in sequences)
        assert log_likelihood(sequences, params) == pytest.approx(expected, rel=1e-10)


def test_repeated_and_empty_sequences_count_as_given():
    one = [True, False, True]
    assert log_likelihood([one, one, []], HAND) == pytest.approx(2 * brute_force_log_likelihood(one, HAND))
    assert log_likelihood([], HAND) == 0.0


# --- the EM fit ---------------------------------------------------------------------------


def brute_force_em_step(sequences: list[list[bool]], p: BKTParams) -> dict[str, float]:
    """One M-step from expected counts summed over every hidden path of every sequence."""
    events = dict.fromkeys(("prior", "learn", "guess", "slip", "forget"), 0.0)
    chances = dict(events)
    for answers in sequences:
        paths = list(itertools.product((0, 1), repeat=len(answers)))
        weights = [math.exp(path_log_probability(path, answers, p)) for path in paths]
        total = sum(weights)
        for path, weight in zip(paths, weights):
            share = weight / total
            events["prior"] += share * path[0]
            chances["prior"] += share
            for before, after in zip(path, path[1:]):
                name = "forget" if before else "learn"
                events[name] += share * (after != before)
                chances[name] += share
            for state, correct in zip(path, answers):
                name = "slip" if state else "guess"
                events[name] += share * (correct != bool(state))
                chances[name] += share
    return {name: events[name] / chances[name] for name in events}


def test_one_em_step_equals_the_expected_counts_over_all_hidden_paths():
    rng = np.random.default_rng(11)
    for _ in range(10):
        params = random_params(rng)
        sequences = [[bool(x) for x in rng.random(rng.integers(1, 7)) < 0.5] for _ in range(4)]
        sequences.append([True, False])  # at least one transition
        expected = brute_force_em_step(sequences, params)
        stepped = fit_em(sequences, init=params, max_iter=1, tol=0.0).params
        for name, value in expected.items():
            low, high = DEFAULT_BOUNDS[name]  # the M-step clips to these
            assert getattr(stepped, name) == pytest.approx(min(max(value, low), high), rel=1e-9), name


def test_em_never_lowers_the_log_likelihood():
    rng = np.random.default_rng(1)
    sequences = simulate(BKTParams(prior=0.5, learn=0.2, guess=0.3, slip=0.2, forget=0.1), 500, rng, (1, 12))
    start = BKTParams(prior=0.9, learn=0.6, guess=0.05, slip=0.4, forget=0.4)
    for bounds in (None, {"guess": (0.01, 0.15), "forget": (0.3, 0.6)}):  # free, then clipped
        result = fit_em(sequences, init=start, bounds=bounds, tol=1e-12, max_iter=60)
        assert len(result.log_likelihoods) == result.iterations + 1
        assert np.min(np.diff(result.log_likelihoods)) >= -1e-9
        assert result.log_likelihoods[-1] == pytest.approx(log_likelihood(sequences, result.params))


def test_em_recovers_known_parameters_with_forgetting():
    true = BKTParams(prior=0.3, learn=0.15, guess=0.2, slip=0.1, forget=0.05)
    sequences = simulate(true, 5000, np.random.default_rng(2026))
    result = fit_em(sequences, init=BKTParams(prior=0.5, learn=0.3, guess=0.3, slip=0.3, forget=0.2))
    assert result.converged
    for name in ("prior", "learn", "guess", "slip", "forget"):
        assert getattr(result.params, name) == pytest.approx(getattr(true, name), abs=0.05), name
    assert result.params.forget > 0.02


def test_em_keeps_guess_and_slip_below_a_half():
    # Learners who mostly answer wrong, with a start that calls them "known":
    # unclipped, EM could let the known state be the one that answers wrongly.
    rng = np.random.default_rng(3)
    sequences = [[bool(x) for x in rng.random(8) < 0.2] for _ in range(300)]
    result = fit_em(sequences, init=BKTParams(prior=0.9, learn=0.5, guess=0.45, slip=0.45, forget=0.01))
    assert result.params.guess < 0.5
    assert result.params.slip < 0.5


def test_em_refuses_bad_input():
    with pytest.raises(ValueError, match="non-empty"):
        fit_em([[], []])
    with pytest.raises(ValueError, match="sequence 1"):
        fit_em([[True], [True, "hint"]])
    with pytest.raises(ValueError, match="slip"):
        fit_em([[True]], bounds={"slip": (0.01, 0.6)})
    with pytest.raises(ValueError, match="unknown field 'speed'"):
        fit_em([[True]], bounds={"speed": (0.1, 0.2)})


# --- invalid parameters and difficulties ---------------------------------------------------


@pytest.mark.parametrize("field", ["prior", "learn", "guess", "slip", "forget"])
@pytest.mark.parametrize("value", [0.0, 1.0, -0.1, 1.5, float("nan"), "0.3", True])
def test_invalid_params_name_the_field(field, value):
    values = {"prior": 0.3, "learn": 0.2, "guess": 0.2, "slip": 0.1, "forget": 0.01, field: value}
    with pytest.raises(ValueError, match=f"BKTParams.{field} "):
        BKTParams(**values)


def test_guess_plus_slip_must_stay_below_one():
    with pytest.raises(ValueError, match=r"guess \+ BKTParams.slip"):
        BKTParams(prior=0.3, learn=0.2, guess=0.6, slip=0.4, forget=0.01)


@pytest.mark.parametrize("difficulty", [0, 6, -1, 2.5, "3", True, None])
def test_invalid_difficulty_is_refused(difficulty):
    with pytest.raises(ValueError, match="difficulty must be an integer from 1 to 5"):
        defaults_for(difficulty)
