# Mistake: keeps each row's keys in the order they arrived (no sort_keys), so the same row written two ways hashes differently.
import hashlib
import json


def fingerprint(rows):
    lines = sorted(json.dumps(row, separators=(",", ":")) for row in rows)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
