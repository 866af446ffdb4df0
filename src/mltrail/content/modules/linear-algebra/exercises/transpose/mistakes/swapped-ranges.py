# Mistake: the two ranges are swapped, so the result keeps the shape of a (and fails when m != n).
def transpose(a):
    return [[a[i][j] for i in range(len(a[0]))] for j in range(len(a))]
