# Mistake: assigns each contribution to an argument's gradient instead of adding it.
import math


def backward(graph, output):
    value = {}

    def evaluate(name):
        if name not in value:
            op, *args = graph[name]
            if op == "input":
                value[name] = float(args[0])
            else:
                a = [evaluate(arg) for arg in args]
                value[name] = {"add": lambda: a[0] + a[1], "mul": lambda: a[0] * a[1],
                               "exp": lambda: math.exp(a[0]), "tanh": lambda: math.tanh(a[0])}[op]()
        return value[name]

    order, seen = [], set()

    def visit(name):
        if name in seen:
            return
        seen.add(name)
        if graph[name][0] != "input":
            for arg in graph[name][1:]:
                visit(arg)
        order.append(name)

    for name in graph:
        evaluate(name)
        visit(name)
    grad = {name: 0.0 for name in graph}
    grad[output] = 1.0
    for name in reversed(order):
        op, *args = graph[name]
        g = grad[name]
        if op == "add":
            grad[args[0]] = g
            grad[args[1]] = g
        elif op == "mul":
            grad[args[0]] = g * value[args[1]]
            grad[args[1]] = g * value[args[0]]
        elif op == "exp":
            grad[args[0]] = g * value[name]
        elif op == "tanh":
            grad[args[0]] = g * (1.0 - value[name] ** 2)
    return grad
