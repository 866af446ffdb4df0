"""The reinforcement-learning quiz: its structure, and every answer checked by an independent computation.

Each item id has a verifier below that recomputes the answer from the item's own data: sympy sums
for the expression items (applied to the AUTHOR's answer string only), direct arithmetic, linear
solves and small simulations for the numeric ones, and a computation for each claim in the choice
items (random MDPs for the dynamic-programming facts, short bandit and CliffWalking runs for the
exploration facts). An item without a verifier fails the suite, so a new item cannot slip in
unchecked.
"""

from __future__ import annotations

import ast
import math
import random
import string
import sys
import tomllib
from pathlib import Path

import gymnasium as gym
import numpy as np
import pytest
import scipy.stats
import sympy

MODULE = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "content" / "modules" / "reinforcement"
QUIZ = MODULE / "exercises" / "quiz"

SPEC = tomllib.loads((QUIZ / "exercise.toml").read_text(encoding="utf-8"))
ITEMS = {item["id"]: item for item in SPEC["items"]}
MODULE_SKILLS = {skill["id"] for skill in tomllib.loads((MODULE / "module.toml").read_text(encoding="utf-8"))["skills"]}

FUNCTIONS = {"sqrt": sympy.sqrt, "exp": sympy.exp, "log": sympy.log, "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "abs": sympy.Abs}
CONSTANTS = {"pi": sympy.pi, "e": sympy.E}
ALLOWED_NODES = (
    ast.Expression, ast.BinOp, ast.UnaryOp, ast.Call, ast.Name, ast.Constant, ast.Load,
    ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.USub, ast.UAdd,
)


@pytest.fixture(autouse=True)
def _no_bytecode_in_content(monkeypatch):
    """Loading exercise files (item q15) must not leave __pycache__ folders in the content."""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)


def letter(index: int) -> str:
    return string.ascii_lowercase[index]


def letters_where(flags) -> list[str]:
    return [letter(i) for i, flag in enumerate(flags) if flag]


def symbols_of(item):
    return {name: sympy.Symbol(name, positive=True) for name in item["variables"]}


def parse(item):
    return sympy.sympify(item["answer"], locals={**FUNCTIONS, **CONSTANTS, **symbols_of(item)})


def assert_numeric(item, value):
    assert abs(item["answer"] - value) <= max(item["tolerance"], 1e-12), (
        f"{item['id']}: stored answer {item['answer']}, independent computation {value}"
    )


def assert_same_expression(item, expected, rng):
    got = parse(item)
    assert sympy.simplify(got - expected) == 0, f"{item['id']}: {item['answer']!r} is not {expected}"
    low, high = item["domain"]
    f = sympy.lambdify(list(symbols_of(item).values()), got - expected, "math")
    for _ in range(20):
        point = [float(v) for v in rng.uniform(low, high, size=len(item["variables"]))]
        assert abs(f(*point)) < 1e-9


def random_mdp(rng, S=5, A=3):
    P = rng.dirichlet(np.ones(S) * 0.3, size=(S, A))
    R = rng.normal(0.0, 1.0, size=(S, A))
    return P, R


def evaluate(P, R, policy, gamma):
    s = np.arange(len(R))
    return np.linalg.solve(np.eye(len(R)) - gamma * P[s, policy], R[s, policy])


# ---------------------------------------------------------------- structure


def test_quiz_header():
    assert SPEC["kind"] == "quiz"
    assert SPEC["title"].strip()
    assert 1 <= SPEC["difficulty"] <= 5
    assert SPEC["minutes"] > 0
    assert len(SPEC["hints"]) >= 2 and all(h.strip() for h in SPEC["hints"])
    assert set(SPEC["skills"]) == MODULE_SKILLS
    assert sorted(p.name for p in QUIZ.iterdir()) == ["exercise.toml", "prompt.md"]


def test_item_counts_and_ids():
    items = SPEC["items"]
    assert len(items) >= 8
    assert len(ITEMS) == len(items), "item ids must be unique"
    kinds = [item["kind"] for item in items]
    for kind in ("choice", "multiple", "numeric", "expression"):
        assert kinds.count(kind) >= 2, kind
    covered = {skill for item in items for skill in item.get("skills", [])}
    assert covered == MODULE_SKILLS, "every skill of the module is asked about"
    words = {1: "One", 8: "Eight", 9: "Nine", 10: "Ten", 11: "Eleven", 12: "Twelve", 13: "Thirteen", 14: "Fourteen",
             15: "Fifteen", 16: "Sixteen"}
    assert (QUIZ / "prompt.md").read_text(encoding="utf-8").split("\n\n")[1].startswith(words[len(items)])


@pytest.mark.parametrize("item", SPEC["items"], ids=lambda item: item["id"])
def test_item_is_well_formed(item):
    assert item["prompt"].strip()
    assert item["explanation"].strip()
    assert set(item.get("skills", [])) <= MODULE_SKILLS
    kind = item["kind"]
    if kind in ("choice", "multiple"):
        assert len(set(item["choices"])) == len(item["choices"]) >= 2
        valid = [letter(i) for i in range(len(item["choices"]))]
        if kind == "choice":
            assert item["answer"] in valid
        else:
            assert len(set(item["answer"])) == len(item["answer"]) >= 1
            assert set(item["answer"]) <= set(valid)
            assert len(item["answer"]) < len(valid), "at least one choice must be wrong"
    elif kind == "numeric":
        assert isinstance(item["answer"], (int, float)) and not isinstance(item["answer"], bool)
        assert item["tolerance"] >= 0
    elif kind == "expression":
        low, high = item["domain"]
        assert 0 < low < high
        tree = ast.parse(item["answer"], mode="eval")
        allowed_names = set(FUNCTIONS) | set(CONSTANTS) | set(item["variables"])
        for node in ast.walk(tree):
            assert isinstance(node, ALLOWED_NODES), f"{type(node).__name__} in {item['answer']!r}"
            if isinstance(node, ast.Name):
                assert node.id in allowed_names, node.id
        for name in item["variables"]:
            assert name in item["prompt"], f"variable {name} is not mentioned in the prompt"
    else:
        pytest.fail(f"unknown kind {kind}")


# ---------------------------------------------------------------- verifiers


def verify_q1(item, rng):
    rewards, gamma = [-1.0, -1.0, 10.0], 0.9
    assert_numeric(item, sum(gamma**k * r for k, r in enumerate(rewards)))


def verify_q2(item, rng):
    g, k = sympy.Symbol("g", positive=True), sympy.Symbol("k", integer=True, nonnegative=True)
    total = sympy.summation(g**k, (k, 0, sympy.oo)).args[0][0]  # the branch |g| < 1 of the Piecewise
    assert_same_expression(item, total, rng)
    assert abs(sum(0.7**n for n in range(2000)) - float(parse(item).subs(symbols_of(item)["g"], 0.7))) < 1e-12


def verify_q3(item, rng):
    g = symbols_of(item)["g"]
    assert_same_expression(item, -sum(g**k for k in range(13)), rng)
    # the optimal return of CliffWalking really is 13 steps of -1: the shortest path around the cliff
    model = gym.make("CliffWalking-v1").unwrapped.P
    frontier, seen, steps = {36}, {36}, 0
    while 47 not in frontier:
        frontier = {int(t) for s in frontier for a in range(4) for _, t, r, _ in model[s][a] if r == -1} - seen
        seen |= frontier
        steps += 1
    assert steps == 13


def verify_q4(item, rng):
    assert_numeric(item, 0.5 + math.sqrt(2.0) * math.sqrt(math.log(20) / 4))


def verify_q5(item, rng):
    assert_numeric(item, 0.9 * 1 + 0.1 * (1 / 4))
    # and by simulation: 200000 decisions
    explore = rng.uniform(size=200_000) < 0.1
    arms = np.where(explore, rng.integers(0, 4, size=explore.size), 0)
    assert abs(np.mean(arms == 0) - item["answer"]) < 0.005


def verify_q6(item, rng):
    # posterior density is proportional to prior * likelihood = 1 * theta**3 * (1 - theta)
    theta = np.linspace(0.01, 0.99, 99)
    unnormalised = theta**3 * (1 - theta)
    matches = []
    for choice in item["choices"]:
        if not choice.startswith("Beta("):
            matches.append(False)
            continue
        a, b = (int(v) for v in choice[5:-1].split(","))
        ratio = scipy.stats.beta(a, b).pdf(theta) / unnormalised
        matches.append(bool(np.allclose(ratio, ratio[0])))
    assert letters_where(matches) == [item["answer"]]


def verify_q7(item, rng):
    means, pulls = np.array([0.2, 0.5, 0.9]), np.array([10, 20, 70])
    assert_numeric(item, float(np.dot(means.max() - means, pulls)))


def verify_q8(item, rng):
    P_pi = np.array([[0.0, 1.0], [1.0, 0.0]])
    v = np.linalg.solve(np.eye(2) - 0.5 * P_pi, np.array([1.0, 0.0]))
    assert_numeric(item, v[0])


def verify_q9(item, rng):
    k = 0
    while 10 * 0.8**k >= 0.001:
        k += 1
    assert_numeric(item, k)
    # and value iteration really meets the bound on random MDPs started from an error of at most 10
    for _ in range(5):
        P, R = random_mdp(rng)
        V_star = np.zeros(len(R))
        for _ in range(500):
            V_star = (R + 0.8 * P @ V_star).max(axis=1)
        V = V_star + rng.uniform(-10, 10, size=len(R))
        for _ in range(k):
            V = (R + 0.8 * P @ V).max(axis=1)
        assert np.abs(V - V_star).max() < 0.001


def verify_q10(item, rng):
    P, R = random_mdp(rng)
    gamma, S, A = 0.9, 5, 3
    policy = rng.integers(0, A, size=S)
    exact = evaluate(P, R, policy, gamma)
    v = np.zeros(S)
    for _ in range(1000):
        v = R[np.arange(S), policy] + gamma * P[np.arange(S), policy] @ v
    a = np.allclose(exact, v)
    best = max((evaluate(P, R, np.array(p), gamma) for p in np.ndindex(*(A,) * S)), key=lambda x: x.sum())
    greedy = (R + gamma * P @ best).argmax(axis=1)
    b = np.allclose(evaluate(P, R, greedy, gamma), best)
    c = False  # both algorithms use P: value iteration's update is max over a of R + gamma P V
    improved = (R + gamma * P @ exact).argmax(axis=1)
    d = bool((evaluate(P, R, improved, gamma) >= exact - 1e-12).all())
    assert letters_where([a, b, c, d]) == sorted(item["answer"])


def verify_q11(item, rng):
    states, rewards = ["A", "B", "A"], [1.0, 0.0, 2.0]
    first = states.index("A")
    assert_numeric(item, sum(rewards[first:]))


def _td(method):
    Q_sa, alpha, gamma, r, next_values, next_action = 1.0, 0.1, 0.9, -1.0, [2.0, 5.0], 0
    follow = max(next_values) if method == "q-learning" else next_values[next_action]
    return Q_sa + alpha * (r + gamma * follow - Q_sa)


def verify_q12(item, rng):
    assert_numeric(item, _td("sarsa"))


def verify_q13(item, rng):
    assert_numeric(item, _td("q-learning"))


def _cliff_run(method, seed, episodes=200, alpha=0.5, epsilon=0.1):
    model = gym.make("CliffWalking-v1").unwrapped.P
    rng = random.Random(seed)
    Q = [[0.0] * 4 for _ in range(48)]

    def act(s):
        if rng.random() < epsilon:
            return rng.randrange(4)
        return rng.choice([a for a in range(4) if Q[s][a] == max(Q[s])])

    totals = []
    for _ in range(episodes):
        s, total, done = 36, 0, False
        a = act(s)
        while not done:
            ((_, s2, r, done),) = model[s][a]
            total += r
            a2 = act(s2)
            follow = max(Q[s2]) if method == "q-learning" else Q[s2][a2]
            Q[s][a] += alpha * ((r if done else r + follow) - Q[s][a])
            s, a = s2, a2
        totals.append(total)
    s, steps = 36, 0
    while s != 47 and steps < 100:
        ((_, s, _, _),) = model[s][int(np.argmax(Q[s]))]
        steps += 1
    return np.mean(totals[-100:]), steps


def verify_q14(item, rng):
    sarsa = [_cliff_run("sarsa", seed) for seed in range(4)]
    q = [_cliff_run("q-learning", seed) for seed in range(4)]
    q_hugs_edge = all(steps == 13 for _, steps in q)
    sarsa_earns_more = np.mean([m for m, _ in sarsa]) > np.mean([m for m, _ in q])
    sarsa_hugs_edge = all(steps == 13 for _, steps in sarsa)
    same = sarsa_hugs_edge and q_hugs_edge
    neither = not any(steps < 100 for _, steps in sarsa + q)
    flags = [q_hugs_edge and sarsa_earns_more, sarsa_hugs_edge and not sarsa_earns_more, same, neither]
    assert letters_where(flags) == [item["answer"]]


def verify_q15(item, rng):
    import importlib.util
    import inspect

    def entry(slug, name):
        spec = importlib.util.spec_from_file_location(f"_quiz_{name}", MODULE / "exercises" / slug / "solution.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return getattr(module, name)

    ucb1 = entry("ucb1", "ucb1")
    a = all(ucb1(rewards=rng.uniform(size=(12, K)).tolist(), c=1.0)[:K] == list(range(K)) for K in (2, 3, 5))
    # epsilon-greedy with a constant epsilon: regret over the second half of a long run is still about
    # epsilon * (mean gap) per step, the same as over the first half once the best arm is known
    means = np.array([0.2, 0.5, 0.8])
    epsilon_greedy = entry("epsilon-greedy-bandit", "epsilon_greedy")
    T = 4000
    rewards = (rng.uniform(size=(T, 3)) < means).astype(float).tolist()
    actions = np.array(epsilon_greedy(rewards=rewards, epsilon=0.1, explore_draws=rng.uniform(size=T).tolist(),
                                      explore_arms=rng.integers(0, 3, size=T).tolist()))
    late = np.sum(means.max() - means[actions[T // 2:]])
    b = late > 0.5 * 0.1 * np.mean(means.max() - means) * (T // 2)
    thompson = entry("thompson-sampling", "thompson_sampling")
    c = "epsilon" in inspect.signature(thompson).parameters
    # a greedy agent with Q = 0 and rewards of -1: one state, four actions, the first four choices all differ
    Q, tried = [0.0] * 4, []
    for _ in range(4):
        a_ = max(range(4), key=lambda x: (Q[x], -x))
        tried.append(a_)
        Q[a_] += 0.5 * (-1.0 + 0.9 * max(Q) - Q[a_])
    d = sorted(tried) == [0, 1, 2, 3]
    assert letters_where([a, b, c, d]) == sorted(item["answer"])


VERIFIERS = {name.removeprefix("verify_"): fn for name, fn in globals().items() if name.startswith("verify_q")}


def test_every_item_has_a_verifier():
    assert set(ITEMS) == set(VERIFIERS)


@pytest.mark.parametrize("item_id", sorted(ITEMS, key=lambda i: int(i[1:])))
def test_answer_is_right(item_id):
    VERIFIERS[item_id](ITEMS[item_id], np.random.default_rng(90900 + int(item_id[1:])))
