import math


def sinusoid(amplitude, frequency, phase, times):
    """Return [amplitude * sin(2 pi frequency t + phase) for each t in times], as floats."""
    return [float(amplitude * math.sin(2.0 * math.pi * frequency * t + phase)) for t in times]
