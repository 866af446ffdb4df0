# Mistake: bumps the right part but does not reset the parts to its right to 0.
LEVELS = {"schema": 0, "retrain": 1, "metadata": 2}


def bump_version(version, changes):
    for change in changes:
        if change not in LEVELS:
            raise ValueError(f"unknown change {change!r}")
    parts = [int(p) for p in version.split(".")]
    parts[min(LEVELS[c] for c in changes)] += 1
    return ".".join(str(p) for p in parts)
