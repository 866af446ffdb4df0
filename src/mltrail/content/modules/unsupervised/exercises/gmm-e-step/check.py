import numpy as np

from mltrail.grading.contract import hidden, labelled


def _spd(rng, d):
    A = rng.normal(0.0, 1.0, size=(d, d))
    return A @ A.T / d + rng.uniform(0.2, 1.0) * np.eye(d)


def _case(rng, n, k, d, far):
    weights = rng.dirichlet(np.full(k, 2.0))
    means = rng.normal(0.0, 4.0, size=(k, d))
    covs = np.array([_spd(rng, d) for _ in range(k)])
    X = means[rng.integers(0, k, size=n)] + rng.normal(0.0, 1.5, size=(n, d))
    if far:  # a few points hundreds of standard deviations away: their densities underflow
        count = int(rng.integers(1, 4))
        X[:count] = rng.normal(0.0, 1.0, size=(count, d)) * 60 + rng.choice([-1.0, 1.0], size=(count, d)) * 80
        X = rng.permutation(X)
    return {"X": X, "weights": [float(w) for w in weights], "means": means, "covariances": covs}


def cases(rng):
    one_d = {"means": np.array([[0.0], [4.0]]), "covariances": np.array([[[1.0]], [[1.0]]])}
    yield labelled({"X": np.array([[0.0], [1.0], [4.0]]), "weights": [0.5, 0.5], **one_d}, "the worked example")
    yield labelled({"X": np.array([[2.0]]), "weights": [0.8, 0.2], **one_d}, "halfway between: the weights decide")
    yield labelled({"X": np.array([[60.0], [-50.0], [1.0]]), "weights": [0.5, 0.5], **one_d},
                   "points far from both components: the densities underflow, the responsibilities do not")
    yield labelled({"X": np.array([[0.5, 0.0], [3.0, 3.0]]), "weights": [1.0], "means": np.array([[0.0, 0.0]]),
                    "covariances": np.array([[[1.0, 0.0], [0.0, 4.0]]])}, "one component: every responsibility is 1")
    yield labelled({"X": np.array([[0.0, 0.0], [1.0, 1.0], [1.0, -1.0]]), "weights": [0.3, 0.7],
                    "means": np.array([[0.0, 0.0], [0.0, 0.0]]),
                    "covariances": np.array([[[1.0, 0.8], [0.8, 1.0]], [[4.0, 0.0], [0.0, 4.0]]])},
                   "same mean, different covariances: the determinant and the correlation matter")
    for i in range(22):
        n, k, d = int(rng.integers(3, 30)), int(rng.integers(2, 5)), int(rng.integers(1, 4))
        yield _case(rng, n, k, d, far=i % 2 == 0)
    yield hidden(_case(rng, 300, 4, 5, far=True))


def compare(expected, got, case):
    if not isinstance(got, tuple) or len(got) != 2:
        return "return a tuple of two values: (responsibilities, log_likelihood)"
    want_R, want_ll = np.asarray(expected[0], dtype=float), expected[1]
    try:
        R = np.asarray(got[0], dtype=float)
    except (TypeError, ValueError):
        return "responsibilities must be an n x k array (or list of lists) of floats"
    if R.shape != want_R.shape:
        return f"responsibilities: expected shape {want_R.shape} (one row per point, one column per component), got {R.shape}"
    if not np.all(np.isfinite(R)):
        i = int(np.argwhere(~np.isfinite(R))[0][0])
        return f"responsibilities of point {i} are not finite ({R[i].tolist()}): work in log space"
    bad = np.argwhere(~(np.abs(R - want_R) <= 1e-8))
    if len(bad):
        i = int(bad[0][0])
        return f"responsibilities of point {i}: expected {want_R[i].tolist()}, got {R[i].tolist()}"
    if type(got[1]) not in (float, int):
        return "the log-likelihood must be a float"
    if not abs(got[1] - want_ll) <= 1e-9 * abs(want_ll) + 1e-9:
        return f"expected a log-likelihood of {want_ll!r}, got {got[1]!r}"
    return True
