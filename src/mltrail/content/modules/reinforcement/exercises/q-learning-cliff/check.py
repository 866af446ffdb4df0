import numpy as np

from mltrail.grading.contract import hidden, labelled

START, GOAL, OPTIMUM = 36, 47, -13  # CliffWalking-v1: the shortest path along the cliff is 13 steps


def _spec(rng):
    return {
        "env": "CliffWalking-v1",
        "episodes": int(rng.integers(100, 141)),
        "alpha": float(rng.choice([0.7, 0.8, 0.9, 1.0])),
        "gamma": float(rng.choice([0.9, 0.95, 0.99, 1.0])),
        "epsilon_start": float(rng.choice([0.2, 0.25, 0.3])),
        "epsilon_end": float(rng.choice([0.0, 0.01, 0.05])),
        "seed": int(rng.integers(0, 10_000)),
    }


def cases(rng):
    base = {"env": "CliffWalking-v1", "episodes": 120, "alpha": 0.8, "gamma": 1.0,
            "epsilon_start": 0.2, "epsilon_end": 0.0}
    yield labelled({"spec": {**base, "seed": 7}}, "the worked example")
    yield labelled({"spec": {**base, "alpha": 1.0, "seed": 1}}, "alpha = 1: a deterministic world can trust each sample")
    yield labelled({"spec": {**base, "gamma": 0.9, "epsilon_start": 0.2, "epsilon_end": 0.2, "seed": 2}},
                   "a constant epsilon of 0.2: Q-learning still learns the path along the edge")
    yield labelled({"spec": {**base, "episodes": 100, "epsilon_start": 0.3, "epsilon_end": 0.05, "seed": 3}},
                   "more exploration early, a little kept at the end")
    for _ in range(20):
        yield {"spec": _spec(rng)}
    yield hidden({"spec": _spec(rng)})


def _greedy_walk(Q):
    """The greedy policy's path from the start on the (deterministic) model: return, steps, fell."""
    import gymnasium as gym

    model = gym.make("CliffWalking-v1").unwrapped.P
    state, total, fell = START, 0, 0
    for step in range(1, 101):
        ((_, state, reward, terminated),) = model[state][int(np.argmax(Q[state]))]
        total += reward
        fell += reward == -100
        if terminated:
            return total, step, fell
    return total, None, fell


def compare(expected, got, case):
    if isinstance(got, list):
        try:
            got = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return "return the Q-table: a 48 x 4 array (or list of lists) of floats"
    if not isinstance(got, np.ndarray) or got.dtype.kind not in "fiu":
        return f"return the Q-table as a numpy array of floats, not {type(got).__name__}"
    if got.shape != (48, 4):
        return f"the Q-table must have shape (48, 4), one row per state and one column per action; got {got.shape}"
    if not np.isfinite(got).all():
        return "your Q-table holds inf or nan"
    total, steps, fell = _greedy_walk(got)
    if steps is None:
        return (f"the greedy policy of your Q-table does not reach the goal from the start within 100 steps "
                f"(it fell off the cliff {fell} times); is your table still all zeros?" if not got.any() else
                f"the greedy policy of your Q-table does not reach the goal from the start within 100 steps "
                f"(it fell off the cliff {fell} times)")
    if total != OPTIMUM:
        return (f"the greedy policy reaches the goal with a return of {total} in {steps} steps, but the best path, "
                f"along the edge of the cliff, returns {OPTIMUM}")
    gamma = case.args["spec"]["gamma"]
    value = -13.0 if gamma == 1.0 else -(1.0 - gamma**13) / (1.0 - gamma)  # -(1 + gamma + ... + gamma**12)
    if not abs(float(got[START].max()) - value) <= 0.05 * abs(value):
        return (f"the greedy path is right, but the value of the start, max(Q[36]) = {float(got[START].max()):.4g}, "
                f"should be close to the discounted return of the 13-step path with gamma = {gamma}, {value:.4g}")
    return True
