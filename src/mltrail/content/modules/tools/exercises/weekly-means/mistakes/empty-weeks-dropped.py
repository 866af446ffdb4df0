# Mistake: drops the weeks without a value (dropna) instead of keeping them as NaN.
import pandas as pd


def weekly_means(df, column):
    series = df.set_index(pd.to_datetime(df["date"]))[column]
    weekly = series.resample("W").mean().dropna()
    return {day.strftime("%Y-%m-%d"): float(value) for day, value in weekly.items()}
