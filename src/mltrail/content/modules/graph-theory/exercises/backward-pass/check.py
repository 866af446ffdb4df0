import math

import numpy as np

from mltrail.grading.contract import hidden, labelled

OPS = {"add": 2, "mul": 2, "exp": 1, "tanh": 1}


def _graph(rng, inputs, ops):
    """A random computation graph, given as a dict in shuffled order, and its output node."""
    names = [f"{c}{i}" for i, c in enumerate(rng.permutation(list("abcdefghkmpqrstuvwz"))[: inputs + ops])]
    graph, value, made = {}, {}, []
    for name in names[:inputs]:
        graph[name] = ["input", float(round(rng.uniform(-1.5, 1.5), 2))]
        value[name] = graph[name][1]
        made.append(name)
    for name in names[inputs:]:
        op = str(rng.choice(list(OPS)))
        recent = made[-4:]  # mostly build on recent nodes, so that paths are long
        pick = lambda: str(rng.choice(recent if rng.random() < 0.7 else made))
        args = [pick() for _ in range(OPS[op])]
        if op == "exp" and abs(value[args[0]]) > 3:
            op = "tanh"
        if op == "mul" and abs(value[args[0]] * value[args[1]]) > 50:
            op = "add"
        a = [value[x] for x in args]
        value[name] = {"add": lambda: a[0] + a[1], "mul": lambda: a[0] * a[1],
                       "exp": lambda: math.exp(a[0]), "tanh": lambda: math.tanh(a[0])}[op]()
        graph[name] = [op, *args]
        made.append(name)
    output = made[-1] if rng.random() < 0.8 else str(rng.choice(made[inputs:]))
    keys = list(graph)
    rng.shuffle(keys)
    return {"graph": {key: graph[key] for key in keys}, "output": output}


def cases(rng):
    yield labelled({"graph": {"y": ["mul", "a", "x"], "a": ["add", "x", "b"], "x": ["input", 2.0], "b": ["input", -3.0]},
                    "output": "y"}, "the worked example")
    yield labelled({"graph": {"x": ["input", 3.0]}, "output": "x"}, "the output is an input")
    yield labelled({"graph": {"s": ["mul", "x", "x"], "x": ["input", -1.5]}, "output": "s"}, "one node used twice: x * x")
    yield labelled({"graph": {"u": ["input", 0.5], "v": ["input", 2.0], "w": ["mul", "u", "v"], "z": ["exp", "u"]},
                    "output": "z"}, "a node that the output does not depend on")
    yield labelled({"graph": {"out": ["add", "p", "q"], "p": ["tanh", "h"], "q": ["exp", "h"], "h": ["mul", "x", "y"],
                              "x": ["input", 0.3], "y": ["input", -0.7]}, "output": "out"},
                   "a diamond: h reaches the output two ways")
    for _ in range(22):
        yield _graph(rng, int(rng.integers(1, 5)), int(rng.integers(1, 10)))
    yield hidden(_graph(rng, 4, 14))


def compare(expected, got, case):
    if not isinstance(got, dict):
        return f"return a dict from node names to gradients, not {type(got).__name__}"
    missing = [name for name in expected if name not in got]
    if missing:
        return f"the gradient of node {missing[0]!r} is missing: return one entry per node"
    extra = [name for name in got if name not in expected]
    if extra:
        return f"{extra[0]!r} is not a node of the graph"
    scale = 1.0 + max(abs(v) for v in expected.values())
    for name, want in expected.items():
        have = got[name]
        if type(have) not in (int, float):
            return f"the gradient of {name!r} must be a number, not {type(have).__name__}"
        if not abs(have - want) <= 1e-9 * scale:
            return f"d{case.args['output']}/d{name}: expected {want!r}, got {have!r}"
    return True
