import numpy as np

from mltrail.grading.contract import hidden, labelled


def _calls(lam, *steps):
    calls = []
    for method, args in steps:
        calls.append([method, args])
    return {"init": {"lam": lam}, "calls": calls}


def _problem(rng):
    k, d = int(rng.integers(2, 5)), int(rng.integers(1, 5))
    n = int(rng.integers(3 * k, 60))
    centres = rng.normal(0.0, 1.5, size=(k, d))
    y = rng.integers(0, k, size=n)
    y[:k] = rng.permutation(k)  # every class appears
    X = np.round(centres[y] + rng.normal(0.0, 1.0, size=(n, d)), 3)
    lam = float(np.round(rng.uniform(0.05, 1.0), 3))
    steps = [("fit", {"X": X, "y": y}), ("predict_proba", {"X": np.round(rng.normal(0.0, 2.0, size=(int(rng.integers(1, 8)), d)), 3)})]
    if rng.random() < 0.3:
        steps.append(("predict_proba", {"X": X[:3]}))
    return _calls(lam, *steps)


def cases(rng):
    X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]])
    y = np.array([0, 0, 1, 1, 2, 2])
    yield labelled(_calls(0.1, ("fit", {"X": X, "y": y}), ("predict_proba", {"X": np.array([[0.5], [2.5], [4.5]])})), "the worked example")
    yield labelled(_calls(0.5, ("fit", {"X": np.array([[-1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, -1.0]]), "y": np.array([0, 1, 1, 0])}),
                          ("predict_proba", {"X": np.array([[0.0, 0.0], [2.0, 2.0]])})), "two classes")
    yield labelled(_calls(0.1, ("fit", {"X": X, "y": y}), ("predict_proba", {"X": np.array([[40.0], [-40.0]])})), "far-away points: probabilities near 0 and 1")
    yield labelled(_calls(0.1, ("fit", {"X": X, "y": y}), ("predict_proba", {"X": np.array([[1000.0], [-1000.0]])})),
                   "scores above 1000: exp overflows unless each row's largest score is subtracted first")
    yield labelled(_calls(0.2, ("fit", {"X": X, "y": np.array([0, 1, 2, 0, 1, 2])}), ("predict_proba", {"X": X[:2]}),
                          ("fit", {"X": X, "y": y}), ("predict_proba", {"X": X[:2]})), "fit twice: the second fit replaces the first")
    yield labelled(_calls(0.3, ("fit", {"X": np.array([[1.0], [2.0], [3.0], [5.0], [6.0], [7.0]]), "y": np.array([1, 1, 1, 0, 0, 0])}),
                          ("predict_proba", {"X": np.array([[0.0], [4.0], [9.0]])})), "features away from 0: the intercepts matter")
    for _ in range(22):
        yield _problem(rng)
    yield hidden(_problem(rng))


def compare(expected, got, case):
    calls = case.args["calls"]
    if type(got) is not list or len(got) != len(expected):
        return "not the expected results"
    for (method, args), want, value in zip(calls, expected, got):
        if method == "fit":
            if value is not want:
                return "fit must return self (the object itself)"
            continue
        if not isinstance(value, np.ndarray) and type(value) is not list:
            return f"predict_proba must return a numpy array, not {type(value).__name__}"
        try:
            value = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            return "predict_proba must return an array of floats"
        if value.shape != want.shape:
            return f"predict_proba: expected an array of shape {want.shape} (one column per class), got {value.shape}"
        if not np.all(np.isfinite(value)):
            return "predict_proba returned inf or nan: subtract each row's largest score before exp"
        # The tolerance follows from the stopping rule: a gradient norm of at most 1e-7 puts the
        # parameters within 1e-7 / mu of the minimiser, where mu >= 0.0116 over these cases (the
        # smallest eigenvalue of the Hessian away from the direction that shifts every intercept
        # alike, which changes no probability); a probability then moves by at most half the change
        # of the scores, 0.5 * ||(x, 1)|| * 1e-7 / mu <= 1.1e-4 for the test points drawn here. (At
        # x = +-1000 the scores differ by over 2000: every probability is 0 or 1 in floating point.)
        gap = float(np.abs(value - want).max())
        if gap > 3e-4:
            return f"predict_proba: a probability differs by {gap:.3g} from the expected {np.round(want, 4).tolist()!r}"
    return True
