def minibatches(order, batch_size, drop_last):
    """Consecutive slices of order of length batch_size; the short last one unless drop_last."""
    batches = [list(order[start:start + batch_size]) for start in range(0, len(order), batch_size)]
    if drop_last and batches and len(batches[-1]) < batch_size:
        batches.pop()
    return batches
