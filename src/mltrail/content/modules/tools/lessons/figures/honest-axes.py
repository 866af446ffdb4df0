"""The same three means drawn twice: a bar chart with a cut y-axis, and one starting at zero."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
from palmerpenguins import load_penguins

# Mean body mass of Adelie and Chinstrap penguins on the three islands where they were seen.
penguins = load_penguins()
means = penguins[penguins["species"] != "Gentoo"].groupby("island")["body_mass_g"].mean()
names, values = list(means.index), means.to_numpy()

fig, (cut, honest) = plt.subplots(1, 2, figsize=(10, 4))
cut.bar(names, values, color="tab:orange")
cut.set_ylim(3704, 3715)
cut.set_title("y-axis starting at 3704 g: the gaps look large")
cut.set_xlabel("island")
cut.set_ylabel("mean body mass (g)")

honest.bar(names, values, color="tab:blue")
honest.set_ylim(0, 4200)
honest.set_title("y-axis from 0 g: the means are almost equal")
honest.set_xlabel("island")
honest.set_ylabel("mean body mass (g)")
for x, v in zip(names, values):
    honest.annotate(f"{v:.0f} g", (x, v), xytext=(0, 3), textcoords="offset points", ha="center", fontsize=9)
fig.suptitle("Adelie and Chinstrap penguins: mean body mass by island (same data, two plots)")
fig.tight_layout()
fig.savefig("honest-axes.svg", metadata={"Date": None, "Creator": None})
