class Standardizer:
    """Learn the mean and population standard deviation of a list with fit,
    then rescale lists with transform: (v - mean_) / std_, with std_ 0 treated as 1.
    """

    def __init__(self):
        self.mean_ = None
        self.std_ = None

    def fit(self, values):
        """Store mean_ and std_ (population) of values, and return self."""
        n = len(values)
        self.mean_ = sum(values) / n
        self.std_ = (sum((v - self.mean_) ** 2 for v in values) / n) ** 0.5
        return self

    def transform(self, values):
        """Return [(v - mean_) / std_ for v in values]; RuntimeError if fit was not called."""
        if self.mean_ is None:
            raise RuntimeError("call fit before transform")
        scale = self.std_ if self.std_ != 0 else 1.0
        return [(v - self.mean_) / scale for v in values]
