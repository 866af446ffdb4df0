import math


def backward(graph, output):
    """Return d(output)/d(node) for every node of a computation graph."""
    order = []  # the nodes in topological order: every node after its arguments
    value = {}  # forward pass: the value of every node
    grad = {name: 0.0 for name in graph}
    grad[output] = 1.0
    # 1. order the nodes; 2. compute the values in that order;
    # 3. walk the order backwards, adding each node's contribution to its arguments' gradients.
    return grad
