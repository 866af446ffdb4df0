import math


def mutual_information(counts):
    """Return the mutual information, in nats, of the joint distribution given by counts."""
    total = sum(sum(row) for row in counts)
    rows = [sum(row) / total for row in counts]
    cols = [sum(row[j] for row in counts) / total for j in range(len(counts[0]))]
    terms = []
    for i, row in enumerate(counts):
        for j, c in enumerate(row):
            if c > 0:
                p = c / total
                terms.append(p * math.log(p / (rows[i] * cols[j])))
    return float(max(math.fsum(terms), 0.0))
