import csv


def column_mean(path, column):
    """Return the mean (a float) of the non-empty cells of a column of a CSV file.

    The file has a header row. Empty cells are skipped; return None if there is
    no non-empty cell.
    """
    total = 0.0
    count = 0
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            cell = row[column]
            if cell != "":
                total += float(cell)
                count += 1
    if count == 0:
        return None
    return total / count
