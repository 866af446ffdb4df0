# Mistake: loops over range(0, n - batch_size, batch_size), which loses the last full batch and the remainder.
def minibatches(order, batch_size, drop_last):
    return [list(order[start:start + batch_size]) for start in range(0, len(order) - batch_size, batch_size)]
