from functools import lru_cache

import numpy as np
import pandas as pd
from palmerpenguins import load_penguins

from mltrail.grading.contract import hidden, labelled

COLUMNS = ["species", "island", "bill_length_mm", "flipper_length_mm", "body_mass_g", "sex"]
SPECIES = ["Adelie", "Chinstrap", "Gentoo"]


@lru_cache(maxsize=None)
def _penguins():
    return load_penguins()[COLUMNS]


def _sample(rng):
    table = _penguins()
    n = int(rng.integers(5, 60))
    rows = rng.choice(len(table), size=n, replace=False)
    df = table.iloc[rows].copy()
    species = SPECIES[int(rng.integers(0, 3))]
    masses = df.loc[df["species"] == species, "body_mass_g"].dropna()
    # A threshold equal to one of the masses, so that ">=" and ">" differ.
    min_mass = float(rng.choice(masses.to_numpy())) if len(masses) else float(rng.integers(3000, 6000))
    return {"df": df, "species": species, "min_mass": min_mass}


def cases(rng):
    yield labelled(
        {
            "df": pd.DataFrame({"species": ["Gentoo", "Adelie", "Gentoo", "Gentoo"], "body_mass_g": [5000.0, 4800.0, 4500.0, np.nan]}, index=[201, 7, 150, 339]),
            "species": "Gentoo",
            "min_mass": 4500.0,
        },
        "the worked example",
    )
    table = _penguins()
    yield labelled({"df": table.iloc[[3, 0, 1, 2, 4, 5]].copy(), "species": "Adelie", "min_mass": 3450.0}, "six Adelies, row 3 with no mass, a mass equal to the threshold")
    yield labelled({"df": table.iloc[[300, 10, 200, 150, 20]].copy(), "species": "Chinstrap", "min_mass": 3000.0}, "labels out of order")
    yield labelled({"df": table.iloc[[0, 1, 2]].copy(), "species": "Gentoo", "min_mass": 3000.0}, "no row matches: an empty list")
    for _ in range(21):
        yield _sample(rng)
    yield hidden(_sample(rng))


def compare(expected, got, case):
    if not isinstance(got, (list, tuple)):
        return f"return a list of index labels, not {type(got).__name__}"
    if any(isinstance(v, bool) or not isinstance(v, int) for v in got):
        return "return the index labels as ints"
    if list(got) != expected:
        return f"expected the labels {expected}, got {list(got)}"
    return True
