# Mistake: uses cos instead of sin.
import math


def sinusoid(amplitude, frequency, phase, times):
    return [amplitude * math.cos(2 * math.pi * frequency * t + phase) for t in times]
