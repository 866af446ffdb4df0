# Mistake: compares the groups' shares of actual positives (y_true) instead of predicted positives.
import pandas as pd


def fairness_gaps(y_true, y_pred, groups):
    df = pd.DataFrame({"t": y_true, "p": y_pred, "g": groups})
    rate = df.groupby("g")["t"].mean()
    tpr = df[df["t"] == 1].groupby("g")["p"].mean()
    return {"demographic_parity_difference": float(rate.max() - rate.min()), "equal_opportunity_difference": float(tpr.max() - tpr.min())}
