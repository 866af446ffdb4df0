import math

from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"degrees": [180, 90, -45]}, "half a turn, a right angle, a negative angle")
    yield labelled({"degrees": [0, 360, 720]}, "no wrapping: 720 degrees is 4 pi")
    yield labelled({"degrees": [30.0, 60.0, 270.0, -180.0]}, "floats and a negative half turn")
    yield labelled({"degrees": [1]}, "one degree")
    for _ in range(22):
        n = int(rng.integers(1, 9))
        values = [round(float(v), 2) for v in rng.uniform(-720.0, 720.0, size=n)]
        if rng.random() < 0.3:
            values = [int(v) for v in values]
        yield {"degrees": values}
    for _ in range(2):
        yield hidden({"degrees": [round(float(v), 3) for v in rng.uniform(-2000.0, 2000.0, size=12)]})


def compare(expected, got, case):
    if type(got) is not list:
        return f"return a list, not {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected {len(expected)} angles, got {len(got)}"
    for i, (e, g) in enumerate(zip(expected, got)):
        if type(g) is not float:
            return f"[{i}]: each angle must be a float, got {type(g).__name__}"
        if not math.isclose(g, e, rel_tol=1e-9, abs_tol=1e-12):
            return f"[{i}]: expected {e!r} radians, got {g!r}"
    return True
