# Mistake: counts breaches without resetting on a normal value, so scattered breaches add up to an alert.
def alert_indices(values, threshold, patience):
    alerts, count = [], 0
    for i, value in enumerate(values):
        if value > threshold:
            count += 1
            if count == patience:
                alerts.append(i)
                count = 0
    return alerts
