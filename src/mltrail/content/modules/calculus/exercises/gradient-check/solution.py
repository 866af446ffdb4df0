import math

H = 1e-4


def _loss(X, y, w):
    return math.fsum((math.fsum(a * b for a, b in zip(row, w)) - t) ** 2 for row, t in zip(X, y)) / len(y)


def gradient_check(X, y, w, grad):
    """Relative error between grad and the central-difference gradient (h = 1e-4) of the mean squared error at w."""
    numeric = []
    for j in range(len(w)):
        plus = list(w)
        minus = list(w)
        plus[j] += H
        minus[j] -= H
        numeric.append((_loss(X, y, plus) - _loss(X, y, minus)) / (2 * H))
    diff = math.sqrt(math.fsum((a - b) ** 2 for a, b in zip(numeric, grad)))
    size = math.sqrt(math.fsum(a * a for a in numeric)) + math.sqrt(math.fsum(b * b for b in grad))
    return 0.0 if size == 0 else float(diff / size)
