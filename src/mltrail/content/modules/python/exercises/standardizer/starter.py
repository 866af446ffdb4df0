class Standardizer:
    """Learn the mean and population standard deviation of a list with fit,
    then rescale lists with transform: (v - mean_) / std_, dividing by 1 instead when all fitted values were equal.
    """

    def __init__(self):
        self.mean_ = None
        self.std_ = None

    def fit(self, values):
        """Store mean_ and std_ (population) of values, and return self."""
        # Compute the mean and the population standard deviation, store them, return self.
        # Also remember the divisor: 1.0 if max(values) == min(values), else the std.
        ...

    def transform(self, values):
        """Return a new list [(v - mean_) / divisor for v in values]; RuntimeError if fit was not called."""
        # Raise RuntimeError if fit has not been called; divide by the divisor remembered in fit.
        ...
