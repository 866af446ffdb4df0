"""The author's gate: checks that draw too few or fixed cases, and mistakes without an explanation."""

from __future__ import annotations

import pytest
from conftest import write

from mltrail.authoring import content_check
from mltrail.authoring.content_check import case_problems, check_content
from mltrail.curriculum.loader import load_curriculum

FIXED = """
def cases(rng):
    for a in range(25):
        yield {"a": a, "b": 1}
"""
FEW = """
def cases(rng):
    yield {"a": 1, "b": 2}
    for _ in range(10):
        yield {"a": int(rng.integers(-100, 100)), "b": 0}
"""
HALF = """
def cases(rng):
    for a in range(15):
        yield {"a": a, "b": 1}
    for _ in range(10):
        yield {"a": float(rng.normal()), "b": 0}
"""


def _exercise(course):
    return load_curriculum([course]).exercise("tiny/add")


@pytest.mark.parametrize("check, words", [
    (FIXED, "never uses rng"),
    (FEW, "yields 11 cases with seed 1; yield at least 21"),
    (HALF, "only 10 cases differ between seeds 1 and 2"),
])
def test_a_check_that_a_hard_coded_answer_could_pass_is_flagged(tiny_course, check, words):
    path = write(tiny_course / "modules/tiny/exercises/add/check.py", check)
    problems = case_problems(_exercise(tiny_course))
    assert len(problems) == 1 and problems[0].path == path and words in problems[0].message, problems


def test_a_check_with_enough_random_cases_is_accepted(tiny_course):
    assert case_problems(_exercise(tiny_course)) == []


@pytest.mark.timeout(600)  # the first to ask grades the whole built-in course (builtin_gate)
def test_the_builtin_course_passes_the_gate(builtin_gate):
    """`mltrail content check` on the whole built-in course, in process (the CLI's wiring, exit code
    and output are tested on a small course in tests/cli/test_cli.py)."""
    curriculum, problems, _ = builtin_gate
    assert len(curriculum.modules) >= 15 and len(curriculum.exercises()) >= 200
    assert problems == [], "\n".join(str(p) for p in problems)


def test_every_builtin_check_draws_enough_random_cases():
    for exercise in load_curriculum().exercises():
        if exercise.kind == "function":
            assert case_problems(exercise) == [], exercise.id


def test_mistake_explanations_are_required_unless_switched_off(tiny_course, monkeypatch):
    mistake = tiny_course / "modules/tiny/exercises/add/mistakes/subtract.md"
    assert content_check.REQUIRE_MISTAKE_EXPLANATIONS is True  # the built-in course explains every mistake

    def found(**options):
        return [str(p) for p in check_content([tiny_course], only_custom=True, grade=False, **options)[1]]

    assert found() == []
    mistake.unlink()
    missing = found()
    assert len(missing) == 1 and "subtract.md" in missing[0] and "is missing" in missing[0]
    assert found(require_explanations=False) == []
    monkeypatch.setattr(content_check, "REQUIRE_MISTAKE_EXPLANATIONS", False)
    assert found() == [] and found(require_explanations=True) == missing
    monkeypatch.setattr(content_check, "REQUIRE_MISTAKE_EXPLANATIONS", True)
    mistake.write_text("  \n")
    assert "is empty" in found()[0]
    mistake.write_text("You subtracted b from a instead of adding them: use a + b.\n")
    assert found() == []
