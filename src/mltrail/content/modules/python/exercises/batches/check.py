from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"items": [1, 2, 3, 4, 5, 6, 7], "size": 3}, "a shorter last batch")
    yield labelled({"items": [], "size": 3}, "no items")
    yield labelled({"items": ["a"], "size": 1}, "one item")
    yield labelled({"items": [1, 2, 3, 4, 5, 6], "size": 1}, "batches of one")
    yield labelled({"items": [1, 2, 3, 4, 5, 6], "size": 3}, "size divides the length")
    yield labelled({"items": [1, 2, 3, 4], "size": 4}, "size equals the length")
    yield labelled({"items": [1, 2, 3], "size": 10}, "size larger than the length")
    for i in range(24):
        n = int(rng.integers(1, 40))
        size = int(rng.integers(1, 12))
        if i % 2 == 0:
            items = [int(v) for v in rng.integers(-100, 100, size=n)]
        else:
            items = [f"x{int(v)}" for v in rng.integers(0, 1000, size=n)]
        yield {"items": items, "size": size}
    yield hidden({"items": list(range(1000)), "size": 64})
    yield hidden({"items": list(range(10)), "size": 9})
