from functools import lru_cache

import numpy as np
import pandas as pd
from palmerpenguins import load_penguins

from mltrail.grading.contract import hidden, labelled

KEYS = ["species", "island", "sex"]
NUMBERS = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]


@lru_cache(maxsize=None)
def _penguins():
    return load_penguins()[KEYS + NUMBERS]


def _sample(rng):
    column = NUMBERS[int(rng.integers(0, 4))]
    pool = _penguins().dropna(subset=[column])
    rows = rng.choice(len(pool), size=int(rng.integers(4, 80)), replace=False)
    return {"df": pool.iloc[rows].copy(), "by": KEYS[int(rng.integers(0, 3))], "column": column}


def cases(rng):
    yield labelled(
        {"df": pd.DataFrame({"species": ["Gentoo", "Adelie", "Gentoo", "Adelie"], "body_mass_g": [5000.0, 3700.0, 5400.0, 3900.0]}), "by": "species", "column": "body_mass_g"},
        "the worked example: groups not in order",
    )
    table = _penguins().dropna(subset=NUMBERS)
    yield labelled({"df": table.iloc[::-1].copy(), "by": "island", "column": "flipper_length_mm"}, "the whole table, last row first, by island")
    yield labelled({"df": table.iloc[[0, 1, 2, 4, 5, 6]].copy(), "by": "sex", "column": "bill_length_mm"}, "six Adelie penguins, one of unknown sex")
    for _ in range(21):
        yield _sample(rng)
    yield hidden(_sample(rng))


def _heights(axes):
    bars = sorted(axes["bars"], key=lambda bar: bar["x"])
    return [bar["height"] for bar in bars]


def compare(expected, got, case):
    if not isinstance(got, dict) or "axes" not in got:
        return "return the matplotlib Figure (or its Axes)"
    if len(got["axes"]) != 1:
        return f"expected a figure with a single Axes, got {len(got['axes'])}"
    want, have = expected["axes"][0], got["axes"][0]
    heights, wanted = _heights(have), _heights(want)
    if len(heights) != len(wanted):
        return f"expected {len(wanted)} bars (one per group), got {len(heights)}"
    if not np.allclose(heights, wanted, rtol=1e-9, atol=0.0):
        return f"the bar heights, left to right, should be {[round(h, 4) for h in wanted]}, got {[round(h, 4) for h in heights]}"
    if have["xlabel"] != case.args["by"]:
        return f"the x-axis label should be {case.args['by']!r}, got {have['xlabel']!r}"
    if have["ylabel"] != f"mean {case.args['column']}":
        return f"the y-axis label should be {'mean ' + case.args['column']!r}, got {have['ylabel']!r}"
    if not have["title"].strip():
        return "give the plot a title"
    return True
