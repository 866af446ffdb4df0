"""Reference tests for the function exercises of the neural-networks module.

Each reference solution is compared with an independent computation over every case of its
check for several seeds, judged by the check's own `compare`: scikit-learn's Perceptron and
MLPRegressor, scipy's softmax, log_expit and logsumexp, exact rational arithmetic, matrix
powers of the momentum recurrence, pandas running minima, high-precision (mpmath)
derivatives, and Richardson-extrapolated finite differences for the hand-written gradients.
Where PyTorch is installed, the gradients, Adam, SGD and batching are also checked against
autograd, `torch.optim` and `BatchSampler` (those tests are skipped without torch). The
recorded mistakes must go wrong, on random cases and on the labelled edge cases, be told
apart from each other, and be explained in two to five sentences; starters must fail; the
cases have the agreed shape and respect the bounds the prompts state.
"""

from __future__ import annotations

import copy
import re
import sys
import tomllib
import warnings
from fractions import Fraction

import mpmath
import numpy as np
import pandas as pd
import pytest
import scipy.special
import scipy.stats
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Perceptron
from sklearn.neural_network import MLPRegressor

from exercise_files import MODULES, RAISED, call, exercise_cases, load_file, passes, plain

MODULE = "neural-networks"
FOLDER = MODULES / MODULE / "exercises"
SEEDS = range(2)
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z`]|\s*$)")


@pytest.fixture(autouse=True)
def _no_bytecode_in_content(monkeypatch):
    """Loading exercise files must not leave __pycache__ folders in the content."""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)


# --- independent references -------------------------------------------------------------


def ref_perceptron_epoch(X, y, w, b, lr):
    if len(set(y)) == 2:  # scikit-learn's Perceptron: one pass, no shuffling, from (w, b)
        model = Perceptron(eta0=lr, max_iter=1, tol=None, shuffle=False, penalty=None)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(np.asarray(X, dtype=float), np.asarray(y), coef_init=np.asarray(w, dtype=float),
                      intercept_init=np.asarray([b], dtype=float))
        return [float(v) for v in model.coef_[0]], float(model.intercept_[0])
    # One class only (scikit-learn refuses to fit): exact rational arithmetic.
    wf, bf, rate = [Fraction(v) for v in w], Fraction(b), Fraction(lr)
    for row, label in zip(X, y):
        if label * (sum(Fraction(a) * c for a, c in zip(row, wf)) + bf) <= 0:
            wf = [c + rate * label * Fraction(a) for a, c in zip(row, wf)]
            bf += rate * label
    return [float(v) for v in wf], float(bf)


def ref_mlp_forward(X, W1, b1, W2, b2):
    model = MLPRegressor(hidden_layer_sizes=(len(b1),), activation="relu")
    model.coefs_ = [np.asarray(W1, dtype=float), np.asarray(W2, dtype=float)]
    model.intercepts_ = [np.asarray(b1, dtype=float), np.asarray(b2, dtype=float)]
    model.n_layers_, model.n_outputs_, model.out_activation_ = 3, len(b2), "identity"
    model.n_features_in_ = len(W1)
    return np.asarray(model.predict(np.asarray(X, dtype=float)), dtype=float).reshape(len(X), len(b2))


def ref_activation_derivative(name, z):
    out = []
    with mpmath.workdps(40):
        for v in z:
            if name == "relu":
                out.append(1.0 if v > 0 else 0.0)
            elif name == "leaky_relu":
                out.append(1.0 if v > 0 else 0.01)
            elif name == "sigmoid":
                out.append(float(mpmath.diff(lambda t: 1 / (1 + mpmath.exp(-t)), mpmath.mpf(v))))
            else:
                out.append(float(mpmath.diff(mpmath.tanh, mpmath.mpf(v))))
    return out


def ref_softmax(logits):
    return scipy.special.softmax(np.asarray(logits, dtype=float), axis=1)


def ref_bce_with_logits(logits, targets):
    z, t = np.asarray(logits, dtype=float), np.asarray(targets, dtype=float)
    return float(np.mean(-(t * scipy.special.log_expit(z) + (1 - t) * scipy.special.log_expit(-z))))


def _mean_cross_entropy(X, labels, W1, b1, W2, b2):
    Z = np.tanh(X @ W1 + b1) @ W2 + b2
    return float(np.mean(scipy.special.logsumexp(Z, axis=1) - Z[np.arange(len(labels)), labels]))


def _richardson(f, params, name, h=1e-3):
    """d f / d params[name], entry by entry: central differences with two steps, extrapolated."""
    base = params[name]
    grad = np.zeros_like(base)
    for index in np.ndindex(*base.shape):
        estimates = []
        for step in (h, h / 2):
            plus, minus = dict(params), dict(params)
            plus[name], minus[name] = base.copy(), base.copy()
            plus[name][index] += step
            minus[name][index] -= step
            estimates.append((f(**plus) - f(**minus)) / (2 * step))
        grad[index] = (4 * estimates[1] - estimates[0]) / 3
    return grad


def ref_two_layer_gradients(X, labels, W1, b1, W2, b2):
    params = {"X": np.asarray(X, dtype=float), "labels": np.asarray(labels), "W1": np.asarray(W1, dtype=float),
              "b1": np.asarray(b1, dtype=float), "W2": np.asarray(W2, dtype=float), "b2": np.asarray(b2, dtype=float)}
    return {key: _richardson(_mean_cross_entropy, params, key) for key in ("W1", "b1", "W2", "b2")}


def ref_numerical_gradient_W1(X, labels, W1, b1, W2, b2, h):
    # All perturbed copies of W1 at once: a (d*k, d, k) stack, the loss by scipy's logsumexp.
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
    labels = np.asarray(labels)
    basis = np.eye(W1.size).reshape(W1.size, *W1.shape)

    def losses(stack):
        H = np.tanh(np.einsum("nd,sdh->snh", X, stack) + b1)
        Z = H @ W2 + b2
        return np.mean(scipy.special.logsumexp(Z, axis=2) - Z[:, np.arange(len(labels)), labels], axis=1)

    return ((losses(W1 + h * basis) - losses(W1 - h * basis)) / (2 * h)).reshape(W1.shape)


def ref_momentum_descent(a, c, w0, lr, beta, steps):
    # Per coordinate, the state (w - c, v) evolves linearly: s_t = M^t s_0.
    out = []
    for ai, ci, wi in zip(a, c, w0):
        M = np.array([[1 - lr * ai * 1.0, -lr * beta], [ai, beta]])
        # v' = beta v + a e ; e' = e - lr v' = (1 - lr a) e - lr beta v
        e, _ = np.linalg.matrix_power(M, steps) @ np.array([wi - ci, 0.0])
        out.append(float(e + ci))
    return out


def ref_adam_descent(a, c, w0, lr, beta1, beta2, eps, steps):
    with mpmath.workdps(40):  # the same recurrence in 40-digit arithmetic
        a, c, w = ([mpmath.mpf(v) for v in vec] for vec in (a, c, w0))
        m = [mpmath.mpf(0)] * len(w)
        v = [mpmath.mpf(0)] * len(w)
        b1, b2 = mpmath.mpf(beta1), mpmath.mpf(beta2)
        for t in range(1, steps + 1):
            for i in range(len(w)):
                g = a[i] * (w[i] - c[i])
                m[i] = b1 * m[i] + (1 - b1) * g
                v[i] = b2 * v[i] + (1 - b2) * g * g
                w[i] -= mpmath.mpf(lr) * (m[i] / (1 - b1**t)) / (mpmath.sqrt(v[i] / (1 - b2**t)) + mpmath.mpf(eps))
        return [float(x) for x in w]


def ref_minibatches(order, batch_size, drop_last):
    cuts = np.arange(batch_size, len(order), batch_size)
    batches = [part.tolist() for part in np.split(np.asarray(order, dtype=int), cuts)]
    return [b for b in batches if len(b) == batch_size] if drop_last else batches


def ref_dropout_forward_backward(x, mask, p, grad_out):
    keep = 1 - Fraction(p)
    exact = lambda A: [[float(Fraction(v) * m / keep) for v, m in zip(row, mrow)] for row, mrow in zip(A, mask)]
    return exact(x), exact(grad_out)


def ref_early_stopping(val_losses, patience):
    s = pd.Series(val_losses, dtype=float)
    improved = s < s.cummin().shift(1, fill_value=np.inf)        # strictly below every earlier loss
    best_so_far = pd.Series(np.where(improved, s.index, np.nan)).ffill().astype(int)
    waited = s.index.to_series() - best_so_far
    stops = waited[waited >= patience]
    stop = int(stops.index[0]) if len(stops) else len(s) - 1
    return stop, int(best_so_far[stop])


def ref_sgd_epoch(X, y, w, b, lr, batches):
    Xf = [[Fraction(v) for v in row] for row in X]
    yf, wf, bf, rate = [Fraction(v) for v in y], [Fraction(v) for v in w], Fraction(b), Fraction(lr)
    for batch in batches:
        r = [sum(Xf[i][j] * wf[j] for j in range(len(wf))) + bf - yf[i] for i in batch]
        scale = 2 * rate / len(batch)
        wf = [wf[j] - scale * sum(Xf[i][j] * ri for i, ri in zip(batch, r)) for j in range(len(wf))]
        bf -= scale * sum(r)
    return [float(v) for v in wf], float(bf)


EXERCISES = {
    "perceptron-epoch": ("perceptron_epoch", ref_perceptron_epoch),
    "mlp-forward": ("mlp_forward", ref_mlp_forward),
    "activation-derivative": ("activation_derivative", ref_activation_derivative),
    "stable-softmax": ("softmax", ref_softmax),
    "bce-with-logits": ("bce_with_logits", ref_bce_with_logits),
    "two-layer-backprop": ("two_layer_gradients", ref_two_layer_gradients),
    "numerical-gradient": ("numerical_gradient_W1", ref_numerical_gradient_W1),
    "init-weights": ("init_weights", None),  # random: judged by its statistics below
    "momentum-descent": ("momentum_descent", ref_momentum_descent),
    "adam-descent": ("adam_descent", ref_adam_descent),
    "minibatches": ("minibatches", ref_minibatches),
    "inverted-dropout": ("dropout_forward_backward", ref_dropout_forward_backward),
    "early-stopping": ("early_stopping", ref_early_stopping),
    "sgd-epoch": ("sgd_epoch", ref_sgd_epoch),
}
DETERMINISTIC = [slug for slug, (_, ref) in EXERCISES.items() if ref is not None]


# --- helpers -----------------------------------------------------------------------------


def exercise_id(slug):
    return f"{MODULE}/{slug}"


def entry_of(slug):
    return EXERCISES[slug][0]


def check_of(slug):
    return load_file(FOLDER / slug / "check.py")


def function_of(path, entry):
    return getattr(load_file(path), entry)


def numpy_function_exercises():
    for path in sorted(FOLDER.iterdir()):
        meta_path = path / "exercise.toml"
        if meta_path.is_file():
            meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
            if meta["kind"] == "function" and meta.get("extra") is None:
                yield path.name


def mistake_files():
    for slug in EXERCISES:
        for path in sorted((FOLDER / slug / "mistakes").glob("*.py")):
            yield pytest.param(slug, path, id=f"{slug}/{path.stem}")


# --- structure ---------------------------------------------------------------------------


def test_every_numpy_function_exercise_is_covered():
    assert set(numpy_function_exercises()) == set(EXERCISES)


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
    assert all(len(line) <= 100 for line in prompt.splitlines() if not line.startswith(">>>")), "keep prompt lines short"
    if meta.get("forbid"):
        assert "refused" in prompt, "a prompt says which calls are refused"
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


@pytest.mark.parametrize("slug", DETERMINISTIC)
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
        assert repr(before) == repr(case.args), f"{slug}: the solution modified its arguments"


@pytest.mark.parametrize("seed", SEEDS)
def test_initial_weights_follow_their_distribution(seed):
    solution = function_of(FOLDER / "init-weights" / "solution.py", "init_weights")
    check = check_of("init-weights")
    for case in exercise_cases(exercise_id("init-weights"), seed):
        a = case.args
        W = np.asarray(solution(**a), dtype=float)
        assert W.shape == (a["fan_in"], a["fan_out"])
        if a["scheme"] == "xavier_uniform":
            bound = np.sqrt(6 / (a["fan_in"] + a["fan_out"]))
            dist = scipy.stats.uniform(loc=-bound, scale=2 * bound)
        else:
            dist = scipy.stats.norm(scale=np.sqrt(2 / a["fan_in"]))
        assert scipy.stats.kstest(W.ravel(), dist.cdf).pvalue > 1e-6
        assert passes(check, None, W, case)
        assert np.array_equal(W, solution(**a)), "the same seed gives the same weights"
        # A draw from the other scheme, or with the wrong spread, is refused.
        assert not passes(check, None, W * 1.3, case)
        other = "he_normal" if a["scheme"] == "xavier_uniform" else "xavier_uniform"
        wrong = np.asarray(solution(**{**a, "scheme": other}), dtype=float)
        wrong *= W.std() / wrong.std()  # the right spread, the wrong shape of distribution
        assert not passes(check, None, wrong, case)


def _bounds_hold(slug, a) -> bool:
    """The input bounds each prompt promises, so that a solution may rely on them."""
    if slug == "perceptron-epoch":
        return set(a["y"]) <= {-1, 1} and a["lr"] > 0 and len(a["X"]) == len(a["y"])
    if slug == "activation-derivative":
        return a["name"] in ("relu", "leaky_relu", "sigmoid", "tanh") and all(-1000 <= v <= 1000 for v in a["z"]) and a["z"]
    if slug == "stable-softmax":
        Z = np.asarray(a["logits"])
        return Z.shape[1] >= 2 and float(np.abs(Z).max()) <= 1000
    if slug == "bce-with-logits":
        return all(-1000 <= v <= 1000 for v in a["logits"]) and all(0 <= t <= 1 for t in a["targets"])
    if slug in ("two-layer-backprop", "numerical-gradient"):
        Z = np.tanh(np.asarray(a["X"]) @ np.asarray(a["W1"]) + a["b1"]) @ np.asarray(a["W2"]) + a["b2"]
        labels_ok = all(0 <= v < len(a["b2"]) for v in a["labels"]) and len(a["b2"]) >= 2
        step_ok = slug == "two-layer-backprop" or 1e-4 <= a["h"] <= 1e-2
        return bool(np.abs(Z).max() < 50) and labels_ok and step_ok
    if slug == "init-weights":
        return 60 <= a["fan_in"] <= 120 and 60 <= a["fan_out"] <= 120 and a["scheme"] in ("xavier_uniform", "he_normal")
    if slug == "momentum-descent":
        return all(v > 0 for v in a["a"]) and 0 <= a["beta"] < 1 and a["steps"] >= 1 and a["lr"] * max(a["a"]) <= 1.5
    if slug == "adam-descent":
        ok = all(v > 0 for v in a["a"]) and all(w != c for w, c in zip(a["w0"], a["c"])) and a["steps"] >= 1
        return ok and 0 <= a["beta1"] < 1 and 0 <= a["beta2"] < 1 and a["eps"] >= 1e-8
    if slug == "minibatches":
        return sorted(a["order"]) == list(range(len(a["order"]))) and a["batch_size"] >= 1 and len(a["order"]) >= 1
    if slug == "inverted-dropout":
        return 0 < a["p"] < 1 and {v for row in a["mask"] for v in row} <= {0, 1}
    if slug == "early-stopping":
        return a["patience"] >= 1 and len(a["val_losses"]) >= 1
    if slug == "sgd-epoch":
        n = len(a["X"])
        return all(batch and all(0 <= i < n for i in batch) for batch in a["batches"])
    return True


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_cases_respect_the_bounds_the_prompt_states(slug, seed):
    for case in exercise_cases(exercise_id(slug), seed):
        assert _bounds_hold(slug, case.args), f"{slug} {case.label or ''}: {case.args}"


# --- hand-written gradients against finite differences and autograd ----------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_backprop_gradients_match_numpy_finite_differences(seed):
    solution = function_of(FOLDER / "two-layer-backprop" / "solution.py", "two_layer_gradients")
    numerical = function_of(FOLDER / "numerical-gradient" / "solution.py", "numerical_gradient_W1")
    for case in exercise_cases(exercise_id("two-layer-backprop"), seed):
        got = solution(**copy.deepcopy(case.args))
        fd = numerical(**copy.deepcopy(case.args), h=1e-5)  # the exercise's own gradient check
        g, n = np.asarray(got["W1"]), np.asarray(fd)
        scale = np.linalg.norm(g) + np.linalg.norm(n)
        assert scale == 0 or np.linalg.norm(g - n) / scale < 1e-7


def test_activation_derivatives_match_finite_differences_away_from_kinks():
    solution = function_of(FOLDER / "activation-derivative" / "solution.py", "activation_derivative")
    z = np.linspace(-6, 6, 97) + 0.013
    f = {"relu": lambda t: np.maximum(t, 0), "leaky_relu": lambda t: np.where(t > 0, t, 0.01 * t),
         "sigmoid": scipy.special.expit, "tanh": np.tanh}
    for name, fn in f.items():
        numeric = (fn(z + 1e-6) - fn(z - 1e-6)) / 2e-6
        assert np.allclose(solution(name=name, z=z.tolist()), numeric, atol=1e-8), name


def test_dropout_keeps_the_expected_activation():
    solution = function_of(FOLDER / "inverted-dropout" / "solution.py", "dropout_forward_backward")
    rng = np.random.default_rng(5)
    x = rng.normal(size=(100, 20))
    means = []
    for _ in range(200):
        mask = (rng.random(x.shape) >= 0.3).astype(int)
        means.append(np.asarray(solution(x=x.tolist(), mask=mask.tolist(), p=0.3, grad_out=x.tolist())[0]))
    spread = np.abs(x) * np.sqrt(0.3 / 0.7 / 200)  # the standard error of each entry's mean
    assert (np.abs(np.mean(means, axis=0) - x) <= 6 * spread).all()
    assert abs(float(np.mean(means) - x.mean())) < 0.01


def test_momentum_and_adam_reach_the_minimum():
    momentum = function_of(FOLDER / "momentum-descent" / "solution.py", "momentum_descent")
    adam = function_of(FOLDER / "adam-descent" / "solution.py", "adam_descent")
    a, c = [1.0, 25.0], [2.0, -1.0]
    assert np.allclose(momentum(a=a, c=c, w0=[0.0, 0.0], lr=0.02, beta=0.8, steps=400), c, atol=1e-8)
    assert np.allclose(adam(a=a, c=c, w0=[0.0, 0.0], lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8, steps=3000), c, atol=1e-2)


def test_perceptron_converges_on_separable_data():
    solution = function_of(FOLDER / "perceptron-epoch" / "solution.py", "perceptron_epoch")
    rng = np.random.default_rng(3)
    X = np.vstack([rng.normal((3, 3), 0.7, size=(20, 2)), rng.normal((-2, -1), 0.7, size=(20, 2))]).round(2)
    y = [1] * 20 + [-1] * 20
    w, b = [0.0, 0.0], 0.0
    for _ in range(50):
        w, b = solution(X=X.tolist(), y=y, w=w, b=b, lr=1.0)
    assert (np.sign(X @ np.asarray(w) + b) == np.asarray(y)).all()


def _torch():
    return pytest.importorskip("torch")


@pytest.mark.parametrize("seed", SEEDS)
def test_backprop_gradients_match_torch_autograd(seed):
    torch = _torch()
    check = check_of("two-layer-backprop")
    solution = function_of(FOLDER / "two-layer-backprop" / "solution.py", "two_layer_gradients")
    for case in exercise_cases(exercise_id("two-layer-backprop"), seed):
        a = case.args
        params = {k: torch.tensor(a[k], dtype=torch.float64, requires_grad=True) for k in ("W1", "b1", "W2", "b2")}
        X = torch.tensor(a["X"], dtype=torch.float64)
        logits = torch.tanh(X @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"]
        torch.nn.functional.cross_entropy(logits, torch.tensor(a["labels"])).backward()
        expected = {k: v.grad.numpy() for k, v in params.items()}
        assert passes(check, expected, plain(solution(**copy.deepcopy(a))), case), case.label


@pytest.mark.parametrize("seed", SEEDS)
def test_activation_derivatives_match_torch_autograd(seed):
    torch = _torch()
    check = check_of("activation-derivative")
    solution = function_of(FOLDER / "activation-derivative" / "solution.py", "activation_derivative")
    functions = {"relu": torch.relu, "leaky_relu": lambda t: torch.nn.functional.leaky_relu(t, 0.01),
                 "sigmoid": torch.sigmoid, "tanh": torch.tanh}
    for case in exercise_cases(exercise_id("activation-derivative"), seed):
        z = torch.tensor(case.args["z"], dtype=torch.float64, requires_grad=True)
        functions[case.args["name"]](z).sum().backward()
        assert passes(check, z.grad.numpy(), plain(solution(**copy.deepcopy(case.args))), case), case.label


@pytest.mark.parametrize("seed", SEEDS)
def test_losses_match_torch(seed):
    torch = _torch()
    for slug, entry in (("bce-with-logits", "bce_with_logits"), ("stable-softmax", "softmax")):
        check = check_of(slug)
        solution = function_of(FOLDER / slug / "solution.py", entry)
        for case in exercise_cases(exercise_id(slug), seed):
            if slug == "bce-with-logits":
                expected = torch.nn.functional.binary_cross_entropy_with_logits(
                    torch.tensor(case.args["logits"], dtype=torch.float64),
                    torch.tensor(case.args["targets"], dtype=torch.float64)).item()
            else:
                expected = torch.softmax(torch.tensor(case.args["logits"], dtype=torch.float64), dim=1).numpy()
            assert passes(check, expected, plain(solution(**copy.deepcopy(case.args))), case), case.label


@pytest.mark.parametrize("seed", SEEDS)
def test_optimisers_match_torch_optim(seed):
    torch = _torch()
    for slug, entry in (("adam-descent", "adam_descent"), ("momentum-descent", "momentum_descent"), ("sgd-epoch", "sgd_epoch")):
        check = check_of(slug)
        solution = function_of(FOLDER / slug / "solution.py", entry)
        for case in exercise_cases(exercise_id(slug), seed):
            a = case.args
            if slug == "sgd-epoch":
                w = torch.tensor(a["w"], dtype=torch.float64, requires_grad=True)
                b = torch.tensor(float(a["b"]), dtype=torch.float64, requires_grad=True)
                X, y = torch.tensor(a["X"], dtype=torch.float64), torch.tensor(a["y"], dtype=torch.float64)
                optimiser = torch.optim.SGD([w, b], lr=a["lr"])
                for batch in a["batches"]:
                    optimiser.zero_grad()
                    torch.mean((X[batch] @ w + b - y[batch]) ** 2).backward()
                    optimiser.step()
                expected = (w.detach().numpy().tolist(), b.item())
            else:
                w = torch.tensor(a["w0"], dtype=torch.float64, requires_grad=True)
                A, C = torch.tensor(a["a"], dtype=torch.float64), torch.tensor(a["c"], dtype=torch.float64)
                if slug == "adam-descent":
                    optimiser = torch.optim.Adam([w], lr=a["lr"], betas=(a["beta1"], a["beta2"]), eps=a["eps"])
                else:
                    optimiser = torch.optim.SGD([w], lr=a["lr"], momentum=a["beta"])
                for _ in range(a["steps"]):
                    optimiser.zero_grad()
                    (0.5 * (A * (w - C) ** 2).sum()).backward()
                    optimiser.step()
                expected = w.detach().numpy().tolist()
            assert passes(check, expected, plain(solution(**copy.deepcopy(a))), case), f"{slug} {case.label}"


@pytest.mark.parametrize("seed", SEEDS)
def test_minibatches_match_torch_batch_sampler(seed):
    torch = _torch()
    solution = function_of(FOLDER / "minibatches" / "solution.py", "minibatches")
    for case in exercise_cases(exercise_id("minibatches"), seed):
        a = case.args
        sampler = torch.utils.data.BatchSampler(a["order"], batch_size=a["batch_size"], drop_last=a["drop_last"])
        assert solution(**copy.deepcopy(a)) == [list(batch) for batch in sampler]


# --- starters and recorded mistakes --------------------------------------------------------


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_starter_fails(slug):
    starter = function_of(FOLDER / slug / "starter.py", entry_of(slug))
    solution = function_of(FOLDER / slug / "solution.py", entry_of(slug))
    check = check_of(slug)
    cases = exercise_cases(exercise_id(slug), 0)
    assert not all(passes(check, plain(solution(**copy.deepcopy(c.args))), call(starter, c.args), c) for c in cases)


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
    random = [w for w, c in zip(wrong, cases) if c.label is None and not c.hidden]
    assert any(labelled), f"{path.name} is not caught by the fixed edge cases"
    assert sum(random) >= 0.25 * len(random), f"{path.name} goes wrong on only {sum(random)} of {len(random)} random cases"


@pytest.mark.parametrize("slug", DETERMINISTIC)
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
    assert text.startswith("You") or text.startswith("Your"), f"{explanation.name} speaks to the learner who made the mistake"
    assert "$" not in text, f"{explanation.name}: explanations are plain text, no TeX"


# --- the PyTorch exercises (the deep extra): references computed with numpy ----------------

TORCH_EXERCISES = {
    "torch-autograd-gradient": "logistic_gradient",
    "torch-module-forward": "module_forward",
    "torch-training-loop": "train_linear",
}


def ref_logistic_gradient(X, y, w):
    X, y, w = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    # d/dw log(1 + exp(-m)) = -sigmoid(-m) y x, averaged; scipy's expit, analytic
    return (-(scipy.special.expit(-y * (X @ w)) * y) @ X) / len(y)


def ref_module_forward(X, W1, b1, W2, b2):
    return np.tanh(np.asarray(X) @ np.asarray(W1) + b1) @ np.asarray(W2) + b2


def ref_train_linear(X, y, lr, epochs, batch_size):
    n = len(X)
    batches = [list(range(s, min(s + batch_size, n))) for s in range(0, n, batch_size)] * epochs
    w, b = ref_sgd_epoch(X, y, [0.0] * len(X[0]), 0.0, lr, batches)  # exact rational SGD
    return w + [b]


TORCH_REFERENCES = {
    "torch-autograd-gradient": ref_logistic_gradient,
    "torch-module-forward": ref_module_forward,
    "torch-training-loop": ref_train_linear,
}


def test_every_torch_exercise_is_covered_and_declares_the_extra():
    deep = set()
    for path in FOLDER.iterdir():
        meta_path = path / "exercise.toml"
        if meta_path.is_file():
            meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("extra") == "deep":
                deep.add(path.name)
                assert meta["entry"] == TORCH_EXERCISES[path.name]
            if path.name.startswith("torch-"):
                assert meta.get("extra") == "deep", f"{path.name} needs torch: extra = \"deep\""
    assert deep == set(TORCH_EXERCISES)


@pytest.mark.parametrize("slug", list(TORCH_EXERCISES))
@pytest.mark.parametrize("seed", SEEDS[:2])
def test_torch_solution_matches_numpy(slug, seed):
    _torch()
    from mltrail.sandbox.codec import decode, encode  # what crosses the wire: tensors become arrays

    entry = TORCH_EXERCISES[slug]
    check = check_of(slug)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    for case in exercise_cases(exercise_id(slug), seed):
        got = decode(encode(solution(**copy.deepcopy(case.args)), 1 << 24), 1 << 24)
        expected = plain(TORCH_REFERENCES[slug](**copy.deepcopy(case.args)))
        assert passes(check, expected, got, case), f"{slug} {case.label or ''}: {got!r}, numpy {expected!r}"


@pytest.mark.parametrize("slug", list(TORCH_EXERCISES))
def test_torch_starter_and_mistakes_fail(slug):
    _torch()
    entry = TORCH_EXERCISES[slug]
    check = check_of(slug)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    cases = exercise_cases(exercise_id(slug), 0)
    expected = [TORCH_REFERENCES[slug](**copy.deepcopy(c.args)) for c in cases]
    as_plain = lambda v: plain(v.detach().numpy() if hasattr(v, "detach") else v)
    assert all(passes(check, plain(e), as_plain(solution(**copy.deepcopy(c.args))), c) for e, c in zip(expected, cases))
    for path in [FOLDER / slug / "starter.py", *sorted((FOLDER / slug / "mistakes").glob("*.py"))]:
        function = function_of(path, entry)
        wrong = [not passes(check, plain(e), as_plain(function(**copy.deepcopy(c.args))), c) for e, c in zip(expected, cases)]
        assert any(wrong[:3]), f"{path.name} is not caught by the edge cases"
        if path.parent.name == "mistakes":
            random = wrong[3:-1]
            assert sum(random) >= 0.25 * len(random), f"{path.name}: {sum(random)} of {len(random)} random cases"
            text = path.with_suffix(".md").read_text(encoding="utf-8").strip()
            assert 2 <= len(SENTENCE_END.findall(text)) <= 5 and text.startswith("You")
