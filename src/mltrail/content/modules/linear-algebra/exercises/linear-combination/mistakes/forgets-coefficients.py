# Mistake: adds the vectors but never multiplies them by their coefficients.
def linear_combination(coefficients, vectors):
    result = [0.0] * len(vectors[0])
    for v in vectors:
        for j, value in enumerate(v):
            result[j] += value
    return result
