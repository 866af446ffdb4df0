from mltrail.grading.contract import hidden, labelled

NAMES = ["zebra", "ant", "mole", "cat", "bee", "owl", "yak", "dog", "emu", "fox", "gnu", "hen"]
GROUPS = ["train", "validation", "test", "mammal", "bird", "insect"]


def cases(rng):
    yield labelled({"mapping": {}}, "empty dict")
    yield labelled({"mapping": {"a": 1}}, "a single pair")
    yield labelled({"mapping": {"zebra": "animal", "ant": "animal"}}, "keys must be sorted")
    yield labelled(
        {"mapping": {"cat": "mammal", "owl": "bird", "dog": "mammal", "bee": "insect"}},
        "several groups",
    )
    yield labelled({"mapping": {"x": 0, "y": 1, "z": 2}}, "every value different")
    yield labelled({"mapping": {"b": 7, "c": 7, "a": 7}}, "one shared value")
    for _ in range(24):
        n = int(rng.integers(1, len(NAMES) + 1))
        keys = [str(k) for k in rng.permutation(NAMES)[:n]]
        n_groups = int(rng.integers(1, len(GROUPS) + 1))
        groups = [str(g) for g in rng.permutation(GROUPS)[:n_groups]]
        mapping = {key: groups[int(rng.integers(0, n_groups))] for key in keys}
        yield {"mapping": mapping}
    yield hidden({"mapping": {f"file{i:03d}": i % 3 for i in range(99, -1, -1)}})
    yield hidden({"mapping": {"B": "x", "a": "x", "A": "x"}})


def compare(expected, got, case):
    if type(got) is not dict:
        return f"expected a dict, got {type(got).__name__}"
    for value in expected:
        if value not in got:
            return f"the value {value!r} is missing from the keys of your dict"
    for value in got:
        if value not in expected:
            return f"unexpected key {value!r}: it is not a value of the mapping"
    for value, keys in expected.items():
        if type(got[value]) is not list:
            return f"[{value!r}]: expected a list of keys, got {type(got[value]).__name__} {got[value]!r}"
        if got[value] != keys:
            return f"[{value!r}]: expected {keys!r}, got {got[value]!r}"
    return True
