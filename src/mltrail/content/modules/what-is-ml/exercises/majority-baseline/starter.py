def majority_baseline(y_train, y_test):
    """Accuracy on y_test of always predicting the most frequent class of y_train."""
    # 1. count the training labels; 2. pick the most frequent (smallest on a tie);
    # 3. the fraction of y_test equal to it.
    ...
