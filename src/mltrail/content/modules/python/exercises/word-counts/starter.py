def word_counts(text):
    """Return a dict mapping each word of text.lower().split() to its number of occurrences."""
    # Split the lowercased text into words, then count them in a dict.
    ...
