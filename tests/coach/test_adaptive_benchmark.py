"""benchmarks/adaptive.py runs on a few simulated learners and prints the figures it promises (targets not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from adaptive import CONTEXT_POLICIES, POLICIES, auc  # noqa: E402


def run(*args: str) -> dict:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "adaptive.py"), "--json", *args],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_benchmark_prints_one_json_object_with_every_figure_in_range():
    figures = run("--learners", "3", "--budget", "80", "--seed", "7", "--train", "4")
    assert figures["learners"] == 3 and figures["budget"] == 80 and figures["role"] == "data-scientist"
    assert figures["train_learners"] == 4 and set(figures["fitted_keys"]) == {"skill", "difficulty", "kind"}
    for name in POLICIES + CONTEXT_POLICIES:
        row = figures[name]
        assert 0.0 <= row["mastered_share"] <= 1.0 and 0.0 <= row["targets_known"] <= 1.0
        assert 0 < row["items_used"] <= 80 and 0 <= row["over_practice"] <= row["items_used"]
        assert 0 < row["skills_learnt"] <= row["items_used"]  # a skill is learnt by practising it
        assert row["over_practice_per_skill_learnt"] == pytest.approx(row["over_practice"] / row["skills_learnt"],
                                                                      abs=0.01)
        for key in ("auc", "oracle_auc", "reference_auc"):
            assert row[key] is None or 0.0 <= row[key] <= 1.0
    placed = figures["coach_placement"]
    assert 1 <= placed["questions"] <= 20 and 0.0 <= placed["skill_accuracy"] <= 1.0
    strict = figures["linear_until_right"]
    assert "stalled_share" not in strict and "stalled_share" in placed
    assert figures["vs_linear_until_right"]["over_practice_ratio"] == pytest.approx(
        placed["over_practice"] / strict["over_practice"], abs=0.001)
    assert "vs_linear_until_right" not in figures["targets"]  # context, not a target
    assert set(figures["targets"]) == set(figures["target_checks"])
    assert figures["meets_targets"] == all(figures["target_checks"].values())
    assert run("--learners", "3", "--budget", "80", "--seed", "7", "--train", "4")["coach"] == figures["coach"]  # seeded


def test_auc_counts_pairs_ranked_right_and_ties_as_half():
    assert auc([0.1, 0.4, 0.35, 0.8], [False, False, True, True]) == pytest.approx(0.75)
    assert auc([0.5, 0.5], [False, True]) == pytest.approx(0.5)
    assert auc([0.2, 0.9], [True, True]) is None
    rng = np.random.default_rng(0)
    scores = rng.random(200)
    outcomes = rng.random(200) < scores
    pairs = [(s, t) for s, o in zip(scores, outcomes) if o for t, q in zip(scores, outcomes) if not q]
    assert auc(list(scores), list(outcomes)) == pytest.approx(np.mean([s > t for s, t in pairs]))


def test_simulated_learners_answer_by_their_hidden_state_and_respect_prerequisites():
    from simulate import FastGraph, draw_learner, draw_skill_params

    from mltrail.coach.skills import SkillGraph
    from mltrail.curriculum.loader import load_curriculum

    graph = FastGraph(SkillGraph.from_curriculum(load_curriculum()))
    learner = draw_learner(graph, np.random.default_rng(3), draw_skill_params(graph, np.random.default_rng(0)))
    noise = sum(learner.known[s] and not all(learner.known[p] for p in graph.prerequisites(s)) for s in graph.order)
    assert noise <= 0.1 * len(graph)  # known skills build on known skills, but for a few flips
    quiz = next(i for i in graph.all_items.values() if i.kind == "quiz" and len(i.skills) == 1)
    learner.known[quiz.skills[0]] = True
    _, guess, slip, _ = learner.params[quiz.skills[0]]
    assert learner.p_correct(quiz) == pytest.approx(1 - slip)
    learner.known[quiz.skills[0]] = False
    assert learner.p_correct(quiz) == pytest.approx(guess)
    right = np.mean([learner.answer(quiz)[0] for _ in range(2000)])
    assert abs(right - guess) < 0.04


def test_each_skill_has_its_parameters_shared_by_every_learner_who_differ_by_their_starting_state():
    from simulate import FastGraph, draw_learner, draw_skill_params

    from mltrail.coach.skills import SkillGraph
    from mltrail.curriculum.loader import load_curriculum

    graph = FastGraph(SkillGraph.from_curriculum(load_curriculum()))
    params = draw_skill_params(graph, np.random.default_rng(0))
    assert params == draw_skill_params(graph, np.random.default_rng(0))  # drawn once per run, from its seed
    assert len(set(params.values())) == len(graph)  # each skill its own
    learners = [draw_learner(graph, np.random.default_rng(seed), params) for seed in range(12)]
    assert all(learner.params is params for learner in learners)
    assert len({tuple(learner.known.values()) for learner in learners}) > 6  # they differ by where they start


def test_the_linear_order_stops_when_the_model_says_the_goal_is_mastered_like_the_coach():
    from simulate import FastGraph, draw_learner, draw_skill_params, linear

    from mltrail.coach.skills import SkillGraph
    from mltrail.curriculum.loader import load_curriculum

    curriculum = load_curriculum()
    graph = FastGraph(SkillGraph.from_curriculum(curriculum))
    learner = draw_learner(graph, np.random.default_rng(1), draw_skill_params(graph, np.random.default_rng(0)))
    learner.known = dict.fromkeys(learner.known, True)
    run = linear(graph, curriculum, learner, 200, [graph.order[0]])
    assert 0 < run.items < 30 and run.reached  # the first skill is mastered within the first module's items
    assert linear(graph, curriculum, learner, 200, graph.order).items == 200  # the whole graph: the budget


def test_the_reference_filter_uses_the_simulators_parameters_on_the_same_answers():
    from simulate import CODE_GUESS, FastGraph, ReferenceFilter, draw_learner, draw_skill_params

    from mltrail.coach.skills import SkillGraph
    from mltrail.curriculum.loader import load_curriculum

    graph = FastGraph(SkillGraph.from_curriculum(load_curriculum()))
    learner = draw_learner(graph, np.random.default_rng(1), draw_skill_params(graph, np.random.default_rng(0)))
    code = next(i for i in graph.all_items.values() if i.kind == "function" and len(i.skills) == 1
                and any(q.kind == "quiz" and q.skills == i.skills for q in graph.items(i.skills[0])))
    quiz = next(q for q in graph.items(code.skills[0]) if q.kind == "quiz" and q.skills == code.skills)
    skill = quiz.skills[0]
    _, guess, slip, _ = learner.params[skill]
    reference = ReferenceFilter(learner, {s: 0.0 for s in graph.order})
    assert reference.predict(quiz) == pytest.approx(guess) and reference.predict(code) == pytest.approx(guess * CODE_GUESS)
    reference.p[skill] = 1.0
    assert reference.predict(quiz) == pytest.approx(1 - slip)
    reference.p[skill] = 0.5
    reference.observe(quiz, True)
    assert reference.p[skill] > 0.5


def test_explain_breaks_the_coachs_over_practice_down_by_cause_and_adds_up():
    from simulate import CAUSES

    figures = run("--explain", "--learners", "2", "--budget", "120", "--seed", "7", "--train", "0")
    assert set(figures["causes"]) == set(CAUSES) and "coach_placement" not in figures  # not the benchmark
    assert sum(figures["causes"].values()) == pytest.approx(figures["over_practice"], abs=0.02)
    assert sum(figures["branches"].values()) == pytest.approx(figures["over_practice"], abs=0.02)
    assert figures["causes"]["a_placement_known"] == figures["branches"].get("placement", 0.0)
    assert figures["over_practice"] > 0
    assert figures["mastered_share"] + figures["budget_spent_share"] + figures["stopped_not_known_share"] <= 1.0
    by_answer = figures["auc_by_answer"]
    practice_answers = round(figures["items_used"] * 2)  # 2 learners; their items include placement questions
    assert set(figures["answer_kinds"]) == {"first", "changed", "unchanged"}
    counted = sum(by_answer[kind]["answers"] for kind in ("first", "changed", "unchanged"))
    assert 0 < counted <= practice_answers  # placement questions are not practice answers
    assert by_answer["first"]["answers"] > 0 and set(by_answer["told"]) == {"first", "changed", "first+changed"}
    for name in ("auc", "reference_auc", "oracle_auc"):
        assert 0.0 <= by_answer["pooled"][name] <= 1.0


def test_a_stricter_mastery_bar_is_a_diagnostic_of_explain_only():
    small = ("--learners", "2", "--budget", "300", "--seed", "7", "--train", "0")
    strict, lax = run("--explain", "--mastered-at", "0.99", *small), run("--explain", "--mastered-at", "0.6", *small)
    assert strict["mastered_at"] == 0.99 and lax["mastered_at"] == 0.6
    assert strict["over_practice"] != lax["over_practice"]  # the bar is the one the coach used
    assert run("--explain", "--learners", "1", "--budget", "60", "--seed", "7", "--train", "0")["mastered_at"] == 0.95
    for args, says in ((["--mastered-at", "0.99"], "--explain"), (["--explain", "--mastered-at", "1"], "between")):
        refused = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "adaptive.py"), *args],
                                 capture_output=True, text=True, timeout=60)
        assert refused.returncode != 0 and says in refused.stderr


def test_each_practice_answer_is_told_apart_by_what_the_hidden_state_did_since_the_last_one():
    from simulate import FastGraph, Learner, Run, answer_kind

    from mltrail.coach.skills import SkillGraph
    from mltrail.curriculum.loader import load_curriculum

    graph = FastGraph(SkillGraph.from_curriculum(load_curriculum()))
    item = next(i for i in graph.items("python/control-flow") if i.skills == ("python/control-flow",))
    known = {s: False for s in graph.order}
    learner = Learner(known, {s: (0.2, 0.1, 0.1, 0.0) for s in graph.order}, "newcomer", np.random.default_rng(0))
    run = Run()
    assert answer_kind(run, learner, item) == "first"
    run.last_state["python/control-flow"] = False
    assert answer_kind(run, learner, item) == "unchanged"
    learner.known["python/control-flow"] = True  # learnt since
    assert answer_kind(run, learner, item) == "changed"
    run.last_state["python/control-flow"] = True
    assert answer_kind(run, learner, item) == "unchanged"


def test_telling_the_model_the_hidden_state_scores_it_as_the_oracle_on_those_answers():
    from adaptive import auc_by_answer
    from simulate import Run

    run = Run(answer_kinds=["first", "changed", "unchanged", "unchanged"], predicted=[0.9, 0.1, 0.2, 0.8],
              reference=[0.5, 0.5, 0.3, 0.7], oracle=[0.1, 0.9, 0.2, 0.8], outcomes=[False, True, False, True])
    figures = auc_by_answer([run])
    assert figures["pooled"] == {"auc": 0.25, "reference_auc": 0.875, "oracle_auc": 1.0}
    assert figures["told"]["first+changed"] == {"auc": 1.0, "reference_auc": 1.0}
    # told at the first answer only: the right answer at 0.1 still ties it and ranks below the wrong one at 0.2
    assert figures["told"]["first"]["auc"] == 0.625
    assert figures["unchanged"] == {"answers": 2, "right_share": 0.5, "auc": 1.0, "reference_auc": 1.0,
                                    "oracle_auc": 1.0}
    assert figures["first"]["auc"] is None  # one answer, one class


def test_the_explainer_calls_a_first_right_answer_after_learning_apart_from_a_second_one():
    from simulate import Explainer, FastGraph, Learner

    from mltrail.coach.skills import SkillGraph
    from mltrail.curriculum.loader import load_curriculum

    graph = FastGraph(SkillGraph.from_curriculum(load_curriculum()))
    item = graph.items("python/control-flow")[0]
    known = {s: False for s in graph.order}
    known.update({"python/types": True, "python/control-flow": True})
    learner = Learner(known, {s: (0.2, 0.1, 0.1, 0.0) for s in graph.order}, "newcomer", np.random.default_rng(0))
    explainer = Explainer(learner, {"python/functions": 1.0})
    explainer.at_start.discard("python/control-flow")  # as if learnt during practice

    class Model:
        states: dict = {}

    assert explainer.cause(item, Model(), "fringe") == "b_first_right_after_learnt"
    assert explainer.cause(item, Model(), "step_back") == "f_step_back"
    explainer.after(item, False, {s: True for s in item.skills})  # a slip confirms nothing
    assert explainer.cause(item, Model(), "fringe") == "b_first_right_after_learnt"
    explainer.after(item, True, {s: True for s in item.skills})
    assert explainer.cause(item, Model(), "fringe") == "c_already_confirmed"
    learner.known["python/functions"] = True
    assert explainer.cause(item, Model(), "fringe") == "e_after_goal_known"


def test_the_linear_order_until_right_retries_an_item_past_three_tries():
    from simulate import MAX_TRIES, FastGraph, draw_learner, linear

    from mltrail.coach.skills import SkillGraph
    from mltrail.curriculum.loader import load_curriculum

    curriculum = load_curriculum()
    graph = FastGraph(SkillGraph.from_curriculum(curriculum))
    never = {s: (0.0, 0.0, 0.1, 0.0) for s in graph.order}  # learns nothing, never guesses right

    def learner():
        one = draw_learner(graph, np.random.default_rng(1), never)
        one.known = dict.fromkeys(one.known, False)
        return one

    capped = linear(graph, curriculum, learner(), 40, [graph.order[-1]])
    strict = linear(graph, curriculum, learner(), 40, [graph.order[-1]], max_tries=None)
    assert capped.items == strict.items == 40 and not any(capped.outcomes + strict.outcomes)
    first = next(i.id for e in curriculum.exercises() for i in graph.exercise_items.get(e.id, []) if i.skills)
    assert [o.item for o in strict.history] == [first] * 40  # the first item, again and again
    assert len({o.item for o in capped.history}) == -(-40 // MAX_TRIES)  # MAX_TRIES each, then the next


def test_simulator_params_are_the_simulators_own_for_the_diagnostic_only():
    from simulate import CODE_GUESS, FastGraph, SimulatorParams, draw_skill_params

    from mltrail.coach.mastery import item_params
    from mltrail.coach.skills import SkillGraph
    from mltrail.curriculum.loader import load_curriculum

    graph = FastGraph(SkillGraph.from_curriculum(load_curriculum()))
    drawn = draw_skill_params(graph, np.random.default_rng(0))
    skill = graph.order[3]
    drawn[skill] = (0.25, 0.2, 0.1, 0.0)
    source = SimulatorParams(drawn, {s: 0.3 for s in graph.order})
    quiz = item_params(source, skill, 2, "quiz")
    code = item_params(source, skill, 2, "function")
    assert (quiz.prior, quiz.learn, quiz.guess, quiz.slip) == (0.3, 0.25, 0.2, 0.1) and quiz.forget == 1e-4
    assert code.guess == pytest.approx(0.2 * CODE_GUESS) and source(skill, 5) == quiz
    figures = run("--explain", "--simulator-params", "--learners", "1", "--budget", "60", "--seed", "7")
    assert figures["params"] == "simulator" and figures["train_learners"] == 0 and figures["propagation"] is None
    refused = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "adaptive.py"), "--simulator-params"],
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and "--explain" in refused.stderr
