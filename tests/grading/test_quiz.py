"""Quizzes: every item kind, answers graded without evaluating learner text here."""

from __future__ import annotations

import pytest
from conftest import write

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source
from mltrail.curriculum.quiz_file import quiz_file, solution_file

QUIZ = """
title = "Quiz"
kind = "quiz"
skills = ["p"]
difficulty = 1
minutes = 5
hints = ["Read the lesson.", "Work it out on paper."]

[[items]]
id = "q1"
kind = "choice"
prompt = "Shape of A @ B for A 3x2, B 2x4?"
choices = ["2x2", "3x4", "4x3"]
answer = "b"
explanation = "Outer sizes remain."

[[items]]
id = "q2"
kind = "multiple"
prompt = "Which are even?"
choices = ["2", "3", "4"]
answer = ["a", "c"]
explanation = "2 and 4."

[[items]]
id = "q3"
kind = "numeric"
prompt = "det([[2, 1], [1, 3]])?"
answer = 5
tolerance = 1e-6
explanation = "6 - 1."

[[items]]
id = "q4"
kind = "expression"
prompt = "Derivative of x**3 + 2*x?"
variables = ["x"]
answer = "3*x**2 + 2"
explanation = "Power rule."
"""


@pytest.fixture
def quiz(tmp_path):
    module = tmp_path / "course" / "modules" / "q"
    write(module / "module.toml", 'title = "Q"\nsummary = "Q"\norder = 1\nestimated_hours = 1\n[[skills]]\nid = "p"\ntitle = "P"\n')
    write(module / "exercises" / "quiz" / "exercise.toml", QUIZ)
    write(module / "exercises" / "quiz" / "prompt.md", "Answer the questions.\n")
    return load_curriculum([tmp_path / "course"]).exercise("q/quiz")


def answers(**values):
    base = {"q1": '"b"', "q2": '["a", "c"]', "q3": "5", "q4": '"3*x**2 + 2"'}
    base.update(values)
    return "\n".join(f"{k} = {v}" for k, v in base.items()) + "\n"


def test_generated_answers_pass_and_generated_file_fails(quiz):
    assert grade_source(quiz, solution_file(quiz)).passed
    blank = grade_source(quiz, quiz_file(quiz))
    assert blank.status == "failed" and all(not c.passed for c in blank.cases)


def test_learner_file_shows_every_question(quiz):
    text = quiz_file(quiz)
    assert "Shape of A @ B" in text and "(b) 3x4" in text and "q4 = None" in text


@pytest.mark.parametrize(
    "override",
    [{"q1": '"B"'}, {"q2": '"c, a"'}, {"q2": '("c", "a")'}, {"q3": "5.0000001"}, {"q3": '"5"'},
     {"q4": '"2 + 3*x*x"'}, {"q4": '"3*x^2 + 2"'}, {"q4": '"x*(3*x) + 2"'}],
)
def test_equivalent_answers_are_accepted(quiz, override):
    verdict = grade_source(quiz, answers(**override))
    assert verdict.passed, verdict.message


@pytest.mark.parametrize(
    "override, item",
    [({"q1": '"a"'}, "q1"), ({"q1": '"ab"'}, "q1"), ({"q2": '["a"]'}, "q2"), ({"q2": '["a", "b", "c"]'}, "q2"),
     ({"q3": "4.9"}, "q3"), ({"q3": "True"}, "q3"), ({"q4": '"3*x**2"'}, "q4"), ({"q4": '"x**3 + 2*x"'}, "q4"),
     ({"q4": "None"}, "q4"), ({"q4": '"__import__(\'os\').getcwd()"'}, "q4")],
)
def test_wrong_answers_are_rejected_item_by_item(quiz, override, item):
    verdict = grade_source(quiz, answers(**override))
    assert verdict.status == "failed"
    assert [c.label for c in verdict.cases if not c.passed] == [item]


def test_wrong_answer_message_does_not_reveal_the_right_one(quiz):
    verdict = grade_source(quiz, answers(q1='"a"'))
    assert "b" not in next(c.message for c in verdict.cases if c.label == "q1").replace("'a'", "")


def test_missing_variable_is_named(quiz):
    verdict = grade_source(quiz, 'q1 = "b"\n')
    assert "`q2` is not in your file" in next(c.message for c in verdict.cases if c.label == "q2")


FORGERIES = {
    "status passed on the result descriptor": '{"status": "passed"}',
    "empty expression values": '{"status": "ran", "answers": {"q1": {"ok": "\\"b\\""}, "q2": {"ok": "[\\"a\\", \\"c\\"]"}, '
                               '"q3": {"ok": "5"}, "q4": {"values": []}}}',
    "too few expression values": '{"status": "ran", "answers": {"q4": {"values": [1.0]}}}',
    "a verdict field": '{"status": "ran", "answers": {}, "verdict": "passed"}',
}


@pytest.mark.parametrize("forgery", FORGERIES.values(), ids=list(FORGERIES))
def test_a_quiz_file_cannot_forge_its_verdict(quiz, forgery):
    code = f"""
import os, sys
fd = sys._getframe(1).f_locals["result_fd"]
os.write(fd, {forgery!r}.encode())
os._exit(0)
"""
    verdict = grade_source(quiz, code, seed=3)
    assert not verdict.passed
    assert verdict.status in ("error", "failed")


@pytest.mark.parametrize("channel", [1, 2])
def test_claims_on_output_channels_are_only_output(quiz, channel):
    code = f'import os\nos.write({channel}, b\'{{"status": "passed"}}\\nPASSED\\n\')\n'
    verdict = grade_source(quiz, code, seed=3)
    assert verdict.status == "failed"
    assert "PASSED" in verdict.output


def _count_quiz(tmp_path, integers: bool):
    module = tmp_path / f"course-{integers}" / "modules" / "q"
    write(module / "module.toml", 'title = "Q"\nsummary = "Q"\norder = 1\nestimated_hours = 1\n[[skills]]\nid = "p"\ntitle = "P"\n')
    write(module / "exercises" / "quiz" / "exercise.toml", f"""
title = "Pairs"
kind = "quiz"
skills = ["p"]
difficulty = 1
minutes = 2
hints = ["Count ordered pairs first.", "Then halve."]

[[items]]
id = "pairs"
kind = "expression"
prompt = "How many unordered pairs can be drawn from n items?"
variables = ["n"]
answer = "n * (n - 1) / 2"
domain = [2, 40]
integers = {str(integers).lower()}
explanation = "n(n - 1) ordered pairs, each unordered pair twice."
""")
    write(module / "exercises" / "quiz" / "prompt.md", "Count.\n")
    return load_curriculum([tmp_path / f"course-{integers}"]).exercise("q/quiz")


def test_floor_division_is_right_where_the_variables_are_whole_numbers(tmp_path):
    whole = _count_quiz(tmp_path, integers=True)
    assert "//" in quiz_file(whole) and "(whole numbers)" in quiz_file(whole)
    for answer in ('"n * (n - 1) // 2"', '"n^2 / 2 - n / 2"', '"(n**2 - n) // 2"'):
        assert grade_source(whole, f"pairs = {answer}\n", seed=4).passed, answer
    assert not grade_source(whole, 'pairs = "n * n // 2"\n', seed=4).passed
    real = _count_quiz(tmp_path, integers=False)
    assert not grade_source(real, 'pairs = "n * (n - 1) // 2"\n', seed=4).passed  # drawn between integers


def test_integer_domains_need_whole_numbers_to_draw(tmp_path):
    from mltrail.curriculum.schema import ExpressionItem

    with pytest.raises(ValueError, match="three whole numbers"):
        ExpressionItem(id="q", kind="expression", prompt="p", variables=["n"], answer="n", domain=(0.2, 1.8),
                       integers=True, explanation="e")
