"""The CLI words the engine's typed errors itself, and records only what it says it records."""

from __future__ import annotations

import json

from conftest import run_cli, write

CLAMP = "def clamp(x, low, high):\n    return min(max(x, low), high)\n"


def test_grade_records_the_attempt_unless_no_record(cli, tmp_path):
    answer = write(tmp_path / "clamp.py", CLAMP)
    assert cli("grade", "python/clamp", str(answer), "--no-record").returncode == 0
    assert json.loads(cli("progress", "--json").stdout)["attempts"] == 0
    assert cli("grade", "python/clamp", str(answer)).returncode == 0
    progress = json.loads(cli("progress", "--json").stdout)
    assert progress["attempts"] == 1 and "python/clamp" in progress["passed_ids"]
    assert "record" in cli("grade", "--help").stdout


def test_cases_carry_their_number_counted_from_one(cli, tmp_path):
    wrong = write(tmp_path / "clamp.py", "def clamp(x, low, high):\n    return x\n")
    data = json.loads(cli("grade", "python/clamp", str(wrong), "--json", "--no-record").stdout)
    assert all(case["number"] == case["index"] + 1 for case in data["cases"])
    failing = next(c for c in data["cases"] if not c["passed"])
    assert f"Case {failing['number']} of" in data["message"]


def test_typed_errors_keep_their_messages(cli):
    unknown = cli("hint", "python/clam")
    assert unknown.returncode == 2 and "Unknown exercise 'python/clam'. Did you mean python/clamp?" in unknown.stderr
    assert "Unknown lesson 'nope'. `mltrail lessons` lists them." in cli("lesson", "nope").stderr
    locked = cli("solution", "python/clamp")
    assert locked.returncode == 2 and "You have not passed python/clamp yet." in locked.stderr


def test_an_exercise_that_does_not_load_is_named_with_its_problem(cli, tiny_course):
    write(tiny_course / "modules/tiny/exercises/add/exercise.toml", 'title = "Add"\nkind = "function"\n')
    result = cli("--content", str(tiny_course), "hint", "tiny/add")
    assert result.returncode == 2
    assert "tiny/add does not load:" in result.stderr and "run `mltrail content check`" in result.stderr


def test_a_broken_check_is_reported_once_with_its_line(cli, tiny_course):
    write(tiny_course / "modules/tiny/exercises/add/check.py",
          "def cases(rng):\n    yield {'a': 1, 'b': 2}\n    raise KeyError('oops')\n")
    result = cli("content", "check", "--content", str(tiny_course), "--json")
    messages = [p["message"] for p in json.loads(result.stdout)["problems"]]
    broken = [m for m in messages if "oops" in m]
    assert len(broken) == 1 and "(line 3)" in broken[0], messages


def test_run_cli_lets_callers_set_the_terminal_width(home):
    narrow = run_cli("--help", env={"COLUMNS": "50", "MLTRAIL_HOME": str(home)})
    wide = run_cli("--help", env={"MLTRAIL_HOME": str(home)})
    assert max(map(len, narrow.stdout.splitlines())) <= 50 < max(map(len, wide.stdout.splitlines()))
