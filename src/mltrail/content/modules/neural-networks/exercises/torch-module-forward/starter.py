import torch
from torch import nn


def module_forward(X, W1, b1, W2, b2):
    """Logits of tanh(X W1 + b1) W2 + b2, computed by an nn.Sequential holding the given weights."""
    # Build nn.Sequential(nn.Linear(d, h), nn.Tanh(), nn.Linear(h, k)), copy the weights in
    # (mind the shapes nn.Linear uses), and run it on X.
    X = torch.tensor(X, dtype=torch.float32)
    return torch.zeros(X.shape[0], len(b2))
