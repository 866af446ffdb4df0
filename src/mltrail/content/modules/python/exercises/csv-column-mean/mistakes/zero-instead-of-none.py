# Mistake: returns 0.0 instead of None when the column has no value at all.
import csv


def column_mean(path, column):
    total = 0.0
    count = 0
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row[column] != "":
                total += float(row[column])
                count += 1
    return total / count if count else 0.0
