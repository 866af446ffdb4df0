"""Feedback names the learner's mistake: matched on the failing cases, shown by every interface."""

from __future__ import annotations

import json

import pytest
from conftest import write

from mltrail.authoring.mistake_share import mistake_outcomes
from mltrail.curriculum.loader import BUILTIN_MODULES, load_curriculum
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


def test_builtin_mistakes_are_named_when_a_learner_makes_them():
    from mltrail.sandbox.pool import ZygotePool

    curriculum = load_curriculum()
    pool = ZygotePool(size=2, forbidden=[BUILTIN_MODULES])
    try:
        outcomes = mistake_outcomes(curriculum, runner=pool)
    finally:
        pool.close()
    share = sum(o.own for o in outcomes) / len(outcomes)
    print(f"mistake-explanation share: {share:.3f} ({sum(o.own for o in outcomes)} of {len(outcomes)})")
    missed = [f"{o.exercise}: mistakes/{o.mistake}.py named {o.named}" for o in outcomes if not o.own]
    assert share >= 0.95, missed
