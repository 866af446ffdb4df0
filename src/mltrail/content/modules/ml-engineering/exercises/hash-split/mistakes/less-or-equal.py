# Mistake: sends an id to the test set when bucket <= test_percent, one bucket too many.
import hashlib


def hash_split(ids, test_percent, salt):
    split = {"train": [], "test": []}
    for i in ids:
        bucket = int(hashlib.sha256(f"{salt}:{i}".encode("utf-8")).hexdigest(), 16) % 100
        split["test" if bucket <= test_percent else "train"].append(i)
    return split
