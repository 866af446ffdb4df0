# Mistake: hashes f"{id}:{salt}" instead of f"{salt}:{id}".
import hashlib


def hash_split(ids, test_percent, salt):
    split = {"train": [], "test": []}
    for i in ids:
        bucket = int(hashlib.sha256(f"{i}:{salt}".encode("utf-8")).hexdigest(), 16) % 100
        split["test" if bucket < test_percent else "train"].append(i)
    return split
