# Mistake: keeps each column's categories in the order they first appear instead of sorting them.
import numpy as np


class OneHotEncoder:
    def fit(self, rows):
        self.categories_ = [list(dict.fromkeys(col)) for col in zip(*rows)]
        return self

    def transform(self, rows):
        width = sum(len(c) for c in self.categories_)
        out = np.zeros((len(rows), width))
        offset = 0
        for j, cats in enumerate(self.categories_):
            for r, row in enumerate(rows):
                if row[j] in cats:
                    out[r, offset + cats.index(row[j])] = 1.0
            offset += len(cats)
        return out
