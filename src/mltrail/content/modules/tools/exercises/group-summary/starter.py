def group_summary(df, by, column):
    """One row per value of `by` (sorted): count, mean and max of the non-missing `column` values."""
    # Group the rows by `by`, select `column`, and aggregate with several statistics at once.
    ...
