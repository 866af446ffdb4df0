"""`mltrail placement`: answers read from a file or stdin, graded in the sandbox, stored as events that seed mastery."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from mltrail.coach.mastery import PLACEMENT
from mltrail.config import Settings
from mltrail.curriculum.loader import load_curriculum
from mltrail.service import App

CURRICULUM = load_curriculum()


def right_answers(module: str) -> dict[str, str]:
    """What a learner who knows the module would type: every quiz item's answer, every
    function exercise's reference solution (by its path)."""
    answers = {}
    for exercise in CURRICULUM.exercises():
        if exercise.module != module:
            continue
        if exercise.kind == "quiz":
            for item in exercise.manifest.items:
                value = item.answer
                text = ", ".join(value) if isinstance(value, list) else (repr(value) if isinstance(value, float) else str(value))
                answers[f"{exercise.id}#{item.id}"] = text
        elif exercise.kind == "function":
            answers[exercise.id] = str(exercise.file("solution.py"))
    return answers


@pytest.fixture
def stored(home):
    def open_app():
        return App.open(Settings.resolve(home=home))

    return open_app


def test_a_learner_who_knows_the_module_is_placed_as_knowing_it(cli, tmp_path, stored):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(right_answers("python")), encoding="utf-8")
    result = cli("placement", "--module", "python", "--max", "2", "--answers", str(answers), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert 1 <= len(data["questions"]) <= 2
    assert all(q["correct"] and not q["skipped"] for q in data["questions"])
    python_skills = {s for s in CURRICULUM.skills() if s.startswith("python/")}
    assert set(data["beliefs"]) == python_skills and data["skills"] and set(data["skills"]) <= python_skills
    assert data["known"] and set(data["known"]) | set(data["to_learn"]) == python_skills
    assert "Question 1" in result.stderr  # the questions go to stderr with --json
    app = stored()
    try:
        learner = app.settings.learner
        learner_id = app.learner_id(learner)
        asked = app.store.events(learner_id, kind="placement_answer")
        assert [e.subject for e in asked] == [q["item"] for q in data["questions"]]
        assert all(e.detail["correct"] for e in asked)
        [placed] = app.store.events(learner_id, kind=PLACEMENT)
        assert placed.detail["skills"] == data["skills"]
        states = app.mastery(learner)
        for skill in data["known"]:
            assert states[skill].placed and states[skill].p_known == pytest.approx(data["skills"][skill])
    finally:
        app.close()


def test_answers_from_stdin_until_the_input_ends_and_the_text_says_what_comes_next(home, tmp_path, stored):
    env = {**os.environ, "MLTRAIL_HOME": str(home), "COLUMNS": "200", "NO_COLOR": "1"}

    def placement(text: str):
        return subprocess.run([sys.executable, "-m", "mltrail", "placement", "--module", "python", "--max", "5"],
                              input=text, env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)

    result = placement("")  # no answer at all: nothing is stored
    assert result.returncode == 0, result.stderr
    assert "No more answers" in result.stdout
    app = stored()
    try:
        assert app.store.events(app.learner_id(app.settings.learner), kind=PLACEMENT) == []
    finally:
        app.close()
    result = placement("?\n\n")
    assert result.returncode == 0, result.stderr
    assert 1 <= result.stdout.count("don't know · python/") <= 2
    assert "Placed as known (0)" in result.stdout and "To learn (11)" in result.stdout
    assert "Next: python/" in result.stdout


@pytest.mark.parametrize("args, content, message", [
    (["--module", "nope"], None, "unknown module nope; the modules are: python, "),
    (["--max", "0"], None, "--max must be at least 1"),
    (["--answers", "missing.json"], None, "no such file"),
    (["--answers", "answers.json"], "[1, 2]", "must hold one JSON object"),
    (["--answers", "answers.json"], "{nope", "is not JSON"),
])
def test_bad_input_is_one_clear_line(cli, tmp_path, args, content, message):
    if content is not None:
        (tmp_path / "answers.json").write_text(content, encoding="utf-8")
    result = cli("placement", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr


def test_help_documents_the_non_interactive_forms(cli):
    result = cli("placement", "--help")
    assert result.returncode == 0
    for word in ("--answers", "stdin", "--module", "--max", "--json", "don't know"):
        assert word in result.stdout
