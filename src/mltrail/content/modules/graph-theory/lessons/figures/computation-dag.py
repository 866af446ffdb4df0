"""The computation graph of one neuron and its squared error: topological order, values, gradients."""
import math

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt

# The lesson's example, evaluated in topological order and differentiated backwards.
graph = {"x": ("input", 0.5), "w": ("input", -1.0), "b": ("input", 2.0), "t": ("input", 1.0),
         "u": ("mul", "w", "x"), "z": ("add", "u", "b"), "p": ("tanh", "z"), "e": ("sub", "p", "t"),
         "L": ("mul", "e", "e")}
order = ["x", "w", "b", "t", "u", "z", "p", "e", "L"]
value = {}
for name in order:
    op, *args = graph[name]
    if op == "input":
        value[name] = args[0]
    else:
        a = [value[v] for v in args]
        value[name] = {"add": lambda: a[0] + a[1], "sub": lambda: a[0] - a[1], "mul": lambda: a[0] * a[1],
                       "tanh": lambda: math.tanh(a[0])}[op]()
grad = {name: 0.0 for name in graph}
grad["L"] = 1.0
for name in reversed(order):
    op, *args = graph[name]
    g = grad[name]
    if op == "add":
        grad[args[0]] += g
        grad[args[1]] += g
    elif op == "sub":
        grad[args[0]] += g
        grad[args[1]] -= g
    elif op == "mul":
        grad[args[0]] += g * value[args[1]]
        grad[args[1]] += g * value[args[0]]
    elif op == "tanh":
        grad[args[0]] += g * (1 - value[name] ** 2)

pos = {"x": (0, 3.4), "w": (0, 1.4), "b": (1.6, 0.4), "t": (4.8, 0.4), "u": (1.6, 2.4), "z": (3.2, 2.4),
       "p": (4.8, 2.4), "e": (6.4, 2.4), "L": (8.0, 2.4)}
symbol = {"mul": "×", "add": "+", "sub": "−", "tanh": "tanh"}
fig, ax = plt.subplots(figsize=(10, 4.2))
for name, (op, *args) in graph.items():
    if op == "input":
        continue
    bends = [0.0] if len(set(args)) == len(args) else [0.3, -0.3]  # e × e: draw both uses of e
    for arg, bend in zip(args, bends * 2 if len(bends) == 1 else bends):
        (x1, y1), (x2, y2) = pos[arg], pos[name]
        ax.annotate("", xy=(x2, y2), xytext=(x1, y1),
                    arrowprops=dict(arrowstyle="-|>", color="black", shrinkA=24, shrinkB=24,
                                    connectionstyle=f"arc3,rad={bend}"))
for i, name in enumerate(order, start=1):
    x, y = pos[name]
    op = graph[name][0]
    head = name if op == "input" else f"{name} = {symbol[op]}"
    ax.text(x, y, f"{head}\n{value[name]:.4g}", ha="center", va="center", fontsize=9,
            bbox=dict(boxstyle="round,pad=0.35", fc="white", ec="black"))
    ax.text(x, y + 0.55, f"#{i}", ha="center", color="tab:blue", fontsize=8.5)
    ax.text(x, y - 0.6, f"∂L/∂{name} = {grad[name]:.4g}", ha="center", color="tab:red", fontsize=8.5)
ax.plot([], [], color="black", label="edges: argument → operation (forward pass)")
ax.plot([], [], color="tab:blue", label="#k: position in a topological order")
ax.plot([], [], color="tab:red", label="gradient of L, filled in reverse order")
ax.legend(loc="upper center", bbox_to_anchor=(0.5, 1.08), ncol=3, fontsize=8.5, frameon=False)
ax.set_xlim(-0.8, 8.8)
ax.set_ylim(-0.5, 4.3)
ax.axis("off")
fig.tight_layout()
fig.savefig("computation-dag.svg", metadata={"Date": None, "Creator": None})
