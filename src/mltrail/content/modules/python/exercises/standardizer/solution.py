class Standardizer:
    """Learn the mean and population standard deviation of a list with fit,
    then rescale lists with transform: (v - mean_) / std_, dividing by 1 instead when all fitted values were equal.
    """

    def __init__(self):
        self.mean_ = None
        self.std_ = None

    def fit(self, values):
        """Store mean_ and std_ (population) of values, and return self."""
        n = len(values)
        self.mean_ = sum(values) / n
        self.std_ = (sum((v - self.mean_) ** 2 for v in values) / n) ** 0.5
        # Equal values can still give a tiny non-zero std through rounding (try [0.1] * 3).
        self._scale = 1.0 if max(values) == min(values) else self.std_
        return self

    def transform(self, values):
        """Return a new list [(v - mean_) / divisor for v in values]; RuntimeError if fit was not called."""
        if self.mean_ is None:
            raise RuntimeError("call fit before transform")
        return [(v - self.mean_) / self._scale for v in values]
