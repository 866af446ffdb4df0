# Mistake: counts ordered lists even when the order does not matter (forgets to divide by k!).
import math


def count_selections(n, k, ordered, replacement):
    if replacement:
        return n**k
    return math.perm(n, k)
