"""Reference tests for the function exercises of the reinforcement module.

Each reference solution is compared with an independent computation over every case of its
check, judged by the check's own `compare`: scipy's lfilter for discounted returns, scipy's Beta
quantiles for Thompson sampling, a Neumann series and exact rational arithmetic for policy
evaluation, linear programming (scipy's linprog) for the optimal values and policies, pandas for
Monte Carlo averages. Known optima are checked by playing Gymnasium episodes: the 13-step path
of CliffWalking (return -13), success 1.0 on the deterministic FrozenLake, and the success rate
of the slippery lake's optimal policy against its exact probability. The recorded mistakes must
go wrong on the labelled edge cases and on random ones, be told apart, and be explained in two
to five sentences; starters must fail; the cases have the agreed shape.
"""

from __future__ import annotations

import copy
import functools
import re
import sys
import tomllib
from fractions import Fraction

import gymnasium as gym
import numpy as np
import pandas as pd
import pytest
import scipy.optimize
import scipy.sparse
import scipy.special
import scipy.stats
from scipy.signal import lfilter

from exercise_files import MODULES, RAISED, call, exercise_cases, load_file, passes, plain

MODULE = "reinforcement"
FOLDER = MODULES / MODULE / "exercises"
SLOW = {"gym-planning", "q-learning-cliff"}  # they train or plan on Gymnasium: one seed is enough
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z`]|\s*$)")


def seeds_of(slug):
    return (0,) if slug in SLOW else (0, 1, 2)


@pytest.fixture(autouse=True)
def _no_bytecode_in_content(monkeypatch):
    """Loading exercise files must not leave __pycache__ folders in the content."""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)


# --- independent references -------------------------------------------------------------


def ref_returns_to_go(rewards, gamma):
    if not rewards:
        return []
    # G_t = r_t + gamma G_{t+1} is a first-order linear filter run backwards
    return [float(v) for v in lfilter([1.0], [1.0, -gamma], np.asarray(rewards, dtype=float)[::-1])[::-1]]


def ref_epsilon_greedy(rewards, epsilon, explore_draws, explore_arms):
    R = np.asarray(rewards, dtype=float)
    sums, counts, actions = np.zeros(R.shape[1]), np.zeros(R.shape[1]), []
    for t in range(len(R)):
        means = np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)
        arm = int(explore_arms[t]) if explore_draws[t] < epsilon else int(np.flatnonzero(means == means.max())[0])
        sums[arm] += R[t, arm]
        counts[arm] += 1
        actions.append(arm)
    return actions


def ucb1_with_gaps(rewards, c):
    """UCB1's actions, and at each scored step the gap between the best and the next score."""
    R = np.asarray(rewards, dtype=float)
    T, K = R.shape
    sums, counts, actions, gaps = np.zeros(K), np.zeros(K), [], []
    for t in range(T):
        if t < K:
            arm = t
        else:
            scores = sums / counts + c * np.sqrt(np.log(t) / counts)
            order = np.argsort(-scores, kind="stable")
            arm = int(order[0])
            same = counts[order[0]] == counts[order[1]] and sums[order[0]] == sums[order[1]]
            gaps.append(np.inf if same else scores[order[0]] - scores[order[1]])
        sums[arm] += R[t, arm]
        counts[arm] += 1
        actions.append(arm)
    return actions, gaps


def ref_ucb1(rewards, c):
    return ucb1_with_gaps(rewards, c)[0]


def ref_cumulative_regret(means, actions):
    m = np.asarray(means, dtype=float)
    return [float(v) for v in np.cumsum(m.max() - m[np.asarray(actions, dtype=int)])] if actions else []


def ref_thompson_sampling(rewards, uniforms):
    K = len(rewards[0])
    wins, losses, actions = [0] * K, [0] * K, []
    for t, row in enumerate(rewards):
        theta = [scipy.stats.beta(1 + wins[a], 1 + losses[a]).ppf(uniforms[t][a]) for a in range(K)]
        arm = int(np.argmax(theta))
        wins[arm] += row[arm]
        losses[arm] += 1 - row[arm]
        actions.append(arm)
    return actions


def ref_evaluate_policy(P, R, policy, gamma):
    # v = sum over k of (gamma P_pi)^k r_pi, the Neumann series, summed until the terms vanish
    P, R, pi = np.asarray(P), np.asarray(R), np.asarray(policy)
    M = gamma * np.einsum("sa,sat->st", pi, P)
    term = (pi * R).sum(axis=1)
    v = np.zeros_like(term)
    while np.abs(term).max() > 1e-17 * (1 + np.abs(v).max()):
        v, term = v + term, M @ term
    return v.tolist()


def ref_iterative_evaluation(P, R, policy, gamma, sweeps):
    # the same sweeps in exact rational arithmetic: no rounding at all
    S = len(R)
    P = [[[Fraction(p) for p in row] for row in block] for block in P]
    R = [[Fraction(r) for r in row] for row in R]
    g = Fraction(gamma)
    v = [Fraction(0)] * S
    for _ in range(sweeps):
        v = [R[s][policy[s]] + g * sum(p * v[t] for t, p in enumerate(P[s][policy[s]])) for s in range(S)]
    return [float(x) for x in v]


def optimal_values_lp(T, R, gamma):
    """v* as the smallest v with v(s) >= R(s, a) + gamma sum_t T(s, a, t) v(t) for all s, a (a linear program)."""
    S, A = R.shape
    rows = scipy.sparse.csr_matrix(T.reshape(S * A, S)) if not scipy.sparse.issparse(T) else T
    selector = scipy.sparse.kron(scipy.sparse.identity(S), np.ones((A, 1)))  # row s*A + a picks v(s)
    result = scipy.optimize.linprog(
        np.ones(S), A_ub=gamma * rows - selector, b_ub=-R.reshape(-1), bounds=[(None, None)] * S, method="highs"
    )
    assert result.status == 0, result.message
    return result.x


def ref_value_iteration(P, R, gamma):
    return optimal_values_lp(np.asarray(P, dtype=float), np.asarray(R, dtype=float), gamma).tolist()


def ref_policy_iteration(P, R, gamma):
    P, R = np.asarray(P, dtype=float), np.asarray(R, dtype=float)
    v = optimal_values_lp(P, R, gamma)
    return [int(a) for a in (R + gamma * P @ v).argmax(axis=1)]


def gym_model(spec):
    """(T as a sparse (S*A) x S matrix of the transitions that go on, R) from the environment's P."""
    env = gym.make(spec["env"], **spec["kwargs"])
    S, A = int(env.observation_space.n), int(env.action_space.n)
    T = scipy.sparse.lil_matrix((S * A, S))
    R = np.zeros((S, A))
    for s in range(S):
        for a in range(A):
            for p, t, r, done in env.unwrapped.P[s][a]:
                R[s, a] += p * r
                if not done:
                    T[s * A + a, int(t)] += p
    return T.tocsr(), R


def ref_plan(spec):
    T, R = gym_model(spec)
    v = optimal_values_lp(T, R, spec["gamma"])
    S, A = R.shape
    return [int(a) for a in (R + spec["gamma"] * (T @ v).reshape(S, A)).argmax(axis=1)]


def ref_first_visit_mc(episodes, n_states, gamma):
    records = []
    for number, episode in enumerate(episodes):
        rewards = np.array([r for _, r in episode], dtype=float)
        for t, (s, _) in enumerate(episode):
            records.append((number, s, t, float(np.dot(gamma ** np.arange(len(rewards) - t), rewards[t:]))))
    frame = pd.DataFrame(records, columns=["episode", "state", "t", "G"])
    first = frame.sort_values("t").groupby(["episode", "state"]).first()
    means = first.groupby("state")["G"].mean()
    return [float(means.get(s, 0.0)) for s in range(n_states)]


def ref_mc_control_step(episodes, n_states, n_actions, gamma, epsilon):
    records = []
    for number, episode in enumerate(episodes):
        rewards = np.array([r for _, _, r in episode], dtype=float)
        for t, (s, a, _) in enumerate(episode):
            records.append((number, s, a, t, float(np.dot(gamma ** np.arange(len(rewards) - t), rewards[t:]))))
    frame = pd.DataFrame(records, columns=["episode", "state", "action", "t", "G"])
    means = frame.sort_values("t").groupby(["episode", "state", "action"]).first().groupby(["state", "action"])["G"].mean()
    Q = np.zeros((n_states, n_actions))
    for (s, a), value in means.items():
        Q[s, a] = value
    policy = np.full((n_states, n_actions), epsilon / n_actions)
    for s in range(n_states):
        policy[s, int(np.flatnonzero(Q[s] == Q[s].max())[0])] += 1 - epsilon
    return Q.tolist(), policy.tolist()


def ref_td_updates(Q, transitions, alpha, gamma, method):
    table = np.array(Q, dtype=float)
    for s, a, r, s2, a2, done in transitions:
        follow = table[s2].max() if method == "q-learning" else table[s2, a2]
        table[s, a] = (1 - alpha) * table[s, a] + alpha * (r + (0.0 if done else gamma * follow))
    return table.tolist()


EXERCISES = {
    "discounted-returns": ("returns_to_go", ref_returns_to_go),
    "epsilon-greedy-bandit": ("epsilon_greedy", ref_epsilon_greedy),
    "ucb1": ("ucb1", ref_ucb1),
    "bandit-regret": ("cumulative_regret", ref_cumulative_regret),
    "thompson-sampling": ("thompson_sampling", ref_thompson_sampling),
    "exact-policy-evaluation": ("evaluate_policy", ref_evaluate_policy),
    "iterative-policy-evaluation": ("iterative_evaluation", ref_iterative_evaluation),
    "value-iteration": ("value_iteration", ref_value_iteration),
    "policy-iteration": ("policy_iteration", ref_policy_iteration),
    "gym-planning": ("plan", ref_plan),
    "mc-prediction": ("first_visit_mc", ref_first_visit_mc),
    "mc-control": ("mc_control_step", ref_mc_control_step),
    "td-updates": ("td_updates", ref_td_updates),
    "q-learning-cliff": ("q_learning", None),  # judged by its greedy path: see the tests below
}


# --- helpers -----------------------------------------------------------------------------


def exercise_id(slug):
    return f"{MODULE}/{slug}"


def entry_of(slug):
    return EXERCISES[slug][0]


@functools.cache
def check_of(slug):
    return load_file(FOLDER / slug / "check.py")


@functools.cache
def function_of(path, entry):
    return getattr(load_file(path), entry)


@functools.cache
def cases_of(slug, seed):
    return exercise_cases(exercise_id(slug), seed)


@functools.cache
def outputs(slug, seed, name):
    """What solution.py, starter.py or mistakes/<name>.py returns on every case (RAISED if it raises)."""
    path = FOLDER / slug / (f"mistakes/{name}.py" if name not in ("solution", "starter") else f"{name}.py")
    function = function_of(path, entry_of(slug))
    return [call(function, case.args) for case in cases_of(slug, seed)]


def mistake_names(slug):
    return [path.stem for path in sorted((FOLDER / slug / "mistakes").glob("*.py"))]


def mistake_params():
    return [pytest.param(slug, name, id=f"{slug}/{name}") for slug in EXERCISES for name in mistake_names(slug)]


def seeded(slugs):
    return [pytest.param(slug, seed, id=f"{slug}-{seed}") for slug in slugs for seed in seeds_of(slug)]


# --- structure ---------------------------------------------------------------------------


def test_every_function_exercise_is_covered():
    folders = {
        path.name
        for path in FOLDER.iterdir()
        if (path / "exercise.toml").is_file()
        and tomllib.loads((path / "exercise.toml").read_text(encoding="utf-8"))["kind"] == "function"
    }
    assert folders == set(EXERCISES)


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_exercise_files(slug):
    folder = FOLDER / slug
    meta = tomllib.loads((folder / "exercise.toml").read_text(encoding="utf-8"))
    assert meta["kind"] == "function"
    assert meta["entry"] == entry_of(slug)
    assert 2 <= len(meta["hints"]) <= 4
    assert all(not set("\n`") & set(hint) for hint in meta["hints"][:-1]), "only the last hint shows code"
    assert 1 <= meta["difficulty"] <= 5
    manifest = tomllib.loads((MODULES / MODULE / "module.toml").read_text(encoding="utf-8"))
    declared = {skill["id"] for skill in manifest["skills"]}
    assert meta["skills"] and set(meta["skills"]) <= declared
    prompt = (folder / "prompt.md").read_text(encoding="utf-8")
    assert "the grader calls it with keyword arguments" in " ".join(prompt.split())
    assert f"`{entry_of(slug)}(" in prompt
    assert len(re.findall(r"```python\n", prompt)) == 1, "exactly one worked example"
    assert all(len(line) <= 100 for line in prompt.splitlines() if not line.startswith(">>>")), "keep prompt lines short"
    mistakes = sorted((folder / "mistakes").glob("*.py"))
    assert 2 <= len(mistakes) <= 3
    for path in mistakes:
        assert re.fullmatch(r"[a-z0-9-]+", path.stem), path.name
        assert path.read_text(encoding="utf-8").startswith("# "), f"{path.name}: first line must be a comment"


@pytest.mark.parametrize(("slug", "seed"), seeded(EXERCISES))
def test_cases_shape(slug, seed):
    cases = cases_of(slug, seed)
    assert 1 <= sum(case.hidden for case in cases) <= 2
    assert sum(1 for case in cases if not case.hidden and case.label is None) >= 20
    assert cases[0].label is not None and "worked example" in cases[0].label  # edge cases first, the example first
    first_random = next(i for i, case in enumerate(cases) if case.label is None)
    assert all(case.label is not None for case in cases[:first_random])
    assert all(case.label is None for case in cases[first_random:])


def _bounds_hold(slug, a) -> bool:
    """The input bounds each prompt promises, so that a solution may rely on them."""
    if slug == "discounted-returns":
        return 0 <= a["gamma"] <= 1
    if slug == "epsilon-greedy-bandit":
        T, K = len(a["rewards"]), len(a["rewards"][0])
        return (T >= 1 and K >= 2 and 0 <= a["epsilon"] <= 1 and len(a["explore_draws"]) == T
                and all(0 <= u < 1 for u in a["explore_draws"]) and all(0 <= k < K for k in a["explore_arms"]))
    if slug == "ucb1":
        return len(a["rewards"][0]) >= 2 and len(a["rewards"]) >= len(a["rewards"][0]) and a["c"] > 0
    if slug == "thompson-sampling":
        U = np.asarray(a["uniforms"])
        return set(np.unique(a["rewards"])) <= {0, 1} and U.shape == np.shape(a["rewards"]) and ((U > 0) & (U < 1)).all()
    if slug in ("exact-policy-evaluation", "iterative-policy-evaluation", "value-iteration", "policy-iteration"):
        P = np.asarray(a["P"])
        ok = (P >= 0).all() and np.allclose(P.sum(axis=2), 1.0, atol=1e-12)
        if slug == "exact-policy-evaluation":
            pi = np.asarray(a["policy"])
            ok = ok and (pi >= 0).all() and np.allclose(pi.sum(axis=1), 1.0, atol=1e-12)
        return ok and 0 <= a["gamma"] <= (1.0 if slug == "iterative-policy-evaluation" else 0.95)
    if slug == "gym-planning":
        return a["spec"]["env"] in ("FrozenLake-v1", "CliffWalking-v1", "Taxi-v4") and a["spec"]["gamma"] <= 0.99
    if slug in ("mc-prediction", "mc-control"):
        return all(len(e) >= 1 for e in a["episodes"]) and 0 <= a["gamma"] <= 1
    if slug == "q-learning-cliff":
        spec = a["spec"]
        return spec["env"] == "CliffWalking-v1" and spec["episodes"] >= 100 and spec["alpha"] >= 0.5
    return True


@pytest.mark.parametrize(("slug", "seed"), seeded(EXERCISES))
def test_cases_respect_the_bounds_the_prompt_states(slug, seed):
    for case in cases_of(slug, seed):
        assert _bounds_hold(slug, case.args), f"{slug} {case.label or ''}: {case.args}"


# --- the reference against independent computations -------------------------------------


@pytest.mark.parametrize(("slug", "seed"), seeded(s for s in EXERCISES if EXERCISES[s][1] is not None))
def test_solution_matches_independent_computation(slug, seed):
    entry, reference = EXERCISES[slug]
    check = check_of(slug)
    for case, got in zip(cases_of(slug, seed), outputs(slug, seed, "solution")):
        expected = plain(reference(**copy.deepcopy(case.args)))
        assert got is not RAISED, f"{slug} {case.label or ''}: the solution raised"
        assert passes(check, expected, got, case), f"{slug} {case.label or ''}: {case.args} -> {got!r}, reference {expected!r}"


def test_ucb1_cases_have_no_near_ties():
    # A near-tie of scores would let two correct implementations pick different arms by rounding alone.
    for seed in seeds_of("ucb1"):
        for case in cases_of("ucb1", seed):
            _, gaps = ucb1_with_gaps(**case.args)
            assert min(gaps, default=np.inf) > 1e-9, f"{case.label or case.args}: a near-tie of UCB scores"


def test_ucb1_check_refuses_the_last_index_among_equal_scores():
    # The prompt breaks a tie of scores by the lowest index; a labelled case must hold an exact tie.
    check = check_of("ucb1")

    def last_of_ties(rewards, c):
        K = len(rewards[0])
        counts, sums, actions = [0] * K, [0.0] * K, []
        for t, row in enumerate(rewards):
            scores = [sums[a] / counts[a] + c * np.sqrt(np.log(t) / counts[a]) for a in range(K)] if t >= K else None
            arm = t if t < K else max(range(K), key=lambda a: (scores[a], a))
            counts[arm] += 1
            sums[arm] += row[arm]
            actions.append(arm)
        return actions

    cases = cases_of("ucb1", 0)
    verdicts = [passes(check, want, call(last_of_ties, case.args), case)
                for case, want in zip(cases, outputs("ucb1", 0, "solution")) if case.label]
    assert not all(verdicts), "a UCB1 that breaks ties by the highest index passes the labelled cases"


def test_thompson_draws_are_never_near_ties():
    for seed in seeds_of("thompson-sampling"):
        for case, actions in zip(cases_of("thompson-sampling", seed), outputs("thompson-sampling", seed, "solution")):
            wins, losses = np.zeros(len(case.args["rewards"][0])), np.zeros(len(case.args["rewards"][0]))
            for t, arm in enumerate(actions):
                theta = np.sort(scipy.special.betaincinv(1 + wins, 1 + losses, case.args["uniforms"][t]))
                assert theta[-1] - theta[-2] > 1e-9 or case.label, f"{case.args}: near-tie at step {t}"
                wins[arm] += case.args["rewards"][t][arm]
                losses[arm] += 1 - case.args["rewards"][t][arm]


def test_value_iteration_agrees_with_the_exact_value_of_its_greedy_policy():
    # Value iteration's values are the exact values (a linear solve) of the policy policy iteration returns.
    value_iteration = function_of(FOLDER / "value-iteration" / "solution.py", "value_iteration")
    policy_iteration = function_of(FOLDER / "policy-iteration" / "solution.py", "policy_iteration")
    evaluate = function_of(FOLDER / "exact-policy-evaluation" / "solution.py", "evaluate_policy")
    for case in cases_of("value-iteration", 0):
        a = case.args
        policy = policy_iteration(**a)
        one_hot = np.eye(len(a["R"][0]))[policy].tolist()
        exact = evaluate(P=a["P"], R=a["R"], policy=one_hot, gamma=a["gamma"])
        assert np.allclose(value_iteration(**a), exact, atol=1e-8)



def test_value_iteration_stopping_rule_never_divides_by_gamma():
    # The cases include gamma = 0: a stopping rule written as a threshold divided by gamma, followed as
    # the prompt or a hint states it, raises ZeroDivisionError on a case the prompt allows.
    assert any(case.args["gamma"] == 0 for case in cases_of("value-iteration", 0))
    folder = FOLDER / "value-iteration"
    hints = tomllib.loads((folder / "exercise.toml").read_text(encoding="utf-8"))["hints"]
    for text in [(folder / "prompt.md").read_text(encoding="utf-8"), *hints]:
        assert not re.search(r"/\s*\\?gamma\b", text), f"a stopping rule divides by gamma: {text[:80]!r}"


def _play(spec, policy, episodes, seed):
    """Returns of Gymnasium episodes (with the environment's own time limit) under a deterministic policy."""
    env = gym.make(spec["env"], **spec["kwargs"])
    totals = []
    for k in range(episodes):
        state, _ = env.reset(seed=seed if k == 0 else None)
        total, done = 0.0, False
        while not done:
            state, reward, terminated, truncated, _ = env.step(int(policy[state]))
            total += reward
            done = terminated or truncated
        totals.append(total)
    return totals


def test_planning_finds_the_known_optima_when_played():
    plan = function_of(FOLDER / "gym-planning" / "solution.py", "plan")
    cliff = {"env": "CliffWalking-v1", "kwargs": {}, "gamma": 0.9}
    assert _play(cliff, plan(spec=cliff), 3, seed=0) == [-13.0, -13.0, -13.0]
    lake = {"env": "FrozenLake-v1", "kwargs": {"map_name": "4x4", "is_slippery": False}, "gamma": 0.9}
    assert _play(lake, plan(spec=lake), 3, seed=0) == [1.0, 1.0, 1.0]
    big = {"env": "FrozenLake-v1", "kwargs": {"map_name": "8x8", "is_slippery": False}, "gamma": 0.95}
    assert _play(big, plan(spec=big), 1, seed=0) == [1.0]
    taxi = {"env": "Taxi-v4", "kwargs": {}, "gamma": 0.9}
    returns = _play(taxi, plan(spec=taxi), 20, seed=0)
    assert all(0 < g < 20 for g in returns)  # every ride ends with the +20 drop-off, after a few -1 steps


def test_planning_on_the_slippery_lake_matches_its_exact_success_probability():
    # The model in env.unwrapped.P and the dynamics of env.step agree: the success rate of 4000 played
    # episodes matches the probability of reaching the goal computed from the model (within 4 standard errors).
    plan = function_of(FOLDER / "gym-planning" / "solution.py", "plan")
    spec = {"env": "FrozenLake-v1", "kwargs": {"map_name": "4x4", "is_slippery": True}, "gamma": 0.99}
    policy = plan(spec=spec)
    T, R = gym_model(spec)
    S, A = R.shape
    rows = np.arange(S) * A + np.asarray(policy)
    success = np.zeros(S)  # probability of reaching the goal within the remaining steps, by backward induction
    for _ in range(100):  # FrozenLake's time limit
        success = R.reshape(-1)[rows] + T[rows] @ success
    played = np.mean(_play(spec, policy, 4000, seed=1))
    assert abs(played - success[0]) < 4 * np.sqrt(success[0] * (1 - success[0]) / 4000)
    assert 0.7 < success[0] < 0.76  # the slippery 4x4 lake: about three successes in four at best


def test_q_learning_reference_walks_the_optimal_path():
    q_learning = function_of(FOLDER / "q-learning-cliff" / "solution.py", "q_learning")
    check = check_of("q-learning-cliff")
    spec = {"env": "CliffWalking-v1", "episodes": 100, "alpha": 0.8, "gamma": 0.95, "epsilon_start": 0.2,
            "epsilon_end": 0.0, "seed": 11}
    Q = q_learning(spec=spec)
    # played with Gymnasium's env.step, not the model the check walks on
    assert _play({"env": "CliffWalking-v1", "kwargs": {}}, Q.argmax(axis=1), 1, seed=0) == [-13.0]
    # q*(start) from the linear program on the model: the discounted cost of 13 steps
    T, R = gym_model({"env": "CliffWalking-v1", "kwargs": {}})
    v = optimal_values_lp(T, R, 0.95)
    assert abs(v[36] - (-(1 - 0.95**13) / (1 - 0.95))) < 1e-7
    assert abs(Q[36].max() - v[36]) < 0.01 * abs(v[36])
    for case, got in zip(cases_of("q-learning-cliff", 0), outputs("q-learning-cliff", 0, "solution")):
        assert passes(check, got, got, case), f"{case.label or case.args}"


def test_q_learning_check_rejects_tables_that_are_not_learned():
    check = check_of("q-learning-cliff")
    case = next(c for c in cases_of("q-learning-cliff", 0) if c.args["spec"]["gamma"] < 1)
    gamma = case.args["spec"]["gamma"]
    T, R = gym_model({"env": "CliffWalking-v1", "kwargs": {}})

    def q_star(g):
        return R + g * (T @ optimal_values_lp(T, R, g)).reshape(48, 4)

    assert passes(check, None, q_star(gamma), case)  # the exact optimum passes
    assert not passes(check, None, np.zeros((48, 4)), case)  # nothing learned
    assert not passes(check, None, q_star(0.5), case)  # the right path, the values of another gamma
    assert not passes(check, None, q_star(gamma)[:, ::-1], case)  # actions in the wrong order


@pytest.mark.parametrize(("slug", "seed"), seeded(EXERCISES))
def test_expected_output_never_equals_an_input(slug, seed):
    # On random cases an input returned unchanged must be wrong; a few labelled edge cases (gamma = 0,
    # epsilon = 1, one arm) are equal to an input on purpose.
    for case, expected in zip(cases_of(slug, seed), outputs(slug, seed, "solution")):
        if case.label is not None:
            continue
        for value in case.args.values():
            if isinstance(value, (list, np.ndarray)) and len(value) and not isinstance(expected, tuple):
                try:
                    same = np.shape(value) == np.shape(expected) and np.allclose(
                        np.asarray(value, dtype=float), np.asarray(expected, dtype=float)
                    )
                except (ValueError, TypeError):
                    same = False
                assert not same, f"{slug} {case.label}: expected output equals an input"


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_starter_fails(slug):
    check = check_of(slug)
    cases = cases_of(slug, 0)
    expected, got = outputs(slug, 0, "solution"), outputs(slug, 0, "starter")
    assert not all(passes(check, e, g, c) for e, g, c in zip(expected, got, cases))


# --- recorded mistakes ---------------------------------------------------------------------


@pytest.mark.parametrize(("slug", "name"), mistake_params())
def test_mistake_is_caught_on_edge_and_random_cases(slug, name):
    check = check_of(slug)
    for seed in seeds_of(slug):
        cases = cases_of(slug, seed)
        pairs = zip(outputs(slug, seed, "solution"), outputs(slug, seed, name), cases)
        wrong = [not passes(check, e, g, c) for e, g, c in pairs]
        labelled = [w for w, c in zip(wrong, cases) if c.label is not None]
        random = [w for w, c in zip(wrong, cases) if c.label is None and not c.hidden]
        assert any(labelled), f"{name} is not caught by the fixed edge cases (seed {seed})"
        # typical random cases show the mistake too, so the grader can recognise it there
        assert sum(random) >= 0.15 * len(random), f"{name} goes wrong on only {sum(random)} of {len(random)} random cases"


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_mistakes_are_told_apart(slug):
    check = check_of(slug)
    seed = seeds_of(slug)[0]
    cases = cases_of(slug, seed)
    found = {name: outputs(slug, seed, name) for name in mistake_names(slug)}
    for name, got in found.items():
        for other, other_got in found.items():
            if other != name:
                assert any(
                    not passes(check, a, b, c) for a, b, c in zip(got, other_got, cases) if a is not RAISED
                ), f"{name} cannot be told apart from {other}"


@pytest.mark.parametrize(("slug", "name"), mistake_params())
def test_mistake_is_explained_in_two_to_five_sentences(slug, name):
    explanation = FOLDER / slug / "mistakes" / f"{name}.md"
    assert explanation.is_file(), f"{name}.py has no explanation {explanation.name}"
    text = explanation.read_text(encoding="utf-8").strip()
    sentences = len(SENTENCE_END.findall(text))
    assert 2 <= sentences <= 5, f"{explanation.name}: {sentences} sentences"
    assert text.startswith("You"), f"{explanation.name} speaks to the learner who made the mistake"
    assert "$" not in text, f"{explanation.name}: explanations are plain text, no TeX"
