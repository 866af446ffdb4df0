# Mistake: hashes the rows in the order given, so the same table with its rows shuffled gets another fingerprint.
import hashlib
import json


def fingerprint(rows):
    lines = [json.dumps(row, sort_keys=True, separators=(",", ":")) for row in rows]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
