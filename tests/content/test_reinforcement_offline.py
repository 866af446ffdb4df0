"""The offline reinforcement-learning exercises (task "policy"), graded by the real grader.

`frozenlake-offline` and `cliffwalking-offline` learn a policy from logged random episodes and
are judged by its exact expected return in the real environment. Here: the reference and two
independent correct solutions (offline Q-learning sweeps in pure Python; fitted Q-iteration in
numpy with a discount close to 1) pass; the starter, every recorded mistake (named as itself),
`None`, a wrong-length array, out-of-range actions and a submission importing gymnasium fail.
Each reference is also checked against the optimum of the TRUE model, computed here by
finite-horizon value iteration on the environment's own rewards and transitions.
"""

from __future__ import annotations

import numpy as np
import pytest

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.dataset import make_split
from mltrail.grading.grader import grade_source, load_trusted

CURRICULUM = load_curriculum()
IDS = ("reinforcement/frozenlake-offline", "reinforcement/cliffwalking-offline")
SEED = 1

# Offline Q-learning: the TD update swept over the logged rows many times, plain lists.
Q_SWEEPS = """
def fit_policy(transitions, n_states, n_actions):
    rows = list(transitions[["state", "action", "reward", "next_state", "terminated"]]
                .itertuples(index=False, name=None))
    Q = [[0.0] * n_actions for _ in range(n_states)]
    for sweep in range({sweeps}):
        for s, a, r, s2, done in rows:
            target = r if done else r + max(Q[s2])
            Q[s][a] += {alpha} * (target - Q[s][a])
    return [max(range(n_actions), key=lambda b: Q[s][b]) for s in range(n_states)]
"""

# Fitted Q-iteration: each sweep replaces Q(s, a) by the mean target of its rows, discount 0.99.
FITTED_Q = """
import numpy as np
import pandas as pd


def fit_policy(transitions, n_states, n_actions, gamma=0.99):
    t = transitions
    cont = (~t["terminated"].astype(bool)).to_numpy(dtype=float)
    keys = [t["state"], t["action"]]
    Q = np.zeros((n_states, n_actions))
    for _ in range(400):
        target = t["reward"].to_numpy() + gamma * cont * Q.max(axis=1)[t["next_state"].to_numpy()]
        mean = pd.Series(target).groupby(keys).mean()
        new = Q.copy()
        new[mean.index.get_level_values(0), mean.index.get_level_values(1)] = mean.to_numpy()
        if np.abs(new - Q).max() < 1e-9:
            Q = new
            break
        Q = new
    return Q.argmax(axis=1).astype(int).tolist()
"""

ALTERNATIVES = {
    "reinforcement/frozenlake-offline": [Q_SWEEPS.format(sweeps=30, alpha=0.1), FITTED_Q],
    "reinforcement/cliffwalking-offline": [Q_SWEEPS.format(sweeps=15, alpha=0.5), FITTED_Q],
}

# How far below the true optimum a reference may be: FrozenLake's best stationary policy found
# from estimated probabilities is within 0.01 of the finite-horizon optimum 0.744; CliffWalking
# is deterministic and fully explored, so the reference must find the 13-step path exactly.
TOLERANCE = {"reinforcement/frozenlake-offline": 0.01, "reinforcement/cliffwalking-offline": 1e-9}

DEGENERATE = {
    "None": "def fit_policy(transitions, n_states, n_actions):\n    return None\n",
    "wrong length": "import numpy as np\ndef fit_policy(transitions, n_states, n_actions):\n"
                    "    return np.ones(n_states - 1, dtype=int)\n",
    "out of range": "def fit_policy(transitions, n_states, n_actions):\n    return [n_actions] * n_states\n",
    "negative": "def fit_policy(transitions, n_states, n_actions):\n    return [-1] * n_states\n",
    "gymnasium": "import gymnasium\ndef fit_policy(transitions, n_states, n_actions):\n    return [1] * n_states\n",
}


def exercise(exercise_id):
    return CURRICULUM.exercise(exercise_id)


def true_optimum(model) -> float:
    """The best expected return over the horizon: finite-horizon value iteration on the true model."""
    value = np.zeros(model.n_states)
    for _ in range(model.horizon):
        value = (model.rewards + np.einsum("ast,t->sa", model.moves, value)).max(axis=1)
    return float(model.start @ value)


@pytest.mark.parametrize("exercise_id", IDS)
def test_reference_and_two_alternatives_pass(exercise_id):
    ex = exercise(exercise_id)
    for name, code in [("solution", ex.file("solution.py").read_text()),
                       *((f"alternative {i}", c) for i, c in enumerate(ALTERNATIVES[exercise_id], 1))]:
        verdict = grade_source(ex, code, seed=SEED)
        assert verdict.status == "passed", f"{exercise_id} {name}: {verdict.message}"
        assert verdict.report["score"] >= verdict.report["needed"]


@pytest.mark.parametrize("exercise_id", IDS)
def test_starter_mistakes_and_degenerate_answers_fail(exercise_id):
    ex = exercise(exercise_id)
    mistakes = ex.mistakes()
    assert len(mistakes) >= 2
    verdict = grade_source(ex, ex.file("starter.py").read_text(), seed=SEED)
    assert verdict.status == "failed", f"starter: {verdict.message}"
    for path in mistakes:
        verdict = grade_source(ex, path.read_text(), seed=SEED)
        assert verdict.status == "failed", f"{path.stem} should fail: {verdict.message}"
        assert verdict.mistake is not None and verdict.mistake.name == path.stem, (path.stem, verdict.mistake)
    for name, code in DEGENERATE.items():
        verdict = grade_source(ex, code, seed=SEED)
        assert verdict.status == "failed", f"{name} should fail: {verdict.message}"
    assert "uses `gymnasium`" in verdict.message


@pytest.mark.parametrize("exercise_id", IDS)
def test_each_reference_is_near_the_optimum_of_the_true_model(exercise_id):
    ex = exercise(exercise_id)
    split = make_split(ex)
    model = split.model
    policy = np.asarray(load_trusted(ex.file("solution.py")).fit_policy(split.X_train.copy(), model.n_states, model.n_actions))
    assert policy.shape == (model.n_states,)
    achieved = model.expected_return(np.eye(model.n_actions)[policy])
    best = true_optimum(model)
    assert achieved == pytest.approx(best, abs=TOLERANCE[exercise_id]), (achieved, best)
    # The threshold leaves room below the reference and stays far above the random logger.
    manifest = ex.manifest
    random_policy = model.expected_return(np.full((model.n_states, model.n_actions), 1 / model.n_actions))
    assert achieved - manifest.threshold >= 0.05 * max(1.0, abs(manifest.threshold))
    assert manifest.threshold - random_policy > manifest.margin


def test_the_known_optima_and_the_paths_that_must_pass_or_fail_on_the_cliff():
    model = make_split(exercise("reinforcement/cliffwalking-offline")).model
    assert true_optimum(model) == pytest.approx(-13.0)
    score = lambda policy: model.expected_return(np.eye(4)[np.asarray(policy)])
    up, right, down = 0, 1, 2
    edge = np.full(48, right)
    edge[36], edge[35] = up, down  # up once, right along the edge of the cliff, down into the goal
    safe = np.full(48, right)
    safe[[36, 24, 12]] = up
    safe[[11, 23, 35]] = down  # along the top row
    into_cliff = np.full(48, right)  # from the start straight into the cliff, again and again
    threshold = exercise("reinforcement/cliffwalking-offline").manifest.threshold
    assert score(edge) == pytest.approx(-13.0) and score(safe) == pytest.approx(-17.0)
    assert score(edge) >= threshold and score(safe) >= threshold
    assert score(np.full(48, up)) == pytest.approx(-200.0) and -200.0 < threshold
    assert score(into_cliff) < -1000 < threshold
    frozen = make_split(exercise("reinforcement/frozenlake-offline")).model
    assert true_optimum(frozen) == pytest.approx(0.744, abs=0.001)
