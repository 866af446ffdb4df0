# Mistake: divides by n - 1 (the sample standard deviation) instead of n (the population one).
class Standardizer:
    def __init__(self):
        self.mean_ = None
        self.std_ = None

    def fit(self, values):
        n = len(values)
        self.mean_ = sum(values) / n
        self.std_ = (sum((v - self.mean_) ** 2 for v in values) / (n - 1)) ** 0.5 if n > 1 else 0.0
        return self

    def transform(self, values):
        if self.mean_ is None:
            raise RuntimeError("call fit before transform")
        scale = self.std_ if self.std_ != 0 else 1.0
        return [(v - self.mean_) / scale for v in values]
