import math

from mltrail.grading.contract import labelled


def cases(rng):
    yield labelled({"X": [[0.0, 1.0], [1.0, 0.0]], "y": [1.0, 2.0], "epochs": 3, "lr": 0.1}, "two rows")
    for _ in range(20):
        n, d = int(rng.integers(8, 17)), int(rng.integers(1, 4))
        yield {"X": rng.normal(size=(n, d)).round(3).tolist(), "y": rng.normal(size=n).round(3).tolist(),
               "epochs": int(rng.integers(5, 21)), "lr": 0.05}


def compare(expected, got, case):
    if not isinstance(got, (int, float)) or isinstance(got, bool):
        return f"return the loss as a float, not {type(got).__name__}"
    return math.isclose(got, expected, rel_tol=1e-4, abs_tol=1e-6)
