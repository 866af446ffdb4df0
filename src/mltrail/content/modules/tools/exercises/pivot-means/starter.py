def mean_table(df, index, columns, values):
    """Mean of `values` for each pair (index value, columns value): rows `index`, columns `columns`."""
    # One call of pivot_table, with the mean as the aggregation.
    ...
