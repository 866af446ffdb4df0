# Mistake: divides every coefficient by N (the normalisation of the inverse transform).
import math


def dft(x):
    N = len(x)
    re = [sum(x[n] * math.cos(2 * math.pi * k * n / N) for n in range(N)) / N for k in range(N)]
    im = [-sum(x[n] * math.sin(2 * math.pi * k * n / N) for n in range(N)) / N for k in range(N)]
    return [re, im]
