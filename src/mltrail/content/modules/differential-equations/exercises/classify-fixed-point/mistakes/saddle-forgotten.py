# Mistake: looks only at the trace and the discriminant, so a saddle (det < 0) is called a node.
def classify_fixed_point(A):
    (a, b), (c, d) = A
    trace, det = a + d, a * d - b * c
    if trace == 0 and det > 0:
        return "center"
    kind = "node" if trace * trace - 4 * det > 0 else "spiral"
    return ("stable " if trace < 0 else "unstable ") + kind
