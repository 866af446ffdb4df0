# Mistake: differentiates the summed loss instead of the mean.
import torch


def logistic_gradient(X, y, w):
    X = torch.tensor(X, dtype=torch.float64)
    y = torch.tensor(y, dtype=torch.float64)
    w = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    torch.nn.functional.softplus(-y * (X @ w)).sum().backward()
    return w.grad
