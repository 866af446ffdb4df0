"""Dependencies run one way: no networkx at start-up, no store in the coach, no cycles."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from mltrail.coach.progress import summarise
from mltrail.coach.records import Attempt, Event
from mltrail.curriculum.graph import ordered

SRC = Path(__file__).resolve().parents[2] / "src" / "mltrail"


def _loaded_after(statement: str) -> set[str]:
    probe = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_loading_the_curriculum_does_not_import_networkx():
    assert "networkx" not in _loaded_after("from mltrail.curriculum.loader import load_curriculum; load_curriculum()")


def test_the_coach_does_not_import_the_store():
    loaded = _loaded_after("import mltrail.coach.progress, mltrail.coach.next_step")
    assert not {m for m in loaded if m.startswith(("mltrail.store", "sqlalchemy"))}


def test_the_workspace_does_not_import_the_grader():
    loaded = _loaded_after(
        "from mltrail.curriculum.loader import load_curriculum\nfrom mltrail.workspace import starter_text\n"
        "[starter_text(ex) for ex in load_curriculum().exercises()]"
    )
    assert not {m for m in loaded if m.startswith("mltrail.grading")}


def _top_level_imports(path: Path, package: str) -> set[str]:
    """mltrail modules a file imports when it is loaded (not inside functions or TYPE_CHECKING)."""
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("mltrail"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("mltrail")}
    return found


@pytest.mark.parametrize("package", ["curriculum", "coach", "store", "authoring"])
def test_no_import_cycle_at_load_time(package):
    files = {f"mltrail.{package}.{p.stem}": p for p in (SRC / package).glob("*.py") if p.stem != "__init__"}
    edges = {name: _top_level_imports(path, package) & set(files) for name, path in files.items()}
    _, cycle = ordered(edges, key=str)
    assert cycle is None, f"import cycle: {' -> '.join(cycle)}"


def test_path_order_puts_prerequisites_first_then_lowest_key():
    requires = {"c": set(), "b": {"c"}, "a": {"b"}, "z": set()}
    order, cycle = ordered(requires, key=lambda n: {"a": 0, "b": 1, "c": 5, "z": 2}[n])
    assert cycle is None and order == ["z", "c", "b", "a"]


def test_a_cycle_is_named_with_its_nodes():
    _, cycle = ordered({"a": {"b"}, "b": {"c"}, "c": {"a"}}, key=str)
    assert cycle[0] == cycle[-1] and set(cycle) == {"a", "b", "c"}


def test_the_coach_works_on_plain_records(curriculum):
    attempts = [Attempt("python/clamp", False), Attempt("python/clamp", True)]
    events = [Event("lesson_read", "python/01-values-and-control-flow")]
    data = summarise(curriculum, attempts, events)
    assert data["passed"] == 1 and data["attempts"] == 2 and data["modules"][0]["lessons_read"] == 1


def test_asking_again_for_the_last_hint_is_not_another_hint(curriculum):
    ladder = [Event("hint", "python/clamp", {"level": level}) for level in (1, 2, 3, 3, 3)]
    assert summarise(curriculum, [], ladder)["hints_taken"] == 3
