"""Names are labels: a and b name one list, c names a copy."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt

a = [1, 2, 3]
b = a
b.append(4)
c = a.copy()
c.append(5)
objects = {"first list": (a, 2.0), "the copy": (c, 0.0)}  # the list and the height it is drawn at

fig, ax = plt.subplots(figsize=(7, 3.5))
for name, (value, y) in objects.items():
    ax.text(2.2, y, repr(value), va="center", family="monospace", fontsize=13,
            bbox=dict(boxstyle="round", fc="tab:green" if value is a else "tab:orange", alpha=0.3))
    ax.text(2.2, y - 0.45, name, va="center", fontsize=9, color="0.4")
for label, value, y in [("a", a, 2.4), ("b", b, 1.6), ("c", c, 0.0)]:
    ax.text(0, y, label, va="center", ha="center", family="monospace", fontsize=14,
            bbox=dict(boxstyle="square", fc="white", ec="black"))
    target = objects["first list"][1] if value is a else objects["the copy"][1]
    ax.annotate("", xy=(2.1, target), xytext=(0.2, y), arrowprops=dict(arrowstyle="-|>", color="0.3"))
ax.text(0, 3.1, "names", ha="center", fontsize=11)
ax.text(2.9, 3.1, "objects", ha="center", fontsize=11)
ax.set_xlim(-0.4, 4.5)
ax.set_ylim(-0.7, 3.4)
ax.axis("off")
ax.set_title("b = a adds a name; a.copy() makes a new list")
fig.tight_layout()
fig.savefig("names-and-objects.svg", metadata={"Date": None, "Creator": None})
