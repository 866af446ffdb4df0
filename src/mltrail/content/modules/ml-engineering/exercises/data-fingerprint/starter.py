import hashlib
import json


def fingerprint(rows):
    """SHA-256 hex digest of the table's canonical form (sorted keys, sorted rows)."""
    # 1. one canonical JSON string per row (sorted keys, compact separators)
    # 2. sort the strings and join them with "\n"
    # 3. hash the UTF-8 bytes with SHA-256 and return the hex digest
    return ""
