# Mistake: uses integer division //, which gives 0 unless every prediction is right.
def accuracy(y_true, y_pred):
    if not y_true:
        return 0.0
    correct = sum(1 for true, pred in zip(y_true, y_pred) if true == pred)
    return correct // len(y_true)
