def failing_tests(weights, bias, tests):
    """Indices of the behavioural tests (mft, invariance, directional) that the linear scorer fails."""
    failed = []
    for i, test in enumerate(tests):
        # score s(x) = w . x + b; apply the rule of test["kind"]; keep i when it fails
        pass
    return failed
