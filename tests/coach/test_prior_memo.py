"""`replay` shares the priors of skills without a state between its calls to `prior`, and
forgets a skill's descendants whenever the skill's state is made or changes. Sharing must
change no number: every history here is replayed with and without it, over the real graph."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pytest

from mltrail.coach import bkt, mastery
from mltrail.coach.fit import ParamTable
from mltrail.coach.skills import SkillGraph
from mltrail.curriculum.loader import load_curriculum


@pytest.fixture(scope="module")
def graph() -> SkillGraph:
    return SkillGraph.from_curriculum(load_curriculum())


def _history(graph: SkillGraph, rng: random.Random, length: int) -> list[mastery.Observation]:
    items = list(graph.all_items.values())
    at = datetime(2026, 1, 1, tzinfo=timezone.utc)
    found = []
    for _ in range(length):
        at += timedelta(minutes=rng.randint(1, 600))
        roll = rng.random()
        if roll < 0.05:
            chosen = rng.sample(graph.order, rng.randint(1, 8))
            found.append(mastery.Observation(at, tuple(chosen), 3, "placement",
                                             estimates={s: rng.random() for s in chosen}))
            continue
        item = rng.choice(items)
        if roll < 0.15:
            found.append(mastery.Observation(at, tuple(item.skills), item.difficulty, rng.choice(["hint", "solution"])))
        else:
            found.append(mastery.Observation(at, tuple(item.skills), item.difficulty, "answer",
                                             correct=rng.random() < 0.6, item=item.id))
    return found


def _replayed(graph, history, params, shared: bool, monkeypatch) -> dict:
    monkeypatch.setattr(mastery, "_SHARED_PRIOR_MEMO", shared)
    states = mastery.replay(graph, history, params)
    for skill in graph.order:
        if skill not in states:
            states[skill] = mastery.SkillState(skill, mastery.prior(graph, skill, states, params))
    return {skill: (state.p_known, state.answers, state.correct) for skill, state in states.items()}


@pytest.mark.parametrize("seed", range(12))
def test_sharing_the_priors_changes_no_number(graph, seed, monkeypatch):
    rng = random.Random(seed)
    history = _history(graph, rng, rng.randint(5, 120))
    fitted = ParamTable({s: bkt.BKTParams(rng.uniform(0.05, 0.6), 0.2, 0.2, 0.1, 0.01)
                         for s in rng.sample(graph.order, 40)}, propagation=rng.choice([0.1, 0.4, 1.0]))
    for params in (mastery.default_params, fitted):
        with_memo = _replayed(graph, history, params, True, monkeypatch)
        without = _replayed(graph, history, params, False, monkeypatch)
        assert with_memo == without  # exactly: the same floats, not close ones


def test_a_changed_prerequisite_is_seen_by_the_prior_of_a_skill_built_on_it(graph, monkeypatch):
    """The case the forgetting exists for: a prior computed, then its prerequisite answered."""
    base = next(s for s in graph.order if len(graph.descendants(s)) > 5 and graph.items(s))
    below = next(s for s in graph.order if base in graph.ancestors(s) and graph.items(s))
    at = datetime(2026, 1, 1, tzinfo=timezone.utc)
    item_below, item_base = graph.items(below)[0], graph.items(base)[0]
    history = [mastery.Observation(at, (below,), 3, "answer", correct=False, item=item_below.id)]
    history += [mastery.Observation(at + timedelta(minutes=i), (base,), 3, "answer", correct=True, item=item_base.id)
                for i in range(1, 6)]
    history.append(mastery.Observation(at + timedelta(hours=1), (below,), 3, "answer", correct=False,
                                       item=item_below.id))
    assert (_replayed(graph, history, mastery.default_params, True, monkeypatch)
            == _replayed(graph, history, mastery.default_params, False, monkeypatch))
