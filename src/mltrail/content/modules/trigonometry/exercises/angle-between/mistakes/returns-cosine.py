# Mistake: returns the cosine of the angle (the cosine similarity) instead of the angle.
import math


def angle_between(u, v):
    dot = sum(x * y for x, y in zip(u, v))
    return dot / (math.sqrt(sum(x * x for x in u)) * math.sqrt(sum(y * y for y in v)))
