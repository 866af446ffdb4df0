"""The what-is-ml quiz: its structure, and every answer checked by an independent computation.

Each item id has a verifier below that recomputes the answer from the item's own data where it
can be computed: scikit-learn's `DummyClassifier`, `train_test_split`, `PolynomialFeatures`,
`NearestCentroid` and `KNeighborsClassifier`, exact ceilings, and sympy plus random samples for
the expression items (applied to the AUTHOR's answer string only). Items about which kind of
learning a problem needs are checked against the three-question rule of lesson 2, written out
as data. An item without a verifier fails the suite, so a new item cannot slip in unchecked.
"""

from __future__ import annotations

import ast
import math
import string
import tomllib
import warnings
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import sympy
from sklearn.dummy import DummyClassifier
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier, NearestCentroid
from sklearn.preprocessing import PolynomialFeatures

MODULE = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "content" / "modules" / "what-is-ml"
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


def evaluate(item, **point):
    names = symbols_of(item)
    return float(parse(item).subs({names[k]: v for k, v in point.items()}))


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
    assert [item["id"] for item in items] == [f"q{i}" for i in range(1, len(items) + 1)]
    kinds = [item["kind"] for item in items]
    for kind in ("choice", "multiple", "numeric", "expression"):
        assert kinds.count(kind) >= 2, kind
    covered = {skill for item in items for skill in item.get("skills", [])}
    assert covered == MODULE_SKILLS, "every skill of the module is asked about"


def test_prompt_counts_the_items():
    prompt = (QUIZ / "prompt.md").read_text(encoding="utf-8")
    words = {8: "Eight", 9: "Nine", 10: "Ten", 11: "Eleven", 12: "Twelve", 13: "Thirteen", 14: "Fourteen", 15: "Fifteen"}
    assert f"{words[len(ITEMS)]} short questions" in prompt


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
    VERIFIERS[item_id](ITEMS[item_id], np.random.default_rng(60600 + int(item_id[1:])))


# ---------------------------------------------------------------- verifiers


def kind_of(problem: dict) -> str:
    """The three questions of lesson 2, in order."""
    if problem["acts_and_gets_rewards"]:
        return "reinforcement"
    if problem["past_examples_have_the_answer"]:
        return "supervised"
    return "unsupervised"


def verify_q1(item, rng):
    kind = kind_of({"acts_and_gets_rewards": False, "past_examples_have_the_answer": False})
    assert kind == "unsupervised"
    assert item["choices"][ord(item["answer"]) - ord("a")] == "unsupervised learning"


def verify_q2(item, rng):
    problems = [
        {"acts_and_gets_rewards": False, "past_examples_have_the_answer": True},   # past prices
        {"acts_and_gets_rewards": True, "past_examples_have_the_answer": False},   # reward for distance
        {"acts_and_gets_rewards": False, "past_examples_have_the_answer": True},   # marked messages
        {"acts_and_gets_rewards": False, "past_examples_have_the_answer": False},  # compression
        {"acts_and_gets_rewards": True, "past_examples_have_the_answer": False},   # clicks on the advert shown
    ]
    assert len(problems) == len(item["choices"])
    assert letters_where([kind_of(p) == "supervised" for p in problems]) == item["answer"]


def verify_q3(item, rng):
    roles = {"winning games against people": "task and performance", "the games it plays against itself": "experience",
             "the rules of draughts written into the program": "hand-written rules", "the share of games it wins": "performance"}
    assert [roles[c] for c in item["choices"]].index("experience") == ord(item["answer"]) - ord("a")


def verify_q4(item, rng):
    y_train = np.array([1] * 267 + [0] * 159)  # benign (1) is the majority of the training labels
    y_test = rng.permutation(np.array([0] * 53 + [1] * 90))
    model = DummyClassifier(strategy="most_frequent").fit(np.zeros((len(y_train), 1)), y_train)
    assert_numeric(item, float(model.score(np.zeros((len(y_test), 1)), y_test)))


def verify_q5(item, rng):
    train, test = train_test_split(np.arange(569), test_size=0.2, random_state=int(rng.integers(1000)))
    assert len(train) + len(test) == 569
    assert_numeric(item, len(test))


def verify_q6(item, rng):
    counts = (212, 357)
    total = sum(math.ceil(Fraction(n * 20, 100)) for n in counts)
    labels = np.repeat([0, 1], counts)
    # the same count, class by class, with train_test_split and an integer test size per class
    per_class = [len(train_test_split(np.flatnonzero(labels == c), test_size=math.ceil(n / 5), shuffle=False)[1])
                 for c, n in zip((0, 1), counts)]
    assert sum(per_class) == total
    assert_numeric(item, total)


def verify_q7(item, rng):
    v, m, c = sympy.symbols("v m c", positive=True)
    assert sympy.simplify(parse(item) - (v + (c - m) ** 2)) == 0
    for _ in range(20):  # and against the definition, on random test targets
        y = rng.normal(rng.uniform(-5, 5), rng.uniform(0.5, 3.0), size=int(rng.integers(2, 50)))
        const = float(rng.uniform(-5, 5))
        mse = float(np.mean((y - const) ** 2))
        value = evaluate(item, v=float(np.var(y)), m=float(np.mean(y)), c=const)
        assert math.isclose(value, mse, rel_tol=1e-9, abs_tol=1e-12)


def verify_q8(item, rng):
    for p in range(1, 31):
        count = PolynomialFeatures(2).fit(np.zeros((1, p))).n_output_features_
        assert math.isclose(evaluate(item, p=p), count, rel_tol=1e-12), p


def verify_q9(item, rng):
    degrees, train, validation = [1, 4, 12], [9.1, 4.0, 0.2], [9.5, 4.6, 87.0]
    assert degrees[int(np.argmin(validation))] == 4
    underfits = validation[0] > validation[1] and train[0] > train[1]  # high on both sets
    overfits = train[2] < train[1] and validation[2] > validation[1]   # low training, high validation
    assert underfits and overfits
    assert item["answer"] == "b"


def verify_q10(item, rng):
    validation = [4.1, 2.2, 1.9, 1.9, 2.6, 7.3]
    best = min(validation)
    assert_numeric(item, next(d for d, e in enumerate(validation) if e <= best + 1e-9))


def verify_q11(item, rng):
    # A model that cannot use more data: nearest centroid on two overlapping Gaussian classes
    # reaches the same accuracy with 500 and 5000 examples, and training and validation agree.
    def scores(n):
        X = rng.normal(size=(n, 2)) + np.repeat([[0.0, 0.0], [1.0, 0.0]], n // 2, axis=0)
        y = np.repeat([0, 1], n // 2)
        V = rng.normal(size=(20000, 2)) + np.repeat([[0.0, 0.0], [1.0, 0.0]], 10000, axis=0)
        w = np.repeat([0, 1], 10000)
        model = NearestCentroid().fit(X, y)
        return model.score(X, y), model.score(V, w)

    small, large = scores(500), scores(5000)
    assert abs(small[1] - large[1]) < 0.02 and abs(large[0] - large[1]) < 0.02
    assert item["answer"] == "b"


def verify_q12(item, rng):
    uses_test_information = [True, True, False, False, True]
    assert letters_where(uses_test_information) == item["answer"]


def verify_q13(item, rng):
    X = np.array([[1.0], [2.0], [6.0], [9.0], [10.0], [11.0]])
    y = np.array([0, 0, 0, 1, 1, 1])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        centroid = int(NearestCentroid().fit(X, y).predict([[7.0]])[0])
    neighbour = int(KNeighborsClassifier(n_neighbors=1).fit(X, y).predict([[7.0]])[0])
    claims = [(0, 0), (1, 1), (1, 0), (0, 1)]
    assert letter(claims.index((centroid, neighbour))) == item["answer"]


def verify_q14(item, rng):
    y_true = np.zeros(450, dtype=int)
    y_pred = y_true.copy()
    y_pred[rng.choice(450, size=42, replace=False)] = 1
    assert_numeric(item, float(np.mean(y_true == y_pred)))


VERIFIERS = {name.removeprefix("verify_"): fn for name, fn in globals().items() if name.startswith("verify_q")}
