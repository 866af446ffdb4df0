"""What a course author tripped on, caught statically with file, field and a way to fix it."""

from __future__ import annotations

import pytest
from conftest import write

from mltrail.authoring.content_check import check_content
from mltrail.curriculum.expressions import expression_problem
from mltrail.curriculum.loader import load_curriculum

QUIZ = """
title = "Quiz"
kind = "quiz"
skills = ["adding"]
difficulty = 1
minutes = 5
hints = ["one", "two"]

[[items]]
id = "speed"
kind = "expression"
prompt = "Kinetic energy?"
variables = ["a", "v"]
answer = "{answer}"
explanation = "..."
"""


def problems_of(course):
    _, problems = check_content([course], only_custom=True, grade=False)
    return [str(p) for p in problems]


@pytest.mark.parametrize("answer, words", [
    ("a**2 * v +", "not a valid expression"),
    ("a**2 ^ v", "use ** for a power"),
    ("__import__('os')", "__import__"),
    ("w * v", "'w'"),
    ("a.real", "Attribute"),
    ("sqrt(a, v)", "exactly one argument"),
    ("[a for a in v]", "ListComp"),
    ("'text' * a", "only numbers"),
    ("a if v else a", "IfExp"),
    ("a < v", "Compare"),
    ("sqrt", None),
])
def test_expression_answers_are_checked_without_running_them(answer, words):
    problem = expression_problem(answer, ["a", "v"])
    if answer == "sqrt":
        assert problem is None  # harmless; the grader decides what a bare name means
        return
    assert problem and words in problem, problem


@pytest.mark.parametrize("answer", ["a*v**2/2", "sqrt(a) + exp(-v) * log(abs(a)) - sin(pi*v) / cos(e) + tan(1.5)", "-(a + 2)"])
def test_good_expression_answers_pass(answer):
    assert expression_problem(answer, ["a", "v"]) is None


def test_an_invalid_expression_answer_names_file_item_and_problem(tiny_course):
    write(tiny_course / "modules/tiny/exercises/quiz/exercise.toml", QUIZ.format(answer="a**2 * v +"))
    write(tiny_course / "modules/tiny/exercises/quiz/prompt.md", "A quiz.\n")
    found = problems_of(tiny_course)
    assert any("quiz/exercise.toml [items.0]" in p and "item 'speed'" in p and "not a valid expression" in p for p in found), found
    assert load_curriculum([tiny_course]).exercise("tiny/quiz") is None


def test_a_module_folder_given_as_the_course_is_a_problem(tiny_course):
    found = problems_of(tiny_course / "modules" / "tiny")
    assert len(found) == 1 and "module folder, not a course folder" in found[0] and "modules/tiny/module.toml" in found[0]


@pytest.mark.parametrize("name", ["Module.toml", "module.tml", "modules.toml"])
def test_a_misnamed_module_manifest_is_a_problem(tiny_course, name):
    module = tiny_course / "modules" / "tiny"
    (module / "module.toml").rename(module / name)
    found = problems_of(tiny_course)
    assert any("tiny: this module is not loaded" in p and "module.toml" in p for p in found), found
    assert any(name in p for p in found) or name == "module.tml"


def test_an_empty_course_folder_is_a_problem(tmp_path):
    (tmp_path / "course").mkdir()
    found = problems_of(tmp_path / "course")
    assert any("no module found" in p for p in found), found


def test_a_stray_folder_among_modules_is_a_problem(tiny_course):
    (tiny_course / "modules" / "notes").mkdir()
    assert any("notes: this module is not loaded" in p for p in problems_of(tiny_course))


def test_a_course_root_may_hold_other_folders(tiny_course):
    course = tiny_course / "modules"  # a bare folder of modules, beside a docs folder that is not content
    (course / "docs").mkdir()
    (course / "docs" / "notes.txt").write_text("x")
    assert problems_of(course) == []
