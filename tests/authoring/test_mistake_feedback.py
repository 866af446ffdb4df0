"""Feedback names the learner's mistake: matched on the failing cases, shown by every interface."""

from __future__ import annotations

import json

import pytest
from conftest import write

from mltrail.authoring.mistake_share import MistakeOutcome, mistake_outcomes
from mltrail.curriculum.loader import Curriculum, load_curriculum
from mltrail.grading.grader import grade_source

SUBTRACT_MD = "You subtracted b from a instead of adding them: use `a + b`."


@pytest.fixture
def add(tiny_course):
    write(tiny_course / "modules/tiny/exercises/add/mistakes/subtract.md", SUBTRACT_MD)
    write(tiny_course / "modules/tiny/exercises/add/mistakes/double.py", "def add(a, b):\n    return 2 * a\n")
    write(tiny_course / "modules/tiny/exercises/add/mistakes/double.md", "You doubled a and forgot b.")
    return load_curriculum([tiny_course]).exercise("tiny/add")


def test_a_learner_making_a_recorded_mistake_is_told_which(add):
    verdict = grade_source(add, "def add(a, b):\n    return a - b  # my own words\n", seed=4)
    assert verdict.status == "failed"
    assert verdict.mistake is not None and verdict.mistake.name == "subtract"
    assert verdict.to_json()["mistake"] == {"name": "subtract", "explanation": SUBTRACT_MD}


def test_another_wrong_answer_names_no_mistake(add):
    verdict = grade_source(add, "def add(a, b):\n    return a * b\n", seed=4)
    assert verdict.status == "failed" and verdict.mistake is None
    assert verdict.to_json()["mistake"] is None
    assert grade_source(add, "def add(a, b):\n    return a + b\n", seed=4).to_json()["mistake"] is None


def test_raising_where_the_mistake_raises_counts_as_the_same_mistake(add):
    write(add.path / "mistakes/no-ints.py", "def add(a, b):\n    raise TypeError('no')\n")
    write(add.path / "mistakes/no-ints.md", "You refused ints.")
    verdict = grade_source(add, "def add(a, b):\n    return int('x')\n", seed=4)
    assert verdict.mistake is not None and verdict.mistake.name == "no-ints"


def test_mistakes_without_an_explanation_are_never_named(add):
    (add.path / "mistakes/subtract.md").unlink()
    assert grade_source(add, "def add(a, b):\n    return a - b\n", seed=4).mistake is None


def test_grade_json_and_text_show_the_mistake(cli, tiny_course, tmp_path):
    write(tiny_course / "modules/tiny/exercises/add/mistakes/subtract.md", SUBTRACT_MD)
    submission = write(tmp_path / "mine.py", "def add(a, b):\n    return a - b\n")
    result = cli("--content", str(tiny_course), "grade", "tiny/add", str(submission), "--json")
    assert json.loads(result.stdout)["mistake"] == {"name": "subtract", "explanation": SUBTRACT_MD}
    text = cli("--content", str(tiny_course), "grade", "tiny/add", str(submission))
    assert "You subtracted b from a" in text.stdout and "subtract" in text.stdout


def test_mistake_outcomes_grade_each_explained_mistake_and_say_what_was_named(add):
    write(add.path / "mistakes/unexplained.py", "def add(a, b):\n    return 0\n")  # no .md: never named, not counted
    tiny = load_curriculum([add.path.parents[3]]).module("tiny")
    outcomes = mistake_outcomes(Curriculum(modules=[tiny], problems=[]))
    assert outcomes == [MistakeOutcome("tiny/add", "double", "double"), MistakeOutcome("tiny/add", "subtract", "subtract")]
    assert all(o.own for o in outcomes)
    assert not MistakeOutcome("tiny/add", "double", None).own and not MistakeOutcome("tiny/add", "double", "subtract").own


@pytest.mark.timeout(600)  # the first to ask grades the whole built-in course (builtin_gate)
def test_builtin_mistakes_are_named_when_a_learner_makes_them(builtin_gate):
    # Each recorded mistake graded once, by the gate, at the seed mistake_outcomes uses, named as
    # for a learner (see builtin_gate in conftest.py): the outcomes mistake_outcomes would give.
    curriculum, _, verdicts = builtin_gate
    outcomes = []
    for exercise in curriculum.exercises():
        if exercise.kind != "function":
            continue
        for path in exercise.mistakes():
            if not exercise.mistake_explanation(path):
                continue
            verdict = verdicts[(exercise.id, path.stem)]
            named = getattr(verdict, "mistake", None)  # a Problem: the check could not run, nothing named
            outcomes.append(MistakeOutcome(exercise.id, path.stem, named.name if named else None))
    assert len(outcomes) >= 400
    share = sum(o.own for o in outcomes) / len(outcomes)
    print(f"mistake-explanation share: {share:.3f} ({sum(o.own for o in outcomes)} of {len(outcomes)})")
    missed = [f"{o.exercise}: mistakes/{o.mistake}.py named {o.named}" for o in outcomes if not o.own]
    assert share >= 0.95, missed


def test_the_gate_refuses_a_recorded_mistake_that_does_not_finish(tiny_course):
    from mltrail.authoring.content_check import check_content

    write(tiny_course / "modules/tiny/exercises/add/mistakes/forever.py", "def add(a, b):\n    while True:\n        pass\n")
    write(tiny_course / "modules/tiny/exercises/add/mistakes/forever.md", "You never return.")
    problems = [str(p) for p in check_content([tiny_course], only_custom=True)[1]]
    assert any("forever.py" in p and "must run and return wrong answers" in p and "timeout" in p for p in problems), problems


def test_a_slow_mistake_does_not_hold_the_learners_verdict(add, monkeypatch):
    import time

    from mltrail.grading import mistakes

    monkeypatch.setattr(mistakes, "BUDGET_S", 0.5)
    # it ends (a thread that never ends would keep a core busy for the rest of the tests)
    write(add.path / "mistakes/aaa-slow.py", "import time\ndef add(a, b):\n    time.sleep(3)\n    return a - b\n")
    write(add.path / "mistakes/aaa-slow.md", "You take your time.")
    started = time.perf_counter()
    verdict = grade_source(add, "def add(a, b):\n    return a - b\n", seed=4)
    assert verdict.status == "failed" and verdict.mistake is None
    assert time.perf_counter() - started < 2.5
