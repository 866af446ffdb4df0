import numpy as np

from mltrail.grading.contract import hidden, labelled


def _matrix(rng, n, scale=None):
    """A random symmetric Q diag(lambdas) Q^T with |lambda_1| >= 2 |lambda_i| for the others."""
    while True:
        q, _ = np.linalg.qr(rng.normal(size=(n, n)))
        top = float(rng.choice([-1.0, 1.0])) * (scale if scale is not None else rng.uniform(2.0, 10.0))
        others = rng.uniform(-0.5, 0.5, size=n - 1) * abs(top)
        # The all-ones start vector must not be (nearly) perpendicular to the top eigenvector.
        if abs(q[:, 0].sum()) / np.sqrt(n) > 1e-2:
            break
    a = (q * np.concatenate([[top], others])) @ q.T
    return (a + a.T) / 2.0  # exactly symmetric


def cases(rng):
    yield labelled({"a": np.array([[-3.0]]), "iterations": 100}, "a 1x1 matrix with a negative entry")
    yield labelled({"a": np.array([[2.0, 1.0], [1.0, 2.0]]), "iterations": 100}, "eigenvalues 3 and 1")
    yield labelled(
        {"a": np.array([[-6.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 1.0]]), "iterations": 200},
        "the dominant eigenvalue is negative",
    )
    yield labelled(
        {"a": np.array([[50.0, 0.0], [0.0, 5.0]]), "iterations": 300},
        "a large eigenvalue (the vector must be rescaled)",
    )
    yield labelled(
        {"a": np.array([[1.0, 4.0], [4.0, 1.0]]), "iterations": 150}, "eigenvalues 5 and -3"
    )
    u = np.array([1.0, -0.95]) / np.hypot(1.0, 0.95)
    w = np.array([0.95, 1.0]) / np.hypot(1.0, 0.95)
    yield labelled(
        {"a": 4.0 * np.outer(u, u) + np.outer(w, w), "iterations": 100},
        "the start vector is almost perpendicular to the dominant eigenvector",
    )
    for i in range(22):
        yield {"a": _matrix(rng, 1 + i % 6), "iterations": int(rng.choice([100, 200, 300]))}
    yield hidden({"a": _matrix(rng, 6, scale=40.0), "iterations": 300})
    yield hidden({"a": _matrix(rng, 4), "iterations": 200})
