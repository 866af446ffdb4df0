# Mistake: returns the number of correct predictions instead of the fraction.
def accuracy(y_true, y_pred):
    return sum(1 for true, pred in zip(y_true, y_pred) if true == pred)
