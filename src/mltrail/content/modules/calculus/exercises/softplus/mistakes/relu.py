# Mistake: keeps only the limit behaviour max(x, 0) and drops the log1p(exp(-|x|)) correction.
def softplus(values):
    return [max(float(x), 0.0) for x in values]
