"""The clean() pipeline of the lesson, step by step, on one review."""
import string

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt

text = "  Great product, works PERFECTLY!  "
lowered = text.lower()
no_marks = lowered
for mark in string.punctuation:
    no_marks = no_marks.replace(mark, " ")
cleaned = " ".join(no_marks.split())
steps = [("raw text", text), ("text.lower()", lowered), ("each punctuation mark → a space", no_marks),
         ('" ".join(text.split())', cleaned)]

fig, ax = plt.subplots(figsize=(7, 5))
for i, (what, value) in enumerate(steps):
    y = len(steps) - 1 - i
    shown = repr(value).replace(" ", "·")  # a visible dot for every space
    ax.text(0.5, y, shown, ha="center", va="center", family="monospace", fontsize=12,
            bbox=dict(boxstyle="round", fc="0.95", ec="0.6"))
    if i:
        ax.annotate("", xy=(0.5, y + 0.25), xytext=(0.5, y + 0.75), arrowprops=dict(arrowstyle="-|>", color="0.4"))
        ax.text(0.53, y + 0.5, what, va="center", color="tab:blue", fontsize=10)
ax.set_xlim(0, 1)
ax.set_ylim(-0.5, len(steps) - 0.2)
ax.axis("off")
ax.set_title("clean(): one standard form before counting words (· marks a space)")
fig.tight_layout()
fig.savefig("cleaning-pipeline.svg", metadata={"Date": None, "Creator": None})
