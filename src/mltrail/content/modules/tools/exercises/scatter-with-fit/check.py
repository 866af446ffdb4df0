from functools import lru_cache

import numpy as np
from palmerpenguins import load_penguins
from sklearn.datasets import load_diabetes

from mltrail.grading.contract import hidden, labelled

PAIRS = [
    ("flipper_length_mm", "body_mass_g", "flipper length (mm)", "body mass (g)"),
    ("bill_length_mm", "bill_depth_mm", "bill length (mm)", "bill depth (mm)"),
    ("bill_length_mm", "flipper_length_mm", "bill length (mm)", "flipper length (mm)"),
]


@lru_cache(maxsize=None)
def _tables():
    penguins = load_penguins().dropna()
    diabetes = load_diabetes(as_frame=True).frame
    sources = [(penguins[a].to_numpy(float), penguins[b].to_numpy(float), xl, yl) for a, b, xl, yl in PAIRS]
    sources.append((diabetes["bmi"].to_numpy(float), diabetes["target"].to_numpy(float), "body mass index (scaled)", "disease progression after one year"))
    return sources


def _sample(rng):
    x, y, xlabel, ylabel = _tables()[int(rng.integers(0, 4))]
    rows = rng.choice(len(x), size=int(rng.integers(3, 120)), replace=False)
    return {"x": x[rows].copy(), "y": y[rows].copy(), "xlabel": xlabel, "ylabel": ylabel}


def cases(rng):
    yield labelled({"x": np.array([1.0, 2.0, 3.0, 4.0]), "y": np.array([2.0, 4.5, 5.5, 8.0]), "xlabel": "x (cm)", "ylabel": "y (g)"}, "the worked example")
    x, y, xlabel, ylabel = _tables()[0]
    yield labelled({"x": x[::-1].copy(), "y": y[::-1].copy(), "xlabel": xlabel, "ylabel": ylabel}, "every penguin, points in reverse order")
    yield labelled({"x": np.array([3.0, 1.0, 2.0]), "y": np.array([1.0, 3.0, 2.5]), "xlabel": "a", "ylabel": "b"}, "three points, a falling line, x not sorted")
    for _ in range(21):
        yield _sample(rng)
    yield hidden(_sample(rng))


def compare(expected, got, case):
    if not isinstance(got, dict) or "axes" not in got:
        return "return the matplotlib Figure (or its Axes)"
    if len(got["axes"]) != 1:
        return f"expected a figure with a single Axes, got {len(got['axes'])}"
    axes = got["axes"][0]
    x, y = np.asarray(case.args["x"], dtype=float), np.asarray(case.args["y"], dtype=float)
    scale = float(y.max() - y.min()) or 1.0
    points = [s for s in axes["scatter"] if s["label"] == "data"]
    if len(points) != 1:
        return "draw the data once with ax.scatter(..., label='data')"
    drawn = sorted(map(tuple, np.round(np.asarray(points[0]["offsets"], dtype=float), 9).tolist()))
    if drawn != sorted(map(tuple, np.round(np.column_stack([x, y]), 9).tolist())):
        return "the scattered points are not the n points (x[i], y[i])"
    lines = [line for line in axes["lines"] if line["label"] == "least-squares fit"]
    if len(lines) != 1:
        return "draw the fitted line once with ax.plot(..., label='least-squares fit')"
    lx, ly = np.asarray(lines[0]["x"], dtype=float), np.asarray(lines[0]["y"], dtype=float)
    if len(lx) < 2 or not np.isclose(lx[0], x.min()) or not np.isclose(lx[-1], x.max()):
        return "the line must run from the smallest x to the largest x"
    slope, intercept = np.polyfit(x, y, 1)
    if not np.all(np.abs(ly - (slope * lx + intercept)) <= 1e-6 * scale):
        return "the line is not the least-squares line of y on x"
    if sorted(axes["legend"]) != ["data", "least-squares fit"]:
        return f"the legend should show 'data' and 'least-squares fit', got {axes['legend']}"
    if axes["xlabel"] != case.args["xlabel"] or axes["ylabel"] != case.args["ylabel"]:
        return f"label the axes {case.args['xlabel']!r} and {case.args['ylabel']!r}, got {axes['xlabel']!r} and {axes['ylabel']!r}"
    return True
