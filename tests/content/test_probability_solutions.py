"""Every function exercise of the probability module accepts correct solutions in other styles.

For each exercise, two independent correct solutions (plain Python loops and the standard
library, numpy vectorised code, scipy's distributions and special functions, another random
generator for the simulation exercises) are graded by the real grader for a few seeds. A
check that rejects one of them has a tolerance tied to the reference's floating-point path or
random draws rather than to the problem, or demands something the prompt does not state.
"""

from __future__ import annotations

import textwrap

import pytest

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source

SEEDS = (0, 1, 2)
CURRICULUM = load_curriculum()

SOLUTIONS: dict[str, dict[str, str]] = {
    "count-selections": {
        "loops": """
            def count_selections(n, k, ordered, replacement):
                if ordered and replacement:
                    result = 1
                    for _ in range(k):
                        result *= n
                    return result
                if ordered:
                    result = 1
                    for i in range(k):
                        result *= n - i
                    return result
                top = n + k - 1 if replacement else n
                result = 1
                for i in range(k):  # C(top, k), kept an integer at every step
                    result = result * (top - i) // (i + 1)
                return result
        """,
        "scipy": """
            from scipy.special import comb, perm

            def count_selections(n, k, ordered, replacement):
                if ordered:
                    return int(n) ** int(k) if replacement else int(perm(n, k, exact=True))
                return int(comb(n, k, exact=True, repetition=replacement))
        """,
    },
    "bayes-medical-test": {
        "odds-form": """
            def posterior_given_positive(prevalence, sensitivity, specificity):
                prior_odds = prevalence / (1 - prevalence)
                likelihood_ratio = sensitivity / (1 - specificity)
                odds = prior_odds * likelihood_ratio
                return odds / (1 + odds)
        """,
        "numpy-joint-table": """
            import numpy as np

            def posterior_given_positive(prevalence, sensitivity, specificity):
                prior = np.array([prevalence, 1 - prevalence])
                p_positive = np.array([sensitivity, 1 - specificity])
                joint = prior * p_positive
                return float(joint[0] / joint.sum())
        """,
    },
    "naive-bayes-spam": {
        "scipy-logsumexp": """
            import numpy as np
            from scipy.special import logsumexp

            def spam_probability(prior_spam, p_word_given_spam, p_word_given_ham):
                scores = np.array([
                    np.log(prior_spam) + np.log(p_word_given_spam).sum(),
                    np.log(1 - prior_spam) + np.log(p_word_given_ham).sum(),
                ])
                return float(np.exp(scores[0] - logsumexp(scores)))
        """,
        "log-ratios-and-expit": """
            import math
            from scipy.special import expit

            def spam_probability(prior_spam, p_word_given_spam, p_word_given_ham):
                d = math.log(prior_spam / (1 - prior_spam))
                for a, b in zip(p_word_given_spam, p_word_given_ham):
                    d += math.log(a / b)
                return float(expit(d))
        """,
    },
    "conditional-table": {
        "numpy": """
            import numpy as np

            def conditional_table(counts):
                table = np.asarray(counts, dtype=float)
                return (table / table.sum(axis=1, keepdims=True)).tolist()
        """,
        "fractions": """
            from fractions import Fraction

            def conditional_table(counts):
                return [[float(Fraction(c, sum(row))) for c in row] for row in counts]
        """,
    },
    "expectation-and-variance": {
        "second-moment": """
            def mean_and_variance(values, probs):
                mean = sum(p * x for x, p in zip(values, probs))
                second = sum(p * x * x for x, p in zip(values, probs))
                return (mean, second - mean * mean)
        """,
        "numpy-average": """
            import numpy as np

            def mean_and_variance(values, probs):
                x, p = np.array(values), np.array(probs)
                mean = np.dot(p, x)
                return float(mean), float(np.dot(p, (x - mean) ** 2))
        """,
    },
    "binomial-pmf": {
        "log-space": """
            import math

            def binomial_pmf(k, n, p):
                if p in (0.0, 1.0):
                    return 1.0 if k == (n if p == 1.0 else 0) else 0.0
                log_pmf = (math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
                           + k * math.log(p) + (n - k) * math.log1p(-p))
                return math.exp(log_pmf)
        """,
        "scipy": """
            from scipy.stats import binom

            def binomial_pmf(k, n, p):
                return float(binom.pmf(k, n, p))
        """,
    },
    "normal-interval": {
        "scipy": """
            from scipy.stats import norm

            def normal_probability(low, high, mean, std):
                return float(norm.cdf(high, mean, std) - norm.cdf(low, mean, std))
        """,
        "statistics-module": """
            from statistics import NormalDist

            def normal_probability(low, high, mean, std):
                dist = NormalDist(mean, std)
                return dist.cdf(high) - dist.cdf(low)
        """,
    },
    "law-of-large-numbers": {
        "random-module": """
            import random

            def running_means(sides, n_rolls, seed):
                rng = random.Random(seed)
                total, means = 0, []
                for k in range(1, n_rolls + 1):
                    total += rng.choice(range(1, sides + 1))
                    means.append(total / k)
                return means
        """,
        "incremental-update": """
            import numpy as np

            def running_means(sides, n_rolls, seed):
                rng = np.random.default_rng(seed + 99)
                rolls = rng.integers(1, sides, endpoint=True, size=n_rolls)
                mean, means = 0.0, []
                for k, x in enumerate(rolls, start=1):
                    mean += (x - mean) / k
                    means.append(float(mean))
                return means
        """,
    },
    "central-limit-theorem": {
        "inverse-transform": """
            import numpy as np

            def standardised_means(rate, sample_size, n_repeats, seed):
                u = np.random.default_rng(seed + 7).random((n_repeats, sample_size))
                draws = -np.log1p(-u) / rate
                return ((draws.mean(axis=1) - 1 / rate) * rate * np.sqrt(sample_size)).tolist()
        """,
        "random-module": """
            import math
            import random

            def standardised_means(rate, sample_size, n_repeats, seed):
                rng = random.Random(seed)
                out = []
                for _ in range(n_repeats):
                    mean = sum(rng.expovariate(rate) for _ in range(sample_size)) / sample_size
                    out.append((mean - 1 / rate) / ((1 / rate) / math.sqrt(sample_size)))
                return out
        """,
    },
    "normal-mle": {
        "numpy": """
            import numpy as np

            def normal_mle(values):
                x = np.asarray(values, dtype=float)
                return float(x.mean()), float(x.var())
        """,
        "statistics-module": """
            import statistics

            def normal_mle(values):
                return (statistics.fmean(values), statistics.pvariance(values))
        """,
    },
    "poisson-fit": {
        "scipy": """
            import numpy as np
            from scipy.stats import poisson

            def poisson_fit(counts):
                rate = float(np.mean(counts))
                return (rate, float(poisson.logpmf(counts, rate).sum()))
        """,
        "grouped-counts": """
            import math
            from collections import Counter

            def poisson_fit(counts):
                rate = sum(counts) / len(counts)
                loglik = 0.0
                for k, times in Counter(counts).items():
                    log_factorial = sum(math.log(i) for i in range(2, k + 1))
                    loglik += times * (k * math.log(rate) - rate - log_factorial)
                return (rate, loglik)
        """,
    },
    "entropy": {
        "scipy-xlogy": """
            import numpy as np
            from scipy.special import xlogy

            def entropy_bits(probs):
                return float(-np.sum(xlogy(probs, probs)) / np.log(2))
        """,
        "scipy-stats": """
            from scipy.stats import entropy

            def entropy_bits(probs):
                return float(entropy(probs, base=2))
        """,
    },
    "kl-divergence": {
        "scipy-rel-entr": """
            import numpy as np
            from scipy.special import rel_entr

            def kl_divergence(p, q):
                return float(np.sum(rel_entr(p, q)))
        """,
        "cross-entropy-minus-entropy": """
            import math

            def kl_divergence(p, q):
                cross, own = 0.0, 0.0
                for a, b in zip(p, q):
                    if a == 0:
                        continue
                    if b == 0:
                        return float("inf")
                    cross -= a * math.log(b)
                    own -= a * math.log(a)
                return max(cross - own, 0.0)
        """,
    },
    "softmax-cross-entropy": {
        "scipy-log-softmax": """
            import numpy as np
            from scipy.special import log_softmax

            def cross_entropy_loss(logits, labels):
                log_p = log_softmax(np.asarray(logits, dtype=float), axis=1)
                return float(-log_p[np.arange(len(labels)), labels].mean())
        """,
        "numpy-shifted": """
            import numpy as np

            def cross_entropy_loss(logits, labels):
                z = np.asarray(logits, dtype=float)
                z = z - z.max(axis=1, keepdims=True)
                log_norm = np.log(np.exp(z).sum(axis=1))
                return float(np.mean(log_norm - z[np.arange(len(labels)), labels]))
        """,
    },
    "mutual-information": {
        "numpy-xlogy": """
            import numpy as np
            from scipy.special import xlogy

            def mutual_information(counts):
                joint = np.asarray(counts, dtype=float)
                joint /= joint.sum()
                product = np.outer(joint.sum(axis=1), joint.sum(axis=0))
                safe = np.where(joint > 0, product, 1.0)
                return float(np.sum(xlogy(joint, joint) - xlogy(joint, safe)))
        """,
        "entropies": """
            import math

            def mutual_information(counts):
                total = sum(map(sum, counts))

                def entropy(values):
                    return -sum(v / total * math.log(v / total) for v in values if v > 0)

                rows = [sum(row) for row in counts]
                cols = [sum(col) for col in zip(*counts)]
                cells = [c for row in counts for c in row]
                return entropy(rows) + entropy(cols) - entropy(cells)
        """,
    },
    "binary-cross-entropy": {
        "numpy-logaddexp": """
            import numpy as np

            def binary_cross_entropy(labels, logits):
                z = np.asarray(logits, dtype=float)
                y = np.asarray(labels, dtype=float)
                return float(np.mean(np.logaddexp(0.0, z) - y * z))
        """,
        "branches": """
            import math

            def binary_cross_entropy(labels, logits):
                total = 0.0
                for y, z in zip(labels, logits):
                    margin = z if y == 1 else -z  # the loss is -log sigmoid(margin)
                    if margin >= 0:
                        total += math.log1p(math.exp(-margin))
                    else:
                        total += -margin + math.log1p(math.exp(margin))
                return total / len(labels)
        """,
    },
}

PARAMS = [pytest.param(slug, style, id=f"{slug}/{style}") for slug, styles in SOLUTIONS.items() for style in styles]


def test_every_function_exercise_has_two_solutions():
    module = CURRICULUM.module("probability")
    function_exercises = {ex.id.split("/", 1)[1] for ex in module.exercises if ex.kind == "function"}
    assert function_exercises == set(SOLUTIONS)
    assert all(len(styles) >= 2 for styles in SOLUTIONS.values())


@pytest.mark.parametrize(("slug", "style"), PARAMS)
def test_other_correct_solutions_pass(slug, style):
    exercise = CURRICULUM.exercise(f"probability/{slug}")
    code = textwrap.dedent(SOLUTIONS[slug][style])
    for seed in SEEDS:
        verdict = grade_source(exercise, code, seed=seed)
        assert verdict.passed, f"{slug} ({style}), seed {seed}: {verdict.message}"


WRONG_SOLUTIONS: dict[str, dict[str, str]] = {
    "central-limit-theorem": {
        # z-scores the n_repeats means with their own average and standard deviation instead
        # of the true mu and sigma / sqrt(n): mean 0 and variance 1 by construction
        "z-scored-means": """
            import numpy as np

            def standardised_means(rate, sample_size, n_repeats, seed):
                rng = np.random.default_rng(seed)
                means = rng.exponential(1 / rate, size=(n_repeats, sample_size)).mean(axis=1)
                return ((means - means.mean()) / means.std()).tolist()
        """,
    },
    "naive-bayes-spam": {
        # sums the logs but turns the log-odds into a probability as 1 / (1 + exp(-d)) for
        # every d, which the prompt warns overflows for very negative log-odds
        "logistic-overflows": """
            import math

            def spam_probability(prior_spam, p_word_given_spam, p_word_given_ham):
                d = (math.log(prior_spam) - math.log(1 - prior_spam)
                     + sum(map(math.log, p_word_given_spam)) - sum(map(math.log, p_word_given_ham)))
                return 1 / (1 + math.exp(-d))
        """,
    },
}

WRONG_PARAMS = [pytest.param(slug, style, id=f"{slug}/{style}") for slug, styles in WRONG_SOLUTIONS.items() for style in styles]


@pytest.mark.parametrize(("slug", "style"), WRONG_PARAMS)
def test_wrong_solutions_fail(slug, style):
    exercise = CURRICULUM.exercise(f"probability/{slug}")
    code = textwrap.dedent(WRONG_SOLUTIONS[slug][style])
    for seed in SEEDS:
        verdict = grade_source(exercise, code, seed=seed)
        assert not verdict.passed, f"{slug} ({style}), seed {seed}: a wrong solution passed"
