# Mistake: updates S first and then uses the NEW S in the update of I (and the new I in R).
def sir_euler(beta, gamma, s0, i0, h, n):
    s, i, r = s0, i0, 1.0 - s0 - i0
    rows = [[s, i, r]]
    for _ in range(n):
        s = s - h * beta * s * i
        i = i + h * (beta * s * i - gamma * i)
        r = r + h * gamma * i
        rows.append([s, i, r])
    return rows
