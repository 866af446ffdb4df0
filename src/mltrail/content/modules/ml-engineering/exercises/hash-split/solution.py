import hashlib


def hash_split(ids, test_percent, salt):
    """Send each id to 'test' when sha256(f'{salt}:{id}') mod 100 < test_percent, else to 'train'."""
    split = {"train": [], "test": []}
    for i in ids:
        bucket = int(hashlib.sha256(f"{salt}:{i}".encode("utf-8")).hexdigest(), 16) % 100
        split["test" if bucket < test_percent else "train"].append(i)
    return split
