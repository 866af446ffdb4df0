"""Whatever a submission returns, the grader answers with a verdict and never raises."""

from __future__ import annotations

import json

import pytest
from conftest import write

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading import grader
from mltrail.grading.grader import ContentError, grade_source
from mltrail.grading.verdict import MAX_TEXT, Verdict


@pytest.fixture
def add(tiny_course):
    return load_curriculum([tiny_course]).exercise("tiny/add")


def failed_with(verdict: Verdict, *words: str) -> str:
    assert verdict.status == "failed", verdict.message
    message = verdict.first_failure.message
    assert all(w in message for w in words), message
    json.dumps(verdict.to_json(), ensure_ascii=False).encode("utf-8")  # printable and storable
    return message


def test_an_int_too_large_for_a_float_is_a_failed_case(add):
    write(add.path / "check.py", "def cases(rng):\n    for _ in range(21):\n        yield {'a': float(rng.random()), 'b': 1.5}\n")
    verdict = grade_source(add, "def add(a, b):\n    return 10**400\n", seed=1)
    failed_with(verdict, "too large for a float", "401 digits")


def test_nan_is_a_failed_case(add):
    failed_with(grade_source(add, "def add(a, b):\n    return float('nan')\n", seed=1), "nan")


def test_a_huge_int_is_a_failed_case_shown_by_its_size(add):
    verdict = grade_source(add, "def add(a, b):\n    return 10**1000\n", seed=1)
    failed_with(verdict, "expected")
    assert "digits" in verdict.first_failure.to_json()["got"]


def test_unencodable_values_are_failed_cases(add):
    failed_with(grade_source(add, "def add(a, b):\n    return object()\n", seed=1), "could not be checked")
    verdict = grade_source(add, "def add(a, b):\n    return '\\ud800'\n", seed=1)
    failed_with(verdict, "expected")
    print(json.dumps(verdict.to_record(), ensure_ascii=False).encode("utf-8"))


def test_a_comparison_that_raises_is_a_failed_case(add, monkeypatch):
    def broken(expected, got, where=""):
        raise OverflowError("boom")

    monkeypatch.setattr(grader, "compare_values", broken)
    failed_with(grade_source(add, "def add(a, b):\n    return a + b\n", seed=1), "OverflowError", "boom")


def test_a_grader_fault_is_an_error_verdict_not_an_exception(add, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("grader bug")

    monkeypatch.setattr(grader, "grade_function", broken)
    verdict = grade_source(add, "def add(a, b):\n    return a + b\n", seed=1)
    assert verdict.status == "error" and "grader bug" in verdict.message


def test_long_returned_strings_are_stored_capped(add):
    verdict = grade_source(add, "def add(a, b):\n    return 'x' * 3_000_000 if a == 1 else a + b\n", seed=1)
    failed_with(verdict, "expected")
    assert len(json.dumps(verdict.to_record())) < 4 * MAX_TEXT + 10_000


def test_a_byte_order_mark_is_accepted(add):
    assert grade_source(add, "\ufeffdef add(a, b):\n    return a + b\n".encode("utf-8"), seed=1).passed
    assert grade_source(add, "\ufeff".encode("utf-8"), seed=1).status == "error"  # still an empty file


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
prompt = "Pick b."
choices = ["x", "y"]
answer = "b"
explanation = "b."

[[items]]
id = "q2"
kind = "multiple"
prompt = "Pick a."
choices = ["x", "y"]
answer = ["a"]
explanation = "a."

[[items]]
id = "q3"
kind = "numeric"
prompt = "Five?"
answer = 5
tolerance = 1e-6
explanation = "5."
"""


@pytest.mark.parametrize("answers", [
    "q1 = {'b': 1}\nq2 = [[1], {2}]\nq3 = 10**400\n",
    "q1 = ['b', 'c']\nq2 = 'b, ' * 100000\nq3 = '1e999'\n",
    "q1 = 3\nq2 = {1: 2}\nq3 = float('nan')\n",
    "q1 = b'\\xff'\nq2 = None\nq3 = [5]\n",
])
def test_malformed_quiz_answers_are_wrong_answers(tmp_path, answers):
    module = tmp_path / "course" / "modules" / "q"
    write(module / "module.toml", 'title = "Q"\nsummary = "Q"\norder = 1\nestimated_hours = 1\n[[skills]]\nid = "p"\ntitle = "P"\n')
    write(module / "exercises" / "quiz" / "exercise.toml", QUIZ)
    write(module / "exercises" / "quiz" / "prompt.md", "Answer.\n")
    quiz = load_curriculum([tmp_path / "course"]).exercise("q/quiz")
    verdict = grade_source(quiz, answers, seed=1)
    assert verdict.status == "failed" and not any(c.passed for c in verdict.cases)
    assert all(c.message for c in verdict.cases)


def test_verdicts_are_rebuilt_from_their_stored_json(add):
    verdict = grade_source(add, "def add(a, b):\n    return a - b\n", seed=7)
    for form in (Verdict.to_json, Verdict.to_record):
        stored = form(verdict)
        rebuilt = Verdict.from_json(json.loads(json.dumps(stored)))
        assert form(rebuilt) == stored
    assert verdict.content_version == add.content_version() and len(verdict.content_version) == 16


def test_content_version_changes_with_the_exercise_folder(add):
    before = add.content_version()
    (add.path / "prompt.md").write_text("Write add(a, b), changed.\n", encoding="utf-8")
    assert add.content_version() != before


def test_a_broken_check_names_its_line(add):
    write(add.path / "check.py", "def cases(rng):\n    yield {'a': 1, 'b': 2}\n    raise ValueError('bad draw')\n")
    with pytest.raises(ContentError, match=r"check.py \(line 3\).*bad draw"):
        grade_source(add, "def add(a, b):\n    return a + b\n", seed=1)


def test_a_failing_solution_names_its_case_counted_from_one(add):
    write(add.path / "solution.py", "def add(a, b):\n    if a == 1:\n        raise ValueError('no')\n    return a + b\n")
    with pytest.raises(ContentError, match=r"solution.py \(line 3\) failed on case 1:"):
        grade_source(add, "def add(a, b):\n    return a + b\n", seed=1)


def test_file_cases_never_change_the_working_folder(curriculum, monkeypatch):
    import os

    def refuse(path):
        raise AssertionError(f"the grader changed the working folder to {path}")

    monkeypatch.setattr(os, "chdir", refuse)
    for exercise_id in ("python/count-code-lines", "python/csv-column-mean"):
        exercise = curriculum.exercise(exercise_id)
        cases, expected, _ = grader.build_cases(exercise, seed=3)
        assert any(case.files for case in cases) and len(expected) == len(cases)
