import numpy as np
from matplotlib.figure import Figure


def plot_fit(x, y, xlabel, ylabel):
    """Scatter of (x, y) labelled 'data' and its least-squares line labelled 'least-squares fit'."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    slope, intercept = np.polyfit(x, y, 1)  # y on x: slope first
    ends = np.array([x.min(), x.max()])
    fig = Figure(figsize=(6, 4))
    ax = fig.subplots()
    ax.scatter(x, y, s=12, alpha=0.7, label="data")
    ax.plot(ends, slope * ends + intercept, color="tab:red", label="least-squares fit")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend()
    return fig
