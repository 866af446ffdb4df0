def quantile(values, q):
    """Return the q-quantile of values (linear interpolation between sorted values) as a float."""
    # Sort a copy of values, find the position h = (n - 1) * q, and interpolate between
    # the two sorted values around h.
    ...
