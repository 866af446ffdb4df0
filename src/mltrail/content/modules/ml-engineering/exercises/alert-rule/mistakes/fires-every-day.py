# Mistake: fires at every index once the run has reached patience, not once per episode.
def alert_indices(values, threshold, patience):
    alerts, run = [], 0
    for i, value in enumerate(values):
        run = run + 1 if value > threshold else 0
        if run >= patience:
            alerts.append(i)
    return alerts
