# Mistake: divides by the grand total, which gives the joint distribution, not the conditional one.
def conditional_table(counts):
    total = sum(sum(row) for row in counts)
    return [[c / total for c in row] for row in counts]
