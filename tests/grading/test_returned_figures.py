"""A learner's function may return a matplotlib Figure or Axes: the check sees its summary."""

from __future__ import annotations

import pytest
from conftest import MODULE_TOML, write

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source
from mltrail.sandbox import codec
from mltrail.sandbox.pool import ZygotePool

matplotlib = pytest.importorskip("matplotlib")

SOLUTION = """
import matplotlib.pyplot as plt


def plot_squares(xs):
    fig, ax = plt.subplots()
    ax.plot(xs, [x * x for x in xs], label="x squared")
    ax.set_title("Squares")
    ax.set_xlabel("x")
    ax.set_ylabel("x squared")
    ax.legend()
    return fig
"""

CHECK = """
def cases(rng):
    yield {"xs": [0.0, 1.0, 2.0]}
    for _ in range(20):
        yield {"xs": sorted(float(v) for v in rng.normal(size=int(rng.integers(2, 8))))}
"""

# The same figure through the object-oriented interface, returning the Axes: also correct.
AXES_STYLE = """
from matplotlib.figure import Figure


def plot_squares(xs):
    ax = Figure().subplots()
    ax.plot(xs, [x ** 2 for x in xs], label="x squared")
    ax.set(title="Squares", xlabel="x", ylabel="x squared")
    ax.legend()
    return ax
"""


@pytest.fixture(scope="module")
def exercise(tmp_path_factory):
    root = tmp_path_factory.mktemp("figures") / "course"
    module = root / "modules" / "tiny"
    write(module / "module.toml", MODULE_TOML)
    ex = module / "exercises" / "squares"
    write(ex / "exercise.toml", """
        title = "Plot squares"
        kind = "function"
        entry = "plot_squares"
        skills = ["adding"]
        difficulty = 1
        minutes = 5
        hints = ["Plot x against x*x.", "ax.plot(xs, [x * x for x in xs])"]
    """)
    write(ex / "prompt.md", "Plot the squares.\n")
    write(ex / "starter.py", "def plot_squares(xs):\n    ...\n")
    write(ex / "solution.py", SOLUTION)
    write(ex / "check.py", CHECK)
    return load_curriculum([root]).exercise("tiny/squares")


@pytest.fixture(scope="module")
def pool(exercise):
    with ZygotePool(size=1, forbidden=[exercise.path.parent.parent.parent]) as pool:
        yield pool


def test_summary_reads_titles_labels_and_data():
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.subplots()
    ax.plot([1, 2], [3, 4])
    ax.bar([0, 1], [5.0, 6.0], width=0.5)
    ax.scatter([1.5], [2.5], label="points")
    ax.set(title="T", xlabel="X", ylabel="Y", yscale="log")
    ax.legend()
    summary = codec.decode(codec.encode(fig, 1 << 20), 1 << 20)
    (axes,) = summary["axes"]
    assert (axes["title"], axes["xlabel"], axes["ylabel"], axes["yscale"]) == ("T", "X", "Y", "log")
    assert axes["lines"] == [{"x": [1.0, 2.0], "y": [3.0, 4.0], "label": ""}]  # no label of its own
    assert axes["bars"] == [{"x": -0.25, "height": 5.0, "width": 0.5}, {"x": 0.75, "height": 6.0, "width": 0.5}]
    assert axes["scatter"] == [{"offsets": [[1.5, 2.5]], "label": "points"}]
    assert axes["legend"] == ["points"]
    assert codec.as_plain(ax) == summary  # the reference's Axes, summarised the same way


@pytest.mark.parametrize("code", [SOLUTION, AXES_STYLE], ids=["pyplot figure", "object-oriented axes"])
def test_every_correct_figure_passes(exercise, pool, code):
    verdict = grade_source(exercise, code, seed=3, runner=pool)
    assert verdict.passed, verdict.message


@pytest.mark.parametrize("change, where", [
    (("label=\"x squared\"", "label=\"squares\""), "legend"),
    (("x * x for", "x * 2 for"), "lines"),
    (("ax.set_xlabel(\"x\")", "pass"), "xlabel"),
    (("return fig", "return None"), "None"),
])
def test_a_wrong_figure_fails(exercise, pool, change, where):
    verdict = grade_source(exercise, SOLUTION.replace(*change), seed=3, runner=pool)
    assert verdict.status == "failed", verdict.message


def test_reference_figures_are_closed_after_summary(exercise):
    import matplotlib.pyplot as plt

    from mltrail.grading.grader import build_cases

    before = len(plt.get_fignums())
    build_cases(exercise, 1)
    assert len(plt.get_fignums()) == before  # 21 reference figures, none left open
