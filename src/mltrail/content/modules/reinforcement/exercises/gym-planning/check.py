import numpy as np

from mltrail.grading.contract import hidden, labelled

_MODELS = {}


def _model(spec):
    """(T, R) of the environment, T sparse with row s * A + a holding the transitions that go on."""
    key = repr((spec["env"], sorted(spec["kwargs"].items())))
    if key not in _MODELS:
        import gymnasium as gym
        from scipy.sparse import csr_matrix

        env = gym.make(spec["env"], **spec["kwargs"])
        S, A = env.observation_space.n, env.action_space.n
        R = np.zeros((S, A))
        rows, columns, probabilities = [], [], []
        for s in range(S):
            for a in range(A):
                for p, t, r, terminated in env.unwrapped.P[s][a]:
                    R[s, a] += p * r
                    if not terminated:
                        rows.append(s * A + a)
                        columns.append(int(t))
                        probabilities.append(p)
        T = csr_matrix((probabilities, (rows, columns)), shape=(S * A, S))
        _MODELS.clear()  # keep one model: cases come one by one
        _MODELS[key] = (T, R)
    return _MODELS[key]


def _lake(rng):
    from gymnasium.envs.toy_text.frozen_lake import generate_random_map

    size = int(rng.integers(3, 7))
    desc = generate_random_map(size=size, p=float(rng.choice([0.7, 0.8, 0.9])), seed=int(rng.integers(1 << 30)))
    kwargs = {"desc": desc, "is_slippery": bool(rng.uniform() < 0.6)}
    return {"spec": {"env": "FrozenLake-v1", "kwargs": kwargs, "gamma": float(rng.choice([0.9, 0.95, 0.99]))}}


def _cliff(rng):
    kwargs = {"is_slippery": bool(rng.uniform() < 0.5)}
    return {"spec": {"env": "CliffWalking-v1", "kwargs": kwargs, "gamma": float(rng.choice([0.8, 0.9, 0.95]))}}


def _taxi(rng):
    return {"spec": {"env": "Taxi-v4", "kwargs": {}, "gamma": float(rng.choice([0.8, 0.9]))}}


def cases(rng):
    yield labelled({"spec": {"env": "FrozenLake-v1", "kwargs": {"map_name": "4x4", "is_slippery": False}, "gamma": 0.9}},
                   "the worked example: the standard 4x4 lake, not slippery")
    yield labelled({"spec": {"env": "FrozenLake-v1", "kwargs": {"map_name": "4x4", "is_slippery": True}, "gamma": 0.99}},
                   "the standard 4x4 lake, slippery: careful moves along the walls")
    yield labelled({"spec": {"env": "CliffWalking-v1", "kwargs": {}, "gamma": 0.9}},
                   "CliffWalking: the 13-step path along the cliff")
    yield labelled({"spec": {"env": "Taxi-v4", "kwargs": {}, "gamma": 0.9}}, "Taxi: 500 states, six actions")
    yield labelled({"spec": {"env": "FrozenLake-v1", "kwargs": {"map_name": "8x8", "is_slippery": True}, "gamma": 0.99}},
                   "the standard 8x8 lake, slippery")
    for i in range(22):
        yield (_taxi if i % 11 == 5 else _cliff if i % 4 == 3 else _lake)(rng)
    yield hidden(_lake(rng))


def _value(T, R, policy, gamma):
    """The exact value of a deterministic policy: a sparse solve of (I - gamma T_pi) v = r_pi."""
    from scipy.sparse import identity
    from scipy.sparse.linalg import spsolve

    S, A = R.shape
    states = np.arange(S)
    T_pi = T[states * A + policy]
    return np.asarray(spsolve((identity(S, format="csc") - gamma * T_pi).tocsc(), R[states, policy]))


def compare(expected, got, case):
    spec = case.args["spec"]
    T, R = _model(spec)
    S, A = R.shape
    if isinstance(got, np.ndarray):
        if got.dtype.kind not in "iu" or got.ndim != 1:
            return f"return a list of S ints (one action per state), got an array of shape {got.shape}, dtype {got.dtype}"
        got = got.tolist()
    if not isinstance(got, list):
        return f"return a list of actions, not {type(got).__name__}"
    if len(got) != S:
        return f"expected {S} actions (one per state of {spec['env']}), got {len(got)}"
    if any(type(a) is not int for a in got):
        return "every action must be an int"
    if any(not 0 <= a < A for a in got):
        return f"every action must be between 0 and {A - 1}"
    best = _value(T, R, np.asarray(expected), spec["gamma"])
    yours = _value(T, R, np.asarray(got), spec["gamma"])
    m = float(np.abs(R).max()) / (1.0 - spec["gamma"])
    worse = np.flatnonzero(yours < best - 1e-7 * (1.0 + m))
    if worse.size:
        s = int(worse[0])
        return (f"your policy is not optimal: from state {s} it is worth {yours[s] + 0.0:.6g}, "
                f"an optimal policy {best[s] + 0.0:.6g} (action {expected[s]} there)")
    return True
