"""The statistics quiz: its structure, and every answer checked by an independent computation.

Each item id has a verifier below that recomputes the answer from the item's own data with
numpy, scipy or statsmodels, checks a claim about a procedure by simulating it, or (for
expression items) checks the author's answer string symbolically with sympy. An item
without a verifier fails the suite, so a new item cannot slip in unchecked.
"""

from __future__ import annotations

import ast
import math
import string
import tomllib
from pathlib import Path

import numpy as np
import pytest
import scipy.stats
import sympy
from statsmodels.stats.proportion import proportions_ztest

MODULE = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "content" / "modules" / "statistics"
QUIZ = MODULE / "exercises" / "quiz"

SPEC = tomllib.loads((QUIZ / "exercise.toml").read_text(encoding="utf-8"))
ITEMS = {item["id"]: item for item in SPEC["items"]}
MODULE_SKILLS = {skill["id"] for skill in tomllib.loads((MODULE / "module.toml").read_text(encoding="utf-8"))["skills"]}

FUNCTIONS = {"sqrt": sympy.sqrt, "exp": sympy.exp, "log": sympy.log, "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "abs": sympy.Abs}
CONSTANTS = {"pi": sympy.pi, "e": sympy.E}
ALLOWED_NODES = (
    ast.Expression, ast.BinOp, ast.UnaryOp, ast.Call, ast.Name, ast.Constant, ast.Load,
    ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.USub, ast.UAdd,
)


def letter(index: int) -> str:
    return string.ascii_lowercase[index]


def letters_where(flags) -> list[str]:
    return [letter(i) for i, flag in enumerate(flags) if flag]


def symbols_of(item):
    return {name: sympy.Symbol(name, positive=True) for name in item["variables"]}


def parse(item):
    """The author's answer as a sympy expression (the domains here are positive)."""
    return sympy.sympify(item["answer"], locals={**FUNCTIONS, **CONSTANTS, **symbols_of(item)})


def assert_numeric(item, value):
    assert abs(item["answer"] - value) <= item["tolerance"], (
        f"{item['id']}: stored answer {item['answer']}, independent computation {value}"
    )


# ---------------------------------------------------------------- structure


def test_quiz_header():
    assert SPEC["kind"] == "quiz"
    assert SPEC["title"].strip()
    assert 1 <= SPEC["difficulty"] <= 5
    assert SPEC["minutes"] > 0
    assert len(SPEC["hints"]) >= 2 and all(h.strip() for h in SPEC["hints"])
    assert set(SPEC["skills"]) == MODULE_SKILLS
    assert sorted(p.name for p in QUIZ.iterdir()) == ["exercise.toml", "prompt.md"]


def test_item_counts_and_ids():
    items = SPEC["items"]
    assert len(items) >= 8
    assert len(ITEMS) == len(items), "item ids must be unique"
    kinds = [item["kind"] for item in items]
    for kind in ("choice", "multiple", "numeric", "expression"):
        assert kinds.count(kind) >= 2, kind
    covered = {skill for item in items for skill in item.get("skills", [])}
    assert covered == MODULE_SKILLS, "every skill of the module is asked about"


@pytest.mark.parametrize("item", SPEC["items"], ids=lambda item: item["id"])
def test_item_is_well_formed(item):
    assert item["prompt"].strip()
    assert item["explanation"].strip()
    assert set(item.get("skills", [])) <= MODULE_SKILLS
    kind = item["kind"]
    if kind in ("choice", "multiple"):
        assert len(item["choices"]) >= 2
        assert len(set(item["choices"])) == len(item["choices"])
        valid = [letter(i) for i in range(len(item["choices"]))]
        if kind == "choice":
            assert item["answer"] in valid
        else:
            assert isinstance(item["answer"], list) and item["answer"]
            assert len(set(item["answer"])) == len(item["answer"])
            assert set(item["answer"]) <= set(valid)
            assert len(item["answer"]) < len(valid), "at least one choice must be wrong"
    elif kind == "numeric":
        assert isinstance(item["answer"], (int, float)) and not isinstance(item["answer"], bool)
        assert item["tolerance"] >= 0
    elif kind == "expression":
        assert item["variables"]
        low, high = item["domain"]
        assert 0 < low < high
        assert item["tolerance"] > 0
        tree = ast.parse(item["answer"], mode="eval")
        allowed_names = set(FUNCTIONS) | set(CONSTANTS) | set(item["variables"])
        for node in ast.walk(tree):
            assert isinstance(node, ALLOWED_NODES), f"{type(node).__name__} in {item['answer']!r}"
            if isinstance(node, ast.Name):
                assert node.id in allowed_names, node.id
        for name in item["variables"]:
            assert name in item["prompt"], f"variable {name} is not mentioned in the prompt"
    else:
        pytest.fail(f"unknown kind {kind}")


def test_every_item_has_a_verifier():
    assert set(ITEMS) == set(VERIFIERS)


@pytest.mark.parametrize("item_id", sorted(ITEMS, key=lambda i: int(i[1:])))
def test_answer_is_right(item_id):
    VERIFIERS[item_id](ITEMS[item_id], np.random.default_rng(30300 + int(item_id[1:])))


# ---------------------------------------------------------------- verifiers


def verify_q1(item, rng):
    # Simulate the 95 % t-interval procedure on normal samples of size 10.
    mu, n = 5.0, 10
    samples = rng.normal(mu, 2.0, size=(20_000, n))
    centre = samples.mean(axis=1)
    half = scipy.stats.t.ppf(0.975, n - 1) * samples.std(axis=1, ddof=1) / math.sqrt(n)
    low, high = centre - half, centre + half
    coverage = np.mean((low <= mu) & (mu <= high))
    assert abs(coverage - 0.95) < 0.01  # (c): the procedure captures the mean 95 % of the time
    # (d): a fixed interval catches clearly fewer than 95 % of new sample means, on average.
    new_means = rng.normal(mu, 2.0, size=(20_000, n)).mean(axis=1)
    caught = np.mean((low <= new_means) & (new_means <= high))
    assert caught < 0.9
    # (b): the interval for the mean holds far fewer than 95 % of single observations.
    inside = np.mean((low[:, None] <= samples) & (samples <= high[:, None]))
    assert inside < 0.6
    # (a) confuses the procedure's long-run rate with a probability about this fixed interval.
    assert item["answer"] == "c"


def verify_q2(item, rng):
    data = [2, 4, 4, 4, 5, 5, 7, 9]
    assert ", ".join(map(str, data)) in item["prompt"]
    assert_numeric(item, float(np.var(data, ddof=1)))
    assert abs(item["answer"] - float(np.var(data))) > item["tolerance"]  # the n version is wrong


def verify_q3(item, rng):
    n = 50
    zx = rng.normal(size=n)
    zx = (zx - zx.mean()) / zx.std()
    noise = rng.normal(size=n)
    noise -= noise.mean()
    noise -= (noise @ zx) / (zx @ zx) * zx  # orthogonal to x, so the correlation is exact
    noise /= noise.std()
    x = 2.0 * zx + 7.0
    y = 10.0 * (0.8 * zx + 0.6 * noise) - 3.0
    assert math.isclose(np.std(x), 2.0) and math.isclose(np.std(y), 10.0)
    assert math.isclose(np.corrcoef(x, y)[0, 1], 0.8)
    slope, _ = np.polyfit(x, y, 1)
    assert_numeric(item, float(slope))


def verify_q4(item, rng):
    transforms = [
        lambda x, y: (x + 10, y),
        lambda x, y: (x, 3 * y),
        lambda x, y: (x, -y),
        lambda x, y: (x**2, y),
        lambda x, y: (100 * x, y),
    ]
    assert len(transforms) == len(item["choices"])
    changes = [False] * len(transforms)
    for _ in range(20):
        x = rng.normal(size=30)
        y = 0.7 * x + rng.normal(size=30)
        r = np.corrcoef(x, y)[0, 1]
        for i, transform in enumerate(transforms):
            tx, ty = transform(x, y)
            changes[i] |= not math.isclose(np.corrcoef(tx, ty)[0, 1], r, rel_tol=1e-9)
    assert letters_where(changes) == item["answer"]


def verify_q5(item, rng):
    # (b) is the definition: under H0, P(p <= 0.03) = 0.03.
    null = rng.normal(0.0, 1.0, size=(20_000, 15))
    p_null = scipy.stats.ttest_1samp(null, 0.0, axis=1).pvalue
    assert abs(np.mean(p_null <= 0.03) - 0.03) < 0.005
    # (a) is not: among experiments ending near p = 0.03, the share of true nulls depends on how
    # many nulls were tested, and here (half nulls, half real effects) it is far from 0.03.
    effect = rng.normal(0.6, 1.0, size=(20_000, 15))
    p_effect = scipy.stats.ttest_1samp(effect, 0.0, axis=1).pvalue
    near = lambda p: (p > 0.02) & (p < 0.04)  # noqa: E731
    share_null = near(p_null).sum() / (near(p_null).sum() + near(p_effect).sum())
    assert abs(share_null - 0.03) > 0.05
    # (d) is not: a negligible effect with a huge sample gets a tiny p-value.
    tiny = rng.normal(0.01, 1.0, size=1_000_000)
    assert scipy.stats.ttest_1samp(tiny, 0.0).pvalue < 0.03
    assert item["answer"] == "b"


def verify_q6(item, rng):
    k = symbols_of(item)["k"]
    s, n = sympy.symbols("s n", positive=True)
    factor = parse(item)
    standard_error = lambda size: s / sympy.sqrt(size)  # noqa: E731
    assert sympy.simplify(standard_error(n * factor) - standard_error(n) / k) == 0
    for value in (1.5, 2.0, 7.0):  # and numerically, against simulated means
        size = 20
        means_small = rng.normal(size=(4000, size)).mean(axis=1)
        means_large = rng.normal(size=(4000, int(round(size * float(factor.subs(k, value)))))).mean(axis=1)
        assert abs(means_small.std() / means_large.std() - value) < 0.1 * value


def verify_q7(item, rng):
    names = symbols_of(item)
    a, v = names["a"], names["v"]
    d = sympy.Symbol("d")  # a deviation X - E[X], whose mean square is v
    # Y = aX + 3 has E[Y] = a E[X] + 3, so its deviation is a * d and its variance E[(a d)^2].
    deviation = sympy.expand((a * (sympy.Symbol("m") + d) + 3) - (a * sympy.Symbol("m") + 3))
    variance = sympy.expand(deviation**2).subs(d**2, v)
    assert sympy.simplify(variance - parse(item)) == 0
    for _ in range(5):
        data = rng.normal(size=200) * rng.uniform(0.5, 3)
        scale = float(rng.uniform(*item["domain"]))
        expected = float(parse(item).subs({a: scale, v: float(np.var(data))}))
        assert math.isclose(np.var(scale * data + 3), expected, rel_tol=1e-9)


def verify_q8(item, rng):
    assert "200 of 4,000" in item["prompt"] and "260 of 4,000" in item["prompt"]
    z, _ = proportions_ztest([260, 200], [4000, 4000])
    assert_numeric(item, float(z))


def verify_q9(item, rng):
    assert "n = 10" in item["prompt"] and "95 %" in item["prompt"]
    assert_numeric(item, float(scipy.stats.t.ppf(0.975, 9)))
    assert abs(item["answer"] - 1.96) > item["tolerance"]


def verify_q10(item, rng):
    data = rng.exponential(1.0, size=40)  # skewed, far from normal

    def width(statistic, resamples, seed):
        result = scipy.stats.bootstrap(
            (data,), statistic, n_resamples=resamples, method="percentile", random_state=np.random.default_rng(seed)
        )
        return result.confidence_interval.high - result.confidence_interval.low

    # (d) an interval for a median exists and contains the sample median.
    result = scipy.stats.bootstrap((data,), np.median, n_resamples=2000, method="percentile", random_state=rng)
    assert result.confidence_interval.low <= np.median(data) <= result.confidence_interval.high
    # (e) is false: 10 times more resamples leave the width about the same.
    assert abs(width(np.mean, 20_000, 1) / width(np.mean, 2_000, 2) - 1) < 0.15
    # (c) is false: on skewed exponential data the percentile interval still covers the mean
    # close to the nominal rate.
    covered = 0
    for _ in range(300):
        sample = rng.exponential(1.0, size=60)
        boot = sample[rng.integers(0, 60, size=(1000, 60))].mean(axis=1)
        low, high = np.quantile(boot, [0.025, 0.975])
        covered += low <= 1.0 <= high
    assert covered / 300 > 0.85
    # (a) and (b) describe the resampling itself.
    assert item["answer"] == ["a", "b", "d"]


def verify_q11(item, rng):
    n = 200
    x = rng.normal(size=n)
    x = (x - x.mean()) / x.std()
    noise = rng.normal(size=n)
    noise -= noise.mean()
    noise -= (noise @ x) / (x @ x) * x
    noise /= noise.std()
    y = 0.9 * x + math.sqrt(1 - 0.81) * noise
    assert math.isclose(np.corrcoef(x, y)[0, 1], 0.9)
    slope, intercept = np.polyfit(x, y, 1)
    residuals = y - (slope * x + intercept)
    r_squared = 1 - residuals @ residuals / np.sum((y - y.mean()) ** 2)
    assert math.isclose(r_squared, 0.81)  # (c), and not 0.9 (d)
    assert np.max(np.abs(residuals)) > 0.1  # not an exact linear function (b)
    assert item["answer"] == "c"


def verify_q12(item, rng):
    sigma, n = 2.0, 5
    samples = rng.normal(0.0, sigma, size=(200_000, n))
    ss = np.sum((samples - samples.mean(axis=1, keepdims=True)) ** 2, axis=1)
    ss_true_mean = np.sum(samples**2, axis=1)  # deviations from the true mean 0
    assert ss.mean() < ss_true_mean.mean()  # (a): deviations from the sample mean are smaller
    assert abs((ss / n).mean() - (n - 1) / n * sigma**2) < 0.03
    assert abs((ss / (n - 1)).mean() - sigma**2) < 0.03
    assert np.sqrt(ss / (n - 1)).mean() < sigma - 0.05  # (b) is false: s is still biased low
    assert item["answer"] == "a"


VERIFIERS = {name.removeprefix("verify_"): fn for name, fn in globals().items() if name.startswith("verify_q")}
