LEVELS = {"schema": 0, "retrain": 1, "metadata": 2}


def bump_version(version, changes):
    """The version after a release whose most serious change is in `changes`."""
    for change in changes:
        if change not in LEVELS:
            raise ValueError(f"unknown change {change!r}; expected one of {sorted(LEVELS)}")
    parts = [int(p) for p in version.split(".")]
    level = min(LEVELS[c] for c in changes)
    parts[level] += 1
    for i in range(level + 1, 3):
        parts[i] = 0
    return ".".join(str(p) for p in parts)
