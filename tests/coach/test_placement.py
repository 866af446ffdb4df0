"""The placement test: BKT evidence on a skill, spread along prerequisites, most informative question next."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from mltrail.coach import bkt
from mltrail.coach.placement import Placement, entropy, scope_for_modules
from mltrail.coach.skills import Item, Skill, SkillGraph
from mltrail.curriculum.loader import load_curriculum

GRAPH = SkillGraph.from_curriculum(load_curriculum())


def chain(names: str = "abcdefg", function_only: str = "") -> SkillGraph:
    """m/a -> m/b -> ... ; one quiz item per skill (a function exercise instead for `function_only`)."""
    skills = {}
    for i, name in enumerate(names):
        skill = Skill(f"m/{name}", name.upper(), "m", i, {f"m/{names[i - 1]}"} if i else set())
        kind, item = ("function", None) if name in function_only else ("quiz", f"q{i + 1}")
        skill.items.append(Item(f"m/{'ex-' + name if item is None else 'quiz'}", item, kind, 3, (skill.id,)))
        skills[skill.id] = skill
    return SkillGraph(skills)


def belief(placement: Placement, skill: str) -> float:
    return float(placement.p[placement.index[skill]])


def test_an_answer_updates_its_skill_by_the_items_bkt_likelihoods():
    placement = Placement(chain(), beliefs={"m/c": 0.3})
    placement.answer("m/quiz#q3", True)
    assert belief(placement, "m/c") == pytest.approx(bkt.posterior(0.3, True, bkt.defaults_for(3)))
    placement.answer("m/quiz#q4", False)  # d builds on c: a failure there says nothing about c
    assert belief(placement, "m/c") == pytest.approx(bkt.posterior(0.3, True, bkt.defaults_for(3)))


def test_a_wrong_answer_on_an_item_of_several_skills_is_shared_among_them():
    skills = {"m/a": Skill("m/a", "A", "m", 0), "m/b": Skill("m/b", "B", "m", 1)}
    both = Item("m/quiz", "q1", "quiz", 3, ("m/a", "m/b"))
    for skill in skills.values():
        skill.items.append(both)
    placement = Placement(SkillGraph(skills))
    placement.answer("m/quiz#q1", False)
    single = bkt.posterior(0.5, False, bkt.defaults_for(3))
    assert single < belief(placement, "m/a") < 0.5 and belief(placement, "m/a") == pytest.approx(belief(placement, "m/b"))


def test_a_pass_is_evidence_for_the_prerequisites_only():
    placement = Placement(chain())
    before = placement.p.copy()
    placement.answer("m/quiz#q4", True)  # skill d
    for skill in ("m/a", "m/b", "m/c"):
        assert belief(placement, skill) > before[placement.index[skill]] + 0.2
    for skill in ("m/e", "m/f", "m/g"):  # what builds on d: not moved by a pass
        assert belief(placement, skill) == pytest.approx(before[placement.index[skill]])


def test_a_failure_is_evidence_against_the_dependents_only():
    placement = Placement(chain())
    before = placement.p.copy()
    placement.answer("m/quiz#q3", False)  # skill c
    for skill in ("m/d", "m/e", "m/g"):
        assert belief(placement, skill) < before[placement.index[skill]] / 2
    for skill in ("m/a", "m/b"):
        assert belief(placement, skill) == pytest.approx(before[placement.index[skill]])


def test_the_strength_sets_how_far_an_answer_counts_along_prerequisites():
    strict, half, none = (Placement(chain(), strength=w) for w in (1.0, 0.5, 0.0))
    for placement in (strict, half, none):
        placement.answer("m/quiz#q4", True)
    # strict: a prerequisite is as likely as what builds on it; none: nothing spreads
    assert belief(strict, "m/a") == pytest.approx(belief(strict, "m/d"))
    assert belief(none, "m/a") == pytest.approx(Placement(chain()).p[0])
    logit = lambda p: np.log(p / (1 - p))  # noqa: E731
    start = logit(Placement(chain()).p[0])
    assert logit(belief(half, "m/a")) - start == pytest.approx(0.5 * (logit(belief(half, "m/d")) - start))
    with pytest.raises(ValueError, match="strength"):
        Placement(chain(), strength=1.5)


def test_the_order_of_answers_does_not_matter_and_a_slip_can_be_undone():
    one, other = Placement(chain()), Placement(chain())
    answers = [("m/quiz#q2", False), ("m/quiz#q6", True), ("m/quiz#q7", True)]
    for item, correct in answers:
        one.answer(item, correct)
    for item, correct in reversed(answers):
        other.answer(item, correct)
    assert np.allclose(one.p, other.p)
    # b failed once, but f and g (which build on it) were right: b is still more likely known than not
    assert belief(one, "m/b") > 0.5


def test_the_gain_is_the_expected_fall_of_entropy_and_the_best_is_asked():
    placement = Placement(chain())
    ranked = placement.gains()
    assert [q.gain for q in ranked] == sorted((q.gain for q in ranked), reverse=True)
    best = ranked[0]
    assert placement.next_question() == best
    p_right = placement.p_correct(best.item)
    after = []
    for correct in (True, False):
        trial = copy.deepcopy(placement)
        trial.answer(best.item.id, correct)
        after.append(trial.uncertainty())
    expected = p_right * after[0] + (1 - p_right) * after[1]
    assert best.gain == pytest.approx(placement.uncertainty() - expected)
    # a skill already settled is worth less to ask, and is not asked first
    settled = Placement(chain(), beliefs={"m/a": 0.999})
    assert settled.next_question().item.skills[0] != "m/a"
    gain_of_a = lambda p: next(q.gain for q in p.gains() if q.item.skills[0] == "m/a")  # noqa: E731
    assert gain_of_a(settled) < gain_of_a(placement) / 2


def test_it_stops_when_confident_or_when_the_budget_is_spent():
    sure = Placement(chain(), beliefs={f"m/{n}": (0.97 if n < "d" else 0.02) for n in "abcdefg"})
    assert sure.confident and sure.done and sure.stop_reason == "confident" and sure.next_question() is None
    short = Placement(chain(), max_questions=2)
    for _ in range(2):
        short.answer(short.next_question().item.id, True)
    assert short.stop_reason == "budget" and short.next_question() is None
    with pytest.raises(ValueError, match="max_questions"):
        Placement(chain(), max_questions=0)


def test_a_scope_limits_the_questions_and_the_result():
    placement = Placement(chain(), scope=["m/e", "m/f"])
    assert set(placement.beliefs()) == {"m/e", "m/f"} and placement.result() == {}
    assert {q.item.skills[0] for q in placement.gains()} == {"m/e", "m/f"}
    with pytest.raises(ValueError, match="unknown skill m/zz.*m/a"):
        Placement(chain(), scope=["m/zz"])
    with pytest.raises(ValueError, match="unknown module nope; the modules are: python"):
        scope_for_modules(GRAPH, ["nope"])
    assert scope_for_modules(GRAPH, ["python"]) == [s for s in GRAPH.order if s.startswith("python/")]
    assert scope_for_modules(GRAPH, []) is None


def test_function_exercises_are_optional_questions_for_skills_without_a_quiz_item():
    placement = Placement(chain(function_only="c"))
    kinds = {q.item.id: q for q in placement.gains()}
    assert kinds["m/ex-c"].optional and not kinds["m/quiz#q1"].optional
    assert sum(1 for q in kinds.values() if q.item.kind == "function") == 1
    placement.answer("m/ex-c", None)  # skipped: a "don't know", scored as wrong
    assert placement.answers[-1].skipped and not placement.answers[-1].correct
    assert belief(placement, "m/c") == pytest.approx(bkt.posterior(0.5, False, bkt.defaults_for(3)))
    with pytest.raises(ValueError, match="already answered"):
        placement.answer("m/ex-c", True)
    with pytest.raises(ValueError, match="not a question"):
        placement.answer("m/nothing", True)


def test_placement_on_the_real_graph_finds_what_a_learner_knows_in_twenty_questions():
    modules = {"python", "trigonometry", "linear-algebra", "probability"}
    known = {s for s in GRAPH.order if GRAPH.skills[s].module in modules}
    placement = Placement(GRAPH)
    while not placement.done:
        question = placement.next_question()
        placement.answer(question.item.id, all(s in known for s in question.item.skills))
    assert len(placement.answers) <= 20
    assert set(placement.beliefs()) == set(GRAPH.order)
    placed, to_learn = placement.placed()
    right = sum((skill in placed) == (skill in known) for skill in GRAPH.order)
    assert right / len(GRAPH) >= 0.9
    assert set(placed) | set(to_learn) == set(GRAPH.order) and not set(placed) & set(to_learn)


def test_the_result_holds_only_the_skills_some_answer_told_about():
    placement = Placement(chain())
    placement.answer("m/quiz#q3", True)  # c, and by spreading its ancestors a and b
    assert set(placement.result()) == {"m/a", "m/b", "m/c"}
    assert placement.result()["m/c"] == pytest.approx(belief(placement, "m/c"), abs=1e-4)
    assert set(placement.beliefs()) == {f"m/{n}" for n in "abcdefg"}
    known, to_learn = placement.placed()
    assert known == ["m/a", "m/b", "m/c"] and to_learn == ["m/d", "m/e", "m/f", "m/g"]  # d..g untouched at 0.5


def test_entropy_is_largest_at_one_half():
    values = entropy(np.array([0.0, 0.1, 0.5, 0.9, 1.0]))
    assert values[2] == pytest.approx(np.log(2)) and values[0] < 1e-6 and values[1] == pytest.approx(values[3])
