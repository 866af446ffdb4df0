from fractions import Fraction


def _spread(rates):
    return float(max(rates) - min(rates)) if rates else 0.0


def fairness_gaps(y_true, y_pred, groups):
    """Largest minus smallest positive-prediction rate, and true positive rate, over the groups."""
    rows, positive, tp, pos = {}, {}, {}, {}
    for t, p, g in zip(y_true, y_pred, groups):
        rows[g] = rows.get(g, 0) + 1
        positive[g] = positive.get(g, 0) + (p == 1)
        if t == 1:
            pos[g] = pos.get(g, 0) + 1
            tp[g] = tp.get(g, 0) + (p == 1)
    rate = [Fraction(positive[g], rows[g]) for g in rows]
    tpr = [Fraction(tp[g], pos[g]) for g in pos]
    return {"demographic_parity_difference": _spread(rate), "equal_opportunity_difference": _spread(tpr)}
