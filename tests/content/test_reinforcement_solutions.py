"""Every function exercise of the reinforcement module accepts correct solutions in other styles.

For each exercise, two independent correct solutions (plain Python loops, numpy vectorised code,
scipy's distributions and solvers, dicts instead of arrays, other tie-breaking and other random
number generators for the learning agents) are graded by the real grader for two seeds. A check
that rejects one of them demands something its prompt does not state, or (for the agents trained
on Gymnasium) leaves too little margin for a correct agent that draws its random numbers
differently from the reference. One warm zygote pool runs them all, as a server would.
"""

from __future__ import annotations

import textwrap

import pytest

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source
from mltrail.sandbox.pool import ZygotePool

SEEDS = (0, 1)
CURRICULUM = load_curriculum()

SOLUTIONS: dict[str, dict[str, str]] = {
    "discounted-returns": {
        "direct-sums": """
            def returns_to_go(rewards, gamma):
                n = len(rewards)
                return [float(sum(gamma ** k * rewards[t + k] for k in range(n - t))) for t in range(n)]
        """,
        "numpy-discount-matrix": """
            import numpy as np

            def returns_to_go(rewards, gamma):
                n = len(rewards)
                k = np.arange(n)
                power = np.subtract.outer(k, k).T  # power[t, j] = j - t
                M = np.where(power >= 0, float(gamma) ** np.maximum(power, 0), 0.0)
                return (M @ np.asarray(rewards, dtype=float).reshape(n)).tolist()
        """,
    },
    "epsilon-greedy-bandit": {
        "numpy-sums": """
            import numpy as np

            def epsilon_greedy(rewards, epsilon, explore_draws, explore_arms):
                R = np.asarray(rewards, dtype=float)
                sums, counts = np.zeros(R.shape[1]), np.zeros(R.shape[1])
                actions = np.zeros(len(R), dtype=int)
                for t in range(len(R)):
                    means = np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)
                    a = explore_arms[t] if explore_draws[t] < epsilon else int(np.argmax(means))
                    sums[a] += R[t, a]
                    counts[a] += 1
                    actions[t] = a
                return actions
        """,
        "dict-of-lists": """
            def epsilon_greedy(rewards, epsilon, explore_draws, explore_arms):
                seen = {a: [] for a in range(len(rewards[0]))}
                chosen = []
                for t, row in enumerate(rewards):
                    if explore_draws[t] < epsilon:
                        arm = explore_arms[t]
                    else:
                        means = [sum(v) / len(v) if v else 0.0 for v in seen.values()]
                        arm = max(range(len(means)), key=lambda a: (means[a], -a))
                    seen[arm].append(row[arm])
                    chosen.append(arm)
                return chosen
        """,
    },
    "ucb1": {
        "numpy": """
            import numpy as np

            def ucb1(rewards, c):
                R = np.asarray(rewards, dtype=float)
                T, K = R.shape
                sums, counts = np.zeros(K), np.zeros(K)
                out = []
                for t in range(T):
                    a = t if t < K else int(np.argmax(sums / counts + c * np.sqrt(np.log(t) / counts)))
                    sums[a] += R[t, a]
                    counts[a] += 1
                    out.append(a)
                return np.array(out)
        """,
        "loops": """
            import math

            def ucb1(rewards, c):
                K = len(rewards[0])
                total, n, out = [0.0] * K, [0] * K, []
                for t, row in enumerate(rewards):
                    if t < K:
                        arm = t
                    else:
                        best = None
                        for a in range(K):
                            score = total[a] / n[a] + c * math.sqrt(math.log(t) / n[a])
                            if best is None or score > best:
                                best, arm = score, a
                    total[arm] += row[arm]
                    n[arm] += 1
                    out.append(arm)
                return out
        """,
    },
    "bandit-regret": {
        "numpy-cumsum": """
            import numpy as np

            def cumulative_regret(means, actions):
                m = np.asarray(means, dtype=float)
                return np.cumsum(m.max() - m[np.asarray(actions, dtype=int)]).tolist() if actions else []
        """,
        "itertools": """
            from itertools import accumulate

            def cumulative_regret(means, actions):
                best = max(means)
                return [float(x) for x in accumulate(best - means[a] for a in actions)]
        """,
    },
    "thompson-sampling": {
        "scipy-stats": """
            from scipy.stats import beta

            def thompson_sampling(rewards, uniforms):
                K = len(rewards[0])
                wins, losses, out = [0] * K, [0] * K, []
                for t, row in enumerate(rewards):
                    draws = [beta.ppf(uniforms[t][a], 1 + wins[a], 1 + losses[a]) for a in range(K)]
                    arm = max(range(K), key=lambda a: (draws[a], -a))
                    if row[arm]:
                        wins[arm] += 1
                    else:
                        losses[arm] += 1
                    out.append(arm)
                return out
        """,
        "vectorised-ppf": """
            import numpy as np
            from scipy import stats

            def thompson_sampling(rewards, uniforms):
                R, U = np.asarray(rewards), np.asarray(uniforms, dtype=float)
                a_, b_ = np.ones(R.shape[1]), np.ones(R.shape[1])
                out = np.zeros(len(R), dtype=np.int64)
                for t in range(len(R)):
                    arm = int(np.argmax(stats.beta(a_, b_).ppf(U[t])))
                    a_[arm] += R[t, arm]
                    b_[arm] += 1 - R[t, arm]
                    out[t] = arm
                return out
        """,
    },
    "exact-policy-evaluation": {
        "scipy-solve": """
            import numpy as np
            import scipy.linalg

            def evaluate_policy(P, R, policy, gamma):
                P, R, pi = np.array(P), np.array(R), np.array(policy)
                P_pi = (pi[:, :, None] * P).sum(axis=1)
                return scipy.linalg.solve(np.eye(len(R)) - gamma * P_pi, (pi * R).sum(axis=1))
        """,
        "loops-and-inverse": """
            import numpy as np

            def evaluate_policy(P, R, policy, gamma):
                S, A = len(R), len(R[0])
                M = [[(1.0 if s == t else 0.0) - gamma * sum(policy[s][a] * P[s][a][t] for a in range(A))
                      for t in range(S)] for s in range(S)]
                r = [sum(policy[s][a] * R[s][a] for a in range(A)) for s in range(S)]
                return [float(v) for v in np.linalg.inv(np.array(M)) @ np.array(r)]
        """,
    },
    "iterative-policy-evaluation": {
        "loops": """
            def iterative_evaluation(P, R, policy, gamma, sweeps):
                S = len(R)
                v = [0.0] * S
                for _ in range(sweeps):
                    v = [R[s][policy[s]] + gamma * sum(p * v[t] for t, p in enumerate(P[s][policy[s]])) for s in range(S)]
                return v
        """,
        "matrix-powers": """
            import numpy as np

            def iterative_evaluation(P, R, policy, gamma, sweeps):
                P, R = np.asarray(P), np.asarray(R)
                s = np.arange(len(R))
                M, r = gamma * P[s, policy], R[s, policy]
                # v_k = (I + M + ... + M^(k-1)) r
                return sum((np.linalg.matrix_power(M, j) @ r for j in range(sweeps)), np.zeros(len(R)))
        """,
    },
    "value-iteration": {
        "policy-iteration-inside": """
            import numpy as np

            def value_iteration(P, R, gamma):
                P, R = np.asarray(P), np.asarray(R)
                s = np.arange(len(R))
                pi = np.zeros(len(R), dtype=int)
                while True:
                    v = np.linalg.solve(np.eye(len(R)) - gamma * P[s, pi], R[s, pi])
                    q = R + gamma * P @ v
                    new = np.where(q[s, pi] >= q.max(axis=1) - 1e-12, pi, q.argmax(axis=1))
                    if (new == pi).all():
                        return v
                    pi = new
        """,
        "loops-fixed-sweeps": """
            def value_iteration(P, R, gamma):
                S, A = len(R), len(R[0])
                V = [0.0] * S
                for _ in range(600):
                    V = [max(R[s][a] + gamma * sum(p * V[t] for t, p in enumerate(P[s][a])) for a in range(A))
                         for s in range(S)]
                return V
        """,
        "prompt-stopping-rule": """
            import numpy as np

            def value_iteration(P, R, gamma):
                P, R = np.asarray(P, dtype=float), np.asarray(R, dtype=float)
                V, eps = np.zeros(len(R)), 1e-10
                while True:
                    V_new = (R + gamma * P @ V).max(axis=1)
                    if gamma * np.abs(V_new - V).max() <= eps * (1 - gamma):  # the prompt's rule, also for gamma = 0
                        return V_new.tolist()
                    V = V_new
        """,
    },
    "policy-iteration": {
        "dict-loops": """
            import numpy as np

            def policy_iteration(P, R, gamma):
                S, A = len(R), len(R[0])
                policy = {s: A - 1 for s in range(S)}  # another start than the reference
                while True:
                    M = np.eye(S) - gamma * np.array([P[s][policy[s]] for s in range(S)])
                    v = np.linalg.solve(M, np.array([R[s][policy[s]] for s in range(S)]))
                    changed = False
                    for s in range(S):
                        q = [R[s][a] + gamma * float(np.dot(P[s][a], v)) for a in range(A)]
                        if max(q) > q[policy[s]] + 1e-10:
                            policy[s] = q.index(max(q))
                            changed = True
                    if not changed:
                        return [policy[s] for s in range(S)]
        """,
        "value-iteration-then-greedy": """
            import numpy as np

            def policy_iteration(P, R, gamma):
                P, R = np.asarray(P), np.asarray(R)
                V = np.zeros(len(R))
                for _ in range(3000):
                    V = (R + gamma * P @ V).max(axis=1)
                return (R + gamma * P @ V).argmax(axis=1)
        """,
    },
    "gym-planning": {
        "policy-iteration-dense": """
            import gymnasium
            import numpy as np

            def plan(spec):
                env = gymnasium.make(spec["env"], **spec["kwargs"])
                S, A = int(env.observation_space.n), int(env.action_space.n)
                T, R = np.zeros((S, A, S)), np.zeros((S, A))
                for s in range(S):
                    for a in range(A):
                        for p, t, r, done in env.unwrapped.P[s][a]:
                            R[s, a] += p * r
                            T[s, a, t] += 0.0 if done else p
                g, idx, pi = spec["gamma"], np.arange(S), np.zeros(S, dtype=int)
                while True:
                    v = np.linalg.solve(np.eye(S) - g * T[idx, pi], R[idx, pi])
                    q = R + g * np.einsum("sat,t->sa", T, v)
                    new = np.where(q[idx, pi] >= q.max(axis=1) - 1e-12, pi, q.argmax(axis=1))
                    if (new == pi).all():
                        return pi
                    pi = new
        """,
        "value-iteration-lists": """
            import gymnasium as gym

            def plan(spec):
                env = gym.make(spec["env"], **spec["kwargs"])
                model, g = env.unwrapped.P, spec["gamma"]
                S, A = int(env.observation_space.n), int(env.action_space.n)
                V = [0.0] * S
                while True:
                    Q = [[sum(p * (r + (0.0 if done else g * V[t])) for p, t, r, done in model[s][a]) for a in range(A)]
                         for s in range(S)]
                    new = [max(row) for row in Q]
                    if max(abs(x - y) for x, y in zip(new, V)) < 1e-11:
                        return [row.index(max(row)) for row in Q]
                    V = new
        """,
    },
    "mc-prediction": {
        "forward-index": """
            def first_visit_mc(episodes, n_states, gamma):
                returns = {s: [] for s in range(n_states)}
                for episode in episodes:
                    states = [s for s, _ in episode]
                    rewards = [r for _, r in episode]
                    for s in set(states):
                        t = states.index(s)
                        returns[s].append(sum(gamma ** k * r for k, r in enumerate(rewards[t:])))
                return [sum(v) / len(v) if v else 0.0 for v in returns.values()]
        """,
        "numpy-running-mean": """
            import numpy as np

            def first_visit_mc(episodes, n_states, gamma):
                V, N = np.zeros(n_states), np.zeros(n_states)
                for episode in episodes:
                    r = np.array([x[1] for x in episode], dtype=float)
                    G = np.array([np.dot(gamma ** np.arange(len(r) - t), r[t:]) for t in range(len(r))])
                    seen = set()
                    for t, (s, _) in enumerate(episode):
                        if s not in seen:
                            seen.add(s)
                            N[s] += 1
                            V[s] += (G[t] - V[s]) / N[s]
                return V
        """,
    },
    "mc-control": {
        "numpy": """
            import numpy as np

            def mc_control_step(episodes, n_states, n_actions, gamma, epsilon):
                total, count = np.zeros((n_states, n_actions)), np.zeros((n_states, n_actions))
                for episode in episodes:
                    seen = set()
                    for t, (s, a, _) in enumerate(episode):
                        if (s, a) in seen:
                            continue
                        seen.add((s, a))
                        total[s, a] += sum(gamma ** k * x[2] for k, x in enumerate(episode[t:]))
                        count[s, a] += 1
                Q = np.divide(total, count, out=np.zeros_like(total), where=count > 0)
                pi = np.full((n_states, n_actions), epsilon / n_actions)
                pi[np.arange(n_states), Q.argmax(axis=1)] += 1 - epsilon
                return Q, pi
        """,
        "dicts": """
            from collections import defaultdict

            def mc_control_step(episodes, n_states, n_actions, gamma, epsilon):
                returns = defaultdict(list)
                for episode in episodes:
                    G, first = 0.0, {}
                    for s, a, r in reversed(episode):
                        G = r + gamma * G
                        first[s, a] = G
                    for key, value in first.items():
                        returns[key].append(value)
                Q = [[sum(returns[s, a]) / len(returns[s, a]) if returns[s, a] else 0.0 for a in range(n_actions)]
                     for s in range(n_states)]
                policy = []
                for row in Q:
                    best = min(a for a in range(n_actions) if row[a] == max(row))
                    policy.append([(1 - epsilon if a == best else 0.0) + epsilon / n_actions for a in range(n_actions)])
                return [Q, policy]
        """,
    },
    "td-updates": {
        "numpy": """
            import numpy as np

            def td_updates(Q, transitions, alpha, gamma, method):
                Q = np.array(Q, dtype=float)
                for s, a, r, s2, a2, done in transitions:
                    boot = 0.0 if done else gamma * (Q[s2].max() if method == "q-learning" else Q[s2, a2])
                    Q[s, a] = (1 - alpha) * Q[s, a] + alpha * (r + boot)
                return Q
        """,
        "dict-table": """
            def td_updates(Q, transitions, alpha, gamma, method):
                table = {(s, a): v for s, row in enumerate(Q) for a, v in enumerate(row)}
                n_actions = len(Q[0])
                for s, a, r, s2, a2, done in transitions:
                    if done:
                        target = r
                    elif method == "sarsa":
                        target = r + gamma * table[s2, a2]
                    else:
                        target = r + gamma * max(table[s2, b] for b in range(n_actions))
                    table[s, a] += alpha * (target - table[s, a])
                return [[table[s, a] for a in range(n_actions)] for s in range(len(Q))]
        """,
    },
    "q-learning-cliff": {
        "numpy-argmax": """
            import gymnasium as gym
            import numpy as np

            def q_learning(spec):
                env = gym.make(spec["env"])
                Q = np.zeros((env.observation_space.n, env.action_space.n))
                rng = np.random.default_rng(spec["seed"] + 12345)
                n = spec["episodes"]
                for k in range(n):
                    eps = spec["epsilon_start"] + (spec["epsilon_end"] - spec["epsilon_start"]) * k / (n - 1)
                    s, _ = env.reset(seed=spec["seed"] if k == 0 else None)
                    done = False
                    while not done:
                        a = int(rng.integers(4)) if rng.random() < eps else int(np.argmax(Q[s]))
                        s2, r, term, trunc, _ = env.step(a)
                        Q[s, a] += spec["alpha"] * ((r if term else r + spec["gamma"] * Q[s2].max()) - Q[s, a])
                        s, done = s2, term or trunc
                return Q
        """,
        "geometric-decay-dict": """
            import random
            import gymnasium

            def q_learning(spec):
                env = gymnasium.make("CliffWalking-v1")
                rng = random.Random(spec["seed"] * 7 + 3)
                Q = {(s, a): 0.0 for s in range(48) for a in range(4)}
                eps = spec["epsilon_start"]
                decay = 0.96
                for k in range(spec["episodes"]):
                    s, _ = env.reset(seed=spec["seed"])
                    done = False
                    while not done:
                        if rng.random() < eps:
                            a = rng.randrange(4)
                        else:
                            best = max(Q[s, b] for b in range(4))
                            a = rng.choice([b for b in range(4) if Q[s, b] == best])
                        s2, r, term, trunc, _ = env.step(a)
                        target = r if term else r + spec["gamma"] * max(Q[s2, b] for b in range(4))
                        Q[s, a] += spec["alpha"] * (target - Q[s, a])
                        s, done = s2, term or trunc
                    eps = max(spec["epsilon_end"], eps * decay)
                return [[Q[s, a] for a in range(4)] for s in range(48)]
        """,
    },
}

PARAMS = [pytest.param(slug, style, id=f"{slug}/{style}") for slug, styles in SOLUTIONS.items() for style in styles]


def test_every_function_exercise_has_two_solutions():
    module = CURRICULUM.module("reinforcement")
    function_exercises = {ex.id.split("/", 1)[1] for ex in module.exercises if ex.kind == "function"}
    assert function_exercises == set(SOLUTIONS)
    assert all(len(styles) >= 2 for styles in SOLUTIONS.values())


@pytest.fixture(scope="module")
def pool():
    with ZygotePool(size=2, forbidden=[]) as pool:
        pool.wait_ready()
        yield pool


@pytest.mark.parametrize(("slug", "style"), PARAMS)
def test_other_correct_solutions_pass(pool, slug, style):
    exercise = CURRICULUM.exercise(f"reinforcement/{slug}")
    code = textwrap.dedent(SOLUTIONS[slug][style])
    for seed in SEEDS:
        verdict = grade_source(exercise, code, seed=seed, runner=pool)
        assert verdict.passed, f"{slug} ({style}), seed {seed}: {verdict.message}"
