def alert_indices(values, threshold, patience):
    """Indices where a run of consecutive values above threshold reaches `patience` values."""
    alerts = []
    run = 0
    for i, value in enumerate(values):
        run = run + 1 if value > threshold else 0
        if run == patience:
            alerts.append(i)
    return alerts
