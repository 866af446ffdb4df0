"""What keeps the coach from practising what a learner already knows, and from believing a skill
mastered that the learner keeps failing: a placement estimate never certain, right answers on
a dependent lifting a prerequisite no higher than the dependent itself, the spreading strength
fitted on learners' answers."""

from __future__ import annotations

from datetime import datetime, timezone

import numpy as np
import pytest

from mltrail.coach import bkt
from mltrail.coach.fit import ParamTable, fit_propagation
from mltrail.coach.mastery import PLACEMENT_BOUNDS, Observation, SkillState, mastery, replay
from mltrail.coach.skills import SkillGraph
from mltrail.curriculum.loader import load_curriculum

CURRICULUM = load_curriculum()
GRAPH = SkillGraph.from_curriculum(CURRICULUM)
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
    assert agree.answers == 30 and set(agree.log_likelihoods) == {0.0, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0}
    with pytest.raises(ValueError, match="between 0 and 1"):
        fit_propagation(GRAPH, [know_both], params, grid=(0.5, 2.0))


def test_a_stored_placement_of_one_is_kept_below_certainty():
    class E:
        kind, subject, created_at = "placement_result", "placement", T
        detail = {"skills": {FLOW: 1.0}}

    assert mastery(GRAPH, [], [E()])[FLOW].p_known == PLACEMENT_BOUNDS[1]


def _both_kinds_skill():
    """A skill practised alone by a quiz item and by a function exercise, with one of each."""
    for skill in GRAPH.order:
        quiz = [i for i in GRAPH.items(skill) if i.kind == "quiz" and i.skills == (skill,)]
        code = [i for i in GRAPH.items(skill) if i.kind == "function" and i.skills == (skill,)]
        if quiz and code:
            return skill, quiz[0], code[0]
    raise AssertionError("the course has no skill with both a one-skill quiz item and a one-skill function")


def test_the_fit_keeps_a_quiz_items_guess_apart_from_a_code_exercises():
    from mltrail.coach.fit import Sequences, fit

    skill, quiz, code = _both_kinds_skill()
    data = Sequences()
    rng = np.random.default_rng(3)
    for _ in range(60):  # learners who never learn: right answers are guesses, often on a quiz, rarely in code
        history = []
        for _ in range(4):
            history.append(Observation(T, (skill,), quiz.difficulty, "answer", bool(rng.random() < 0.3), quiz.id))
            history.append(Observation(T, (skill,), code.difficulty, "answer", bool(rng.random() < 0.03), code.id))
        data.add_observations(GRAPH, history)
    report = fit(data)
    rows = {row.key: row for row in report.fitted}
    assert {f"{skill}@quiz", f"{skill}@code"} <= set(rows) and rows[f"{skill}@quiz"].scope == "kind"
    table = ParamTable({key: row.params for key, row in rows.items()})
    assert table.for_kind(skill, 2, "quiz").guess > 2 * table.for_kind(skill, 2, "function").guess
    assert table.for_kind(skill, 2, "dataset") == table.for_kind(skill, 2, "function")
    assert table.for_kind(skill, 2, "quiz").learn == pytest.approx(rows[skill].params.learn, abs=2e-3)
    assert table.for_kind("python/types", 2, "quiz") == table("python/types", 2)  # no kind row: the skill's


def test_a_right_answer_counts_by_how_easily_its_kind_is_guessed():
    skill, quiz, code = _both_kinds_skill()
    base = bkt.BKTParams(prior=0.3, learn=0.1, guess=0.15, slip=0.1, forget=0.001)
    table = ParamTable({skill: base, f"{skill}@quiz": bkt.BKTParams(0.3, 0.1, 0.3, 0.1, 0.001),
                        f"{skill}@code": bkt.BKTParams(0.3, 0.1, 0.03, 0.1, 0.001)}, propagation=0.0)
    after_quiz = replay(GRAPH, [Observation(T, (skill,), quiz.difficulty, "answer", True, quiz.id)], table,
                        states={skill: SkillState(skill, 0.3)})
    after_code = replay(GRAPH, [Observation(T, (skill,), code.difficulty, "answer", True, code.id)], table,
                        states={skill: SkillState(skill, 0.3)})
    assert after_code[skill].p_known > 0.8 > after_quiz[skill].p_known
    from mltrail.coach.mastery import predict

    assert predict(GRAPH, {skill: SkillState(skill, 0.0)}, (skill,), 2, table, "quiz") == pytest.approx(0.3)
    assert predict(GRAPH, {skill: SkillState(skill, 0.0)}, (skill,), 2, table, "function") == pytest.approx(0.03)


def test_a_goal_skill_believed_mastered_without_an_answer_of_its_own_is_asked_once():
    from mltrail.coach.next_step import recommend

    goal_skill = next(s for s in GRAPH.order if s.startswith("supervised/") and
                      any(i.kind == "quiz" for i in GRAPH.items(s)))
    everything = set(GRAPH.order)
    p_known = {s: 0.99 for s in everything}
    done = recommend(CURRICULUM, GRAPH, everything, set(), {goal_skill: 1.0}, p_known=p_known)
    assert done.skill is None  # nothing to learn, nothing to confirm: the last resort
    ask = recommend(CURRICULUM, GRAPH, everything, set(), {goal_skill: 1.0}, p_known=p_known,
                    unconfirmed={goal_skill})
    assert ask.skill == goal_skill and ask.exercise.kind == "quiz" and "confirm" in ask.reason
    off_goal = recommend(CURRICULUM, GRAPH, everything, set(), {goal_skill: 1.0}, p_known=p_known,
                         unconfirmed={"python/types"})
    assert off_goal.skill is None  # only the goal's own skills are confirmed


def test_a_right_answer_on_a_skill_already_sure_says_little_more_about_what_it_builds_on():
    unsure = replay(GRAPH, [answer([FUNCTIONS], True)], states={FLOW: SkillState(FLOW, 0.3),
                                                                 FUNCTIONS: SkillState(FUNCTIONS, 0.3)}, propagation=1.0)
    sure = replay(GRAPH, [answer([FUNCTIONS], True)], states={FLOW: SkillState(FLOW, 0.3),
                                                               FUNCTIONS: SkillState(FUNCTIONS, 0.99)}, propagation=1.0)
    assert unsure[FLOW].p_known > 0.5
    assert sure[FLOW].p_known < 0.32  # functions was sure already: this answer adds next to nothing about flow


def test_when_every_prerequisite_is_mastered_one_never_answered_is_rechecked_first():
    from mltrail.coach.next_step import STRUGGLING_KNOWN, recommend

    late = next(ex for ex in CURRICULUM.exercises() if ex.module == "supervised" and ex.kind == "function")
    behind = sorted(set().union(*(GRAPH.prerequisites(s) for s in late.skills)), key=lambda s: GRAPH.skills[s].order)
    assert len(behind) >= 2
    mastered = set(behind) | set().union(*(GRAPH.ancestors(s) for s in late.skills))
    p_known = {s: 0.99 for s in mastered} | {behind[-1]: 0.96}
    plain = recommend(CURRICULUM, GRAPH, mastered, set(), struggling=(late.id, STRUGGLING_KNOWN), p_known=p_known)
    assert plain.skill == behind[-1]  # the least sure
    placed = recommend(CURRICULUM, GRAPH, mastered, set(), struggling=(late.id, STRUGGLING_KNOWN), p_known=p_known,
                       unconfirmed={behind[0]})
    assert placed.skill == behind[0]  # sure, but never seen answering
