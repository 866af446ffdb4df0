import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, d, k):
    """Data with spread-out variances along a random rotation, and an offset far from 0."""
    scales = np.sort(rng.uniform(1.0, 2.0, size=d).cumprod())[::-1] * rng.uniform(0.5, 5.0)
    Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    X = (rng.normal(size=(n, d)) * scales) @ Q.T + rng.uniform(-20, 20, size=d)
    return {"X": X, "n_components": k}


def _well_posed(case, k):
    """The first k components are well separated from the next one (gaps of 5% of the largest variance)."""
    Xc = case["X"] - case["X"].mean(axis=0)
    lam = np.linalg.svd(Xc, compute_uv=False) ** 2
    return all(lam[j] - lam[j + 1] > 0.05 * lam[0] for j in range(min(k, len(lam) - 1)))


def cases(rng):
    yield labelled({"X": np.array([[2.0, 0.0], [0.0, 1.0], [-2.0, 0.0], [0.0, -1.0], [10.0, 10.0], [10.0, 10.0]]),
                    "n_components": 2}, "the worked example")
    yield labelled({"X": np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0], [4.0, 5.0]]), "n_components": 1},
                   "one varying column: the component is the x axis and explains everything")
    yield labelled({"X": np.array([[11.0, 1.0], [12.0, 3.0], [13.0, 2.0], [14.0, 4.0], [15.0, 5.0]]), "n_components": 2},
                   "data far from the origin: centre first")
    yield labelled({"X": np.array([[3.0], [7.0], [8.0]]), "n_components": 1}, "one feature: component [1] (or [-1]), ratio 1")
    yield labelled({"X": np.array([[0.0, 0.0, 1.0], [4.0, 0.0, 0.0], [0.0, 2.0, 0.0], [4.0, 2.0, 5.0]]), "n_components": 2},
                   "fewer components than features: the ratios do not sum to 1")
    produced = 0
    while produced < 22:
        n, d = int(rng.integers(4, 40)), int(rng.integers(2, 6))
        case = _case(rng, n, d, int(rng.integers(1, min(n - 1, d) + 1)))
        if _well_posed(case, case["n_components"]):
            produced += 1
            yield case
    yield hidden(_case(rng, 300, 8, 3))


def compare(expected, got, case):
    if not isinstance(got, tuple) or len(got) != 2:
        return "return a tuple of two values: (components, ratios)"
    want_V, want_r = np.asarray(expected[0], dtype=float), np.asarray(expected[1], dtype=float)
    try:
        V = np.asarray(got[0], dtype=float)
        r = np.asarray(got[1], dtype=float)
    except (TypeError, ValueError):
        return "components must be a k x d array of floats and ratios a list of floats"
    if V.shape != want_V.shape:
        return f"components: expected shape {want_V.shape} (one ROW per component), got {V.shape}"
    if r.shape != want_r.shape:
        return f"ratios: expected {len(want_r)} numbers, got shape {r.shape}"
    for j in range(len(want_V)):
        if not (np.allclose(V[j], want_V[j], atol=1e-6) or np.allclose(V[j], -want_V[j], atol=1e-6)):
            return f"component {j}: expected {want_V[j].tolist()} (or its negative), got {V[j].tolist()}"
    bad = np.flatnonzero(~(np.abs(r - want_r) <= 1e-6))
    if len(bad):
        return f"explained variance ratio {int(bad[0])}: expected {float(want_r[bad[0]])!r}, got {float(r[bad[0]])!r}"
    return True
