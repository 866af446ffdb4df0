def build_vocabulary(tokens, min_count):
    """Return a dict token -> index for the tokens occurring at least min_count times.

    Indices are 0, 1, ..., n - 1, given in order of first appearance in tokens.
    """
    # First count every token, then assign indices to the frequent ones in order.
    ...
