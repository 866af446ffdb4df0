from mltrail.grading.contract import hidden, labelled


def _case(rng):
    n = int(rng.integers(0, 40))
    threshold = float(rng.choice([0.1, 0.2, 0.25]))
    values, high = [], False
    for _ in range(n):
        if rng.random() < 0.25:
            high = not high  # episodes: stretches of high values
        if rng.random() < 0.1:
            values.append(threshold)  # exactly at the threshold: not a breach
        else:
            v = float(rng.uniform(threshold + 0.01, 0.6)) if high else float(rng.uniform(0.0, threshold - 0.01))
            values.append(round(v, 3))
    return {"values": values, "threshold": threshold, "patience": int(rng.integers(1, 5))}


def cases(rng):
    psi = [0.05, 0.3, 0.12, 0.4, 0.35, 0.5, 0.45, 0.08, 0.3, 0.31]
    yield labelled({"values": psi, "threshold": 0.25, "patience": 2}, "the worked example")
    yield labelled({"values": psi, "threshold": 0.25, "patience": 1}, "patience 1: the first day of each episode")
    yield labelled({"values": [0.25, 0.25, 0.25], "threshold": 0.25, "patience": 1}, "values at the threshold are not breaches")
    yield labelled({"values": [0.3, 0.1, 0.3, 0.1, 0.3], "threshold": 0.25, "patience": 2}, "scattered breaches never fire")
    yield labelled({"values": [0.3] * 6, "threshold": 0.25, "patience": 3}, "one long episode fires once")
    yield labelled({"values": [], "threshold": 0.25, "patience": 2}, "no values")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))
