# Mistake: draws the number of penguins in each group instead of the mean of the column.
from matplotlib.figure import Figure


def plot_group_means(df, by, column):
    counts = df.groupby(by)[column].count()
    fig = Figure()
    ax = fig.subplots()
    ax.bar([str(name) for name in counts.index], counts.to_numpy())
    ax.set_xlabel(by)
    ax.set_ylabel(f"mean {column}")
    ax.set_title(f"Mean {column} by {by}")
    return fig
