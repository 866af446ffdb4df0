# Mistake: stops only when more than patience epochs have passed (> instead of >=), one epoch too late.
def early_stopping(val_losses, patience):
    best = 0
    for epoch, loss in enumerate(val_losses):
        if loss < val_losses[best]:
            best = epoch
        if epoch - best > patience:
            return epoch, best
    return len(val_losses) - 1, best
