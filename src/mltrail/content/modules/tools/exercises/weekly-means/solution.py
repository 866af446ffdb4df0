import pandas as pd


def weekly_means(df, column):
    """{'YYYY-MM-DD' of each week's Sunday: mean of the non-missing `column` values that week}."""
    series = df.set_index(pd.to_datetime(df["date"]))[column]
    weekly = series.resample("W").mean()  # weeks ending on Sunday, empty weeks included as NaN
    return {day.strftime("%Y-%m-%d"): float(value) for day, value in weekly.items()}
