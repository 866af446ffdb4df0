import pandas as pd


def weekly_means(df, column):
    """{'YYYY-MM-DD' of each week's Sunday: mean of the non-missing `column` values that week}."""
    # Parse df['date'] with pd.to_datetime, index by it, then resample to weeks ending on Sunday.
    ...
