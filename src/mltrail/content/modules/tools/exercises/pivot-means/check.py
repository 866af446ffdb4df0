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
    index, columns = (KEYS[int(i)] for i in rng.choice(3, size=2, replace=False))
    values = NUMBERS[int(rng.integers(0, 4))]
    pool = table.dropna(subset=[values])
    rows = np.sort(rng.choice(len(pool), size=int(rng.integers(4, 60)), replace=False))
    return {"df": pool.iloc[rows].copy(), "index": index, "columns": columns, "values": values}


def cases(rng):
    yield labelled(
        {
            "df": pd.DataFrame({"species": ["Adelie", "Gentoo", "Adelie", "Adelie"], "island": ["Dream", "Biscoe", "Dream", "Biscoe"], "body_mass_g": [3500.0, 5000.0, 3900.0, 3800.0]}),
            "index": "species", "columns": "island", "values": "body_mass_g",
        },
        "the worked example: Gentoo never on Dream",
    )
    table = _penguins().dropna(subset=NUMBERS)
    yield labelled({"df": table.copy(), "index": "species", "columns": "island", "values": "body_mass_g"}, "the whole table: species by island")
    yield labelled({"df": table.copy(), "index": "island", "columns": "sex", "values": "flipper_length_mm"}, "islands by sex, rows of unknown sex left out")
    yield labelled({"df": table.iloc[[0, 1, 160, 161, 300]].copy(), "index": "sex", "columns": "species", "values": "bill_length_mm"}, "five penguins: sex by species")
    for _ in range(21):
        yield _sample(rng)
    yield hidden(_sample(rng))


def compare(expected, got, case):
    if not isinstance(got, pd.DataFrame):
        return f"return a DataFrame, not {type(got).__name__}"
    rows, cols = [str(v) for v in expected.index], [str(v) for v in expected.columns]
    if [str(v) for v in got.index] != rows:
        return f"expected the rows {rows} (the values of {case.args['index']!r}, sorted), got {[str(v) for v in got.index]}"
    if [str(v) for v in got.columns] != cols:
        return f"expected the columns {cols} (the values of {case.args['columns']!r}, sorted), got {[str(v) for v in got.columns]}"
    try:
        values = np.asarray(got.to_numpy(), dtype=float)
    except (TypeError, ValueError):
        return "the cells must hold numbers"
    want = np.asarray(expected.to_numpy(), dtype=float)
    if not np.allclose(values, want, rtol=1e-9, atol=0.0, equal_nan=True):
        return f"expected {want.tolist()}, got {values.tolist()}"
    return True
