# Mistake: discounts by the absolute time step, G_t = sum over k >= t of gamma**k * rewards[k].
def returns_to_go(rewards, gamma):
    return [float(sum(gamma ** k * rewards[k] for k in range(t, len(rewards)))) for t in range(len(rewards))]
