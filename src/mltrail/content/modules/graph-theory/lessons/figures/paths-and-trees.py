"""One weighted graph, two trees: Dijkstra's shortest-path tree from A and a minimum spanning tree."""
import heapq

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt

# The lesson's example: five places and the travel times between them (undirected).
edges = [("A", "B", 4), ("A", "C", 1), ("C", "B", 2), ("B", "D", 5), ("C", "D", 8), ("C", "E", 8), ("D", "E", 2)]
pos = {"A": (0, 1), "B": (1.6, 2), "C": (1.6, 0), "D": (3.4, 1.6), "E": (4.6, 0.2)}
graph = {v: [] for v in pos}
for u, v, w in edges:
    graph[u].append((v, w))
    graph[v].append((u, w))

# Dijkstra from A, keeping the edge that last improved each node.
dist, prev, heap, done = {"A": 0}, {}, [(0, "A")], set()
while heap:
    d, u = heapq.heappop(heap)
    if u in done:
        continue
    done.add(u)
    for v, w in graph[u]:
        if d + w < dist.get(v, float("inf")):
            dist[v], prev[v] = d + w, u
            heapq.heappush(heap, (d + w, v))
path_tree = {frozenset((v, u)) for v, u in prev.items()}

# Kruskal with union-find.
parent = {v: v for v in pos}


def find(v):
    while parent[v] != v:
        v = parent[v]
    return v


mst = set()
for u, v, w in sorted(edges, key=lambda e: e[2]):
    if find(u) != find(v):
        parent[find(u)] = find(v)
        mst.add(frozenset((u, v)))

fig, axes = plt.subplots(1, 2, figsize=(10, 4))
panels = [(axes[0], path_tree, "tab:blue", f"Dijkstra from A: shortest-path tree (edge total {sum(w for u, v, w in edges if frozenset((u, v)) in path_tree)})"),
          (axes[1], mst, "tab:green", f"minimum spanning tree (total weight {sum(w for u, v, w in edges if frozenset((u, v)) in mst)})")]
for ax, tree, colour, title in panels:
    for u, v, w in edges:
        (x1, y1), (x2, y2) = pos[u], pos[v]
        chosen = frozenset((u, v)) in tree
        ax.plot([x1, x2], [y1, y2], color=colour if chosen else "lightgrey", lw=4 if chosen else 1.5, zorder=1)
        ax.text((x1 + x2) / 2, (y1 + y2) / 2 + 0.12, str(w), ha="center", fontsize=10,
                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none"))
    for v, (x, y) in pos.items():
        ax.scatter([x], [y], s=700, color="white", edgecolor="black", zorder=2)
        label = f"{v}\n{dist[v]}" if ax is axes[0] else v
        ax.text(x, y, label, ha="center", va="center", fontsize=9 if ax is axes[0] else 11, zorder=3)
    ax.set_title(title, fontsize=10)
    ax.set_xlim(-0.5, 5.1)
    ax.set_ylim(-0.5, 2.5)
    ax.axis("off")
fig.tight_layout()
fig.savefig("paths-and-trees.svg", metadata={"Date": None, "Creator": None})
