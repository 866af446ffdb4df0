"""Every function exercise of the neural-networks module accepts correct solutions in other styles.

For each exercise, two independent correct solutions (plain Python with `math`, vectorised numpy
with einsum, loops over examples, the other conventions of momentum and Adam, numpy arrays
instead of lists, scipy's distributions) are graded by the real grader for two seeds. A check
that rejects one of them has a tolerance tied to the reference's floating-point path rather
than to the problem, or demands something the prompt does not state. PyTorch exercises are
graded only where torch is installed.
"""

from __future__ import annotations

import importlib.util
import textwrap

import pytest

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source

SEEDS = (0, 1)
CURRICULUM = load_curriculum()
HAS_TORCH = importlib.util.find_spec("torch") is not None

SOLUTIONS: dict[str, dict[str, str]] = {
    "perceptron-epoch": {
        "plain-python": """
            def perceptron_epoch(X, y, w, b, lr):
                w = [float(v) for v in w]
                b = float(b)
                for row, label in zip(X, y):
                    if label * (sum(a * c for a, c in zip(row, w)) + b) <= 0:
                        w = [c + lr * label * a for a, c in zip(row, w)]
                        b += lr * label
                return w, b
        """,
        "numpy-while": """
            import numpy as np

            def perceptron_epoch(X, y, w, b, lr):
                X = np.array(X, dtype=float)
                w = np.array(w, dtype=float)
                i = 0
                while i < len(X):
                    if not y[i] * (np.dot(w, X[i]) + b) > 0:
                        w = w + lr * y[i] * X[i]
                        b = b + lr * y[i]
                    i += 1
                return w, float(b)
        """,
    },
    "mlp-forward": {
        "plain-python": """
            def mlp_forward(X, W1, b1, W2, b2):
                out = []
                for x in X:
                    h = [max(0.0, sum(x[j] * W1[j][u] for j in range(len(x))) + b1[u]) for u in range(len(b1))]
                    out.append([sum(h[u] * W2[u][c] for u in range(len(h))) + b2[c] for c in range(len(b2))])
                return out
        """,
        "einsum": """
            import numpy as np

            def mlp_forward(X, W1, b1, W2, b2):
                A = np.einsum("nd,dh->nh", np.asarray(X, float), np.asarray(W1, float)) + np.asarray(b1, float)
                H = np.where(A > 0, A, 0.0)
                return np.einsum("nh,hk->nk", H, np.asarray(W2, float)) + np.asarray(b2, float)
        """,
    },
    "activation-derivative": {
        "math-branches": """
            import math

            def activation_derivative(name, z):
                out = []
                for v in z:
                    if name == "relu":
                        out.append(1.0 if v > 0 else 0.0)
                    elif name == "leaky_relu":
                        out.append(1.0 if v > 0 else 0.01)
                    elif name == "sigmoid":
                        e = math.exp(-abs(v))          # never overflows
                        out.append(e / (1.0 + e) ** 2)  # s (1 - s), symmetric in v
                    else:
                        out.append(1.0 / math.cosh(v) ** 2 if abs(v) < 350 else 0.0)
                return out
        """,
        "numpy-logaddexp": """
            import numpy as np

            def activation_derivative(name, z):
                z = np.asarray(z, dtype=float)
                if name in ("relu", "leaky_relu"):
                    left = 0.0 if name == "relu" else 0.01
                    return np.where(z > 0, 1.0, left)
                if name == "sigmoid":
                    s = np.exp(-np.logaddexp(0.0, -z))
                    return s * np.exp(-np.logaddexp(0.0, z))
                t = np.tanh(z)
                return (1 - t) * (1 + t)
        """,
    },
    "stable-softmax": {
        "log-sum-exp": """
            import numpy as np

            def softmax(logits):
                Z = np.array(logits, dtype=float)
                top = Z.max(axis=1, keepdims=True)
                lse = top + np.log(np.exp(Z - top).sum(axis=1, keepdims=True))
                return np.exp(Z - lse)
        """,
        "plain-python": """
            import math

            def softmax(logits):
                rows = []
                for row in logits:
                    top = max(row)
                    e = [math.exp(v - top) for v in row]
                    total = math.fsum(e)
                    rows.append([v / total for v in e])
                return rows
        """,
    },
    "bce-with-logits": {
        "numpy-logaddexp": """
            import numpy as np

            def bce_with_logits(logits, targets):
                z, t = np.asarray(logits, dtype=float), np.asarray(targets, dtype=float)
                return float(np.mean(t * np.logaddexp(0.0, -z) + (1 - t) * np.logaddexp(0.0, z)))
        """,
        "math-branches": """
            import math

            def bce_with_logits(logits, targets):
                total = 0.0
                for z, t in zip(logits, targets):
                    softplus = z + math.log1p(math.exp(-z)) if z > 0 else math.log1p(math.exp(z))
                    total += softplus - t * z
                return total / len(logits)
        """,
    },
    "two-layer-backprop": {
        "per-example-loop": """
            import numpy as np

            def two_layer_gradients(X, labels, W1, b1, W2, b2):
                X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
                n = len(X)
                grads = {"W1": np.zeros_like(W1), "b1": np.zeros_like(b1), "W2": np.zeros_like(W2), "b2": np.zeros_like(b2)}
                for x, label in zip(X, labels):
                    h = np.tanh(x @ W1 + b1)
                    z = h @ W2 + b2
                    p = np.exp(z - z.max()); p /= p.sum()
                    dz = p.copy(); dz[label] -= 1.0; dz /= n
                    da = (W2 @ dz) * (1 - h * h)
                    grads["W2"] += np.outer(h, dz); grads["b2"] += dz
                    grads["W1"] += np.outer(x, da); grads["b1"] += da
                return grads
        """,
        "einsum-onehot": """
            import numpy as np

            def two_layer_gradients(X, labels, W1, b1, W2, b2):
                X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
                H = np.tanh(np.einsum("nd,dh->nh", X, W1) + b1)
                Z = np.einsum("nh,hk->nk", H, W2) + b2
                logp = Z - Z.max(1, keepdims=True)
                logp -= np.log(np.exp(logp).sum(1, keepdims=True))
                Y = np.eye(W2.shape[1])[labels]
                G = (np.exp(logp) - Y) / len(X)
                dA = np.einsum("nk,hk->nh", G, W2) / np.cosh(np.einsum("nd,dh->nh", X, W1) + b1) ** 2
                return {"W1": np.einsum("nd,nh->dh", X, dA), "b1": dA.sum(0),
                        "W2": np.einsum("nh,nk->hk", H, G), "b2": G.sum(0)}
        """,
    },
    "numerical-gradient": {
        "plain-python": """
            import math

            def numerical_gradient_W1(X, labels, W1, b1, W2, b2, h):
                def loss(W):
                    total = 0.0
                    for x, label in zip(X, labels):
                        hid = [math.tanh(sum(x[j] * W[j][u] for j in range(len(x))) + b1[u]) for u in range(len(b1))]
                        z = [sum(hid[u] * W2[u][c] for u in range(len(hid))) + b2[c] for c in range(len(b2))]
                        top = max(z)
                        total += top + math.log(sum(math.exp(v - top) for v in z)) - z[label]
                    return total / len(X)
                grad = []
                for j in range(len(W1)):
                    row = []
                    for u in range(len(W1[0])):
                        plus = [r[:] for r in W1]; minus = [r[:] for r in W1]
                        plus[j][u] += h; minus[j][u] -= h
                        row.append((loss(plus) - loss(minus)) / (2 * h))
                    grad.append(row)
                return grad
        """,
        "numpy-restore": """
            import numpy as np

            def numerical_gradient_W1(X, labels, W1, b1, W2, b2, h):
                X, W, b1, W2, b2 = (np.array(a, dtype=float) for a in (X, W1, b1, W2, b2))
                idx = np.arange(len(X))

                def loss():
                    Z = np.tanh(X @ W + b1) @ W2 + b2
                    Z = Z - Z.max(axis=1, keepdims=True)
                    return np.mean(np.log(np.exp(Z).sum(axis=1)) - Z[idx, labels])

                G = np.empty_like(W)
                it = np.nditer(W, flags=["multi_index"])
                for _ in it:
                    i = it.multi_index
                    old = W[i]
                    W[i] = old + h; up = loss()
                    W[i] = old - h; down = loss()
                    W[i] = old
                    G[i] = (up - down) / (2 * h)
                return G
        """,
    },
    "init-weights": {
        "standard-draws": """
            import numpy as np

            def init_weights(fan_in, fan_out, scheme, seed):
                rng = np.random.default_rng(seed)
                if scheme == "xavier_uniform":
                    a = (6.0 / (fan_in + fan_out)) ** 0.5
                    return (2.0 * rng.random((fan_in, fan_out)) - 1.0) * a
                return rng.standard_normal((fan_in, fan_out)) * (2.0 / fan_in) ** 0.5
        """,
        "scipy-stats": """
            import numpy as np
            from scipy import stats

            def init_weights(fan_in, fan_out, scheme, seed):
                rng = np.random.default_rng(seed)
                if scheme == "xavier_uniform":
                    a = np.sqrt(6.0 / (fan_in + fan_out))
                    return stats.uniform(loc=-a, scale=2 * a).rvs(size=(fan_in, fan_out), random_state=rng).tolist()
                return stats.norm(scale=np.sqrt(2.0 / fan_in)).rvs(size=(fan_in, fan_out), random_state=rng).tolist()
        """,
    },
    "momentum-descent": {
        "velocity-with-lr": """
            def momentum_descent(a, c, w0, lr, beta, steps):
                w = [float(v) for v in w0]
                v = [0.0] * len(w)
                for _ in range(steps):
                    for i in range(len(w)):
                        v[i] = beta * v[i] - lr * a[i] * (w[i] - c[i])  # v holds -lr times the velocity
                        w[i] += v[i]
                return w
        """,
        "numpy-arrays": """
            import numpy as np

            def momentum_descent(a, c, w0, lr, beta, steps):
                a, c, w = (np.array(x, dtype=float) for x in (a, c, w0))
                v = np.zeros(len(w))
                for _ in range(steps):
                    v *= beta
                    v += a * w - a * c
                    w -= lr * v
                return w
        """,
    },
    "adam-descent": {
        "paper-efficient-form": """
            import numpy as np

            def adam_descent(a, c, w0, lr, beta1, beta2, eps, steps):
                a, c, w = (np.array(x, dtype=float) for x in (a, c, w0))
                m = np.zeros_like(w); v = np.zeros_like(w)
                for t in range(1, steps + 1):
                    g = a * (w - c)
                    m = beta1 * m + (1 - beta1) * g
                    v = beta2 * v + (1 - beta2) * g ** 2
                    step = lr * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
                    w = w - step * m / (np.sqrt(v) + eps * np.sqrt(1 - beta2 ** t))
                return w
        """,
        "plain-python": """
            import math

            def adam_descent(a, c, w0, lr, beta1, beta2, eps, steps):
                w = list(w0)
                m = [0.0] * len(w); v = [0.0] * len(w)
                p1 = p2 = 1.0
                for _ in range(steps):
                    p1 *= beta1; p2 *= beta2
                    for i in range(len(w)):
                        g = a[i] * (w[i] - c[i])
                        m[i] += (1 - beta1) * (g - m[i])
                        v[i] += (1 - beta2) * (g * g - v[i])
                        w[i] -= lr * (m[i] / (1 - p1)) / (math.sqrt(v[i] / (1 - p2)) + eps)
                return w
        """,
    },
    "minibatches": {
        "numpy-arrays": """
            import numpy as np

            def minibatches(order, batch_size, drop_last):
                order = np.asarray(order, dtype=np.int64)
                end = len(order) - len(order) % batch_size if drop_last else len(order)
                return [order[s:min(s + batch_size, end)] for s in range(0, end, batch_size)]
        """,
        "islice": """
            from itertools import islice

            def minibatches(order, batch_size, drop_last):
                it = iter(order)
                out = []
                while True:
                    batch = list(islice(it, batch_size))
                    if not batch or (drop_last and len(batch) < batch_size):
                        return out
                    out.append(batch)
        """,
    },
    "inverted-dropout": {
        "numpy-where": """
            import numpy as np

            def dropout_forward_backward(x, mask, p, grad_out):
                keep = np.asarray(mask) == 1
                x, g = np.asarray(x, dtype=float), np.asarray(grad_out, dtype=float)
                return np.where(keep, x / (1 - p), 0.0), np.where(keep, g / (1 - p), 0.0)
        """,
        "plain-python": """
            def dropout_forward_backward(x, mask, p, grad_out):
                scale = 1.0 / (1.0 - p)
                out = [[v * m * scale for v, m in zip(row, mrow)] for row, mrow in zip(x, mask)]
                grad = [[v * m * scale for v, m in zip(row, mrow)] for row, mrow in zip(grad_out, mask)]
                return out, grad
        """,
    },
    "early-stopping": {
        "wait-counter": """
            def early_stopping(val_losses, patience):
                best, best_epoch, wait = float("inf"), 0, 0
                for epoch, loss in enumerate(val_losses):
                    if loss < best:
                        best, best_epoch, wait = loss, epoch, 0
                    else:
                        wait += 1
                        if wait >= patience:
                            return epoch, best_epoch
                return len(val_losses) - 1, best_epoch
        """,
        "numpy-running-minimum": """
            import numpy as np

            def early_stopping(val_losses, patience):
                v = np.asarray(val_losses, dtype=float)
                earlier = np.concatenate([[np.inf], np.minimum.accumulate(v)[:-1]])
                improved = np.flatnonzero(v < earlier)
                last_best = improved[np.searchsorted(improved, np.arange(len(v)), side="right") - 1]
                late = np.flatnonzero(np.arange(len(v)) - last_best >= patience)
                stop = int(late[0]) if len(late) else len(v) - 1
                return stop, int(last_best[stop])
        """,
    },
    "sgd-epoch": {
        "plain-python": """
            def sgd_epoch(X, y, w, b, lr, batches):
                w = [float(v) for v in w]
                b = float(b)
                for batch in batches:
                    r = [sum(X[i][j] * w[j] for j in range(len(w))) + b - y[i] for i in batch]
                    k = 2.0 / len(batch)
                    gw = [k * sum(X[i][j] * ri for i, ri in zip(batch, r)) for j in range(len(w))]
                    w = [wj - lr * gj for wj, gj in zip(w, gw)]
                    b -= lr * k * sum(r)
                return w, b
        """,
        "numpy-mean-of-examples": """
            import numpy as np

            def sgd_epoch(X, y, w, b, lr, batches):
                X, y, w = np.asarray(X, float), np.asarray(y, float), np.array(w, float)
                for batch in batches:
                    xb, yb = X[batch], y[batch]
                    r = xb @ w + b - yb
                    w = w - lr * np.mean(2 * r[:, None] * xb, axis=0)
                    b = b - lr * float(np.mean(2 * r))
                return w, float(b)
        """,
    },
}

TORCH_SOLUTIONS: dict[str, dict[str, str]] = {
    "torch-autograd-gradient": {
        "log-sigmoid": """
            import torch

            def logistic_gradient(X, y, w):
                w = torch.tensor(w, dtype=torch.float64, requires_grad=True)
                margins = torch.tensor(y, dtype=torch.float64) * (torch.tensor(X, dtype=torch.float64) @ w)
                loss = -torch.nn.functional.logsigmoid(margins).mean()
                (grad,) = torch.autograd.grad(loss, w)
                return grad.numpy()
        """,
        "log1p-list": """
            import torch

            def logistic_gradient(X, y, w):
                X = torch.as_tensor(X, dtype=torch.float64)
                w = torch.as_tensor(w, dtype=torch.float64).requires_grad_()
                m = torch.as_tensor(y, dtype=torch.float64) * (X * w).sum(dim=1)
                torch.log1p(torch.exp(-m)).sum().div(len(X)).backward()
                return w.grad.tolist()
        """,
    },
    "torch-module-forward": {
        "custom-module": """
            import torch
            from torch import nn

            class Net(nn.Module):
                def __init__(self, W1, b1, W2, b2):
                    super().__init__()
                    self.hidden = nn.Linear(len(W1), len(b1))
                    self.out = nn.Linear(len(b1), len(b2))
                    self.hidden.weight = nn.Parameter(torch.tensor(W1).T.contiguous())
                    self.hidden.bias = nn.Parameter(torch.tensor(b1))
                    self.out.weight = nn.Parameter(torch.tensor(W2).T.contiguous())
                    self.out.bias = nn.Parameter(torch.tensor(b2))

                def forward(self, X):
                    return self.out(torch.tanh(self.hidden(X)))

            def module_forward(X, W1, b1, W2, b2):
                with torch.no_grad():
                    return Net(W1, b1, W2, b2)(torch.tensor(X)).numpy()
        """,
        "functional-float64": """
            import torch

            def module_forward(X, W1, b1, W2, b2):
                t = lambda a: torch.tensor(a, dtype=torch.float64)
                H = torch.tanh(torch.nn.functional.linear(t(X), t(W1).T, t(b1)))
                return torch.nn.functional.linear(H, t(W2).T, t(b2)).tolist()
        """,
    },
    "torch-training-loop": {
        "manual-parameters": """
            import torch
            from torch.utils.data import DataLoader, TensorDataset

            def train_linear(X, y, lr, epochs, batch_size):
                X, y = torch.tensor(X), torch.tensor(y)
                w = torch.zeros(X.shape[1], requires_grad=True)
                b = torch.zeros(1, requires_grad=True)
                optimiser = torch.optim.SGD([w, b], lr=lr)
                for _ in range(epochs):
                    for xb, yb in DataLoader(TensorDataset(X, y), batch_size=batch_size):
                        optimiser.zero_grad()
                        ((xb @ w + b - yb) ** 2).mean().backward()
                        optimiser.step()
                return torch.cat([w, b]).detach()
        """,
        "index-batches": """
            import torch
            from torch import nn

            def train_linear(X, y, lr, epochs, batch_size):
                X = torch.tensor(X, dtype=torch.float32)
                y = torch.tensor(y, dtype=torch.float32).reshape(-1, 1)
                model = nn.Linear(X.shape[1], 1)
                nn.init.zeros_(model.weight)
                nn.init.zeros_(model.bias)
                optimiser = torch.optim.SGD(model.parameters(), lr=lr)
                loss_fn = nn.MSELoss()
                for _ in range(epochs):
                    for start in range(0, len(X), batch_size):
                        optimiser.zero_grad(set_to_none=True)
                        loss_fn(model(X[start:start + batch_size]), y[start:start + batch_size]).backward()
                        optimiser.step()
                return [float(v) for v in model.weight.detach().ravel()] + [float(model.bias.detach())]
        """,
    },
}

PARAMS = [pytest.param(slug, style, id=f"{slug}/{style}") for slug, styles in SOLUTIONS.items() for style in styles]
TORCH_PARAMS = [pytest.param(slug, style, id=f"{slug}/{style}") for slug, styles in TORCH_SOLUTIONS.items() for style in styles]


def test_every_function_exercise_has_two_solutions():
    module = CURRICULUM.module("neural-networks")
    plain = {ex.id.split("/", 1)[1] for ex in module.exercises if ex.kind == "function" and ex.manifest.extra is None}
    deep = {ex.id.split("/", 1)[1] for ex in module.exercises if ex.kind == "function" and ex.manifest.extra == "deep"}
    assert plain == set(SOLUTIONS)
    assert deep == set(TORCH_SOLUTIONS)
    assert all(len(styles) >= 2 for styles in {**SOLUTIONS, **TORCH_SOLUTIONS}.values())


@pytest.mark.parametrize(("slug", "style"), PARAMS)
def test_other_correct_solutions_pass(slug, style):
    exercise = CURRICULUM.exercise(f"neural-networks/{slug}")
    code = textwrap.dedent(SOLUTIONS[slug][style])
    for seed in SEEDS:
        verdict = grade_source(exercise, code, seed=seed)
        assert verdict.passed, f"{slug} ({style}), seed {seed}: {verdict.message}"


@pytest.mark.skipif(not HAS_TORCH, reason="PyTorch (the deep extra) is not installed")
@pytest.mark.parametrize(("slug", "style"), TORCH_PARAMS)
def test_other_correct_torch_solutions_pass(slug, style):
    exercise = CURRICULUM.exercise(f"neural-networks/{slug}")
    code = textwrap.dedent(TORCH_SOLUTIONS[slug][style])
    for seed in SEEDS:
        verdict = grade_source(exercise, code, seed=seed)
        assert verdict.passed, f"{slug} ({style}), seed {seed}: {verdict.message}"
