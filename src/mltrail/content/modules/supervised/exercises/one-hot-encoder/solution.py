import numpy as np


class OneHotEncoder:
    """Learn each column's categories on the training rows; encode rows as 0/1 columns, unknown categories as all zeros."""

    def __init__(self):
        self.categories_ = None

    def fit(self, rows):
        columns = list(zip(*rows))
        self.categories_ = [sorted(set(column)) for column in columns]
        return self

    def transform(self, rows):
        width = sum(len(c) for c in self.categories_)
        out = np.zeros((len(rows), width))
        offset = 0
        for j, categories in enumerate(self.categories_):
            position = {value: offset + i for i, value in enumerate(categories)}
            for r, row in enumerate(rows):
                if row[j] in position:  # a category never seen in fit: the block stays all zeros
                    out[r, position[row[j]]] = 1.0
            offset += len(categories)
        return out
