def clamp(x, low, high):
    """Return x limited to the range [low, high] (low <= high).

    Return low if x < low, high if x > high, and x otherwise, without converting
    the value: ints stay ints and floats stay floats.
    """
    # Compare x with low and with high, and return one of the three values.
    ...
