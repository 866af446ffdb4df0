# Mistake: forgets to normalise, returning the plain dot products (the Gram matrix).
def cosine_matrix(X):
    return [[sum(a * b for a, b in zip(xi, xj)) for xj in X] for xi in X]
