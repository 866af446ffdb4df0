# Mistake: counts empty cells as 0.0 instead of skipping them, which pulls the mean towards zero.
import csv


def column_mean(path, column):
    values = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            cell = row[column]
            values.append(float(cell) if cell != "" else 0.0)
    if not values:
        return None
    return sum(values) / len(values)
