# Mistake: forgets to lowercase, so "The" and "the" are counted as different words.
def word_counts(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts
