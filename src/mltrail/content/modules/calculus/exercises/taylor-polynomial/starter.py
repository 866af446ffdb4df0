import math


def taylor(name, a, x, degree):
    """Return the Taylor polynomial of degree `degree` of the named function at a, evaluated at x."""
    # Sum f^(k)(a) / k! * (x - a)**k for k = 0, 1, ..., degree.
    ...
