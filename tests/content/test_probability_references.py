"""Reference tests for the function exercises of the probability module.

Each reference solution is compared with an independent library computation (scipy.stats
distributions, scipy.special comb/perm/logsumexp/log_softmax/log_expit/rel_entr, exact fractions, numpy)
over every case of its check for seeds 0-4, judged by the check's own `compare` (so the
simulation exercises are held to the Monte Carlo margin they promise the learner, and any
other generator passes). The recorded mistakes must go wrong, on random cases and on the
labelled edge cases, be told apart from each other, and be explained in two to five
sentences; starters must fail; the cases have the agreed shape; prompts say that the entry is
called with keyword arguments.
"""

from __future__ import annotations

import copy
import math
import random
import re
import sys
import tomllib
from fractions import Fraction

import numpy as np
import pytest
import scipy.special
import scipy.stats
from sklearn.metrics import mutual_info_score

from exercise_files import MODULES, RAISED, call, exercise_cases, load_file, passes, plain

MODULE = "probability"
FOLDER = MODULES / MODULE / "exercises"
SEEDS = range(5)
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z`]|\s*$)")


@pytest.fixture(autouse=True)
def _no_bytecode_in_content(monkeypatch):
    """Loading exercise files must not leave __pycache__ folders in the content."""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)


# --- independent references -------------------------------------------------------------


def ref_count_selections(n, k, ordered, replacement):
    if ordered:
        return math.prod([n] * k) if replacement else int(scipy.special.perm(n, k, exact=True))
    return int(scipy.special.comb(n, k, exact=True, repetition=replacement))


def ref_posterior(prevalence, sensitivity, specificity):
    # Exact rational arithmetic on the given floats, through the joint table.
    prior, sens, spec = Fraction(prevalence), Fraction(sensitivity), Fraction(specificity)
    sick_and_positive = prior * sens
    healthy_and_positive = (1 - prior) * (1 - spec)
    return float(sick_and_positive / (sick_and_positive + healthy_and_positive))


def ref_spam_probability(prior_spam, p_word_given_spam, p_word_given_ham):
    scores = np.array([
        np.log(prior_spam) + np.sum(np.log(p_word_given_spam)),
        np.log1p(-prior_spam) + np.sum(np.log(p_word_given_ham)),
    ])
    return float(np.exp(scores[0] - scipy.special.logsumexp(scores)))


def ref_conditional_table(counts):
    table = np.asarray(counts, dtype=float)
    return (table / table.sum(axis=1, keepdims=True)).tolist()


def ref_mean_and_variance(values, probs):
    x, p = np.asarray(values, dtype=float), np.asarray(probs, dtype=float)
    mean = np.average(x, weights=p)
    return float(mean), float(np.average((x - mean) ** 2, weights=p))


def ref_binomial_pmf(k, n, p):
    return float(scipy.stats.binom.pmf(k, n, p))


def ref_normal_probability(low, high, mean, std):
    dist = scipy.stats.norm(loc=mean, scale=std)
    if low > mean:  # upper tail: survival functions keep their precision
        return float(dist.sf(low) - dist.sf(high))
    return float(dist.cdf(high) - dist.cdf(low))


def ref_running_means(sides, n_rolls, seed):
    rng = random.Random(seed)  # another generator altogether: the check must accept it
    total, means = 0, []
    for k in range(1, n_rolls + 1):
        total += rng.randint(1, sides)
        means.append(total / k)
    return means


def ref_standardised_means(rate, sample_size, n_repeats, seed):
    dist = scipy.stats.expon(scale=1.0 / rate)
    draws = dist.rvs(size=(n_repeats, sample_size), random_state=np.random.RandomState(seed % 2**32))
    return [float(v) for v in (draws.mean(axis=1) - dist.mean()) / (dist.std() / math.sqrt(sample_size))]


def ref_normal_mle(values):
    loc, scale = scipy.stats.norm.fit(np.asarray(values, dtype=float))
    return float(loc), float(scale) ** 2


def ref_poisson_fit(counts):
    rate = float(np.mean(counts))
    return rate, float(np.sum(scipy.stats.poisson.logpmf(counts, rate)))


def ref_entropy_bits(probs):
    return float(scipy.stats.entropy(probs, base=2))


def ref_kl_divergence(p, q):
    return float(np.sum(scipy.special.rel_entr(p, q)))


def ref_cross_entropy(logits, labels):
    log_probs = scipy.special.log_softmax(np.asarray(logits, dtype=float), axis=1)
    return float(-np.mean(log_probs[np.arange(len(labels)), labels]))


def ref_mutual_information(counts):
    return float(mutual_info_score(None, None, contingency=np.asarray(counts)))


def ref_binary_cross_entropy(labels, logits):
    # -log sigmoid(z) for label 1 and -log(1 - sigmoid(z)) = -log sigmoid(-z) for label 0
    z = np.asarray(logits, dtype=float)
    signed = np.where(np.asarray(labels) == 1, z, -z)
    return float(-np.mean(scipy.special.log_expit(signed)))


EXERCISES = {
    "count-selections": ("count_selections", ref_count_selections),
    "bayes-medical-test": ("posterior_given_positive", ref_posterior),
    "naive-bayes-spam": ("spam_probability", ref_spam_probability),
    "conditional-table": ("conditional_table", ref_conditional_table),
    "expectation-and-variance": ("mean_and_variance", ref_mean_and_variance),
    "binomial-pmf": ("binomial_pmf", ref_binomial_pmf),
    "normal-interval": ("normal_probability", ref_normal_probability),
    "law-of-large-numbers": ("running_means", ref_running_means),
    "central-limit-theorem": ("standardised_means", ref_standardised_means),
    "normal-mle": ("normal_mle", ref_normal_mle),
    "poisson-fit": ("poisson_fit", ref_poisson_fit),
    "entropy": ("entropy_bits", ref_entropy_bits),
    "kl-divergence": ("kl_divergence", ref_kl_divergence),
    "softmax-cross-entropy": ("cross_entropy_loss", ref_cross_entropy),
    "mutual-information": ("mutual_information", ref_mutual_information),
    "binary-cross-entropy": ("binary_cross_entropy", ref_binary_cross_entropy),
}
MONTE_CARLO = {"law-of-large-numbers", "central-limit-theorem"}


# --- helpers -----------------------------------------------------------------------------


def exercise_id(slug):
    return f"{MODULE}/{slug}"


def entry_of(slug):
    return EXERCISES[slug][0]


def check_of(slug):
    return load_file(FOLDER / slug / "check.py")


def function_of(path, entry):
    return getattr(load_file(path), entry)


def mistake_files():
    for slug in EXERCISES:
        for path in sorted((FOLDER / slug / "mistakes").glob("*.py")):
            yield pytest.param(slug, path, id=f"{slug}/{path.stem}")


# --- structure ---------------------------------------------------------------------------


def test_every_function_exercise_is_covered():
    folders = {
        path.name
        for path in FOLDER.iterdir()
        if (path / "exercise.toml").is_file()
        and tomllib.loads((path / "exercise.toml").read_text(encoding="utf-8"))["kind"] == "function"
    }
    assert folders == set(EXERCISES)


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_exercise_files(slug):
    folder = FOLDER / slug
    meta = tomllib.loads((folder / "exercise.toml").read_text(encoding="utf-8"))
    assert meta["kind"] == "function"
    assert meta["entry"] == entry_of(slug)
    assert 2 <= len(meta["hints"]) <= 4
    assert 1 <= meta["difficulty"] <= 5
    manifest = tomllib.loads((MODULES / MODULE / "module.toml").read_text(encoding="utf-8"))
    declared = {skill["id"] for skill in manifest["skills"]}
    assert meta["skills"] and set(meta["skills"]) <= declared
    prompt = (folder / "prompt.md").read_text(encoding="utf-8")
    assert "the grader calls it with keyword arguments" in " ".join(prompt.split())
    assert f"`{entry_of(slug)}(" in prompt
    assert len(re.findall(r"```python\n", prompt)) == 1, "exactly one worked example"
    mistakes = sorted((folder / "mistakes").glob("*.py"))
    assert 2 <= len(mistakes) <= 3
    for path in mistakes:
        assert re.fullmatch(r"[a-z0-9-]+", path.stem), path.name
        assert path.read_text(encoding="utf-8").startswith("# "), f"{path.name}: first line must be a comment"


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_cases_shape(slug, seed):
    cases = exercise_cases(exercise_id(slug), seed)
    assert 1 <= sum(case.hidden for case in cases) <= 2
    assert sum(1 for case in cases if not case.hidden and case.label is None) >= 20
    assert cases[0].label is not None  # edge cases come first
    first_random = next(i for i, case in enumerate(cases) if case.label is None)
    assert all(case.label is not None for case in cases[:first_random])
    assert all(case.label is None for case in cases[first_random:])


# --- the reference against independent computations -------------------------------------


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_solution_matches_independent_computation(slug, seed):
    entry, reference = EXERCISES[slug]
    check = check_of(slug)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    for case in exercise_cases(exercise_id(slug), seed):
        before = copy.deepcopy(case.args)
        got = plain(solution(**case.args))
        expected = plain(reference(**copy.deepcopy(case.args)))
        assert passes(check, expected, got, case), f"{slug} {case.label or ''}: {case.args} -> {got!r}, reference {expected!r}"
        if slug in MONTE_CARLO:  # and the other way round: the independent simulation passes too
            assert passes(check, got, expected, case), f"{slug} {case.label or ''}: an independent simulation fails"
        assert case.args == before, f"{slug}: the solution modified its arguments"


@pytest.mark.parametrize("slug", sorted(MONTE_CARLO))
def test_monte_carlo_checks_accept_any_seed(slug):
    """Other seeds (other random draws) pass the check against the reference's own draws."""
    entry = entry_of(slug)
    check = check_of(slug)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    for seed in range(3):
        for case in exercise_cases(exercise_id(slug), seed):
            expected = plain(solution(**case.args))
            for other in range(3):
                args = {**case.args, "seed": 1_000_003 * (other + 1) + seed}
                assert passes(check, expected, plain(solution(**args)), case), f"{slug} {case.label or ''} seed {args['seed']}"


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_expected_output_never_equals_an_input(slug, seed):
    # Otherwise "you returned an input unchanged" could be said of a correct answer (the grader
    # says it of containers only, so a number equal to an input is fine).
    solution = function_of(FOLDER / slug / "solution.py", entry_of(slug))
    for case in exercise_cases(exercise_id(slug), seed):
        expected = plain(solution(**copy.deepcopy(case.args)))
        if isinstance(expected, (int, float)):
            continue
        for value in case.args.values():
            assert not (type(value) is type(expected) and value == expected), f"{slug} {case.label}: expected output equals an input"


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_starter_fails(slug):
    starter = function_of(FOLDER / slug / "starter.py", entry_of(slug))
    solution = function_of(FOLDER / slug / "solution.py", entry_of(slug))
    check = check_of(slug)
    cases = exercise_cases(exercise_id(slug), 0)
    assert not any(passes(check, plain(solution(**copy.deepcopy(c.args))), call(starter, c.args), c) for c in cases)


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_checks_reject_wrong_types(slug):
    """Every type a prompt states is checked: a list where a float is due, a float for an int."""
    entry = entry_of(slug)
    check = check_of(slug)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    for case in exercise_cases(exercise_id(slug), 0)[:3]:
        expected = plain(solution(**copy.deepcopy(case.args)))
        if isinstance(expected, float):
            wrong = [expected]
        elif isinstance(expected, int):
            wrong = float(expected)
        elif isinstance(expected, tuple):
            wrong = (str(expected[0]), expected[1])
            assert isinstance(check.compare(expected, list(expected), case), str), f"{slug}: a list is not the tuple asked for"
        else:
            wrong = [str(v) for v in expected]
        verdict = check.compare(expected, wrong, case)
        assert isinstance(verdict, str) and verdict, f"{slug}: {wrong!r} must be rejected with a message"


# --- recorded mistakes ---------------------------------------------------------------------


@pytest.mark.parametrize(("slug", "path"), list(mistake_files()))
@pytest.mark.parametrize("seed", SEEDS)
def test_mistake_is_caught_on_edge_and_random_cases(slug, path, seed):
    entry = entry_of(slug)
    check = check_of(slug)
    mistake = function_of(path, entry)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    cases = exercise_cases(exercise_id(slug), seed)
    wrong = [not passes(check, plain(solution(**copy.deepcopy(c.args))), call(mistake, c.args), c) for c in cases]
    labelled = [w for w, c in zip(wrong, cases) if c.label is not None]
    random_cases = [w for w, c in zip(wrong, cases) if c.label is None and not c.hidden]
    assert any(labelled), f"{path.name} is not caught by the fixed edge cases"
    # Typical random cases show the mistake too, so the grader can recognise it there.
    assert sum(random_cases) >= 0.25 * len(random_cases), f"{path.name} goes wrong on only {sum(random_cases)} of {len(random_cases)} random cases"


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS[:2])
def test_mistakes_are_told_apart(slug, seed):
    entry = entry_of(slug)
    check = check_of(slug)
    cases = exercise_cases(exercise_id(slug), seed)
    outputs = {
        path.stem: [call(function_of(path, entry), c.args) for c in cases]
        for path in sorted((FOLDER / slug / "mistakes").glob("*.py"))
    }
    for name, got in outputs.items():
        for other, other_got in outputs.items():
            if other != name:
                assert any(
                    not passes(check, a, b, c) for a, b, c in zip(got, other_got, cases) if a is not RAISED
                ), f"{name} cannot be told apart from {other}"


@pytest.mark.parametrize(("slug", "path"), list(mistake_files()))
def test_mistake_is_explained_in_two_to_five_sentences(slug, path):
    explanation = path.with_suffix(".md")
    assert explanation.is_file(), f"{path.name} has no explanation {explanation.name}"
    text = explanation.read_text(encoding="utf-8").strip()
    sentences = len(SENTENCE_END.findall(text))
    assert 2 <= sentences <= 5, f"{explanation.name}: {sentences} sentences"
    assert text.startswith("You"), f"{explanation.name} speaks to the learner who made the mistake"
    assert "$" not in text, f"{explanation.name}: explanations are plain text, no TeX"


def test_lessons_name_existing_exercises():
    """Each lesson's Practice section names exercises that exist, and together they name all."""
    named = set()
    for lesson in sorted((MODULES / MODULE / "lessons").glob("*.md")):
        text = lesson.read_text(encoding="utf-8")
        practice = text.split("## Practice", 1)[1].split("\n## ", 1)[0]
        names = set(re.findall(r"`([a-z0-9-]+)`", practice))
        assert names and names <= set(EXERCISES), f"{lesson.name}: {names - set(EXERCISES)}"
        named |= names
    assert named == set(EXERCISES)
