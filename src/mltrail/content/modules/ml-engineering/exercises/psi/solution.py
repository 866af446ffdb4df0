import bisect
import math

FLOOR = 1e-4


def _shares(values, edges):
    counts = [0] * (len(edges) + 1)
    for v in values:
        counts[bisect.bisect_right(edges, v)] += 1
    return [max(c / len(values), FLOOR) for c in counts]


def psi(expected, actual, edges):
    """Population stability index of `actual` against `expected` over the bins cut at `edges`."""
    p, q = _shares(expected, edges), _shares(actual, edges)
    return math.fsum((b - a) * math.log(b / a) for a, b in zip(p, q))
