def mean_baseline_mse(y_train, y_test):
    """Mean squared error on y_test of always predicting the mean of y_train."""
    # The prediction is fixed from the training targets; then average the squared errors.
    prediction = 0.0
    ...
