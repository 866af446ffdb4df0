# Mistake: pairs row i of a with ROW j of b (b[j][t]) instead of column j (b[t][j]).
def matmul(a, b):
    return [[sum(a[i][t] * b[j][t] for t in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
