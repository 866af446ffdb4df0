from mltrail.grading.contract import hidden, labelled


def _times(rng, n):
    return [round(float(t), 3) for t in rng.uniform(0.0, 10.0, size=n)]


def cases(rng):
    yield labelled({"amplitude": 2.0, "frequency": 0.25, "phase": 0.0, "times": [0.0, 1.0, 2.0, 3.0, 0.5]}, "a period of 4")
    yield labelled({"amplitude": 1.0, "frequency": 1.0, "phase": 1.5707963267948966, "times": [0.0, 0.5, 0.25]}, "a phase of pi/2: a cosine")
    yield labelled({"amplitude": 3.0, "frequency": 2.0, "phase": -0.5, "times": [0.1]}, "one sample")
    yield labelled({"amplitude": 0.5, "frequency": 50.0, "phase": 0.0, "times": [0.001, 0.005, 0.0125]}, "50 Hz mains")
    for _ in range(22):
        yield {
            "amplitude": round(float(rng.uniform(0.1, 5.0)), 2),
            "frequency": round(float(rng.uniform(0.05, 3.0)), 3),
            "phase": round(float(rng.uniform(-3.2, 3.2)), 3),
            "times": _times(rng, int(rng.integers(1, 10))),
        }
    yield hidden({"amplitude": 1.0, "frequency": 1.0 / 24.0, "phase": 0.0, "times": [float(h) for h in range(24)]})
    yield hidden({"amplitude": round(float(rng.uniform(1, 4)), 2), "frequency": 7.0, "phase": 2.0, "times": _times(rng, 30)})


def compare(expected, got, case):
    if type(got) is not list:
        return f"return a list, not {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected {len(expected)} samples, got {len(got)}"
    amplitude = float(case.args["amplitude"])
    for i, (e, g) in enumerate(zip(expected, got)):
        if type(g) is not float:
            return f"[{i}]: each sample must be a float, got {type(g).__name__}"
        # The angle reaches about 2 pi * 70 = 440 rad; its rounding (~1e-13) is far below 1e-9 * A.
        if abs(g - e) > 1e-9 * amplitude:
            return f"[{i}]: expected {e!r}, got {g!r}"
    return True
