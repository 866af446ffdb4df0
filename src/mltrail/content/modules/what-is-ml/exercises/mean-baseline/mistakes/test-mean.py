# Mistake: predicts the mean of y_test, so the baseline knows the answers' average.
def mean_baseline_mse(y_train, y_test):
    m = sum(y_test) / len(y_test)
    return sum((y - m) ** 2 for y in y_test) / len(y_test)
