def matmul(a, b):
    """Return the product of a (m x k) and b (k x p), both lists of lists, as an m x p list of lists."""
    m, k, p = len(a), len(b), len(b[0])
    result = []
    for i in range(m):
        row = []
        for j in range(p):
            total = 0.0
            for t in range(k):
                total += a[i][t] * b[t][j]
            row.append(total)
        result.append(row)
    return result
