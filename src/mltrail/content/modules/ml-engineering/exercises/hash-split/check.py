from mltrail.grading.contract import hidden, labelled

PREFIXES = ["customer", "order", "user", "img", "txn"]


def _ids(rng, n):
    prefix = PREFIXES[int(rng.integers(0, len(PREFIXES)))]
    numbers = rng.choice(100000, size=n, replace=False)
    return [f"{prefix}-{int(k)}" for k in numbers]


def cases(rng):
    ids = [f"customer-{k}" for k in range(10)]
    yield labelled({"ids": ids, "test_percent": 20, "salt": "v1"}, "the worked example")
    yield labelled({"ids": ids, "test_percent": 20, "salt": "v2"}, "another salt, another split")
    yield labelled({"ids": ids, "test_percent": 0, "salt": "v1"}, "test_percent 0: everything in train")
    yield labelled({"ids": ids, "test_percent": 100, "salt": "v1"}, "test_percent 100: everything in test")
    yield labelled({"ids": [], "test_percent": 30, "salt": "v1"}, "no ids")
    yield labelled({"ids": [f"row-{k}" for k in range(200)], "test_percent": 25, "salt": "2024-05"}, "200 ids: about a quarter in test")
    for _ in range(22):
        yield {
            "ids": _ids(rng, int(rng.integers(5, 60))),
            "test_percent": int(rng.integers(5, 60)),
            "salt": f"s{int(rng.integers(0, 1000))}",
        }
    yield hidden({"ids": _ids(rng, 300), "test_percent": int(rng.integers(10, 40)), "salt": "release"})
