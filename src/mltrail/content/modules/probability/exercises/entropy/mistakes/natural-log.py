# Mistake: uses the natural logarithm (nats) although the prompt asks for bits.
import math


def entropy_bits(probs):
    return -sum(p * math.log(p) for p in probs if p > 0)
