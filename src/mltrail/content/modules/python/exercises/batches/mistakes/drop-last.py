# Mistake: stops too early and drops the last, shorter batch.
def batches(items, size):
    for start in range(0, len(items) - size + 1, size):
        yield items[start:start + size]
