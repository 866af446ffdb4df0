def conditional_table(counts):
    """Return P(column = j | row = i) for each cell, as a list of lists of floats."""
    table = []
    for row in counts:
        total = sum(row)
        table.append([c / total for c in row])
    return table
