# Mistake: sums k = 0 .. degree - 1 (range(degree)), one term short of the Taylor polynomial of that degree.
import math


def taylor(name, a, x, degree):
    def d(k):
        if name == "exp":
            return math.exp(a)
        if name == "sin":
            return (math.sin(a), math.cos(a), -math.sin(a), -math.cos(a))[k % 4]
        if name == "cos":
            return (math.cos(a), -math.sin(a), -math.cos(a), math.sin(a))[k % 4]
        return math.log(a) if k == 0 else (-1) ** (k - 1) * math.factorial(k - 1) / a**k

    return float(sum(d(k) / math.factorial(k) * (x - a) ** k for k in range(degree)))
