import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _separated(values, gap=0.1):
    return all(abs(u - v) >= gap for i, u in enumerate(values) for v in values[i + 1:])


def _case(rng, kind):
    while True:
        blocks = []
        if kind == "symmetric":
            d = int(rng.integers(1, 5))
            blocks = [[float(-v)] for v in rng.uniform(0.2, 8.0, size=d)]
        else:
            for _ in range(int(rng.integers(1, 3))):
                a, b = -float(rng.uniform(0.1, 1.0)), float(rng.uniform(0.8, 4.0))
                blocks.append([a, b])
            for _ in range(int(rng.integers(0 if kind == "complex" else 1, 2))):
                blocks.append([-float(rng.uniform(1.5, 8.0))])
        d = sum(len(block) for block in blocks)
        if d > 5:
            continue
        B = np.zeros((d, d))
        eig, k = [], 0
        for block in blocks:
            if len(block) == 1:
                B[k, k] = block[0]
                eig.append(complex(block[0]))
                k += 1
            else:
                a, b = block
                B[k:k + 2, k:k + 2] = [[a, b], [-b, a]]
                eig += [complex(a, b), complex(a, -b)]
                k += 2
        if not _separated(eig):
            continue
        Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
        M = np.round(Q @ B @ Q.T, 3)
        if kind == "symmetric":
            M = (M + M.T) / 2
        lam = np.linalg.eigvals(M)
        if lam.real.max() < -0.06 and _separated(list(lam), 0.06):
            return {"M": M.tolist()}


def cases(rng):
    yield labelled({"M": [[-1.0, 3.0], [-3.0, -1.0]]}, "the worked example: eigenvalues -1 +- 3i")
    yield labelled({"M": [[-1.0, 0.0], [0.0, -4.0]]}, "real eigenvalues: 2 / 4 = 0.5, as for gradient descent")
    yield labelled({"M": [[-2.0]]}, "one dimension: h < 2 / 2 = 1")
    yield labelled({"M": [[-0.1, 2.0], [-2.0, -0.1]]}, "eigenvalues close to the imaginary axis: a tiny step")
    yield labelled({"M": [[-3.0, 0.0, 0.0], [0.0, -0.1, 2.0], [0.0, -2.0, -0.1]]}, "the binding eigenvalue is not the largest one")
    kinds = ["symmetric", "complex", "mixed"]
    for k in range(22):
        yield _case(rng, kinds[k % 3])
    yield hidden(_case(rng, "mixed"))


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if not math.isfinite(got) or abs(got - expected) > 1e-7 * abs(expected):
        return f"expected h_max = {expected!r}, got {got!r}"
    return True
