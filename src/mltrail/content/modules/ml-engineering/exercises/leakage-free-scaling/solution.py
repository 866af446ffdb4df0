import math


def scale_test(train, test):
    """Test rows standardised with the training columns' means and population stds (constant columns: scale 1)."""
    n, d = len(train), len(train[0])
    means, scales = [], []
    for j in range(d):
        column = [row[j] for row in train]
        mean = math.fsum(column) / n
        if min(column) == max(column):
            scale = 1.0
        else:
            scale = math.sqrt(math.fsum((v - mean) ** 2 for v in column) / n)
        means.append(mean)
        scales.append(scale)
    return [[(row[j] - means[j]) / scales[j] for j in range(d)] for row in test]
