# Mistake: numbers the samples from 1 instead of 0, which shifts every coefficient's phase.
import math


def dft(x):
    N = len(x)
    re = [sum(x[n - 1] * math.cos(2 * math.pi * k * n / N) for n in range(1, N + 1)) for k in range(N)]
    im = [-sum(x[n - 1] * math.sin(2 * math.pi * k * n / N) for n in range(1, N + 1)) for k in range(N)]
    return [re, im]
