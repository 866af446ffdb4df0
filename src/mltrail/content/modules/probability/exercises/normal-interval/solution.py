import math


def normal_probability(low, high, mean, std):
    """Return P(low < X < high) for X normal with this mean and standard deviation."""

    def cdf(x):
        return 0.5 * (1.0 + math.erf((x - mean) / (std * math.sqrt(2.0))))

    return float(cdf(high) - cdf(low))
