"""Every function exercise of the statistics module accepts correct solutions in other styles.

For each exercise, two independent correct solutions (plain Python with `math` and the
`statistics` module, numpy vectorised code, scipy's ready-made tests, another random
generator for the Monte Carlo exercises) are graded by the real grader for a few seeds. A
check that rejects one of them has a tolerance tied to the reference's floating-point path
or random draws rather than to the problem, or demands something the prompt does not state.
"""

from __future__ import annotations

import textwrap

import pytest

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source

SEEDS = (0, 1, 2)
CURRICULUM = load_curriculum()

SOLUTIONS: dict[str, dict[str, str]] = {
    "quantile": {
        "loop": """
            def quantile(values, q):
                s = sorted(values)
                h = (len(s) - 1) * q
                lo = int(h)
                if lo + 1 >= len(s):
                    return float(s[-1])
                return float(s[lo] * (1 - (h - lo)) + s[lo + 1] * (h - lo))
        """,
        "numpy": """
            import numpy as np

            def quantile(values, q):
                return float(np.quantile(np.asarray(values, dtype=float), q))
        """,
    },
    "sample-variance": {
        "statistics-module": """
            import statistics

            def sample_variance(values):
                return float(statistics.variance(values))
        """,
        "numpy-two-pass": """
            import numpy as np

            def sample_variance(values):
                x = np.asarray(values, dtype=float)
                return float(np.sum((x - x.mean()) ** 2) / (len(x) - 1))
        """,
    },
    "covariance-matrix": {
        "loops": """
            def covariance_matrix(X):
                rows = [list(map(float, row)) for row in X]
                n, d = len(rows), len(rows[0])
                means = [sum(row[j] for row in rows) / n for j in range(d)]
                return [
                    [sum((row[j] - means[j]) * (row[k] - means[k]) for row in rows) / (n - 1) for k in range(d)]
                    for j in range(d)
                ]
        """,
        "np-cov": """
            import numpy as np

            def covariance_matrix(X):
                return np.atleast_2d(np.cov(X, rowvar=False))
        """,
    },
    "pearson-correlation": {
        "statistics-module": """
            import statistics

            def correlation(x, y):
                return float(statistics.correlation([float(v) for v in x], [float(v) for v in y]))
        """,
        "corrcoef": """
            import numpy as np

            def correlation(x, y):
                return float(np.corrcoef(x, y)[0, 1])
        """,
    },
    "standardize-with-train-statistics": {
        "statistics-module": """
            import statistics

            def standardize(train, test):
                mean = statistics.fmean(train)
                std = statistics.pstdev(train)
                return [(v - mean) / std for v in test]
        """,
        "scikit-learn": """
            import numpy as np
            from sklearn.preprocessing import StandardScaler

            def standardize(train, test):
                if len(test) == 0:
                    return []
                scaler = StandardScaler().fit(np.reshape(train, (-1, 1)))
                return scaler.transform(np.reshape(test, (-1, 1))).ravel().tolist()
        """,
    },
    "standard-error": {
        "statistics-module": """
            import math
            import statistics

            def mean_and_standard_error(losses):
                return (statistics.fmean(losses), statistics.stdev(losses) / math.sqrt(len(losses)))
        """,
        "scipy-sem": """
            import numpy as np
            from scipy import stats

            def mean_and_standard_error(losses):
                return (float(np.mean(losses)), float(stats.sem(losses)))
        """,
        # the textbook one-pass sums: on equal losses they leave a rounding residue of about
        # 1e-8 in the standard error instead of 0, well within what a standard error means
        "one-pass-sums": """
            import math

            def mean_and_standard_error(losses):
                n = len(losses)
                total = sum(losses)
                squares = sum(x * x for x in losses)
                variance = max((squares - total * total / n) / (n - 1), 0.0)
                return (total / n, math.sqrt(variance) / math.sqrt(n))
        """,
    },
    "t-confidence-interval": {
        "loops": """
            import math
            from scipy.stats import t

            def mean_confidence_interval(values, confidence):
                n = len(values)
                mean = sum(values) / n
                s = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
                half = t.ppf(1 - (1 - confidence) / 2, n - 1) * s / math.sqrt(n)
                return (float(mean - half), float(mean + half))
        """,
        "t-interval": """
            import numpy as np
            from scipy import stats

            def mean_confidence_interval(values, confidence):
                low, high = stats.t.interval(confidence, len(values) - 1, loc=np.mean(values), scale=stats.sem(values))
                return (float(low), float(high))
        """,
    },
    "one-sample-t-test": {
        "loops": """
            import math
            from scipy.stats import t as student

            def t_test(values, mu0):
                n = len(values)
                mean = sum(values) / n
                s = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
                stat = (mean - mu0) * math.sqrt(n) / s
                return (stat, float(2 * student.cdf(-abs(stat), n - 1)))
        """,
        "ttest-1samp": """
            from scipy import stats

            def t_test(values, mu0):
                result = stats.ttest_1samp(values, mu0)
                return (float(result.statistic), float(result.pvalue))
        """,
    },
    "welch-t-test": {
        "loops": """
            import math
            import statistics
            from scipy.stats import t as student

            def welch_t_test(a, b):
                va = statistics.variance(a) / len(a)
                vb = statistics.variance(b) / len(b)
                stat = (statistics.fmean(a) - statistics.fmean(b)) / math.sqrt(va + vb)
                df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
                return (stat, float(2 * student.sf(abs(stat), df)))
        """,
        "ttest-ind": """
            from scipy import stats

            def welch_t_test(a, b):
                result = stats.ttest_ind(a, b, equal_var=False)
                return (float(result.statistic), float(result.pvalue))
        """,
    },
    "ab-test-proportions": {
        "formula": """
            import math
            from scipy.stats import norm

            def ab_test(conversions_a, visitors_a, conversions_b, visitors_b):
                pooled = (conversions_a + conversions_b) / (visitors_a + visitors_b)
                diff = conversions_b / visitors_b - conversions_a / visitors_a
                z = diff / math.sqrt(pooled * (1 - pooled) / visitors_a + pooled * (1 - pooled) / visitors_b)
                return (z, float(2 * norm.cdf(-abs(z))))
        """,
        "statsmodels": """
            from statsmodels.stats.proportion import proportions_ztest

            def ab_test(conversions_a, visitors_a, conversions_b, visitors_b):
                z, p = proportions_ztest([conversions_b, conversions_a], [visitors_b, visitors_a])
                return (float(z), float(p))
        """,
    },
    "ab-sample-size": {
        "formula": """
            import math
            from statistics import NormalDist

            def sample_size(baseline, mde, alpha, power):
                z = NormalDist().inv_cdf(1 - alpha / 2) + NormalDist().inv_cdf(power)
                p1, p2 = baseline, baseline + mde
                return math.ceil(z * z * (p1 * (1 - p1) + p2 * (1 - p2)) / (mde * mde))
        """,
        "numpy": """
            import numpy as np
            from scipy import stats

            def sample_size(baseline, mde, alpha, power):
                rates = np.array([baseline, baseline + mde])
                z = stats.norm.isf(alpha / 2) + stats.norm.isf(1 - power)
                return int(np.ceil(z ** 2 * np.sum(rates * (1 - rates)) / mde ** 2))
        """,
    },
    "simple-regression": {
        "loops": """
            def simple_regression(x, y):
                n = len(x)
                mx, my = sum(x) / n, sum(y) / n
                sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
                sxx = sum((a - mx) ** 2 for a in x)
                syy = sum((b - my) ** 2 for b in y)
                slope = sxy / sxx
                return (float(slope), float(my - slope * mx), float(sxy * sxy / (sxx * syy)))
        """,
        "lstsq-centred": """
            import numpy as np

            def simple_regression(x, y):
                x0 = x.mean()
                A = np.column_stack([np.ones_like(x), x - x0])
                (b0c, b1), *_ = np.linalg.lstsq(A, y, rcond=None)
                residuals = y - A @ np.array([b0c, b1])
                r2 = 1 - residuals @ residuals / np.sum((y - y.mean()) ** 2)
                return (float(b1), float(b0c - b1 * x0), float(r2))
        """,
    },
    "bootstrap-ci": {
        "python-random": """
            import random

            def bootstrap_ci(values, confidence, n_resamples, seed):
                rng = random.Random(seed)
                n = len(values)
                means = sorted(sum(rng.choices(values, k=n)) / n for _ in range(n_resamples))

                def q(level):
                    h = (len(means) - 1) * level
                    lo = int(h)
                    hi = min(lo + 1, len(means) - 1)
                    return means[lo] + (h - lo) * (means[hi] - means[lo])

                return (float(q((1 - confidence) / 2)), float(q((1 + confidence) / 2)))
        """,
        "scipy-bootstrap": """
            import numpy as np
            from scipy import stats

            def bootstrap_ci(values, confidence, n_resamples, seed):
                result = stats.bootstrap(
                    (np.asarray(values, dtype=float),), np.mean, confidence_level=confidence,
                    n_resamples=n_resamples, method="percentile", random_state=np.random.default_rng(seed + 99),
                )
                return (float(result.confidence_interval.low), float(result.confidence_interval.high))
        """,
    },
    "permutation-test": {
        "python-random": """
            import random

            def permutation_test(a, b, n_permutations, seed):
                rng = random.Random(seed)
                pooled = list(a) + list(b)
                na, nb = len(a), len(b)
                observed = abs(sum(a) / na - sum(b) / nb)
                count = 0
                for _ in range(n_permutations):
                    rng.shuffle(pooled)
                    diff = abs(sum(pooled[:na]) / na - sum(pooled[na:]) / nb)
                    if diff >= observed - 1e-9:
                        count += 1
                return (count + 1) / (n_permutations + 1)
        """,
        "numpy-loop": """
            import numpy as np

            def permutation_test(a, b, n_permutations, seed):
                rng = np.random.default_rng(seed + 12345)
                pooled = np.concatenate([a, b]).astype(float)
                na = len(a)
                observed = abs(np.mean(a) - np.mean(b))
                count = 0
                for _ in range(n_permutations):
                    idx = rng.permutation(len(pooled))
                    diff = abs(pooled[idx[:na]].mean() - pooled[idx[na:]].mean())
                    count += bool(diff >= observed * (1 - 1e-9) - 1e-12)
                return float(count) / n_permutations if count else 1.0 / n_permutations
        """,
    },
}

PARAMS = [pytest.param(slug, style, id=f"{slug}/{style}") for slug, styles in SOLUTIONS.items() for style in styles]


def test_every_function_exercise_has_two_solutions():
    module = CURRICULUM.module("statistics")
    function_exercises = {ex.id.split("/", 1)[1] for ex in module.exercises if ex.kind == "function"}
    assert function_exercises == set(SOLUTIONS)
    assert all(len(styles) >= 2 for styles in SOLUTIONS.values())


@pytest.mark.parametrize(("slug", "style"), PARAMS)
def test_other_correct_solutions_pass(slug, style):
    exercise = CURRICULUM.exercise(f"statistics/{slug}")
    code = textwrap.dedent(SOLUTIONS[slug][style])
    for seed in SEEDS:
        verdict = grade_source(exercise, code, seed=seed)
        assert verdict.passed, f"{slug} ({style}), seed {seed}: {verdict.message}"


# Numerically unstable shortcuts that a check rightly rejects (on inputs far from zero, which
# every seed grades), for a reason its prompt must state: the code, and words of the prompt that
# warn the learner about it.
STATED_REJECTIONS: dict[str, tuple[str, str]] = {
    "standardize-with-train-statistics": (
        """
            import math

            def standardize(train, test):
                n = len(train)
                mean = sum(train) / n
                std = math.sqrt(sum(x * x for x in train) / n - mean * mean)  # loses its digits near 1e6
                return [(x - mean) / std for x in test]
        """,
        "far from zero",
    ),
    "pearson-correlation": (
        """
            import math

            def correlation(x, y):
                n = len(x)
                sx, sy = sum(x), sum(y)
                sxx = sum(a * a for a in x)
                syy = sum(b * b for b in y)
                sxy = sum(a * b for a, b in zip(x, y))
                return float((n * sxy - sx * sy) / math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy)))
        """,
        "far from zero",
    ),
    "covariance-matrix": (
        """
            import numpy as np

            def covariance_matrix(X):
                X = np.asarray(X, dtype=float)
                n = X.shape[0]
                mean = X.mean(axis=0)
                return (X.T @ X - n * np.outer(mean, mean)) / (n - 1)
        """,
        "far from zero",
    ),
    "simple-regression": (
        """
            import numpy as np

            def simple_regression(x, y):
                n = len(x)
                slope = (n * (x @ y) - x.sum() * y.sum()) / (n * (x @ x) - x.sum() ** 2)
                intercept = y.mean() - slope * x.mean()
                r2 = 1 - np.sum((y - slope * x - intercept) ** 2) / np.sum((y - y.mean()) ** 2)
                return (float(slope), float(intercept), float(r2))
        """,
        "far from zero",
    ),
}


@pytest.mark.parametrize("slug", list(STATED_REJECTIONS))
def test_rejected_shortcuts_are_stated_in_the_prompt(slug):
    exercise = CURRICULUM.exercise(f"statistics/{slug}")
    code, warning = STATED_REJECTIONS[slug]
    seeds = range(8)  # a shortcut that only some seeds catch passes for some learners
    verdicts = [grade_source(exercise, textwrap.dedent(code), seed=seed) for seed in seeds]
    passed = [seed for seed, verdict in zip(seeds, verdicts) if verdict.passed]
    assert not passed, f"{slug}: the shortcut passed with seeds {passed}"
    assert warning in " ".join(exercise.prompt.split()), f"{slug}: the prompt does not warn about what the check rejects"
