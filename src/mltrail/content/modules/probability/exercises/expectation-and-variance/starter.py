def mean_and_variance(values, probs):
    """Return (E[X], Var(X)) for X taking values[i] with probability probs[i]."""
    # Weigh each value by its probability; the variance is the expected squared
    # distance from the mean.
    ...
