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


def processes_named(name: str) -> list[int]:
    """The live processes (not zombies) whose name (/proc/PID/comm) is `name`: a hostile test
    names its processes so that it can find what a job left running."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if Path(f"/proc/{entry}/comm").read_bytes().strip() == name.encode():
                    if Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
                        found.append(int(entry))
            except OSError:
                continue
    return found


def add_course(root: Path, time_s: float, memory_mb: int, solution: str = "def add(a, b):\n    return a + b\n") -> Path:
    """A one-exercise course at `root` (`tiny/add`, no lesson) with the limits the sandbox suites
    attack: the course of tests/sandbox' hostile, breach and outsider suites."""
    module = root / "modules" / "tiny"
    write(module / "module.toml", MODULE_TOML)
    ex = module / "exercises" / "add"
    write(ex / "exercise.toml", EXERCISE_TOML + f"\n[limits]\ntime_s = {time_s}\nmemory_mb = {memory_mb}\n")
    write(ex / "prompt.md", "Write add(a, b).\n")
    write(ex / "starter.py", "def add(a, b):\n    ...\n")
    write(ex / "solution.py", solution)
    write(ex / "check.py", CHECK_PY)
    return root


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


# --- the built-in course through the author's gate: once per session ---
# The gate (`check_content`, what `mltrail content check` runs) grades every recorded mistake at
# MISTAKE_SEED, and the mistake-naming share grades the same mistakes at the same seed as a
# learner's submissions. So each mistake is graded once, by the gate, with mistake naming left on
# as for a learner (naming only adds which mistake the verdict names, never changes its status):
# the gate judges those verdicts and the naming test reads them. Everything else the gate does
# (static checks, case draws, references, starters, quizzes) is its own code, unchanged.

@pytest.fixture(scope="session")
def builtin_gate(content_pool):
    """(curriculum, problems, mistake verdicts) of the whole built-in course through the gate.

    The verdicts map (exercise id, mistake name) to the verdict of mistakes/<name>.py graded at
    MISTAKE_SEED, or to the gate's Problem when the exercise's check could not run.
    """
    from mltrail.authoring import content_check
    from mltrail.grading.grader import CHECK_REFERENCE, ContentError, grade_source
    from mltrail.grading.mistakes import NAMING

    gate_grade_job = content_check.grade_job
    verdicts: dict = {}

    def grade_job(job, runner=None):
        if not job.label.startswith("mistakes/"):
            return gate_grade_job(job, runner)
        # The gate's grade_job, but naming the mistake as a learner's grading does.
        naming, checking = NAMING.set(True), CHECK_REFERENCE.set(True)
        try:
            verdict = grade_source(job.exercise, job.source, seed=job.seed, runner=runner,
                                   tenant=f"content-check:{job.exercise.id}")
        except ContentError as exc:
            verdict = content_check.Problem(content_check.job_path(job), "", f"the check could not run: {exc}")
        finally:
            NAMING.reset(naming)
            CHECK_REFERENCE.reset(checking)
        verdicts[(job.exercise.id, Path(job.label).stem)] = verdict
        return verdict

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(content_check, "grade_job", grade_job)
        curriculum, problems = content_check.check_content([], runner=content_pool)
    mistake_jobs = [job for job in content_check.grading_jobs(curriculum) if job.label.startswith("mistakes/")]
    assert mistake_jobs and len(verdicts) == len(mistake_jobs), "the gate graded every recorded mistake once"
    return curriculum, problems, verdicts
