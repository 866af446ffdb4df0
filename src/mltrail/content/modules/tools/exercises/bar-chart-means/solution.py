from matplotlib.figure import Figure


def plot_group_means(df, by, column):
    """A bar chart: one bar per value of `by` (ascending), height the mean of `column`."""
    means = df.groupby(by)[column].mean()  # sorted groups; rows with a missing group left out
    fig = Figure(figsize=(6, 4))
    ax = fig.subplots()
    ax.bar([str(name) for name in means.index], means.to_numpy())
    ax.set_xlabel(by)
    ax.set_ylabel(f"mean {column}")
    ax.set_title(f"Mean {column} by {by}")
    return fig
