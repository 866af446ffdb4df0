"""The learner CLI as a person uses it, and its machine-readable forms."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time

from conftest import run_cli

from mltrail.curriculum.loader import BUILTIN_MODULES

CLAMP_SOLUTION = (BUILTIN_MODULES / "python/exercises/clamp/solution.py").read_text()


def test_help_is_fast_to_import_and_lists_the_commands():
    probe = "import sys; sys.argv = ['mltrail', '--help']\nfrom mltrail.cli.app import main\ntry:\n    main()\nexcept SystemExit:\n    pass\nprint('HEAVY', sorted(m for m in ('numpy', 'sklearn', 'pandas', 'sqlalchemy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout
    assert "HEAVY []" in out
    for command in ("init", "next", "check", "watch", "hint", "solution", "progress", "doctor", "grade", "list", "content"):
        assert command in out


def test_list_json_is_the_public_form(cli):
    result = cli("list", "--json")
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    assert rows[0]["id"] == "python/clamp"
    for row in rows:
        assert {"id", "module", "title", "kind", "entry", "skills", "difficulty", "minutes"} <= set(row)
        assert (row["entry"] is None) == (row["kind"] == "quiz")


def test_grade_json_gives_a_verdict_and_exit_zero_even_when_failing(cli, tmp_path):
    wrong = tmp_path / "wrong.py"
    wrong.write_text("def clamp(x, low, high):\n    return x\n")
    result = cli("grade", "python/clamp", str(wrong), "--json")
    assert result.returncode == 0
    verdict = json.loads(result.stdout)
    assert {"exercise", "status", "passed", "message", "cases", "elapsed_ms"} <= set(verdict)
    assert verdict["status"] == "failed" and verdict["passed"] is False
    failing = next(c for c in verdict["cases"] if not c["passed"])
    assert {"index", "passed", "hidden", "input", "expected", "got", "message"} <= set(failing)


def test_grade_json_statuses_for_broken_files(cli, tmp_path):
    loop = tmp_path / "loop.py"
    loop.write_text("while True:\n    pass\n")
    bad = tmp_path / "bad.py"
    bad.write_bytes(b"\xff\xfe\x00")
    assert json.loads(cli("grade", "python/clamp", str(loop), "--json").stdout)["status"] == "timeout"
    assert json.loads(cli("grade", "python/clamp", str(bad), "--json").stdout)["status"] == "error"


def test_grade_unknown_exercise_or_unreadable_file_exits_2_with_one_line(cli, tmp_path):
    result = cli("grade", "python/nope", str(tmp_path / "x.py"), "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "Unknown exercise" in result.stderr
    result = cli("grade", "python/clamp", str(tmp_path / "missing.py"), "--json")
    assert result.returncode == 2 and "cannot read" in result.stderr and "Traceback" not in result.stderr


def test_the_learner_journey(cli, tmp_path):
    workspace = tmp_path / "ws"
    assert cli("init", str(workspace)).returncode == 0
    target = workspace / "python" / "clamp.py"
    assert target.exists() and (workspace / "README.md").exists()
    assert "Write clamp" in target.read_text() or "clamp(" in target.read_text()

    shown = cli("next", cwd=workspace)
    assert "python/clamp" in shown.stdout and "Read first" in shown.stdout

    failed = cli("check", cwd=workspace)
    assert failed.returncode == 1 and "FAILED" in failed.stdout and "expected" in failed.stdout

    hint = cli("hint", cwd=workspace)
    assert "Hint 1/" in hint.stdout

    before = json.loads(cli("progress", "--json", cwd=workspace).stdout)
    target.write_text(CLAMP_SOLUTION)
    passed = cli("check", cwd=workspace)
    assert passed.returncode == 0 and "PASSED" in passed.stdout and "python/running-mean" in passed.stdout
    after = json.loads(cli("progress", "--json", cwd=workspace).stdout)
    assert before["passed"] == 0 and after["passed"] == 1 and after["attempts"] == 2 and after["hints_taken"] == 1
    assert "python/running-mean" in cli("next", cwd=workspace).stdout
    assert "def clamp" in cli("solution", "python/clamp", cwd=workspace).stdout
    assert "Progress" in cli("progress", cwd=workspace).stdout


def test_init_never_overwrites_the_learners_files(cli, tmp_path):
    workspace = tmp_path / "ws"
    cli("init", str(workspace))
    target = workspace / "python" / "clamp.py"
    target.write_text("# my work\n")
    again = cli("init", str(workspace))
    assert again.returncode == 0 and "kept" in again.stdout
    assert target.read_text() == "# my work\n"


def test_check_outside_a_workspace_explains_what_to_do(cli, tmp_path):
    result = cli("check", cwd=tmp_path)
    assert result.returncode == 2 and "mltrail init" in result.stderr


def test_solution_before_passing_is_refused_then_revealed(cli):
    refused = cli("solution", "python/clamp")
    assert refused.returncode == 2 and "--reveal" in refused.stderr
    revealed = cli("solution", "python/clamp", "--reveal")
    assert revealed.returncode == 0 and "def clamp" in revealed.stdout
    assert json.loads(cli("progress", "--json").stdout)["solutions_revealed"] == ["python/clamp"]


def test_lesson_is_rendered_and_recorded(cli):
    result = cli("lesson", "python/01-values-and-control-flow")
    assert result.returncode == 0 and len(result.stdout) > 1000
    progress = json.loads(cli("progress", "--json").stdout)
    assert progress["modules"][0]["lessons_read"] == 1


def test_watch_regrades_on_save_and_moves_on(home, tmp_path):
    workspace = tmp_path / "ws"
    env = {"MLTRAIL_HOME": str(home)}
    run_cli("init", str(workspace), env=env)
    import os

    proc = subprocess.Popen(
        [sys.executable, "-m", "mltrail", "watch"], cwd=workspace, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, env=dict(os.environ, COLUMNS="200", NO_COLOR="1", **env),
    )
    import threading

    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")), daemon=True)
    reader.start()
    try:
        started = time.monotonic() + 60  # watching starts once it has said what to edit (slow on a loaded machine)
        while time.monotonic() < started and not any("and save" in line for line in lines):
            time.sleep(0.1)
        time.sleep(0.5)
        (workspace / "python" / "clamp.py").write_text(CLAMP_SOLUTION)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            progress = json.loads(run_cli("progress", "--json", env=env).stdout)
            if progress["passed"] == 1:
                break
            time.sleep(0.5)
        time.sleep(1)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        reader.join(timeout=10)
    output = "".join(lines)
    assert progress["passed"] == 1
    assert "PASSED" in output and "running-mean" in output


def test_doctor_reports_every_sandbox_layer(cli):
    from mltrail.doctor import LAYER_DETAILS

    rows = json.loads(cli("doctor", "--json").stdout)
    names = {row["check"] for row in rows}
    assert {"python", "numpy", "store", "content", "grading"} <= names
    assert {f"sandbox: {layer}" for layer in LAYER_DETAILS} <= names
    assert all(row["status"] in ("ok", "warning") for row in rows if row["check"].startswith("sandbox"))
    assert next(r for r in rows if r["check"] == "grading")["status"] == "ok"
    text = cli("doctor").stdout
    for layer in LAYER_DETAILS:
        assert layer in text


def test_doctor_without_sandbox_says_so_loudly(cli):
    result = cli("--no-sandbox", "doctor")
    assert "sandbox is OFF" in result.stderr and "UNCONFINED" in result.stdout


def test_content_schema_prints_json_schema(cli):
    schema = json.loads(cli("content", "schema").stdout)
    assert "module.toml" in schema["$defs"]


def test_content_check_names_file_and_field_for_a_broken_course(cli, tiny_course):
    manifest = tiny_course / "modules/tiny/exercises/add/exercise.toml"
    manifest.write_text(manifest.read_text().replace("difficulty = 1", 'difficulty = "easy"'))
    result = cli("content", "check", "--content", str(tiny_course))
    assert result.returncode == 1
    assert "exercise.toml [difficulty]" in result.stdout


def test_content_check_passes_on_a_valid_custom_course(cli, tiny_course):
    result = cli("content", "check", "--content", str(tiny_course), "--json")
    assert result.returncode == 0 and json.loads(result.stdout) == {"ok": True, "problems": [], "skipped": []}


def test_content_check_says_content_ok_and_exits_0_for_a_valid_course(cli, tiny_course):
    # The whole built-in course through the same gate: test_the_builtin_course_passes_the_gate
    # (tests/authoring/test_gate.py), in process, once per session.
    result = cli("content", "check", "--content", str(tiny_course), "--no-grading")  # graded: the --json test
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^Content OK: \d+ modules, \d+ lessons, \d+ exercises\.$", result.stdout, flags=re.M), result.stdout


def test_custom_content_from_the_environment(tiny_course, home):
    result = run_cli("list", "--json", env={"MLTRAIL_HOME": str(home), "MLTRAIL_CONTENT": str(tiny_course)})
    assert "tiny/add" in [row["id"] for row in json.loads(result.stdout)]


def test_workspace_remembers_its_custom_content(home, tiny_course, tmp_path):
    env = {"MLTRAIL_HOME": str(home)}
    run_cli("--content", str(tiny_course), "init", str(tmp_path / "ws"), env=env)
    assert (tmp_path / "ws" / "tiny" / "add.py").exists()
    result = run_cli("check", "tiny/add", cwd=tmp_path / "ws", env=env)
    assert "FAILED" in result.stdout
