import hashlib
import json


def fingerprint(rows):
    """SHA-256 hex digest of the table's canonical form (sorted keys, sorted rows)."""
    lines = sorted(json.dumps(row, sort_keys=True, separators=(",", ":")) for row in rows)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
