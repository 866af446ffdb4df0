import matplotlib.pyplot as plt


def plot_group_means(df, by, column):
    """A bar chart: one bar per value of `by` (ascending), height the mean of `column`."""
    # Compute the group means, then draw them with ax.bar and label the axes and the title.
    fig, ax = plt.subplots()
    return fig
