import math


def mean_baseline_mse(y_train, y_test):
    """Mean squared error on y_test of always predicting the mean of y_train."""
    prediction = math.fsum(y_train) / len(y_train)
    return math.fsum((y - prediction) ** 2 for y in y_test) / len(y_test)
