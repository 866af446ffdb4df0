from mltrail.grading.contract import hidden, labelled


def _args(n, k, ordered, replacement):
    return {"n": n, "k": k, "ordered": ordered, "replacement": replacement}


def cases(rng):
    yield labelled(_args(10, 3, True, False), "the worked example: a ranked list of 3 from 10")
    yield labelled(_args(10, 3, False, False), "a set of 3 from 10")
    yield labelled(_args(10, 3, True, True), "3 ordered picks from 10, repeats allowed")
    yield labelled(_args(10, 3, False, True), "3 unordered picks from 10, repeats allowed")
    yield labelled(_args(52, 5, False, False), "poker hands")
    yield labelled(_args(6, 0, False, False), "choosing nothing: one way")
    yield labelled(_args(7, 7, True, False), "all 7 in order: 7!")
    yield labelled(_args(60, 30, False, False), "a count beyond 2**53")
    kinds = [(True, False), (False, False), (True, True), (False, True), (False, True)]
    for i in range(25):
        ordered, replacement = kinds[i % len(kinds)]
        n = int(rng.integers(2, 40))
        k = int(rng.integers(2, 12)) if replacement else int(rng.integers(2, n + 1))
        yield _args(n, k, ordered, replacement)
    yield hidden(_args(int(rng.integers(80, 120)), int(rng.integers(20, 40)), False, True))


def compare(expected, got, case):
    if type(got) is not int:
        return f"return an int (an exact count), not {type(got).__name__}"
    if got != expected:
        return f"expected {expected}, got {got}"
    return True
