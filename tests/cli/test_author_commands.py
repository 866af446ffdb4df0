"""Authors' commands: `content check ID` with a verbose report, and `show ID`."""

from __future__ import annotations

import json

from conftest import run_cli, write

from mltrail.curriculum.loader import load_curriculum
from mltrail.workspace import starter_text


def author(home, course, *args):
    # The tiny course is the author's own trusted content: graded unconfined, as authors debug.
    return run_cli("--no-sandbox", "--content", str(course), *args, env={"MLTRAIL_HOME": str(home)})


def test_content_check_of_one_exercise_says_which_case_rejects_each_mistake(home, tiny_course):
    result = author(home, tiny_course, "content", "check", "tiny/add", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["exercise"] == "tiny/add" and report["ok"] is True and report["problems"] == []
    files = [o["file"] for o in report["outcomes"]]
    assert files == ["solution.py", "solution.py", "starter.py", "mistakes/subtract.py"]
    mistake = report["outcomes"][-1]
    assert mistake["status"] == "failed" and mistake["case"] == 1 and mistake["ok"] is True
    assert "expected 3" in mistake["case_message"] or "3" in mistake["case_message"]
    assert mistake["explanation"] == "You subtracted b from a instead of adding them: use a + b."
    assert all(o["status"] == "passed" for o in report["outcomes"][:2])


def test_content_check_of_one_exercise_in_words(home, tiny_course):
    write(tiny_course / "modules/tiny/exercises/add/mistakes/subtract.md", "You subtracted: add instead.\n")
    text = author(home, tiny_course, "content", "check", "tiny/add").stdout
    assert "mistakes/subtract.py (seed 3, must fail): failed; first rejected by case 1" in text
    assert "explanation: yes" in text and "starter.py" in text and "OK for tiny/add" in text


def test_content_check_of_one_exercise_fails_on_a_mistake_that_passes(home, tiny_course):
    write(tiny_course / "modules/tiny/exercises/add/mistakes/right.py", "# not a mistake\ndef add(a, b):\n    return b + a\n")
    result = author(home, tiny_course, "content", "check", "tiny/add", "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    bad = next(o for o in report["outcomes"] if o["file"] == "mistakes/right.py")
    assert bad["ok"] is False and bad["case"] is None
    assert any("right.py" in p["path"] and "must FAIL" in p["message"] for p in report["problems"])


def test_content_check_of_an_unknown_exercise_is_one_line(home, tiny_course):
    result = author(home, tiny_course, "content", "check", "tiny/nope")
    assert result.returncode == 2 and "Unknown exercise" in result.stderr and "Traceback" not in result.stderr


def test_show_previews_what_a_learner_sees(home, tiny_course):
    result = author(home, tiny_course, "show", "tiny/add", "--json")
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    exercise = load_curriculum([tiny_course]).exercise("tiny/add")
    assert seen["file"] == "tiny/add.py" and seen["file_text"] == starter_text(exercise)
    assert seen["hints"] == 2 and seen["lesson"] == "tiny/01-adding" and "Write `add(a, b)`" in seen["prompt"]
    text = author(home, tiny_course, "show", "tiny/add").stdout
    assert "mltrail lesson tiny/01-adding" in text and "Hints: 2" in text
    assert starter_text(exercise).rstrip("\n") in text


def test_show_needs_no_grading_and_records_nothing(home, tiny_course):
    author(home, tiny_course, "show", "tiny/add")
    progress = json.loads(run_cli("progress", "--json", env={"MLTRAIL_HOME": str(home)}).stdout)
    assert progress["attempts"] == 0 and progress["hints_taken"] == 0
