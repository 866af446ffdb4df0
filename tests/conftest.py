"""Shared fixtures: an isolated mltrail home, an App, a one-learner service, the CLI and small courses."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mltrail.config import Settings
from mltrail.curriculum.loader import load_curriculum
from mltrail.service import App, Service


@pytest.fixture(scope="session")
def curriculum():
    return load_curriculum()


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "home"
    monkeypatch.setenv("MLTRAIL_HOME", str(path))
    monkeypatch.delenv("MLTRAIL_CONTENT", raising=False)
    return path


@pytest.fixture
def service(home) -> Service:
    return Service(Settings.resolve(home=home))


@pytest.fixture
def app(home):
    engine = App.open(Settings.resolve(home=home))
    yield engine
    engine.close()


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `python -m mltrail ARGS` as a user would, capturing text output."""
    full_env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", **(env or {})}  # callers may override COLUMNS
    return subprocess.run(
        [sys.executable, "-m", "mltrail", *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture
def cli(home):
    def invoke(*args: str, cwd: Path | None = None, timeout: float = 120):
        return run_cli(*args, cwd=cwd, env={"MLTRAIL_HOME": str(home)}, timeout=timeout)

    return invoke


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


MODULE_TOML = """
title = "Tiny"
summary = "A tiny course for tests."
order = 100
prerequisites = []
estimated_hours = 1

[[skills]]
id = "adding"
title = "Adding numbers"
"""

EXERCISE_TOML = """
title = "Add two numbers"
kind = "function"
entry = "add"
skills = ["adding"]
difficulty = 1
minutes = 2
hints = ["Use +.", "return a + b"]
"""

CHECK_PY = """
def cases(rng):
    yield {"a": 1, "b": 2}
    for _ in range(20):
        yield {"a": int(rng.integers(-100, 100)), "b": int(rng.integers(-100, 100))}
"""


@pytest.fixture
def tiny_course(tmp_path) -> Path:
    """A valid one-module course: module `tiny`, exercise `tiny/add`."""
    root = tmp_path / "course"
    module = root / "modules" / "tiny"
    write(module / "module.toml", MODULE_TOML)
    write(module / "lessons" / "01-adding.md", "---\ntitle: Adding\nskills: [adding]\nminutes: 5\n---\n# Adding\n\n1 + 2 is 3.\n")
    ex = module / "exercises" / "add"
    write(ex / "exercise.toml", EXERCISE_TOML)
    write(ex / "prompt.md", "Write `add(a, b)`.\n\n```python\n>>> add(1, 2)\n3\n```\n")
    write(ex / "starter.py", "def add(a, b):\n    ...\n")
    write(ex / "solution.py", "def add(a, b):\n    return a + b\n")
    write(ex / "check.py", CHECK_PY)
    write(ex / "mistakes" / "subtract.py", "# subtracts instead of adding\ndef add(a, b):\n    return a - b\n")
    write(ex / "mistakes" / "subtract.md", "You subtracted b from a instead of adding them: use a + b.\n")
    return root


# --- content tests grade thousands of submissions: through one warm, confined zygote pool ---
# Without a runner, `grade_source` starts a fresh confined interpreter per submission (about a
# second each). Under tests/content every such grading goes to one pool for the whole session
# instead: the same confinement that `watch` and `content check` use, warm.

@pytest.fixture(scope="session")
def content_pool():
    from mltrail.curriculum.loader import BUILTIN_MODULES
    from mltrail.sandbox.pool import ZygotePool

    with ZygotePool(forbidden=[BUILTIN_MODULES]) as pool:
        pool.wait_ready()
        yield pool


@pytest.fixture(autouse=True)
def _content_graded_in_a_warm_pool(request):
    if Path(str(request.node.fspath)).parent.name != "content":
        yield
        return
    from mltrail.grading import grader

    pool = request.getfixturevalue("content_pool")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(grader, "default_sandbox", lambda exercise: pool)
        yield
