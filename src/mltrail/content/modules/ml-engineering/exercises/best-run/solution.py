import math


def best_run(runs, metric, mode):
    """The run_id with the best value of `metric` (ties: earliest start, then smallest id), or None."""
    sign = -1.0 if mode == "max" else 1.0
    best_key, best_id = None, None
    for run in runs:
        value = run["metrics"].get(metric)
        if value is None or math.isnan(value):
            continue
        key = (sign * value, run["started"], run["run_id"])
        if best_key is None or key < best_key:
            best_key, best_id = key, run["run_id"]
    return best_id
