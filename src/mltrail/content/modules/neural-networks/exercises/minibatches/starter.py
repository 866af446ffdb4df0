def minibatches(order, batch_size, drop_last):
    """Consecutive slices of order of length batch_size; the short last one unless drop_last."""
    # Slices start at 0, batch_size, 2 * batch_size, ...
    return [order]
