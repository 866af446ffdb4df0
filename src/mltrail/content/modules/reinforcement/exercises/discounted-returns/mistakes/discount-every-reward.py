# Mistake: discounts the first reward too, G_t = sum of gamma**(k + 1) * rewards[t + k].
def returns_to_go(rewards, gamma):
    out = []
    for t in range(len(rewards)):
        out.append(float(sum(gamma ** (k + 1) * r for k, r in enumerate(rewards[t:]))))
    return out
