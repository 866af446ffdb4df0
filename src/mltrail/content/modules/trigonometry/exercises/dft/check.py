import math

from mltrail.grading.contract import hidden, labelled


def _signal(rng, n):
    return [round(float(v), 3) for v in rng.normal(0.0, 2.0, size=n)]


def cases(rng):
    yield labelled({"x": [1.0, 0.0, -1.0, 0.0]}, "one cycle of a cosine")
    yield labelled({"x": [0.0, 1.0, 0.0, -1.0]}, "one cycle of a sine: the sign of the imaginary part")
    yield labelled({"x": [3.5]}, "a single sample")
    yield labelled({"x": [2.0, 2.0, 2.0, 2.0, 2.0]}, "a constant: everything in X_0")
    yield labelled({"x": [1.0, 0.0, 0.0, 0.0, 0.0, 0.0]}, "an impulse: a flat spectrum")
    yield labelled({"x": [1.0, 2.0, 3.0]}, "odd length")
    for _ in range(22):
        yield {"x": _signal(rng, int(rng.integers(2, 17)))}
    n = 48
    yield hidden({"x": [round(math.sin(2 * math.pi * 5 * t / n) + 0.5 * math.cos(2 * math.pi * 12 * t / n), 6) for t in range(n)]})
    yield hidden({"x": _signal(rng, 64)})


def compare(expected, got, case):
    N = len(expected[0])
    if type(got) is not list or len(got) != 2:
        return "return a list of two lists: [re, im]"
    tolerance = 1e-9 * (1.0 + sum(abs(v) for v in case.args["x"]))
    for part, e_list, g_list in zip(("re", "im"), expected, got):
        if type(g_list) is not list or len(g_list) != N or any(type(v) is not float for v in g_list):
            return f"{part}: expected a list of {N} floats, got {g_list!r}"
        for k, (e, g) in enumerate(zip(e_list, g_list)):
            if abs(g - e) > tolerance:
                return f"{part}[{k}]: expected {e!r}, got {g!r}"
    return True
