class Standardizer:
    """Learn the mean and population standard deviation of a list with fit,
    then rescale lists with transform: (v - mean_) / std_, with std_ 0 treated as 1.
    """

    def __init__(self):
        self.mean_ = None
        self.std_ = None

    def fit(self, values):
        """Store mean_ and std_ (population) of values, and return self."""
        # Compute the mean and the population standard deviation, store them, return self.
        ...

    def transform(self, values):
        """Return [(v - mean_) / std_ for v in values]; RuntimeError if fit was not called."""
        # Raise RuntimeError if fit has not been called; treat a std_ of 0 as 1.
        ...
