import matplotlib.pyplot as plt
import numpy as np


def plot_fit(x, y, xlabel, ylabel):
    """Scatter of (x, y) labelled 'data' and its least-squares line labelled 'least-squares fit'."""
    fig, ax = plt.subplots()
    # Fit the line (np.polyfit), draw the points and the line, label the axes, add a legend.
    return fig
