# Mistake: always keeps the short last batch, even when drop_last is true.
def minibatches(order, batch_size, drop_last):
    return [list(order[start:start + batch_size]) for start in range(0, len(order), batch_size)]
