"""The README documents every command and option the CLI has (docs guarded by tests)."""

import re
from pathlib import Path

import typer.main

from mltrail.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group, prefix: str = ""):
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        if hasattr(command, "commands"):  # a command group
            yield from _commands(command, path + " ")
        else:
            yield path, command


def test_every_command_and_option_is_in_the_readme():
    root = typer.main.get_command(app)
    for path, command in _commands(root):
        assert f"mltrail {path}" in README, f"README lacks `mltrail {path}`"
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert opt in README, f"README lacks {opt} of `mltrail {path}`"
    for param in root.params:
        for opt in param.opts:
            assert opt in README


def test_readme_quick_start_has_exactly_two_commands():
    quick = README.split("## Quick start", 1)[1].split("## ", 1)[0]
    assert quick.count("```bash") == 2
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    test_command = quick.split("```bash")[2].split("```")[0].strip()
    assert test_command in ci


def test_the_content_format_states_the_gates_real_rules():
    from mltrail.authoring.content_check import MIN_CASES, MIN_DIFFERING, MISTAKE_SEED, SOLUTION_SEEDS
    from mltrail.curriculum.expressions import CONSTANTS, FUNCTIONS

    doc = (Path(__file__).resolve().parents[1] / "docs" / "content-format.md").read_text(encoding="utf-8")
    assert f"at least {MIN_CASES} cases" in doc and f"at least {MIN_DIFFERING} of them must differ" in doc
    assert f"| {SOLUTION_SEEDS[0]} and {SOLUTION_SEEDS[1]} | pass both |" in doc and f"| {MISTAKE_SEED} | fail |" in doc
    assert " ".join(FUNCTIONS) in doc and all(f"`{name}`" in doc for name in CONSTANTS)
    for needed in ('{"init": {...}, "calls": [[method, kwargs], ...]}', "--content my-course", "`# `", "mltrail show ID"):
        assert needed in doc, needed


def test_the_readme_course_table_matches_the_course():
    from mltrail.curriculum.loader import load_curriculum

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z0-9-]+)` — (.+?) \| (\d+) \| (.+?) \| (.+?) \|$", text, flags=re.M)
    curriculum = load_curriculum()
    assert [row[0] for row in rows] == [module.id for module in curriculum.modules]
    for module_id, title, lessons, exercises, _ in rows:
        module = curriculum.module(module_id)
        assert title == module.title, module_id
        assert int(lessons) == len(module.lessons), module_id
        functions = sum(ex.kind == "function" for ex in module.exercises)
        datasets = sum(ex.kind == "dataset" for ex in module.exercises)
        said = f"{functions}" + (f" + {datasets} on data" if datasets else "") + " + a quiz"
        assert exercises == said, (module_id, exercises, said)
