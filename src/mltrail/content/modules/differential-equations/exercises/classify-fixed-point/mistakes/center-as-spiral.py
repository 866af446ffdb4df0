# Mistake: treats a zero trace as stable or unstable, so a centre is reported as a spiral.
def classify_fixed_point(A):
    (a, b), (c, d) = A
    trace, det = a + d, a * d - b * c
    if det < 0:
        return "saddle"
    kind = "node" if trace * trace - 4 * det > 0 else "spiral"
    return ("stable " if trace < 0 else "unstable ") + kind
