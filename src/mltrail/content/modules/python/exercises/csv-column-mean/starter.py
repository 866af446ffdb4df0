import csv


def column_mean(path, column):
    """Return the mean (a float) of the non-empty cells of a column of a CSV file.

    The file has a header row. Empty cells are skipped; return None if there is
    no non-empty cell.
    """
    # Read the rows with csv.DictReader; convert the non-empty cells with float().
    ...
