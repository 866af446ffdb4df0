# Mistake: divides by the frequency, treating it as a period (sin(2 pi t / f + phase)).
import math


def sinusoid(amplitude, frequency, phase, times):
    return [amplitude * math.sin(2 * math.pi * t / frequency + phase) for t in times]
