def batches(items, size):
    """Yield consecutive lists of size items; the last one may be shorter."""
    for start in range(0, len(items), size):
        yield items[start:start + size]
