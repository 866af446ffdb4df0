import torch


def logistic_gradient(X, y, w):
    """The gradient of the mean logistic loss at w, computed by autograd."""
    X = torch.tensor(X, dtype=torch.float64)
    y = torch.tensor(y, dtype=torch.float64)
    w = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    loss = torch.nn.functional.softplus(-y * (X @ w)).mean()
    loss.backward()
    return w.grad
