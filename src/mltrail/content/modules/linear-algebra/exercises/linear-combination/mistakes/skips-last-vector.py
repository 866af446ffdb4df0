# Mistake: off-by-one in the loop over the vectors, so the last vector is never added.
def linear_combination(coefficients, vectors):
    result = [0.0] * len(vectors[0])
    for i in range(len(vectors) - 1):
        for j in range(len(vectors[i])):
            result[j] += coefficients[i] * vectors[i][j]
    return result
