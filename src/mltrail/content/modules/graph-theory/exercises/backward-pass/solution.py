import math


def backward(graph, output):
    """Return d(output)/d(node) for every node of a computation graph."""
    order, state = [], {}

    def visit(name):  # depth-first: a node is listed after all of its arguments
        stack = [(name, False)]
        while stack:
            node, done = stack.pop()
            if done:
                order.append(node)
                continue
            if node in state:
                continue
            state[node] = True
            stack.append((node, True))
            if graph[node][0] != "input":
                for arg in graph[node][1:]:
                    if arg not in state:
                        stack.append((arg, False))

    for name in graph:
        visit(name)
    value = {}
    for name in order:  # forward pass, in topological order
        op, *args = graph[name]
        if op == "input":
            value[name] = float(args[0])
        elif op == "add":
            value[name] = value[args[0]] + value[args[1]]
        elif op == "mul":
            value[name] = value[args[0]] * value[args[1]]
        elif op == "exp":
            value[name] = math.exp(value[args[0]])
        else:  # tanh
            value[name] = math.tanh(value[args[0]])
    grad = {name: 0.0 for name in graph}
    grad[output] = 1.0
    for name in reversed(order):  # backward pass: every user of a node is done before it
        op, *args = graph[name]
        g = grad[name]
        if op == "add":
            grad[args[0]] += g
            grad[args[1]] += g
        elif op == "mul":
            grad[args[0]] += g * value[args[1]]
            grad[args[1]] += g * value[args[0]]
        elif op == "exp":
            grad[args[0]] += g * value[name]
        elif op == "tanh":
            grad[args[0]] += g * (1.0 - value[name] ** 2)
    return grad
