# Mistake: counts a value equal to the threshold as a breach (>= instead of >).
def alert_indices(values, threshold, patience):
    alerts, run = [], 0
    for i, value in enumerate(values):
        run = run + 1 if value >= threshold else 0
        if run == patience:
            alerts.append(i)
    return alerts
