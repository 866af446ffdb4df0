# Mistake: returns the root of the mean squared error (RMSE) instead of the MSE itself.
import math


def mean_baseline_mse(y_train, y_test):
    m = sum(y_train) / len(y_train)
    return math.sqrt(sum((y - m) ** 2 for y in y_test) / len(y_test))
