# Mistake: bumps for the last change in the list instead of the most serious one.
LEVELS = {"schema": 0, "retrain": 1, "metadata": 2}


def bump_version(version, changes):
    for change in changes:
        if change not in LEVELS:
            raise ValueError(f"unknown change {change!r}")
    parts = [int(p) for p in version.split(".")]
    level = LEVELS[changes[-1]]
    parts[level] += 1
    for i in range(level + 1, 3):
        parts[i] = 0
    return ".".join(str(p) for p in parts)
