import math


def cosine_matrix(X):
    """Return the n x n list of lists whose entry [i][j] is the cosine similarity of rows i and j of X."""
    units = []
    for row in X:
        length = math.sqrt(sum(float(x) * float(x) for x in row))
        units.append([float(x) / length for x in row])
    return [[sum(a * b for a, b in zip(ui, uj)) for uj in units] for ui in units]
