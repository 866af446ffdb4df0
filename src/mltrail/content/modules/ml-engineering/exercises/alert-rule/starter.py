def alert_indices(values, threshold, patience):
    """Indices where a run of consecutive values above threshold reaches `patience` values."""
    alerts = []
    # count consecutive breaches (value > threshold); fire once when the count reaches patience
    return alerts
