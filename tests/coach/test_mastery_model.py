"""The mastery model's evidence: multi-skill attribution, spreading along the graph, where a
skill starts from its prerequisites, the next-answer prediction, and the fit's bounds."""

from __future__ import annotations

from datetime import datetime, timezone

import numpy as np
import pytest

from mltrail.coach import bkt
from mltrail.coach import mastery as model
from mltrail.coach.fit import FIT_BOUNDS, Sequences, fit
from mltrail.coach.mastery import Observation, SkillState, attribution, predict, prior, replay
from mltrail.coach.skills import SkillGraph
from mltrail.curriculum.loader import load_curriculum

GRAPH = SkillGraph.from_curriculum(load_curriculum())
T = datetime(2026, 1, 5, tzinfo=timezone.utc)
TYPES, FLOW, FUNCTIONS, DICTS = "python/types", "python/control-flow", "python/functions", "python/dicts"


def answer(skills, correct, difficulty=2):
    return Observation(T, tuple(skills), difficulty, "answer", correct, "x")


def test_the_chain_the_tests_rely_on():
    assert GRAPH.prerequisites(FLOW) == {TYPES} and FUNCTIONS in GRAPH.dependents(FLOW)
    assert DICTS in GRAPH.descendants(FLOW) and DICTS not in GRAPH.dependents(FLOW)


def test_an_item_on_one_skill_is_plain_bkt():
    p = bkt.defaults_for(2)
    states = {FLOW: SkillState(FLOW, 0.4)}
    replay(GRAPH, [answer([FLOW], False)], states=states, propagation=0.0)
    assert states[FLOW].p_known == pytest.approx(bkt.update(0.4, False, p))
    assert attribution([0.4], True, [p]) == [(1 - p.slip, p.guess)]


def test_a_wrong_answer_on_two_skills_is_blamed_on_the_one_less_likely_known():
    p = bkt.defaults_for(2)
    states = {TYPES: SkillState(TYPES, 0.9), FLOW: SkillState(FLOW, 0.2)}
    replay(GRAPH, [answer([TYPES, FLOW], False)], states=states, propagation=0.0)
    # plain BKT would take the failure as a full failure of each skill
    assert states[TYPES].p_known > bkt.update(0.9, False, p) + 0.2
    assert states[TYPES].p_known > 0.8
    assert bkt.update(0.2, False, p) <= states[FLOW].p_known < bkt.update(0.2, False, p) + 0.02  # nearly all its own
    # a right answer says every skill is known: both rise
    right = {TYPES: SkillState(TYPES, 0.5), FLOW: SkillState(FLOW, 0.5)}
    replay(GRAPH, [answer([TYPES, FLOW], True)], states=right, propagation=0.0)
    assert right[TYPES].p_known > 0.5 and right[FLOW].p_known > 0.5


def test_a_right_answer_counts_for_every_prerequisite_and_a_wrong_one_against_direct_dependents_only():
    right = replay(GRAPH, [answer([FUNCTIONS], True)])
    assert right[TYPES].p_known > bkt.defaults_for(3).prior and right[FLOW].p_known > bkt.defaults_for(3).prior
    assert DICTS not in right  # nothing spreads to what builds on it
    wrong = replay(GRAPH, [answer([FLOW], False)])
    assert wrong[FUNCTIONS].p_known < prior(GRAPH, FUNCTIONS, {FLOW: wrong[FLOW]})
    assert DICTS not in wrong and TYPES not in wrong  # only the direct dependents, and not backwards
    assert set(replay(GRAPH, [answer([FUNCTIONS], True)], propagation=0.0)) == {FUNCTIONS}


def test_a_skill_starts_from_its_base_rate_scaled_by_how_its_prerequisites_are_known():
    rates = {TYPES: 0.4, FLOW: 0.2}

    def params(skill, difficulty):
        return bkt.BKTParams(prior=rates.get(skill, 0.1), learn=0.2, guess=0.2, slip=0.1, forget=0.01)

    assert prior(GRAPH, TYPES, {}, params) == pytest.approx(0.4)  # no prerequisites: the base rate
    assert prior(GRAPH, FLOW, {}, params) == pytest.approx(0.2)  # prerequisites as usual: the base rate
    assert prior(GRAPH, FLOW, {TYPES: SkillState(TYPES, 0.8)}, params) == pytest.approx(0.4)  # twice as likely
    assert prior(GRAPH, FLOW, {TYPES: SkillState(TYPES, 1.0)}, params) == pytest.approx(0.5)
    assert prior(GRAPH, FLOW, {TYPES: SkillState(TYPES, 0.04)}, params) == pytest.approx(0.02)
    rates[FLOW] = 0.39  # P(flow | types) would be near 1: it stays below the cap without evidence of its own
    assert prior(GRAPH, FLOW, {TYPES: SkillState(TYPES, 1.0)}, params) == pytest.approx(model.PRIOR_CAP)
    # the start reaches through skills without a state of their own
    assert prior(GRAPH, FUNCTIONS, {TYPES: SkillState(TYPES, 1.0)}, params) > params(FUNCTIONS, 3).prior
    # and mastery fills every skill so
    states = model.mastery(GRAPH, [], [], params)
    assert states[FLOW].p_known == pytest.approx(prior(GRAPH, FLOW, {}, params))


def test_the_prediction_is_the_items_p_correct_from_its_skills():
    p = bkt.defaults_for(2)
    states = {TYPES: SkillState(TYPES, 0.9), FLOW: SkillState(FLOW, 0.5)}
    assert predict(GRAPH, states, (FLOW,), 2) == pytest.approx(bkt.p_correct(0.5, p))
    assert predict(GRAPH, states, (TYPES, FLOW), 2) == pytest.approx(bkt.p_correct(0.45, p))
    assert predict(GRAPH, {}, (TYPES,), 2) == pytest.approx(bkt.p_correct(p.prior, p))


def test_replay_does_not_depend_on_the_order_sets_iterate_in():
    history = [answer([FUNCTIONS], True), answer([FLOW], False), answer(["python/classes"], True)]
    first = {s: st.p_known for s, st in replay(GRAPH, history).items()}
    again = {s: st.p_known for s, st in replay(GRAPH, list(history)).items()}
    assert first == again


def test_the_fit_stays_where_mastery_can_be_reached():
    rng = np.random.default_rng(5)
    truth = bkt.BKTParams(prior=0.2, learn=0.1, guess=0.35, slip=0.3, forget=0.3)  # what an unbounded fit may find
    runs = []
    for _ in range(60):
        known, run = rng.random() < truth.prior, []
        for _ in range(8):
            run.append(bool(rng.random() < (1 - truth.slip if known else truth.guess)))
            known = (rng.random() >= truth.forget) if known else (rng.random() < truth.learn)
        runs.append(run)
    data = Sequences()
    for run in runs:
        data.add_observations(GRAPH, [answer([FLOW], c) for c in run])
    fitted = next(row for row in fit(data).fitted if row.key == FLOW).params
    for name, (low, high) in FIT_BOUNDS.items():
        assert low <= getattr(fitted, name) <= high
    p = fitted.prior
    for _ in range(12):
        p = bkt.update(p, True, fitted)
    assert p >= bkt.MASTERED  # enough right answers master the skill
