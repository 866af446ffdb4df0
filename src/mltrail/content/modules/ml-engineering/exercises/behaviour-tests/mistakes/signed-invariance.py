# Mistake: compares the signed change s(x2) - s(x) with the tolerance, so any drop passes an invariance test.
def failing_tests(weights, bias, tests):
    def s(x):
        return sum(w * v for w, v in zip(weights, x)) + bias

    failed = []
    for i, t in enumerate(tests):
        if t["kind"] == "mft":
            ok = int(s(t["input"]) >= 0) == t["label"]
        elif t["kind"] == "invariance":
            ok = s(t["perturbed"]) - s(t["input"]) <= t["tolerance"]
        else:
            change = s(t["perturbed"]) - s(t["input"])
            ok = change > 0 if t["direction"] == "up" else change < 0
        if not ok:
            failed.append(i)
    return failed
