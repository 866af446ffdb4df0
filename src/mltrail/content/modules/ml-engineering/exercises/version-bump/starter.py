def bump_version(version, changes):
    """The version after a release whose most serious change is in `changes`."""
    # "schema" bumps MAJOR, "retrain" MINOR, "metadata" PATCH; the most serious change wins;
    # the parts to the right of the bumped one become 0; an unknown change raises ValueError
    major, minor, patch = (int(p) for p in version.split("."))
    return f"{major}.{minor}.{patch}"
