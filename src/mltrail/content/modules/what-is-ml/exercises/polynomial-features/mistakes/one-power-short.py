# Mistake: range(degree) stops before the highest power, so x**degree is missing.
def polynomial_features(x, degree):
    return [[float(v) ** p for p in range(degree)] for v in x]
