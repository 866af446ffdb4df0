# Mistake: uses erf(z) instead of erf(z / sqrt(2)) for the standard normal CDF.
import math


def normal_probability(low, high, mean, std):
    def cdf(x):
        return 0.5 * (1 + math.erf((x - mean) / std))

    return cdf(high) - cdf(low)
