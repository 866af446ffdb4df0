import numpy as np


class OneHotEncoder:
    """Learn each column's categories on the training rows; encode rows as 0/1 columns, unknown categories as all zeros."""

    def __init__(self):
        self.categories_ = None

    def fit(self, rows):
        """Learn the sorted distinct values of each column; return self."""
        ...

    def transform(self, rows):
        """One 0/1 column per learnt category, blocks in column order; unseen values give an all-zero block."""
        ...
