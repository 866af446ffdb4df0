def matmul(a, b):
    """Return the product of a (m x k) and b (k x p), both lists of lists, as an m x p list of lists."""
    # For each row i of a and each column j of b, add up a[i][t] * b[t][j] over t.
    ...
