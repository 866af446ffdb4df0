import math

from mltrail.grading.contract import hidden, labelled

METRICS = ["val_auc", "val_loss", "val_f1"]


def _runs(rng, metric):
    n = int(rng.integers(1, 9))
    ids = [f"run-{int(k)}" for k in rng.choice(1000, size=n, replace=False)]
    grid = [round(float(v), 2) for v in rng.uniform(0.1, 0.9, size=3)]  # few values: many ties
    runs = []
    for run_id in ids:
        metrics = {}
        for name in METRICS:
            u = rng.random()
            if u < 0.15:
                continue  # the metric was not logged
            metrics[name] = math.nan if u < 0.22 else grid[int(rng.integers(0, 3))]
        runs.append({"run_id": run_id, "started": int(rng.integers(0, 6)) * 10, "metrics": metrics})
    return runs


def cases(rng):
    ex = [
        {"run_id": "r1", "started": 100, "metrics": {"val_auc": 0.91}},
        {"run_id": "r2", "started": 90, "metrics": {"val_auc": 0.91, "val_loss": 0.3}},
        {"run_id": "r3", "started": 80, "metrics": {"val_loss": 0.2}},
    ]
    yield labelled({"runs": ex, "metric": "val_auc", "mode": "max"}, "the worked example: a tie broken by start time")
    yield labelled({"runs": ex[::-1], "metric": "val_auc", "mode": "max"}, "the same runs listed in reverse order")
    yield labelled({"runs": ex, "metric": "val_loss", "mode": "min"}, "a loss: the smallest wins")
    yield labelled({"runs": ex, "metric": "accuracy", "mode": "max"}, "no run has the metric: None")
    yield labelled({"runs": [], "metric": "val_auc", "mode": "max"}, "no runs at all")
    same = [
        {"run_id": "b", "started": 5, "metrics": {"m": 0.5}},
        {"run_id": "a", "started": 5, "metrics": {"m": 0.5}},
        {"run_id": "c", "started": 7, "metrics": {"m": 0.4}},
    ]
    yield labelled({"runs": same, "metric": "m", "mode": "max"}, "same value, same start: the smallest id")
    yield labelled({"runs": same, "metric": "m", "mode": "min"}, "the same runs, minimised")
    nan = [
        {"run_id": "x", "started": 1, "metrics": {"m": math.nan}},
        {"run_id": "y", "started": 2, "metrics": {"m": 0.1}},
    ]
    yield labelled({"runs": nan, "metric": "m", "mode": "max"}, "a NaN metric does not compete")
    for _ in range(22):
        metric = METRICS[int(rng.integers(0, 3))]
        yield {"runs": _runs(rng, metric), "metric": metric, "mode": "min" if metric == "val_loss" else "max"}
    yield hidden({"runs": _runs(rng, "val_f1"), "metric": "val_f1", "mode": "min"})
