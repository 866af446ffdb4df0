# Mistake: uses exp(+2 pi i k n / N), so every imaginary part has the wrong sign.
import math


def dft(x):
    N = len(x)
    re = [sum(x[n] * math.cos(2 * math.pi * k * n / N) for n in range(N)) for k in range(N)]
    im = [sum(x[n] * math.sin(2 * math.pi * k * n / N) for n in range(N)) for k in range(N)]
    return [re, im]
