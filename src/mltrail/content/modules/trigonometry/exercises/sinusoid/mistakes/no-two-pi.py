# Mistake: uses frequency * t as the angle, forgetting the factor 2 pi.
import math


def sinusoid(amplitude, frequency, phase, times):
    return [amplitude * math.sin(frequency * t + phase) for t in times]
