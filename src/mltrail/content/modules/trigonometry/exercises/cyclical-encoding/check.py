from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"values": [0, 6, 23], "period": 24}, "hours of the day")
    yield labelled({"values": [0, 1, 2, 3, 4, 5, 6], "period": 7}, "days of the week")
    yield labelled({"values": [24, 48], "period": 24}, "whole periods: back to the start")
    yield labelled({"values": [90.0, 180.0, 359.5], "period": 360.0}, "wind directions in degrees")
    yield labelled({"values": [12], "period": 24}, "noon: half a turn")
    for _ in range(20):
        period = [24, 7, 12, 60, 365.25][int(rng.integers(0, 5))]
        n = int(rng.integers(1, 9))
        if rng.random() < 0.5:
            values = [int(v) for v in rng.integers(0, int(period), size=n)]
        else:
            values = [round(float(v), 2) for v in rng.uniform(-period, 3 * period, size=n)]
        yield {"values": values, "period": period}
    for _ in range(2):
        period = round(float(rng.uniform(0.5, 100.0)), 2)
        yield {"values": [round(float(v), 3) for v in rng.uniform(0, period, size=5)], "period": period}
    yield hidden({"values": [int(v) for v in rng.integers(0, 24, size=30)], "period": 24})
    yield hidden({"values": [round(float(v), 1) for v in rng.uniform(0, 365, size=10)], "period": 365.25})


def compare(expected, got, case):
    if type(got) is not list or len(got) != len(expected):
        return f"return a list of {len(expected)} pairs"
    for i, (e, g) in enumerate(zip(expected, got)):
        if type(g) is not list or len(g) != 2 or any(type(v) is not float for v in g):
            return f"value {i}: expected a list [sin, cos] of two floats, got {g!r}"
        # Values are on the unit circle; the angle (at most ~20 rad) rounds to ~1e-15.
        if any(abs(gv - ev) > 1e-9 for gv, ev in zip(g, e)):
            return f"value {i}: expected {e!r}, got {g!r}"
    return True
