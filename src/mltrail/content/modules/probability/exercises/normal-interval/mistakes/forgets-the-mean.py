# Mistake: standardises with x / std, forgetting to subtract the mean.
import math


def normal_probability(low, high, mean, std):
    def cdf(x):
        return 0.5 * (1 + math.erf(x / (std * math.sqrt(2))))

    return cdf(high) - cdf(low)
