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
    table = _penguins()
    n = int(rng.integers(6, 80))
    rows = rng.choice(len(table), size=n, replace=False)
    if rng.random() < 0.85:  # rows 3 and 271 have no measurements: make missing values common
        rows = np.union1d(rows, rng.choice([3, 271], size=int(rng.integers(1, 3)), replace=False))
    by = KEYS[int(rng.choice(3, p=[0.4, 0.4, 0.2]))]
    return {"df": table.iloc[np.sort(rows)].copy(), "by": by, "column": NUMBERS[int(rng.integers(0, 4))]}


def cases(rng):
    yield labelled(
        {"df": pd.DataFrame({"species": ["Gentoo", "Adelie", "Gentoo", "Adelie"], "body_mass_g": [5000.0, 3700.0, np.nan, 3900.0]}), "by": "species", "column": "body_mass_g"},
        "the worked example",
    )
    table = _penguins()
    yield labelled({"df": table.iloc[[0, 1, 2, 3, 4, 8, 9, 10, 11]].copy(), "by": "sex", "column": "bill_length_mm"}, "missing sexes are left out, with them row 3, which has no bill length either")
    yield labelled({"df": table.iloc[[3, 339, 200, 271]].copy(), "by": "species", "column": "body_mass_g"}, "a group whose only value is missing")
    yield labelled({"df": table.copy(), "by": "island", "column": "flipper_length_mm"}, "the whole table by island")
    for _ in range(21):
        yield _sample(rng)
    yield hidden(_sample(rng))


def compare(expected, got, case):
    if not isinstance(got, pd.DataFrame):
        return f"return a DataFrame (one row per group), not {type(got).__name__}"
    if [str(v) for v in got.index] != [str(v) for v in expected.index]:
        return f"expected one row per group, indexed {list(expected.index)}, got {list(got.index)}"
    if list(got.columns) != ["count", "mean", "max"]:
        return f"expected the columns ['count', 'mean', 'max'], got {list(got.columns)}"
    for name in expected.columns:
        try:
            values = np.asarray(got[name], dtype=float)
        except (TypeError, ValueError):
            return f"column {name!r} must hold numbers"
        if not np.allclose(values, np.asarray(expected[name], dtype=float), rtol=1e-9, atol=0.0, equal_nan=True):
            return f"column {name!r}: expected {np.asarray(expected[name], dtype=float).tolist()}, got {values.tolist()}"
    return True
