# Mistake: divides by the column totals, giving P(row | column) instead of P(column | row).
def conditional_table(counts):
    totals = [sum(row[j] for row in counts) for j in range(len(counts[0]))]
    return [[c / t if t else 0.0 for c, t in zip(row, totals)] for row in counts]
