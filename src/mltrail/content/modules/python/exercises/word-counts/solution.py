def word_counts(text):
    """Return a dict mapping each word of text.lower().split() to its number of occurrences."""
    counts = {}
    for word in text.lower().split():
        counts[word] = counts.get(word, 0) + 1
    return counts
