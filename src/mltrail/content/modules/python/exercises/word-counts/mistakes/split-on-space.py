# Mistake: split(" ") instead of split(): tabs and newlines do not separate words, and double spaces create empty "" words.
def word_counts(text):
    counts = {}
    for word in text.lower().split(" "):
        counts[word] = counts.get(word, 0) + 1
    return counts
