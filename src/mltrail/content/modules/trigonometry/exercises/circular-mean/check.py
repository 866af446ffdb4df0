import math

from mltrail.grading.contract import hidden, labelled

MIN_RESULTANT = 0.05


def _resultant(values, period):
    c = sum(math.cos(2 * math.pi * v / period) for v in values) / len(values)
    s = sum(math.sin(2 * math.pi * v / period) for v in values) / len(values)
    return math.hypot(c, s)


def _clustered(rng, period):
    """Values spread around a random centre, redrawn until their mean point is off-centre."""
    while True:
        n = int(rng.integers(1, 10))
        centre = float(rng.uniform(0.0, period))
        spread = float(rng.uniform(0.02, 0.3)) * period
        values = [round((centre + float(d)) % period, 2) for d in rng.normal(0.0, spread, size=n)]
        if _resultant(values, period) >= 2 * MIN_RESULTANT:
            return values


def cases(rng):
    yield labelled({"values": [22, 23, 2], "period": 24}, "hours around midnight")
    yield labelled({"values": [23, 0, 1], "period": 24}, "centred on midnight: the mean is 0")
    yield labelled({"values": [5, 6, 7], "period": 24}, "no wrap-around: the ordinary mean")
    yield labelled({"values": [350.0, 20.0], "period": 360.0}, "compass directions")
    yield labelled({"values": [6, 0, 1], "period": 7}, "days of the week: Sunday, Monday, Tuesday")
    yield labelled({"values": [17.5], "period": 24}, "a single value")
    yield labelled({"values": [0, 6, 12, 3], "period": 24}, "spread out, mean point still off-centre")
    for _ in range(22):
        period = [24, 7, 12, 360.0, 60][int(rng.integers(0, 5))]
        yield {"values": _clustered(rng, period), "period": period}
    yield hidden({"values": _clustered(rng, 1.0), "period": 1.0})
    yield hidden({"values": [round(float(v), 1) for v in rng.uniform(20.0, 28.0, size=15) % 24], "period": 24})


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    period = float(case.args["period"])
    if not (0.0 <= got <= period):
        return f"{got!r} is outside [0, {period:g})"
    # atan2 of the mean point: error about 1e-16 / resultant >= 0.05 of a turn.
    gap = abs(math.remainder(got - expected, period))
    if gap > 1e-9 * period:
        return f"expected {expected!r}, got {got!r}"
    return True
