# Mistake: the inner sum stops one term early (range(len(b) - 1)).
def matmul(a, b):
    return [
        [sum(a[i][t] * b[t][j] for t in range(len(b) - 1)) for j in range(len(b[0]))]
        for i in range(len(a))
    ]
