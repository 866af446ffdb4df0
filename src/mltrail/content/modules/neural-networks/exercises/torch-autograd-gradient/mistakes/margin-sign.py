# Mistake: writes the loss as log(1 + exp(+y x.w)), the loss of the opposite labels.
import torch


def logistic_gradient(X, y, w):
    X = torch.tensor(X, dtype=torch.float64)
    y = torch.tensor(y, dtype=torch.float64)
    w = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    torch.nn.functional.softplus(y * (X @ w)).mean().backward()
    return w.grad
