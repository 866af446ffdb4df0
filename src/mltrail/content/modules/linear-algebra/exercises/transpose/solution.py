def transpose(a):
    """Return the transpose of the m x n matrix a (a list of lists) as an n x m list of lists."""
    rows, cols = len(a), len(a[0])
    return [[a[i][j] for i in range(rows)] for j in range(cols)]
