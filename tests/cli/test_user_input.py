"""Paths and names from users are data: quotes, markup and odd characters never break a command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import run_cli

from mltrail.store.db import Store
from mltrail.workspace import Workspace, toml_document, toml_string

AWKWARD = [
    'my "course"',
    "back\\slash\\",
    "new\nline\tand\rreturn",
    "unicode: é ü 漢字 🙂",
    "control \x00 \x07 \x1f \x7f",
    "ws[/]",
    "",
    "''' triple \"\"\"",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_toml_strings_round_trip_through_tomllib(text):
    assert tomllib.loads(f"value = {toml_string(text)}\n")["value"] == text


def test_toml_document_round_trips_the_workspace_types():
    tables = {"workspace": {"version": 1, "flag": True, "ratio": 0.5, "content": [Path('/a/"b"'), "c\\d", "e\nf"]}}
    data = tomllib.loads(toml_document(tables, "comment with \"quotes\""))
    assert data == {"workspace": {"version": 1, "flag": True, "ratio": 0.5, "content": ['/a/"b"', "c\\d", "e\nf"]}}


def test_a_name_toml_cannot_hold_is_refused_before_anything_is_written():
    with pytest.raises(ValueError, match="UTF-8"):
        toml_string("bad \udcff byte")


def test_a_course_folder_with_quotes_is_remembered_by_the_workspace(home, tiny_course, tmp_path):
    awkward = tmp_path / 'my "course" \\ [x]'
    tiny_course.rename(awkward)
    env = {"MLTRAIL_HOME": str(home)}
    made = run_cli("--content", str(awkward), "init", str(tmp_path / "ws"), env=env)
    assert made.returncode == 0, made.stderr
    found = Workspace.find(tmp_path / "ws")
    assert found is not None and found.content_dirs == [awkward.resolve()]
    # Graded unconfined: the course is this test's own, and the point is the workspace file.
    result = run_cli("--no-sandbox", "check", "tiny/add", cwd=tmp_path / "ws", env=env)
    assert "FAILED" in result.stdout and "Traceback" not in result.stderr


def test_init_with_rich_markup_in_the_name_works_and_prints_it(cli, tmp_path):
    target = tmp_path / "ws[/]"
    result = cli("init", str(target))
    assert result.returncode == 0, result.stderr
    assert "MarkupError" not in result.stderr and str(target) in result.stdout.replace("\n", "")
    assert (target / "python" / "clamp.py").exists()
    assert cli("next", cwd=target).returncode == 0


@pytest.mark.parametrize("name", ["100%", "what?x=1", "hash#tag", "percent%20encoded", "at@sign"])
def test_store_opens_in_a_home_with_url_characters(tmp_path, name):
    home = tmp_path / name
    store = Store.at_home(home)
    store.learner_id("me")
    assert (home / "mltrail.db").is_file()
    assert not any(p.name == "mltrail.db" for p in tmp_path.iterdir())


def test_cli_works_in_a_home_with_url_characters(tmp_path):
    home = tmp_path / "data?mode=ro%41"
    result = run_cli("progress", "--json", env={"MLTRAIL_HOME": str(home)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["passed"] == 0 and (home / "mltrail.db").is_file()


def run_narrow(columns: str, *args: str, env: dict) -> subprocess.CompletedProcess:
    """The CLI in a terminal `columns` wide."""
    full_env = dict(os.environ, NO_COLOR="1", **env)
    full_env["COLUMNS"] = columns
    return subprocess.run([sys.executable, "-m", "mltrail", *args], env=full_env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", [("list",), ("lessons",)])
def test_ids_are_never_cut_in_a_narrow_terminal(home, command):
    from mltrail.curriculum.loader import load_curriculum

    curriculum = load_curriculum()
    ids = [ex.id for ex in curriculum.exercises()] if command == ("list",) else [le.id for le in curriculum.lessons()]
    for columns in ("60", "30"):
        out = run_narrow(columns, *command, env={"MLTRAIL_HOME": str(home)}).stdout
        words = set(out.split())
        missing = [i for i in ids if i not in words]
        assert not missing, f"COLUMNS={columns}: ids cut or missing: {missing[:5]}"
