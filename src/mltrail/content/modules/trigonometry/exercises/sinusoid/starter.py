import math


def sinusoid(amplitude, frequency, phase, times):
    """Return [amplitude * sin(2 pi frequency t + phase) for each t in times], as floats."""
    # The angle at time t is 2 * pi * frequency * t + phase.
    ...
