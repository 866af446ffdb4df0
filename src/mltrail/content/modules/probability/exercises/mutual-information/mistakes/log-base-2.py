# Mistake: measures in bits (log base 2) although the prompt asks for nats.
import math


def mutual_information(counts):
    total = sum(sum(row) for row in counts)
    rows = [sum(row) / total for row in counts]
    cols = [sum(row[j] for row in counts) / total for j in range(len(counts[0]))]
    return sum(
        c / total * math.log2(c / total / (rows[i] * cols[j]))
        for i, row in enumerate(counts)
        for j, c in enumerate(row)
        if c > 0
    )
