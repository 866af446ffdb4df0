import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    n = int(rng.integers(1, 31))
    size = int(rng.integers(1, n + 4))
    if rng.random() < 0.15:  # n a multiple of the batch size
        size = int(rng.integers(1, 6))
        n = size * int(rng.integers(1, 6))
    return {"order": [int(v) for v in rng.permutation(n)], "batch_size": size, "drop_last": bool(rng.random() < 0.7)}


def cases(rng):
    yield labelled({"order": [3, 0, 4, 1, 2], "batch_size": 2, "drop_last": False}, "the worked example")
    yield labelled({"order": [3, 0, 4, 1, 2], "batch_size": 2, "drop_last": True}, "the same, dropping the short batch")
    yield labelled({"order": [1, 0, 3, 2], "batch_size": 2, "drop_last": True}, "n a multiple of the batch size: nothing to drop")
    yield labelled({"order": [2, 0, 1], "batch_size": 5, "drop_last": False}, "a batch larger than the data")
    yield labelled({"order": [2, 0, 1], "batch_size": 5, "drop_last": True}, "a batch larger than the data, dropped: no batch")
    yield labelled({"order": [4, 2, 0, 3, 1], "batch_size": 1, "drop_last": False}, "batches of one")
    for _ in range(22):
        yield _case(rng)
    yield hidden({"order": [int(v) for v in rng.permutation(103)], "batch_size": 10, "drop_last": False})


def compare(expected, got, case):
    if not isinstance(got, list):
        return f"return a list of batches, not {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected {len(expected)} batches, got {len(got)}"
    for k, (want, batch) in enumerate(zip(expected, got)):
        if isinstance(batch, np.ndarray):
            if batch.dtype.kind not in "iu" or batch.ndim != 1:
                return f"batch {k}: a 1-D array of ints is expected, got dtype {batch.dtype}, shape {batch.shape}"
            batch = batch.tolist()
        elif not isinstance(batch, (list, tuple)) or any(type(v) is not int for v in batch):
            return f"batch {k} must be a list of ints"
        if list(batch) != want:
            return f"batch {k}: expected {want}, got {list(batch)}"
    return True
