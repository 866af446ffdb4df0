import numpy as np

from mltrail.grading.contract import hidden, labelled


def _run(rng):
    K = int(rng.integers(2, 5))
    T = int(rng.integers(15, 50))
    probs = rng.uniform(0.05, 0.95, size=K)
    rewards = (rng.uniform(size=(T, K)) < probs).astype(int)
    uniforms = np.clip(np.round(rng.uniform(size=(T, K)), 6), 1e-6, 1 - 1e-6)
    return {"rewards": rewards.tolist(), "uniforms": uniforms.tolist()}


def cases(rng):
    yield labelled({"rewards": [[0, 1], [0, 1], [1, 1], [0, 1]],
                    "uniforms": [[0.6, 0.5], [0.5, 0.4], [0.9, 0.2], [0.3, 0.3]]}, "the worked example")
    yield labelled({"rewards": [[1, 0]] * 6, "uniforms": [[0.5, 0.5]] * 6},
                   "equal uniforms: the belief with more successes gives the larger draw")
    yield labelled({"rewards": [[0, 1, 0]] * 8,
                    "uniforms": [[0.3, 0.2, 0.9], [0.8, 0.1, 0.1], [0.2, 0.7, 0.3], [0.5, 0.5, 0.5],
                                 [0.9, 0.4, 0.2], [0.6, 0.6, 0.95], [0.99, 0.3, 0.1], [0.5, 0.5, 0.5]]},
                   "arm 1 always pays: once found, failures elsewhere keep it chosen")
    yield labelled({"rewards": [[1, 1]], "uniforms": [[0.25, 0.75]]}, "one step: Beta(1, 1) draws are the uniforms themselves")
    yield labelled({"rewards": [[0, 0, 0, 1]] * 10,
                    "uniforms": [[0.7, 0.6, 0.5, 0.4]] * 5 + [[0.4, 0.5, 0.6, 0.7]] * 5},
                   "every arm but the last fails: failures lower the draws")
    for _ in range(22):
        yield _run(rng)
    yield hidden(_run(rng))


def compare(expected, got, case):
    if isinstance(got, np.ndarray):
        if got.dtype.kind not in "iu":
            return f"return ints (arm indices), not an array of dtype {got.dtype}"
        got = got.tolist()
    if not isinstance(got, list):
        return f"return a list of arm indices, not {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected {len(expected)} actions (one per step), got {len(got)}"
    for t, (e, g) in enumerate(zip(expected, got)):
        if type(g) is not int:
            return f"step {t}: the arm must be an int, not {type(g).__name__}"
        if g != e:
            return f"step {t}: expected arm {e}, got arm {g} (the first {t} actions were right)"
    return True
