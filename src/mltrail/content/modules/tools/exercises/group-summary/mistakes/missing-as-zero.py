# Mistake: fills missing values with 0 before aggregating.
def group_summary(df, by, column):
    filled = df.assign(**{column: df[column].fillna(0)})
    return filled.groupby(by)[column].agg(["count", "mean", "max"])
