"""What a learner reads: hints, solutions and lessons in the terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from mltrail.curriculum.loader import load_curriculum


def run_wide(columns: str, *args: str, home) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_COLOR="1", MLTRAIL_HOME=str(home))
    env["COLUMNS"] = columns
    return subprocess.run([sys.executable, "-m", "mltrail", *args], env=env, capture_output=True, text=True, timeout=120)


def test_asking_past_the_last_hint_does_not_count_another(cli):
    total = len(load_curriculum().exercise("python/clamp").manifest.hints)
    for _ in range(total + 2):
        assert cli("hint", "python/clamp").returncode == 0
    last = cli("hint", "python/clamp").stdout
    assert f"Hint {total}/{total}" in last and "last hint" in last
    assert json.loads(cli("progress", "--json").stdout)["hints_taken"] == total


def test_a_solution_is_printed_whole_in_a_narrow_terminal(home):
    solution = load_curriculum().exercise("python/clamp").file("solution.py").read_text()
    result = run_wide("30", "solution", "python/clamp", "--reveal", home=home)
    assert result.returncode == 0
    assert result.stdout.rstrip("\n") == solution.rstrip("\n")
