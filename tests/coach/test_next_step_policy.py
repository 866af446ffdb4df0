"""The next step spends the learner's answers where the model is unsure: a skill believed known
opens what builds on it, a doubtful pass is checked, a failing exercise sends the learner back
to the prerequisite the coach is least sure of, and exercises on ready skills come first."""

from __future__ import annotations

from mltrail.coach.next_step import (DOUBT, READY, READY_OFF_GOAL, STEP_BACK_BELOW, STRUGGLING, STRUGGLING_KNOWN,
                                     STRUGGLING_UNSURE, exercise_for, recommend)
from mltrail.coach.skills import SkillGraph
from mltrail.curriculum.loader import load_curriculum

CURRICULUM = load_curriculum()
GRAPH = SkillGraph.from_curriculum(CURRICULUM)
TYPES, FLOW, FUNCTIONS = "python/types", "python/control-flow", "python/functions"


def test_a_skill_believed_known_opens_what_builds_on_it_before_it_is_mastered():
    below = recommend(CURRICULUM, GRAPH, {TYPES}, set(), p_known={TYPES: 0.97, FLOW: READY - 0.05})
    assert below.skill == FLOW and FUNCTIONS not in below.fringe
    above = recommend(CURRICULUM, GRAPH, {TYPES}, set(), p_known={TYPES: 0.97, FLOW: READY + 0.05})
    assert FLOW not in above.fringe and FUNCTIONS in above.fringe and above.skill == FUNCTIONS


def test_a_passed_skill_the_model_doubts_is_checked_before_what_builds_on_it():
    flow_exercises = {item.exercise for item in GRAPH.items(FLOW) if item.kind != "quiz"}
    passed = flow_exercises | {item.exercise for item in GRAPH.items(TYPES) if item.kind != "quiz"}
    trusted = recommend(CURRICULUM, GRAPH, {TYPES}, passed, p_known={TYPES: 0.97, FLOW: DOUBT + 0.1})
    assert FUNCTIONS in trusted.fringe  # every exercise passed: what builds on it opens
    doubted = recommend(CURRICULUM, GRAPH, {TYPES}, passed, p_known={TYPES: 0.97, FLOW: DOUBT - 0.2})
    assert doubted.skill == FLOW and FLOW in doubted.exercise.skills  # practised again first
    assert FUNCTIONS not in doubted.fringe


def test_when_every_prerequisite_is_mastered_a_failing_exercise_rechecks_the_least_sure_one_later():
    late = next(ex for ex in CURRICULUM.exercises() if ex.module == "supervised" and ex.kind == "function")
    behind = set().union(*(GRAPH.prerequisites(s) for s in late.skills))
    mastered = behind | set().union(*(GRAPH.ancestors(s) for s in late.skills))
    least = sorted(behind, key=lambda s: GRAPH.skills[s].order)[-1]
    p_known = {s: 0.99 for s in mastered} | {least: 0.96}
    # two failures at a new skill are what learning it looks like: no step back yet
    early = recommend(CURRICULUM, GRAPH, mastered, set(), struggling=(late.id, STRUGGLING), p_known=p_known)
    assert "failed" not in early.reason
    step = recommend(CURRICULUM, GRAPH, mastered, set(), struggling=(late.id, STRUGGLING_KNOWN), p_known=p_known)
    assert step.skill == least and f"failed {STRUGGLING_KNOWN} times" in step.reason


def test_a_failing_exercise_sends_back_at_once_only_to_a_prerequisite_not_believed_known():
    late = next(ex for ex in CURRICULUM.exercises() if ex.module == "supervised" and ex.kind == "function")
    behind = sorted(set().union(*(GRAPH.prerequisites(s) for s in late.skills)), key=lambda s: GRAPH.skills[s].order)
    further = set().union(*(GRAPH.ancestors(s) for s in late.skills))
    believed = {s: 0.9 for s in further}  # above READY, none mastered
    assert "failed" not in recommend(CURRICULUM, GRAPH, set(), set(), struggling=(late.id, STRUGGLING),
                                     p_known=believed).reason
    doubtful = believed | {behind[0]: STEP_BACK_BELOW - 0.1}
    step = recommend(CURRICULUM, GRAPH, set(), set(), struggling=(late.id, STRUGGLING), p_known=doubtful)
    assert step.skill == behind[0] and "failed 2 times" in step.reason
    # believed more likely known than not, yet below READY: a step back only after more failures
    # (failing a few times is what learning a new skill looks like)
    unsure = believed | {behind[0]: (STEP_BACK_BELOW + READY) / 2}
    assert "failed" not in recommend(CURRICULUM, GRAPH, set(), set(), struggling=(late.id, STRUGGLING),
                                     p_known=unsure).reason
    later = recommend(CURRICULUM, GRAPH, set(), set(), struggling=(late.id, STRUGGLING_UNSURE), p_known=unsure)
    assert later.skill == behind[0] and f"failed {STRUGGLING_UNSURE} times" in later.reason
    assert STRUGGLING < STRUGGLING_UNSURE < STRUGGLING_KNOWN and STEP_BACK_BELOW < READY


def test_a_prerequisite_off_the_goal_answered_by_the_learner_opens_what_builds_on_it_sooner():
    goal = {FUNCTIONS: 1.0}
    p_known = {TYPES: 0.97, FLOW: (READY_OFF_GOAL + READY) / 2}
    # FLOW is not a goal skill: with an answer of the learner's own, READY_OFF_GOAL will do
    sooner = recommend(CURRICULUM, GRAPH, {TYPES}, set(), goal=goal, p_known=p_known, answered={TYPES, FLOW})
    assert sooner.skill == FUNCTIONS and FLOW not in sooner.fringe
    # without an answer of its own (a prior, a placement, a spread) it needs READY
    unanswered = recommend(CURRICULUM, GRAPH, {TYPES}, set(), goal=goal, p_known=p_known, answered={TYPES})
    assert unanswered.skill == FLOW
    # a goal skill needs READY all the same
    as_goal = recommend(CURRICULUM, GRAPH, {TYPES}, set(), goal={FLOW: 1.0, FUNCTIONS: 1.0}, p_known=p_known,
                        answered={TYPES, FLOW})
    assert as_goal.skill == FLOW


def test_when_the_fringe_is_done_only_the_goals_unsure_skills_are_quizzed():
    goal = {FUNCTIONS: 1.0}
    on_path = {FUNCTIONS} | GRAPH.ancestors(FUNCTIONS)
    passed = {item.exercise for s in on_path for item in GRAPH.items(s) if item.kind != "quiz"}
    usable = lambda exercise: bool(set(exercise.skills) & on_path)  # noqa: E731
    p_known = {s: 0.99 for s in GRAPH.order} | {TYPES: 0.85}  # a prerequisite known, not mastered
    mastered = {s for s, p in p_known.items() if p >= 0.95}
    step = recommend(CURRICULUM, GRAPH, mastered, passed, goal=goal, usable=usable, p_known=p_known)
    assert step.skill != TYPES  # what builds on it showed it; its quiz would be over-practice
    step = recommend(CURRICULUM, GRAPH, mastered - {FUNCTIONS}, passed, goal=goal, usable=usable,
                     p_known=p_known | {FUNCTIONS: 0.85})
    assert step.skill == FUNCTIONS and "not yet sure" in step.reason


def test_exercises_on_ready_skills_come_first_then_those_practising_more_new_skills():
    found = 0
    for skill in GRAPH.order:
        known = GRAPH.ancestors(skill)

        def ready(exercise):
            return all(s in known or GRAPH.prerequisites(s) <= known for s in exercise.skills if s in GRAPH)

        candidates = [CURRICULUM.exercise(e) for e in dict.fromkeys(i.exercise for i in GRAPH.items(skill) if i.kind != "quiz")]
        plain = exercise_for(CURRICULUM, GRAPH, skill, set())
        chosen = exercise_for(CURRICULUM, GRAPH, skill, set(), known=known)
        if plain is not None and not ready(plain) and any(ready(ex) for ex in candidates):
            found += 1
            assert ready(chosen)
        if chosen is not None and all(ready(ex) for ex in candidates):
            fresh = [sum(s not in known for s in ex.skills) for ex in candidates]
            assert sum(s not in known for s in chosen.skills) == max(fresh)
    assert found, "the course has a skill whose easiest exercise also needs a skill that is not ready"
