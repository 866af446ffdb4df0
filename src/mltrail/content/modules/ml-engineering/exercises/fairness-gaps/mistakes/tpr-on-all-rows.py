# Mistake: computes the equal opportunity rate over all rows of each group (the accuracy), not over its actual positives.
import pandas as pd


def fairness_gaps(y_true, y_pred, groups):
    df = pd.DataFrame({"t": y_true, "p": y_pred, "g": groups})
    rate = df.groupby("g")["p"].mean()
    acc = (df["t"] == df["p"]).groupby(df["g"]).mean()
    return {"demographic_parity_difference": float(rate.max() - rate.min()), "equal_opportunity_difference": float(acc.max() - acc.min())}
