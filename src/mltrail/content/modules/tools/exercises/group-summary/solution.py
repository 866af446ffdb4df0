def group_summary(df, by, column):
    """One row per value of `by` (sorted): count, mean and max of the non-missing `column` values."""
    # groupby sorts the groups and drops a missing key; 'count' skips missing values.
    return df.groupby(by)[column].agg(["count", "mean", "max"])
