def clamp(x, low, high):
    """Return x limited to the range [low, high] (low <= high).

    Return low if x < low, high if x > high, and x otherwise, without converting
    the value: ints stay ints and floats stay floats.
    """
    if x < low:
        return low
    if x > high:
        return high
    return x
