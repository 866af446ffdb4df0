def build_vocabulary(tokens, min_count):
    """Return a dict token -> index for the tokens occurring at least min_count times.

    Indices are 0, 1, ..., n - 1, given in order of first appearance in tokens.
    """
    counts = {}
    for token in tokens:
        counts[token] = counts.get(token, 0) + 1
    vocabulary = {}
    for token in tokens:
        if counts[token] >= min_count and token not in vocabulary:
            vocabulary[token] = len(vocabulary)
    return vocabulary
