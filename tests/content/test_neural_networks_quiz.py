"""The neural-networks quiz: its structure, and every answer checked by an independent computation.

Each item id has a verifier below that recomputes the answer from the item's own data: parameter
counts from the layer sizes, gradient shapes from an actual backward pass, scipy's softmax,
sympy derivatives for the expression items (applied to the AUTHOR's answer string only), Adam
and momentum run step by step, a simulated perceptron on XOR, and (where torch is installed)
PyTorch itself for the autograd and training-loop claims. An item without a verifier fails the
suite, so a new item cannot slip in unchecked.
"""

from __future__ import annotations

import ast
import math
import string
import tomllib
from pathlib import Path

import numpy as np
import pytest
import scipy.special
import sympy

MODULE = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "content" / "modules" / "neural-networks"
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


def symbols_of(item):
    return {name: sympy.Symbol(name, positive=True) for name in item["variables"]}


def parse(item):
    return sympy.sympify(item["answer"], locals={**FUNCTIONS, **CONSTANTS, **symbols_of(item)})


def assert_numeric(item, value):
    assert abs(item["answer"] - value) <= max(item["tolerance"], 1e-12), (
        f"{item['id']}: stored answer {item['answer']}, independent computation {value}"
    )


def assert_same_expression(item, expected, rng):
    got = parse(item)
    assert sympy.simplify(got - expected) == 0, f"{item['id']}: {item['answer']!r} is not {expected}"
    low, high = item["domain"]
    f = sympy.lambdify(list(symbols_of(item).values()), got - expected, "math")
    for _ in range(20):
        point = [float(v) for v in rng.uniform(low, high, size=len(item["variables"]))]
        assert abs(f(*point)) < 1e-9


# ---------------------------------------------------------------- structure


def test_quiz_header():
    assert SPEC["kind"] == "quiz"
    assert SPEC["title"].strip()
    assert 1 <= SPEC["difficulty"] <= 5
    assert len(SPEC["hints"]) >= 2 and all(h.strip() for h in SPEC["hints"])
    assert set(SPEC["skills"]) == MODULE_SKILLS
    assert sorted(p.name for p in QUIZ.iterdir()) == ["exercise.toml", "prompt.md"]


def test_item_counts_and_ids():
    items = SPEC["items"]
    assert len(items) >= 10
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
    VERIFIERS[item_id](ITEMS[item_id], np.random.default_rng(40400 + int(item_id[1:])))


# ---------------------------------------------------------------- verifiers


def _dense_parameters(sizes):
    return sum(a * b + b for a, b in zip(sizes, sizes[1:]))


def verify_q1(item, rng):
    W1, b1, W2, b2 = np.zeros((20, 64)), np.zeros(64), np.zeros((64, 10)), np.zeros(10)
    assert_numeric(item, sum(p.size for p in (W1, b1, W2, b2)))
    assert _dense_parameters([20, 64, 10]) == item["answer"]


def verify_q2(item, rng):
    X, G = rng.normal(size=(32, 20)), rng.normal(size=(32, 64))  # batch, upstream gradient of the hidden layer
    shape = (X.T @ G).shape
    assert item["choices"].index(f"{shape[0]} x {shape[1]}") == string.ascii_lowercase.index(item["answer"])


def verify_q3(item, rng):
    assert_numeric(item, float(scipy.special.softmax([1.0, 2.0, 3.0]).max()))


def verify_q4(item, rng):
    assert_numeric(item, -math.log(0.25))


def verify_q5(item, rng):
    x = sympy.Symbol("x", positive=True)
    assert_same_expression(item, sympy.diff(1 / (1 + sympy.exp(-x)), x), rng)


def verify_q6(item, rng):
    w, x, t = (sympy.Symbol(n, positive=True) for n in ("w", "x", "t"))
    assert_same_expression(item, sympy.diff((w * x - t) ** 2, w), rng)


def _adam_first_steps(g, steps, correct=True, b1=0.9, b2=0.999, lr=1.0, eps=0.0):
    m = v = 0.0
    out = []
    for t in range(1, steps + 1):
        m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g * g
        mh, vh = (m / (1 - b1**t), v / (1 - b2**t)) if correct else (m, v)
        out.append(lr * mh / (math.sqrt(vh) + eps))
    return out


def verify_q7(item, rng):
    # Without the correction the first steps are biased (not size lr); with it they are exact
    # for a constant gradient, and the correction fades: 1 - beta**t -> 1.
    assert _adam_first_steps(3.0, 5) == pytest.approx([1.0] * 5)
    assert _adam_first_steps(3.0, 1, correct=False)[0] == pytest.approx(0.1 / math.sqrt(0.001))
    assert 1 - 0.9**200 == pytest.approx(1.0, abs=1e-9)
    assert item["answer"] == "b"


def verify_q8(item, rng):
    p = 0.5
    x = rng.normal(size=100000)
    train = x * (rng.random(x.size) >= p) / (1 - p)
    assert abs(train.mean() - x.mean()) < 0.02  # the training output already has the input's mean
    assert item["choices"][string.ascii_lowercase.index(item["answer"])].startswith("Nothing")
    try:
        import torch
    except ImportError:
        return
    layer = torch.nn.Dropout(p).eval()
    values = torch.tensor(x[:10])
    assert torch.equal(layer(values), values)


def verify_q9(item, rng):
    X, y = rng.normal(size=(20, 3)), rng.integers(0, 2, size=20)

    def train(W1, W2):
        """50 steps of gradient descent on a tanh layer and a logistic output."""
        for _ in range(50):
            H = np.tanh(X @ W1)
            p = 1 / (1 + np.exp(-(H @ W2)))
            G = (p - y[:, None]) / 20
            dW2, dA = H.T @ G, (G @ W2.T) * (1 - H**2)
            W1 -= 0.5 * X.T @ dA
            W2 -= 0.5 * dW2
        return W1, W2

    # (a) equal weights stay equal under gradient descent
    W1, W2 = train(np.full((3, 4), 0.3), np.full((4, 1), 0.2))
    a = np.allclose(W1, W1[:, :1]) and np.allclose(W2, W2[0])
    # ...but only when every layer starts equal: with W1 equal and W2 random, the hidden units get
    # different gradients through their different output weights and drift apart, so the choice
    # must speak of the weights of the whole network, not of one layer
    W1, _ = train(np.full((3, 4), 0.3), rng.normal(size=(4, 1)))
    assert not np.allclose(W1, W1[:, :1])
    assert "network" in item["choices"][0] and "of a layer start" not in item["choices"][0]
    # (b) He: variance 2 / fan_in; (c) Xavier uniform bound gives variance 2 / (fan_in + fan_out)
    fan_in, fan_out = 300, 100
    bound = math.sqrt(6 / (fan_in + fan_out))
    c = math.isclose(bound**2 / 3, 2 / (fan_in + fan_out))
    b = math.isclose(np.random.default_rng(0).normal(0, math.sqrt(2 / fan_in), 200000).var(), 2 / fan_in, rel_tol=0.02)
    # (d) large weights saturate tanh units: their derivative vanishes
    z = rng.normal(size=(100, 50)) @ rng.normal(0, 3.0, size=(50, 50))
    d = float(np.mean(1 - np.tanh(z) ** 2)) > 0.5
    truths = [a, b, c, d]
    assert sorted(item["answer"]) == [letter(i) for i, flag in enumerate(truths) if flag]


def verify_q10(item, rng):
    assert_numeric(item, _adam_first_steps(250.0, 1, lr=0.001, eps=1e-8)[0])


def verify_q11(item, rng):
    v = 0.0
    for _ in range(3):
        v = 0.5 * v + 2.0
    assert_numeric(item, v)


def verify_q12(item, rng):
    batches = [list(range(1000))[s:s + 64] for s in range(0, 1000, 64)]
    assert_numeric(item, len(batches))
    try:
        import torch
    except ImportError:
        return
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(1000, 1)), batch_size=64)
    assert len(loader) == item["answer"]


def verify_q13(item, rng):
    g = rng.normal(size=7)
    n = 2 * g
    assert_numeric(item, float(np.linalg.norm(g - n) / (np.linalg.norm(g) + np.linalg.norm(n))))


def verify_q14(item, rng):
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([-1, 1, 1, -1])
    for lr in (1.0, 0.01):
        w, b = np.zeros(2), 0.0
        for _ in range(200):
            mistakes = 0
            for x_i, y_i in zip(X, y):
                if y_i * (x_i @ w + b) <= 0:
                    w, b, mistakes = w + lr * y_i * x_i, b + lr * y_i, mistakes + 1
            assert mistakes > 0  # every epoch errs, whatever the learning rate
    assert item["answer"] == "b"


def verify_q15(item, rng):
    w = np.array([1.0, 2.0])
    expected = 2 * (2 * w)  # the gradient 2w, accumulated twice
    assert item["choices"][string.ascii_lowercase.index(item["answer"])] == str(expected.tolist())
    try:
        import torch
    except ImportError:
        return
    t = torch.tensor([1.0, 2.0], requires_grad=True)
    (t * t).sum().backward()
    (t * t).sum().backward()
    assert t.grad.tolist() == expected.tolist()


def verify_q16(item, rng):
    torch = pytest.importorskip("torch")
    # (a) CrossEntropyLoss on logits equals the negative log-softmax of the true class
    logits, target = torch.tensor([[1.0, 2.0, 0.5]]), torch.tensor([1])
    a = math.isclose(torch.nn.CrossEntropyLoss()(logits, target).item(), -torch.log_softmax(logits, 1)[0, 1].item(), rel_tol=1e-6)
    # (b) eval() does not stop recording: a forward pass in eval mode still builds a graph
    model = torch.nn.Linear(2, 1).eval()
    b = model(torch.ones(1, 2)).requires_grad is False
    # (c) a shuffling loader gives a new order each epoch
    loader = torch.utils.data.DataLoader(torch.arange(20), batch_size=20, shuffle=True,
                                         generator=torch.Generator().manual_seed(0))
    c = next(iter(loader)).tolist() != next(iter(loader)).tolist()
    # (d) step() reads .grad
    w = torch.nn.Parameter(torch.tensor([1.0]))
    w.grad = torch.tensor([0.5])
    torch.optim.SGD([w], lr=1.0).step()
    d = w.item() == 0.5
    truths = [a, b, c, d]
    assert sorted(item["answer"]) == [letter(i) for i, flag in enumerate(truths) if flag]


VERIFIERS = {name[len("verify_"):]: fn for name, fn in globals().items() if name.startswith("verify_q")}
