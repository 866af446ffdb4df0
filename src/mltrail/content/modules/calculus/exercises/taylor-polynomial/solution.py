import math


def _derivative(name, a, k):
    """The k-th derivative of the named function at a."""
    if name == "exp":
        return math.exp(a)
    if name == "sin":
        return (math.sin(a), math.cos(a), -math.sin(a), -math.cos(a))[k % 4]
    if name == "cos":
        return (math.cos(a), -math.sin(a), -math.cos(a), math.sin(a))[k % 4]
    if k == 0:  # log
        return math.log(a)
    return (-1) ** (k - 1) * math.factorial(k - 1) / a**k


def taylor(name, a, x, degree):
    """Return the Taylor polynomial of degree `degree` of the named function at a, evaluated at x."""
    t = x - a
    return float(math.fsum(_derivative(name, a, k) / math.factorial(k) * t**k for k in range(degree + 1)))
