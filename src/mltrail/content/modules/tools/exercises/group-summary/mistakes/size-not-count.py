# Mistake: counts the rows of each group (size) instead of the non-missing values (count).
import pandas as pd


def group_summary(df, by, column):
    groups = df.groupby(by)[column]
    return pd.DataFrame({"count": groups.size(), "mean": groups.mean(), "max": groups.max()})
