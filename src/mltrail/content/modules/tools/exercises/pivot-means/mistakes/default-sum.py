# Mistake: aggregates with the sum instead of the mean.
def mean_table(df, index, columns, values):
    return df.pivot_table(values=values, index=index, columns=columns, aggfunc="sum")
