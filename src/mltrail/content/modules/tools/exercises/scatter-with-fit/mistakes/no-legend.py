# Mistake: draws the points and the right line but no legend and no axis labels.
import numpy as np
from matplotlib.figure import Figure


def plot_fit(x, y, xlabel, ylabel):
    slope, intercept = np.polyfit(x, y, 1)
    ends = np.array([np.min(x), np.max(x)])
    fig = Figure()
    ax = fig.subplots()
    ax.scatter(x, y, label="data")
    ax.plot(ends, slope * ends + intercept, label="least-squares fit")
    return fig
