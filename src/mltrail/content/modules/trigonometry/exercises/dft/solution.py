import math


def dft(x):
    """Return [re, im], the real and imaginary parts of X_k = sum_n x[n] * exp(-2j * pi * k * n / N)."""
    N = len(x)
    re, im = [], []
    for k in range(N):
        real = imag = 0.0
        for n in range(N):
            angle = 2.0 * math.pi * ((k * n) % N) / N  # reduce k * n first: smaller angles, less rounding
            real += float(x[n]) * math.cos(angle)
            imag -= float(x[n]) * math.sin(angle)
        re.append(real)
        im.append(imag)
    return [re, im]
