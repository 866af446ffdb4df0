from mltrail.grading.contract import hidden, labelled

WORDS = ["the", "cat", "sat", "on", "mat", "a", "dog", "ran", "zebra", "apple", "is", "big"]


def cases(rng):
    yield labelled({"tokens": [], "min_count": 1}, "no tokens")
    yield labelled({"tokens": ["word"], "min_count": 1}, "a single token")
    yield labelled({"tokens": ["b", "a", "c"], "min_count": 1}, "keep everything, first-appearance order")
    yield labelled({"tokens": ["b", "a", "b", "c", "a", "b"], "min_count": 2}, "drop a rare token")
    yield labelled({"tokens": ["x", "y", "y", "z", "z"], "min_count": 2}, "a dropped token comes first")
    yield labelled({"tokens": ["x", "y", "x"], "min_count": 3}, "nobody reaches min_count")
    yield labelled({"tokens": ["zebra", "apple", "zebra", "apple"], "min_count": 2}, "count exactly min_count")
    for _ in range(24):
        n = int(rng.integers(0, 40))
        # a skewed distribution: a few frequent words, many rare ones
        weights = 1.0 / (1.0 + rng.permutation(len(WORDS)))
        weights = weights / weights.sum()
        tokens = [str(w) for w in rng.choice(WORDS, size=n, p=weights)]
        min_count = int(rng.integers(1, 5))
        yield {"tokens": tokens, "min_count": min_count}
    yield hidden({"tokens": [f"t{i % 37}" for i in range(500)], "min_count": 14})
    yield hidden({"tokens": ["a"] * 10 + ["b"] * 9, "min_count": 10})
