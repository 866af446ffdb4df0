def transpose(a):
    """Return the transpose of the m x n matrix a (a list of lists) as an n x m list of lists."""
    # Row j of the result is column j of a.
    ...
