# Mistake: swaps the roles of index and columns, giving the transposed table.
def mean_table(df, index, columns, values):
    return df.pivot_table(values=values, index=columns, columns=index, aggfunc="mean")
