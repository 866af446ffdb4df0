"""Hand-drawn digit templates against centroids learned from the training half of load_digits."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

TEMPLATES = [  # the same templates as the lesson: '#' is ink (16), '.' is paper (0)
    "..####.. .##..##. .##..##. .##..##. .##..##. .##..##. .##..##. ..####..",
    "...##... ..###... ...##... ...##... ...##... ...##... ...##... ...##...",
    "..####.. .##..##. .....##. ....##.. ...##... ..##.... .##..... .######.",
    "..####.. .##..##. .....##. ...###.. .....##. .....##. .##..##. ..####..",
    "....##.. ...###.. ..#.##.. .#..##.. .######. ....##.. ....##.. ....##..",
    ".######. .##..... .##..... .#####.. .....##. .....##. .##..##. ..####..",
    "...###.. ..##.... .##..... .#####.. .##..##. .##..##. .##..##. ..####..",
    ".######. .....##. ....##.. ...##... ...##... ..##.... ..##.... ..##....",
    "..####.. .##..##. .##..##. ..####.. .##..##. .##..##. .##..##. ..####..",
    "..####.. .##..##. .##..##. ..#####. .....##. .....##. ....##.. ..###...",
]
hand = np.array([[16.0 if c == "#" else 0.0 for c in t.replace(" ", "")] for t in TEMPLATES])

digits = load_digits()
X_train, X_test, y_train, y_test = train_test_split(
    digits.data, digits.target, test_size=0.25, stratify=digits.target, random_state=0)
centroids = np.array([X_train[y_train == k].mean(axis=0) for k in range(10)])


def nearest(prototypes, X):
    distances = ((X[:, None, :] - prototypes[None, :, :]) ** 2).sum(axis=2)
    return distances.argmin(axis=1)


acc_hand = float(np.mean(nearest(hand, X_test) == y_test))
acc_learned = float(np.mean(nearest(centroids, X_test) == y_test))
examples = np.array([X_test[y_test == k][0] for k in range(10)])

fig, axes = plt.subplots(3, 10, figsize=(9, 3.4))
rows = [(examples, "a test image"), (hand, f"hand-drawn template: {acc_hand:.0%}"),
        (centroids, f"learned centroid: {acc_learned:.0%}")]
for r, (images, title) in enumerate(rows):
    for k in range(10):
        ax = axes[r, k]
        ax.imshow(images[k].reshape(8, 8), cmap="gray_r", vmin=0, vmax=16)
        ax.set_xticks([])
        ax.set_yticks([])
        if r == 0:
            ax.set_title(str(k), fontsize=10)
    axes[r, 0].set_ylabel(["image", "hand", "learned"][r], fontsize=9)
    axes[r, 4].text(1.1, -0.12, title, transform=axes[r, 4].transAxes, ha="center", va="top", fontsize=9)
fig.suptitle("Nearest-template rule on 450 test digits: hand-drawn templates vs learned centroids", fontsize=10)
fig.subplots_adjust(left=0.06, right=0.99, top=0.84, bottom=0.06, hspace=0.45, wspace=0.12)
fig.savefig("templates-and-centroids.svg", metadata={"Date": None, "Creator": None})
