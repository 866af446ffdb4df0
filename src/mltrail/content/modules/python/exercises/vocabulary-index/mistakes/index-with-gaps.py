# Mistake: numbers every distinct token and only then filters, so dropped tokens leave gaps in the indices.
def build_vocabulary(tokens, min_count):
    counts = {}
    first_index = {}
    for token in tokens:
        counts[token] = counts.get(token, 0) + 1
        if token not in first_index:
            first_index[token] = len(first_index)
    return {token: index for token, index in first_index.items() if counts[token] >= min_count}
