"""The coach's skill graph, mastery replayed from records, and the next step from the fringe."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import networkx as nx
import pytest

from mltrail.coach import bkt
from mltrail.coach.mastery import PLACEMENT, mastered, mastery, observations
from mltrail.coach.next_step import recommend
from mltrail.coach.skills import Item, Skill, SkillGraph, SkillGraphError
from mltrail.curriculum.loader import load_curriculum

CURRICULUM = load_curriculum()
GRAPH = SkillGraph.from_curriculum(CURRICULUM)
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)


@dataclass
class A:  # an attempt record, as the store gives it
    exercise_id: str
    status: str
    created_at: datetime
    verdict: dict | None = None

    @property
    def passed(self) -> bool:
        return self.status == "passed"


@dataclass
class E:  # an event record
    kind: str
    subject: str
    created_at: datetime
    detail: dict = field(default_factory=dict)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_the_course_graph_is_acyclic_and_every_declared_skill_is_in_it():
    assert nx.is_directed_acyclic_graph(GRAPH.graph)
    assert set(GRAPH.skills) == set(CURRICULUM.skills())
    order = {skill: i for i, skill in enumerate(GRAPH.order)}
    assert all(order[a] < order[b] for a, b in GRAPH.graph.edges)


def test_declared_requirements_are_edges():
    for module in CURRICULUM.modules:
        for spec in module.manifest.skills:
            for ref in spec.requires:
                qualified = ref if "/" in ref else f"{module.id}/{ref}"
                assert qualified in GRAPH.prerequisites(f"{module.id}/{spec.id}")


def test_a_module_builds_on_the_last_skills_of_its_prerequisite_modules():
    python = CURRICULUM.module("python")
    linear = CURRICULUM.module("linear-algebra")
    inside = {ref for s in python.manifest.skills for ref in s.requires}
    exits = {f"python/{s.id}" for s in python.manifest.skills if s.id not in inside}
    first = [s for s in linear.manifest.skills
             if not any("/" not in ref or ref.startswith("linear-algebra/") for ref in s.requires)]
    assert first, "linear-algebra has a skill that requires nothing inside its module"
    for spec in first:
        assert exits <= GRAPH.prerequisites(f"linear-algebra/{spec.id}")
    # and only those: the graph stays sparse
    assert not any(p.startswith("python/") and p not in exits for s in first for p in GRAPH.prerequisites(f"linear-algebra/{s.id}"))


def test_items_are_exercises_and_each_quiz_item():
    quiz = CURRICULUM.exercise("python/quiz")
    for item in quiz.manifest.items:
        found = GRAPH.all_items[f"python/quiz#{item.id}"]
        assert found.kind == "quiz" and found.skills
    clamp = GRAPH.all_items["python/clamp"]
    assert clamp.item is None and set(clamp.skills) == set(CURRICULUM.exercise("python/clamp").skills)


def test_a_cycle_is_refused_with_its_skills_named():
    skills = {"m/a": Skill("m/a", "A", "m", 0, {"m/b"}), "m/b": Skill("m/b", "B", "m", 1, {"m/a"})}
    with pytest.raises(SkillGraphError, match="m/a|m/b"):
        SkillGraph(skills)


def test_fringe_and_path_to():
    first = GRAPH.order[0]
    assert GRAPH.fringe([]) == [s for s in GRAPH.order if not GRAPH.prerequisites(s)]
    target = "supervised/" + CURRICULUM.module("supervised").manifest.skills[-1].id
    path = GRAPH.path_to([target], mastered=[])
    assert path[-1] == target and first in path
    assert set(path) == GRAPH.ancestors(target) | {target}
    known = set(path[:-1])
    assert GRAPH.path_to([target], mastered=known) == [target]
    assert target in GRAPH.fringe(known)


def test_three_passes_master_a_skill_and_one_does_not():
    skill = CURRICULUM.exercise("python/clamp").skills[0]
    others = [item.exercise for item in GRAPH.items(skill) if item.kind != "quiz"]
    once = mastery(GRAPH, [A("python/clamp", "passed", at(1))], [])
    assert not once[skill].mastered and once[skill].p_known > bkt.defaults_for(1).prior
    runs = [A(ex, "passed", at(i)) for i, ex in enumerate((others * 3)[:3])]
    assert mastery(GRAPH, runs, [])[skill].mastered


def test_failures_lower_and_unreliable_statuses_say_nothing():
    skill = CURRICULUM.exercise("python/clamp").skills[0]
    prior = mastery(GRAPH, [], [])[skill].p_known
    failed = mastery(GRAPH, [A("python/clamp", "failed", at(1))], [])[skill]
    assert failed.p_known < prior + bkt.defaults_for(1).learn and failed.answers == 1
    for status in ("error", "rejected", "skipped", "pending"):
        state = mastery(GRAPH, [A("python/clamp", status, at(1))], [])[skill]
        assert state.answers == 0 and state.p_known == pytest.approx(prior)


def test_help_before_passing_counts_against_mastery_and_after_passing_does_not():
    skill = CURRICULUM.exercise("python/clamp").skills[0]
    passed = [A("python/clamp", "passed", at(5))]
    base = mastery(GRAPH, passed, [])[skill].p_known
    before = mastery(GRAPH, passed, [E("hint", "python/clamp", at(1), {"level": 1})])[skill].p_known
    solution = mastery(GRAPH, passed, [E("solution", "python/clamp", at(1), {"revealed_before_pass": True})])[skill].p_known
    after = mastery(GRAPH, passed, [E("hint", "python/clamp", at(9), {"level": 1})])[skill].p_known
    assert solution < before < base and after == pytest.approx(base)


def test_quiz_answers_count_per_item_on_the_items_skills():
    quiz = CURRICULUM.exercise("python/quiz")
    items = quiz.manifest.items
    cases = [{"index": i, "passed": i != 0, "hidden": False} for i in range(len(items))]
    seen = observations(GRAPH, [A("python/quiz", "failed", at(1), {"cases": cases})], [])
    assert [o.item for o in seen] == [f"python/quiz#{item.id}" for item in items]
    assert [o.correct for o in seen] == [i != 0 for i in range(len(items))]


def test_a_placement_result_seeds_mastery_and_later_answers_update_it():
    skill = CURRICULUM.exercise("python/running-mean").skills[0]  # its only skill: a failure is all its own
    assert CURRICULUM.exercise("python/running-mean").skills == [skill]
    other = next(s for s in GRAPH.order if s != skill)
    placed = E(PLACEMENT, "placement", at(0), {"skills": {skill: 0.97, "no/such-skill": 0.9, other: 7}})
    states = mastery(GRAPH, [], [placed])
    assert states[skill].mastered and states[skill].placed
    assert not states[other].placed  # an estimate outside [0, 1] is not believed
    later = mastery(GRAPH, [A("python/running-mean", "failed", at(5)), A("python/running-mean", "failed", at(6))],
                    [placed])
    assert not later[skill].mastered


def test_the_next_step_is_on_the_fringe_and_follows_the_goal():
    step = recommend(CURRICULUM, GRAPH, set(), set())
    assert step.exercise is not None and step.skill in GRAPH.fringe([])
    assert step.skill in step.exercise.skills
    # with every python skill mastered, a goal deep in linear algebra comes before trigonometry
    python = {s for s in GRAPH.skills if s.startswith("python/")}
    goal_skill = next(s for s in GRAPH.order if s.startswith("linear-algebra/"))
    toward = recommend(CURRICULUM, GRAPH, python, set(), goal={goal_skill: 1.0})
    plain = recommend(CURRICULUM, GRAPH, python, set())
    assert toward.skill == goal_skill and "goal" in toward.reason
    assert plain.skill.startswith("trigonometry/")  # course order without a goal


def test_practised_skills_open_the_way_and_then_their_quiz_is_asked():
    python_exercises = {ex.id for ex in CURRICULUM.module("python").exercises if ex.kind != "quiz"}
    step = recommend(CURRICULUM, GRAPH, set(), python_exercises)
    assert not step.exercise.id.startswith("python/")  # every python exercise passed: on to what builds on it
    everything_else = {ex.id for ex in CURRICULUM.exercises() if ex.kind != "quiz"}
    quiz_step = recommend(CURRICULUM, GRAPH, set(), everything_else)
    assert quiz_step.exercise.kind == "quiz"  # a skill only quiz items practise, or one practised but unsure
    every_fringe_quiz = {ex.id for ex in CURRICULUM.exercises() if ex.kind == "quiz"} - {
        item.exercise for s in quiz_step.fringe for item in GRAPH.items(s)}
    unsure_step = recommend(CURRICULUM, GRAPH, set(), everything_else | (
        {ex.id for ex in CURRICULUM.exercises() if ex.kind == "quiz"} - every_fringe_quiz))
    assert unsure_step.exercise.kind == "quiz"


def test_item_ids():
    assert Item("m/q", "a1", "quiz", 2, ("m/s",)).id == "m/q#a1"
    assert Item("m/e", None, "function", 2, ("m/s",)).id == "m/e"
    assert mastered({}) == set()


def test_a_skill_that_only_quiz_items_practise_is_asked_with_its_quiz():
    skill = next(s for s in GRAPH.order if GRAPH.items(s) and all(i.kind == "quiz" for i in GRAPH.items(s)))
    step = recommend(CURRICULUM, GRAPH, GRAPH.ancestors(skill), set(), goal={skill: 5.0})
    assert step.skill == skill and step.exercise.kind == "quiz"


def test_after_failing_twice_the_coach_looks_behind_the_exercise():
    from mltrail.coach.next_step import struggling_with

    late = next(ex for ex in CURRICULUM.exercises() if ex.module == "supervised" and ex.kind == "function")
    behind = set().union(*(GRAPH.prerequisites(s) for s in late.skills))
    weak = sorted(behind, key=lambda s: GRAPH.skills[s].order)[0]
    p_known = {s: 0.9 for s in behind} | {weak: 0.3}
    step = recommend(CURRICULUM, GRAPH, set(), set(), struggling=(late.id, 2), p_known=p_known)
    assert step.skill == weak and "failed 2 times" in step.reason
    assert weak in step.exercise.skills
    once = recommend(CURRICULUM, GRAPH, set(), set(), struggling=(late.id, 1), p_known=p_known)
    assert "failed" not in once.reason
    attempts = [A("python/clamp", "failed", at(1)), A(late.id, "failed", at(2)), A(late.id, "timeout", at(3))]
    assert struggling_with(attempts) == (late.id, 2)
    assert struggling_with(attempts + [A(late.id, "passed", at(4))]) is None
    assert struggling_with([]) is None
