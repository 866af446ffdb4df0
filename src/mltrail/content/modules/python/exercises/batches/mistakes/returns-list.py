# Mistake: builds and returns a list of all the batches instead of yielding them one at a time.
def batches(items, size):
    result = []
    for start in range(0, len(items), size):
        result.append(items[start:start + size])
    return result
