# Mistake: forgets the outflow -gamma I in the equation for I (people recover but are never removed from I).
def sir_euler(beta, gamma, s0, i0, h, n):
    s, i, r = s0, i0, 1.0 - s0 - i0
    rows = [[s, i, r]]
    for _ in range(n):
        ds, di, dr = -beta * s * i, beta * s * i, gamma * i
        s, i, r = s + h * ds, i + h * di, r + h * dr
        rows.append([s, i, r])
    return rows
