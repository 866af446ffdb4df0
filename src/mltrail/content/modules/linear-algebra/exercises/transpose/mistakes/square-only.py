# Mistake: assumes the matrix is square and uses len(a) for both the rows and the columns.
def transpose(a):
    n = len(a)
    return [[a[i][j] for i in range(n)] for j in range(n)]
