# Mistake: replaces the best run on ties too (>=), so the last of equal runs in the list wins.
import math


def best_run(runs, metric, mode):
    best_value, best_id = None, None
    for run in runs:
        value = run["metrics"].get(metric)
        if value is None or math.isnan(value):
            continue
        if best_value is None or (value >= best_value if mode == "max" else value <= best_value):
            best_value, best_id = value, run["run_id"]
    return best_id
