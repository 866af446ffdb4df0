import math


def dft(x):
    """Return [re, im], the real and imaginary parts of X_k = sum_n x[n] * exp(-2j * pi * k * n / N)."""
    # For each k in 0..N-1, sum x[n] * cos(2 pi k n / N) for the real part and
    # minus x[n] * sin(2 pi k n / N) for the imaginary part.
    ...
