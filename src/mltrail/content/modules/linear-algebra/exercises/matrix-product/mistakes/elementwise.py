# Mistake: multiplies matching entries (the elementwise product) instead of rows by columns.
def matmul(a, b):
    return [[a[i][j] * b[i][j] for j in range(len(b[0]))] for i in range(len(a))]
