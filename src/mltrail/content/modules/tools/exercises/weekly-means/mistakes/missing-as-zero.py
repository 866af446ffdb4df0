# Mistake: fills missing readings with 0 before averaging.
import pandas as pd


def weekly_means(df, column):
    series = df.set_index(pd.to_datetime(df["date"]))[column].fillna(0.0)
    weekly = series.resample("W").mean()
    return {day.strftime("%Y-%m-%d"): float(value) for day, value in weekly.items()}
