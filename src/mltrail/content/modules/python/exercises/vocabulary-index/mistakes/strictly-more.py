# Mistake: keeps tokens that occur more than min_count times (>) instead of at least min_count times (>=).
def build_vocabulary(tokens, min_count):
    counts = {}
    for token in tokens:
        counts[token] = counts.get(token, 0) + 1
    vocabulary = {}
    for token in tokens:
        if counts[token] > min_count and token not in vocabulary:
            vocabulary[token] = len(vocabulary)
    return vocabulary
