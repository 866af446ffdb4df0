def mean_table(df, index, columns, values):
    """Mean of `values` for each pair (index value, columns value): rows `index`, columns `columns`."""
    return df.pivot_table(values=values, index=index, columns=columns, aggfunc="mean")
