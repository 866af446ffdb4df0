# Mistake: ignores mode and always takes the largest value, so a loss picks the worst run.
import math


def best_run(runs, metric, mode):
    ok = [r for r in runs if metric in r["metrics"] and not math.isnan(r["metrics"][metric])]
    if not ok:
        return None
    return min(ok, key=lambda r: (-r["metrics"][metric], r["started"], r["run_id"]))["run_id"]
