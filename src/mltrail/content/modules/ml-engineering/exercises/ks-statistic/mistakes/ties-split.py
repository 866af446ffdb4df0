# Mistake: walks the pooled sorted values one at a time and measures the gap in the middle of a group of ties.
def ks_statistic(a, b):
    pooled = sorted([(v, 0) for v in a] + [(v, 1) for v in b])
    ca = cb = 0
    best = 0.0
    for _, side in pooled:
        if side == 0:
            ca += 1
        else:
            cb += 1
        best = max(best, abs(ca / len(a) - cb / len(b)))
    return best
