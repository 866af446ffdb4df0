from mltrail.grading.contract import labelled, raises

KINDS = ["schema", "retrain", "metadata"]


def cases(rng):
    yield labelled({"version": "1.9.3", "changes": ["metadata", "retrain"]}, "the worked example")
    yield labelled({"version": "1.9.3", "changes": ["schema", "metadata"]}, "a schema change first, then metadata: major")
    yield labelled({"version": "0.9.9", "changes": ["metadata"]}, "patch 9 becomes 10, not a carry")
    yield labelled({"version": "2.3.1", "changes": ["retrain"]}, "a retrain resets the patch")
    yield labelled({"version": "0.0.0", "changes": ["retrain", "retrain"]}, "the same change twice is one bump")
    yield raises({"version": "1.0.0", "changes": ["retrain", "features"]}, ValueError, match="unknown change", label="an unknown change")
    for _ in range(22):
        version = ".".join(str(int(v)) for v in rng.integers(0, 15, size=3))
        k = int(rng.integers(1, 4))
        changes = [KINDS[int(i)] for i in rng.integers(0, 3, size=k)]
        yield {"version": version, "changes": changes}
    yield raises({"version": "3.1.4", "changes": [KINDS[int(rng.integers(0, 3))], "Schema"]}, ValueError, match="unknown change", hidden=True)
