# Mistake: scales each column (feature) to length 1 instead of each row (vector).
import math


def cosine_matrix(X):
    d = len(X[0])
    col = [math.sqrt(sum(row[k] ** 2 for row in X)) or 1.0 for k in range(d)]
    A = [[row[k] / col[k] for k in range(d)] for row in X]
    return [[sum(a * b for a, b in zip(ai, aj)) for aj in A] for ai in A]
