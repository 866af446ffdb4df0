# Mistake: draws the right bars but leaves the axes without labels.
from matplotlib.figure import Figure


def plot_group_means(df, by, column):
    means = df.groupby(by)[column].mean()
    fig = Figure()
    ax = fig.subplots()
    ax.bar([str(name) for name in means.index], means.to_numpy())
    ax.set_title("Group means")
    return fig
