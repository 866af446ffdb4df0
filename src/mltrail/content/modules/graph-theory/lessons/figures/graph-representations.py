"""One small graph three ways: drawn with its BFS layers, and as an adjacency matrix."""
from collections import deque

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

# The lesson's example graph: two components, {0, 1, 2, 3, 4} and {5, 6}.
n = 7
edges = [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (5, 6)]
pos = {0: (0, 1), 1: (1, 2), 2: (1, 0), 3: (2, 1), 4: (3, 1), 5: (4.2, 2), 6: (4.2, 0)}

A = np.zeros((n, n))
graph = {v: [] for v in range(n)}
for u, v in edges:
    A[u, v] = A[v, u] = 1
    graph[u].append(v)
    graph[v].append(u)

# Hop distances from node 0 by breadth-first search (-1: unreachable).
dist = [-1] * n
dist[0] = 0
queue = deque([0])
while queue:
    u = queue.popleft()
    for v in graph[u]:
        if dist[v] == -1:
            dist[v] = dist[u] + 1
            queue.append(v)

colours = {0: "tab:red", 1: "tab:orange", 2: "gold", 3: "tab:olive", -1: "lightgrey"}
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2), gridspec_kw={"width_ratios": [1.35, 1]})
for u, v in edges:
    (x1, y1), (x2, y2) = pos[u], pos[v]
    left.plot([x1, x2], [y1, y2], color="black", lw=1.5, zorder=1)
for v, (x, y) in pos.items():
    left.scatter([x], [y], s=900, color=colours[dist[v]], edgecolor="black", zorder=2)
    left.text(x, y, str(v), ha="center", va="center", fontsize=13, zorder=3)
for d in sorted(set(dist), key=lambda d: (d < 0, d)):
    label = f"BFS layer {d} from node 0" if d >= 0 else "not reachable from 0"
    left.scatter([], [], s=120, color=colours[d], edgecolor="black", label=label)
left.legend(loc="lower center", bbox_to_anchor=(0.5, -0.32), ncol=3, fontsize=8.5, frameon=False)
left.set_title("edge list: (0,1) (0,2) (1,3) (2,3) (3,4) (5,6)", fontsize=10)
left.set_xlim(-0.6, 4.8)
left.set_ylim(-0.6, 2.6)
left.axis("off")

right.imshow(A, cmap="Greys", vmin=0, vmax=1.6)
for i in range(n):
    for j in range(n):
        right.text(j, i, str(int(A[i, j])), ha="center", va="center", fontsize=10,
                   color="white" if A[i, j] else "black")
right.set_xticks(range(n))
right.set_yticks(range(n))
right.set_xlabel("to node v")
right.set_ylabel("from node u")
right.set_title("adjacency matrix A (symmetric: undirected)", fontsize=10)
fig.tight_layout()
fig.savefig("graph-representations.svg", metadata={"Date": None, "Creator": None})
