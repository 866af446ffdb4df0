def early_stopping(val_losses, patience):
    """(epoch at which training stops, epoch with the best validation loss so far)."""
    best = 0
    for epoch, loss in enumerate(val_losses):
        if loss < val_losses[best]:
            best = epoch
        if epoch - best >= patience:
            return epoch, best
    return len(val_losses) - 1, best
