# Mistake: puts the variables in the rows and the equations in the columns (the transpose of J).
def lotka_volterra_jacobian(a, b, c, d, x, y):
    return [[a - b * y, c * y], [-b * x, c * x - d]]
