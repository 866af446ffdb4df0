"""What keeps the coach from practising what a learner already knows, and from believing a skill
mastered that the learner keeps failing: a placement estimate never certain, right answers on
a dependent lifting a prerequisite no higher than the dependent itself, the spreading strength
fitted on learners' answers."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from mltrail.coach import bkt
from mltrail.coach.fit import ParamTable, fit_propagation
from mltrail.coach.mastery import PLACEMENT_BOUNDS, Observation, SkillState, mastery, replay
from mltrail.coach.skills import SkillGraph
from mltrail.curriculum.loader import load_curriculum

GRAPH = SkillGraph.from_curriculum(load_curriculum())
T = datetime(2026, 1, 5, tzinfo=timezone.utc)
TYPES, FLOW, FUNCTIONS = "python/types", "python/control-flow", "python/functions"


def answer(skills, correct, difficulty=2):
    return Observation(T, tuple(skills), difficulty, "answer", correct, "x")


def placement(estimates):
    return Observation(T, tuple(estimates), 3, "placement", estimates=estimates)


def test_a_skill_placed_at_certainty_can_still_be_failed_out_of_mastery():
    states = replay(GRAPH, [placement({FLOW: 1.0, TYPES: 0.0})])
    assert states[FLOW].p_known == PLACEMENT_BOUNDS[1] and states[TYPES].p_known == PLACEMENT_BOUNDS[0]
    assert states[FLOW].mastered
    replay(GRAPH, [answer([FLOW], False), answer([FLOW], False)], states=states, propagation=0.0)
    assert not states[FLOW].mastered and states[FLOW].p_known < 0.9


def test_right_answers_on_a_dependent_lift_a_prerequisite_no_higher_than_the_dependent():
    # the learner keeps failing control flow; a run of right answers on functions (built on it)
    # must not make control flow mastered
    states = {FLOW: SkillState(FLOW, 0.3), FUNCTIONS: SkillState(FUNCTIONS, 0.3)}
    history = [answer([FLOW], False)] + [answer([FUNCTIONS], True)] * 3
    replay(GRAPH, history, states=states, propagation=1.0)
    assert states[FLOW].p_known <= states[FUNCTIONS].p_known + 1e-9
    assert states[FLOW].p_known > 0.3  # the right answers still count for it
    many = {FLOW: SkillState(FLOW, 0.3), FUNCTIONS: SkillState(FUNCTIONS, 0.6)}
    replay(GRAPH, [answer([FLOW], False), answer([FUNCTIONS], True), answer([FLOW], False)] * 4, states=many,
           propagation=1.0)
    assert not many[FLOW].mastered


def test_replay_spreads_with_the_strength_a_fitted_table_carries():
    history = [answer([FUNCTIONS], True)]
    weak = replay(GRAPH, history, ParamTable(propagation=0.0), states={TYPES: SkillState(TYPES, 0.4)})
    strong = replay(GRAPH, history, ParamTable(propagation=1.0), states={TYPES: SkillState(TYPES, 0.4)})
    default = replay(GRAPH, history, ParamTable(), states={TYPES: SkillState(TYPES, 0.4)})
    assert weak[TYPES].p_known == pytest.approx(0.4)
    assert strong[TYPES].p_known > default[TYPES].p_known > weak[TYPES].p_known
    with pytest.raises(ValueError, match="between 0 and 1"):
        ParamTable(propagation=1.5)


def test_the_spreading_strength_is_the_one_that_predicts_the_next_answers_best():
    # learners who know functions know control flow: spreading predicts their first control
    # flow answer; learners who know functions but not control flow make spreading wrong
    know_both = [answer([FUNCTIONS], True), answer([FUNCTIONS], True), answer([FLOW], True)]
    only_top = [answer([FUNCTIONS], True), answer([FUNCTIONS], True), answer([FLOW], False)]
    params = lambda skill, difficulty: bkt.BKTParams(prior=0.3, learn=0.05, guess=0.1, slip=0.05,  # noqa: E731
                                                     forget=0.0001)
    agree = fit_propagation(GRAPH, [know_both] * 10, params)
    disagree = fit_propagation(GRAPH, [only_top] * 10, params)
    assert agree.strength == 1.0 and disagree.strength == 0.0
    assert agree.answers == 30 and set(agree.log_likelihoods) == {0.0, 0.2, 0.4, 0.6, 0.8, 1.0}
    with pytest.raises(ValueError, match="between 0 and 1"):
        fit_propagation(GRAPH, [know_both], params, grid=(0.5, 2.0))


def test_a_stored_placement_of_one_is_kept_below_certainty():
    class E:
        kind, subject, created_at = "placement_result", "placement", T
        detail = {"skills": {FLOW: 1.0}}

    assert mastery(GRAPH, [], [E()])[FLOW].p_known == PLACEMENT_BOUNDS[1]
