from mltrail.grading.contract import hidden, labelled, raises

NAMES = ["new", "old", "north", "south", "f", "m", "x"]
LIMITS = ["trained on 2023 data only", "not for credit decisions", "few customers over 80", "English text only"]


def _case(rng):
    k = int(rng.integers(1, 5))
    names = [NAMES[i] for i in rng.choice(len(NAMES), size=k, replace=False)]
    n = int(rng.integers(k, 40))
    groups = [names[i] if i < k else names[int(rng.integers(0, k))] for i in range(n)]
    classes = int(rng.integers(2, 4))
    y_true = [int(v) for v in rng.integers(0, classes, size=n)]
    y_pred = [t if rng.random() < 0.7 else int(rng.integers(0, classes)) for t in y_true]
    limitations = [LIMITS[i] for i in rng.choice(len(LIMITS), size=int(rng.integers(1, 3)), replace=False)]
    return {"name": f"model-{int(rng.integers(0, 100))}", "version": f"{int(rng.integers(0, 4))}.{int(rng.integers(0, 10))}.0",
            "intended_use": "rank cases for review", "limitations": limitations,
            "y_true": y_true, "y_pred": y_pred, "groups": groups}


def cases(rng):
    ex = {"name": "churn", "version": "1.2.0", "intended_use": "rank customers for retention calls",
          "limitations": ["trained on 2023 customers only"], "y_true": [1, 0, 1, 1, 0, 0],
          "y_pred": [1, 0, 0, 1, 0, 1], "groups": ["new", "new", "new", "old", "old", "old"]}
    yield labelled(ex, "the worked example: a tie for the worst group")
    yield labelled({**ex, "groups": ["old", "old", "old", "new", "new", "new"]}, "the same tie, groups listed in the other order")
    yield labelled({**ex, "y_pred": [1, 0, 1, 1, 1, 1]}, "one clearly worse group")
    yield labelled({**ex, "groups": ["all"] * 6}, "a single group")
    yield raises({**ex, "intended_use": "  "}, ValueError, match="required", label="intended use only spaces")
    yield raises({**ex, "limitations": []}, ValueError, match="required", label="no limitations listed")
    for _ in range(22):
        yield _case(rng)
    yield raises({**_case(rng), "version": ""}, ValueError, match="required", hidden=True)
