# Mistake: fit stores the statistics but forgets to return self, so fit(...).transform(...) cannot be chained.
class Standardizer:
    def __init__(self):
        self.mean_ = None
        self.std_ = None

    def fit(self, values):
        n = len(values)
        self.mean_ = sum(values) / n
        self.std_ = (sum((v - self.mean_) ** 2 for v in values) / n) ** 0.5

    def transform(self, values):
        if self.mean_ is None:
            raise RuntimeError("call fit before transform")
        scale = self.std_ if self.std_ != 0 else 1.0
        return [(v - self.mean_) / scale for v in values]
