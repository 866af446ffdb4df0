# Mistake: reports the ratio smallest / largest rate (a disparate impact ratio) instead of the difference.
import pandas as pd


def fairness_gaps(y_true, y_pred, groups):
    df = pd.DataFrame({"t": y_true, "p": y_pred, "g": groups})
    rate = df.groupby("g")["p"].mean()
    tpr = df[df["t"] == 1].groupby("g")["p"].mean()
    ratio = lambda r: float(r.min() / r.max()) if r.max() > 0 else 1.0
    return {"demographic_parity_difference": ratio(rate), "equal_opportunity_difference": ratio(tpr)}
