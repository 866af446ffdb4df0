def conditional_table(counts):
    """Return P(column = j | row = i) for each cell, as a list of lists of floats."""
    # Each row of the answer is a distribution: divide every count by its row's total.
    ...
