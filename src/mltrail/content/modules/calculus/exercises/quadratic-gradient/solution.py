def quadratic_gradient(A, b, x):
    """Return the gradient at x of f(x) = x^T A x + b^T x, as a list of floats."""
    n = len(x)
    return [
        float(sum(A[k][j] * x[j] for j in range(n)) + sum(A[i][k] * x[i] for i in range(n)) + b[k])
        for k in range(n)
    ]
