def quadratic_gradient(A, b, x):
    """Return the gradient at x of f(x) = x^T A x + b^T x, as a list of floats."""
    # The partial derivative with respect to x_k collects the terms of row k AND column k of A.
    ...
