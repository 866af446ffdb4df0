import numpy as np

from mltrail.grading.contract import hidden, labelled

_DIGITS = None


def _digits():
    global _DIGITS
    if _DIGITS is None:
        from sklearn.datasets import load_digits  # bundled with scikit-learn, nothing is downloaded

        data = load_digits()
        _DIGITS = (data.images.astype(int), data.target)
    return _DIGITS


def _case(rng):
    images, target = _digits()
    pool = np.flatnonzero(target <= 1) if rng.random() < 0.7 else np.arange(len(target))
    chosen = images[rng.choice(pool, size=int(rng.integers(3, 12)), replace=False)].copy()
    if rng.random() < 0.3:  # shift some ink around so that the rows and columns really matter
        chosen = np.roll(chosen, int(rng.integers(-1, 2)), axis=int(rng.integers(1, 3)))
    if rng.random() < 0.3:
        chosen = np.concatenate([chosen, rng.integers(0, 17, size=(2, 8, 8))])
    return {"images": chosen.tolist()}


RING = [[0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 9, 9, 9, 9, 0, 0], [0, 9, 0, 0, 0, 0, 9, 0], [0, 9, 0, 0, 0, 0, 9, 0],
        [0, 9, 0, 0, 0, 0, 9, 0], [0, 9, 0, 0, 0, 0, 9, 0], [0, 0, 9, 9, 9, 9, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0]]
BAR = [[0, 0, 0, 16, 16, 0, 0, 0] for _ in range(8)]


def _only(cells, value=16):
    image = [[0] * 8 for _ in range(8)]
    for r, c in cells:
        image[r][c] = value
    return image


def cases(rng):
    yield labelled({"images": [RING, BAR, [[0] * 8 for _ in range(8)]]}, "the worked example")
    yield labelled({"images": [_only([(2, 3)]), _only([(5, 4)]), _only([(6, 3)]), _only([(2, 5)]), _only([(1, 4)])]},
                   "one inked pixel: rows 2-5 and columns 3-4 are in the block, row 6, column 5 and row 1 are not")
    yield labelled({"images": [_only([(3, 2), (4, 2)]), _only([(2, 3), (2, 4)]), _only([(r, 3) for r in range(8)])]},
                   "rows and columns are not swapped: row 3, column 2 is outside")
    yield labelled({"images": [[[4] * 8 for _ in range(8)]]}, "an evenly grey image: a tie, so 0")
    images, target = _digits()
    yield labelled({"images": images[[0, 1, 10, 11]].tolist()}, "real digits 0, 1, 0, 1 from load_digits")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def compare(expected, got, case):
    if isinstance(got, np.ndarray):
        if got.ndim != 1 or got.dtype.kind not in "iu":
            return "return a flat list (or 1-D array) of ints 0 or 1"
        got = got.tolist()
    if type(got) not in (list, tuple) or any(type(v) is not int for v in got):
        return "return a list of ints, 0 or 1 (not True/False), one per image"
    if len(got) != len(expected):
        return f"expected {len(expected)} predictions, one per image, got {len(got)}"
    for i, (e, g) in enumerate(zip(expected, got)):
        if e != g:
            return f"image {i}: expected {e}, got {g}"
    return True
