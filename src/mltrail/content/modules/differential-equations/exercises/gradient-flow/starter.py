import numpy as np


def gradient_flow(A, b, x0, t):
    """The exact solution at time t of x' = -(A x - b), x(0) = x0, for a symmetric positive definite A."""
    # x(t) = x* + V diag(exp(-lam t)) V^T (x0 - x*), with x* = A^-1 b and A = V diag(lam) V^T.
    return list(x0)
