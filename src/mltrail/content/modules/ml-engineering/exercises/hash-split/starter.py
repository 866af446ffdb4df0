import hashlib


def hash_split(ids, test_percent, salt):
    """Send each id to 'test' when sha256(f'{salt}:{id}') mod 100 < test_percent, else to 'train'."""
    split = {"train": [], "test": []}
    for i in ids:
        # compute the bucket of f"{salt}:{i}" and append i to the right list
        split["train"].append(i)
    return split
