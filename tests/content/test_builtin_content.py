"""The built-in course meets its own bar: enough content, runnable lessons, checks that bite."""

from __future__ import annotations

import doctest
import re
import textwrap

import numpy as np
import pytest

from mltrail.curriculum.extras import importable, missing_extra
from mltrail.curriculum.loader import load_curriculum
from mltrail.sandbox.codec import Iterated
from mltrail.grading.grader import build_cases, grade_source

CURRICULUM = load_curriculum()
FUNCTION_EXERCISES = [ex for ex in CURRICULUM.exercises() if ex.kind == "function"]
FENCE = re.compile(r"```python\n(.*?)```", re.S)


@pytest.mark.parametrize("module_id", [module.id for module in CURRICULUM.modules])
def test_module_has_lessons_exercises_and_a_quiz(module_id):
    module = CURRICULUM.module(module_id)
    assert len(module.lessons) >= 3
    assert len([ex for ex in module.exercises if ex.kind == "function"]) >= 12
    quizzes = [ex for ex in module.exercises if ex.kind == "quiz"]
    assert quizzes and len(quizzes[0].manifest.items) >= 8
    covered = {s for ex in module.exercises for s in ex.skills} | {s for lesson in module.lessons for s in lesson.skills}
    assert set(module.skill_ids()) <= covered, "every skill of the module is taught and practised"


@pytest.mark.parametrize("exercise", FUNCTION_EXERCISES, ids=lambda ex: ex.id)
def test_exercise_has_edge_and_random_cases_hints_and_mistakes(exercise):
    cases, _, _ = build_cases(exercise, seed=0)
    other, _, _ = build_cases(exercise, seed=1)
    assert len(cases) >= 21
    changed = sum(1 for a, b in zip(cases, other) if repr((a.args, a.files)) != repr((b.args, b.files)))
    assert changed >= 20, "at least 20 cases must be drawn at random"
    assert len(exercise.manifest.hints) >= 2
    assert exercise.mistakes(), "record at least one common mistake in mistakes/"


def _literal(value) -> str:
    if isinstance(value, np.ndarray):
        return f"np.array({value.tolist()!r}, dtype={str(value.dtype)!r})"
    return repr(value)


def _wrong_answers(exercise) -> dict[str, str]:
    """Submissions that must fail every check: None, an input unchanged, a hard-coded output."""
    entry = exercise.entry
    cases, expected, protocol = build_cases(exercise, seed=0)
    if protocol == "object":
        stub = "    def __init__(self, *args, **kwargs):\n        pass\n    def __getattr__(self, name):\n        return lambda *a, **k: {value}\n"
        return {
            "none": f"class {entry}:\n" + stub.format(value="None"),
            "self": f"class {entry}:\n" + stub.format(value="self"),
        }
    first = expected[0]
    if isinstance(first, Iterated):
        hard = f"def {entry}(*args, **kwargs):\n    yield from {first.items!r}\n"
    else:
        hard = f"import numpy as np\ndef {entry}(*args, **kwargs):\n    return {_literal(first)}\n"
    return {
        "none": f"def {entry}(*args, **kwargs):\n    return None\n",
        "input unchanged": f"def {entry}(*args, **kwargs):\n    return next(iter(kwargs.values()))\n",
        "hard-coded first output": hard,
    }


@pytest.mark.parametrize("exercise", FUNCTION_EXERCISES, ids=lambda ex: ex.id)
def test_checks_reject_none_unchanged_input_and_hard_coded_output(exercise):
    for name, code in _wrong_answers(exercise).items():
        verdict = grade_source(exercise, code, seed=11)
        assert not verdict.passed, f"{name} must fail"


def _lesson_blocks(text: str) -> list[str]:
    return [textwrap.dedent(block) for block in FENCE.findall(text)]


def _run_blocks(blocks: list[str], globs: dict, name: str) -> None:
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for number, block in enumerate(blocks):
        if ">>>" not in block:
            exec(compile(block, f"{name} block {number}", "exec"), globs)
            continue
        test = parser.get_doctest(block, globs, f"{name} block {number}", name, 0)
        runner.run(test, clear_globs=False)
        globs.update(test.globs)  # DocTest works on a copy; carry names to the next block
    assert runner.summarize(verbose=False).failed == 0, f"examples in {name} do not print what they say"


@pytest.mark.parametrize("lesson", CURRICULUM.lessons(), ids=lambda le: le.id)
def test_lesson_examples_run_and_print_what_they_say(lesson, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    blocks = _lesson_blocks(lesson.body)
    assert blocks, "a lesson shows code"
    if any(re.search(r"^\s*(>>> )?(import torch|from torch)", b, flags=re.M) for b in blocks) and not importable("torch"):
        pytest.skip("the lesson's examples use PyTorch, the `deep` extra, which is not installed here (CI installs it)")
    _run_blocks(blocks, {"__name__": "lesson"}, lesson.id)


@pytest.mark.parametrize("exercise", FUNCTION_EXERCISES, ids=lambda ex: ex.id)
def test_prompt_example_matches_the_reference_solution(exercise, tmp_path, monkeypatch):
    if missing_extra(exercise):
        pytest.skip(f"{exercise.id} {missing_extra(exercise)} (CI installs it)")
    monkeypatch.chdir(tmp_path)
    blocks = [b for b in _lesson_blocks(exercise.prompt) if ">>>" in b]
    assert len(blocks) >= 1, "the prompt has one worked example"
    globs = {"__name__": "prompt"}
    exec(compile(exercise.file("solution.py").read_text(), str(exercise.file("solution.py")), "exec"), globs)
    _run_blocks(blocks, globs, exercise.id)


def test_lessons_follow_the_teaching_shape():
    for lesson in CURRICULUM.lessons():
        words = len(lesson.body.split())
        assert words >= 600, f"{lesson.id} is too short ({words} words)"
        assert "What comes next" in lesson.body or "what comes next" in lesson.body.lower(), lesson.id
