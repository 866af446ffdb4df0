import numpy as np


def skewed_features(train, serve, threshold):
    """Sorted names of columns missing on one side or whose mean moved by more than threshold training stds."""
    reported = []
    # columns on one side only; then, for shared columns, the shift of the mean in
    # training standard deviations (np.std, dividing by n)
    return reported
