# Mistake: moves the start by one item instead of by size, so the batches overlap.
def batches(items, size):
    for start in range(len(items)):
        yield items[start:start + size]
