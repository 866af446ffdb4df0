def fairness_gaps(y_true, y_pred, groups):
    """Largest minus smallest positive-prediction rate, and true positive rate, over the groups."""
    # per group: share of y_pred == 1 (all rows), and share of y_pred == 1 among rows with y_true == 1
    return {"demographic_parity_difference": 0.0, "equal_opportunity_difference": 0.0}
