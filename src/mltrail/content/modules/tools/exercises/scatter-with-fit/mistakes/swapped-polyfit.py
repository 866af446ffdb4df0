# Mistake: calls np.polyfit(y, x, 1), fitting x on y, and draws that as the line.
import numpy as np
from matplotlib.figure import Figure


def plot_fit(x, y, xlabel, ylabel):
    slope, intercept = np.polyfit(y, x, 1)
    ends = np.array([np.min(x), np.max(x)])
    fig = Figure()
    ax = fig.subplots()
    ax.scatter(x, y, label="data")
    ax.plot(ends, slope * ends + intercept, label="least-squares fit")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend()
    return fig
