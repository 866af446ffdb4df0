# Mistake: divides by std_ even when it is 0, which raises ZeroDivisionError for constant training values.
class Standardizer:
    def __init__(self):
        self.mean_ = None
        self.std_ = None

    def fit(self, values):
        n = len(values)
        self.mean_ = sum(values) / n
        self.std_ = (sum((v - self.mean_) ** 2 for v in values) / n) ** 0.5
        return self

    def transform(self, values):
        if self.mean_ is None:
            raise RuntimeError("call fit before transform")
        return [(v - self.mean_) / self.std_ for v in values]
