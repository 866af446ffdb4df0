from functools import lru_cache

import numpy as np
import pandas as pd
from palmerpenguins import load_penguins

from mltrail.grading.contract import hidden, labelled

COLUMNS = ["id", "species", "island", "sex", "flipper_length_mm", "body_mass_g"]


@lru_cache(maxsize=None)
def _penguins():
    table = load_penguins()
    return table.assign(id=np.arange(len(table)))[COLUMNS]


def _split(table, bird_rows, measured_rows):
    birds = table.iloc[bird_rows][["id", "species", "island", "sex"]].reset_index(drop=True)
    measurements = table.iloc[measured_rows][["id", "flipper_length_mm", "body_mass_g"]].reset_index(drop=True)
    return {"birds": birds, "measurements": measurements}


def _sample(rng):
    table = _penguins()
    n = int(rng.integers(3, 40))
    rows = rng.choice(len(table), size=n + int(rng.integers(1, 8)), replace=False)
    birds = rows[:n]
    kept = birds[rng.random(n) < rng.uniform(0.4, 0.9)]
    others = rows[n:]  # measured, but not in birds
    measured = rng.permutation(np.concatenate([kept, others]))
    return _split(table, birds, measured)


def cases(rng):
    yield labelled(
        {
            "birds": pd.DataFrame({"id": [4, 9, 2], "species": ["Adelie", "Gentoo", "Adelie"], "island": ["Dream", "Biscoe", "Torgersen"], "sex": ["male", "female", "female"]}),
            "measurements": pd.DataFrame({"id": [2, 7, 4], "flipper_length_mm": [190.0, 210.0, 181.0], "body_mass_g": [3650.0, 4200.0, 3750.0]}),
        },
        "the worked example",
    )
    table = _penguins()
    yield labelled(_split(table, [10, 200, 300], [300, 200, 10]), "every bird measured, measurements in reverse order")
    yield labelled(_split(table, [5, 6, 7], [100, 101]), "no bird measured: NaN everywhere")
    yield labelled(_split(table, [3, 50, 150, 250], [250, 3, 60]), "a bird measured with missing values, one unmeasured, one extra measurement")
    for _ in range(21):
        yield _sample(rng)
    yield hidden(_sample(rng))


def _same(want, have):
    want = np.asarray(want, dtype=object)
    have = np.asarray(have, dtype=object)
    for a, b in zip(want, have):
        missing_a = a is None or (isinstance(a, float) and np.isnan(a))
        missing_b = b is None or (isinstance(b, float) and np.isnan(b))
        if missing_a or missing_b:
            if missing_a != missing_b:
                return False
        elif isinstance(a, str) or isinstance(b, str):
            if a != b:
                return False
        elif not np.isclose(float(a), float(b), rtol=1e-9, atol=0.0):
            return False
    return True


def compare(expected, got, case):
    if not isinstance(got, pd.DataFrame):
        return f"return a DataFrame, not {type(got).__name__}"
    if list(got.columns) != COLUMNS:
        return f"expected the columns {COLUMNS}, got {list(got.columns)}"
    if len(got) != len(expected):
        return f"expected {len(expected)} rows (one per bird, in the order of birds), got {len(got)}"
    for name in COLUMNS:
        if not _same(expected[name].tolist(), got[name].tolist()):
            return f"column {name!r}: expected {expected[name].tolist()}, got {got[name].tolist()}"
    return True
