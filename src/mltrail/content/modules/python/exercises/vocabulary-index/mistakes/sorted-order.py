# Mistake: assigns the indices in alphabetical order instead of order of first appearance.
def build_vocabulary(tokens, min_count):
    counts = {}
    for token in tokens:
        counts[token] = counts.get(token, 0) + 1
    kept = sorted(token for token, count in counts.items() if count >= min_count)
    return {token: index for index, token in enumerate(kept)}
