# Mistake: uses the raw counts in place of probabilities (never divides by the total).
import math


def mutual_information(counts):
    rows = [sum(row) for row in counts]
    cols = [sum(row[j] for row in counts) for j in range(len(counts[0]))]
    return sum(
        c * math.log(c / (rows[i] * cols[j]))
        for i, row in enumerate(counts)
        for j, c in enumerate(row)
        if c > 0
    )
