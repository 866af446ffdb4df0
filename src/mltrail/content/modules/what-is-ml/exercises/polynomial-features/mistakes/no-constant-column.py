# Mistake: starts the powers at 1, leaving out the constant column of ones.
def polynomial_features(x, degree):
    return [[float(v) ** p for p in range(1, degree + 1)] for v in x]
