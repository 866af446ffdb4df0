"""One App per process: learners passed per call, typed results and errors, attempts you can trust."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta

import pytest
from conftest import write

from mltrail.config import Settings
from mltrail.service import App, Forbidden, Invalid, NotFound
from mltrail.store import db as store_db
from mltrail.store.models import Attempt, utcnow

CLAMP = b"def clamp(x, low, high):\n    return min(max(x, low), high)\n"


def test_eight_learners_grading_at_once_each_get_their_own_verdicts(app):
    verdicts: dict[str, object] = {}
    errors = []

    def learner(number: int) -> None:
        try:
            # learner 0 is right; learner n adds n, so each wrong answer is recognisably theirs
            source = f"def clamp(x, low, high):\n    return min(max(x, low), high) + {number}\n".encode()
            verdicts[f"learner-{number}"] = app.grade(f"learner-{number}", "python/clamp", source, seed=number)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=learner, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors and len(verdicts) == 8
    for number in range(8):
        name = f"learner-{number}"
        [attempt] = app.store.attempts(app.learner_id(name))
        assert f"+ {number}\n" in attempt.code and attempt.seed == number
        assert attempt.status == verdicts[name].status == ("passed" if number == 0 else "failed")
        if number:
            got, expected = verdicts[name].first_failure.got, verdicts[name].first_failure.expected
            assert got - expected == number
    assert app.passed_ids("learner-0") == {"python/clamp"} and app.passed_ids("learner-1") == set()


def test_the_store_is_migrated_once_per_process_never_by_opening_it(home, monkeypatch):
    calls = []
    monkeypatch.setattr(store_db, "_upgraded", set())
    real = store_db.migrate
    monkeypatch.setattr(store_db, "migrate", lambda engine: (calls.append(1), real(engine)))
    App.open(Settings.resolve(home=home))
    App.open(Settings.resolve(home=home)).learner_id("x")
    store_db.Store(f"sqlite:///{home / 'mltrail.db'}")
    assert len(calls) == 1


def test_an_old_store_is_upgraded_and_keeps_its_attempts(home, cli):
    from alembic import command

    home.mkdir(parents=True)
    store = store_db.Store.at_home(home, upgrade=False)
    config = store_db._alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with sqlite3.connect(home / "mltrail.db") as con:
        con.execute("insert into learners (id, name, created_at) values (1, 'local', '2026-01-01 00:00:00')")
        con.execute("insert into attempts (learner_id, exercise_id, code, seed, status, passed, message, created_at) "
                    "values (1, 'python/clamp', 'x', 1, 'passed', 1, 'ok', '2026-01-01 00:00:00')")
    result = cli("db", "upgrade")
    assert result.returncode == 0 and f"0001 -> {store_db.HEAD}" in result.stdout, result.stderr
    assert f"already at {store_db.HEAD}" in cli("db", "upgrade").stdout
    [attempt] = store_db.Store.at_home(home).attempts(1)
    assert attempt.passed and attempt.content_version is None and attempt.regrades == 0


def test_an_attempt_records_the_content_version(app):
    app.grade("me", "python/clamp", CLAMP, seed=3)
    [attempt] = app.store.attempts(app.learner_id("me"))
    assert attempt.content_version == app.exercise("python/clamp").content_version()
    assert attempt.verdict["content_version"] == attempt.content_version


def _pending(app, learner: str, code: bytes, lease_from_now: float) -> int:
    attempt_id = app.store.start_attempt(app.learner_id(learner), "python/clamp", code.decode(), 5)
    with app.store.session() as session, session.begin():
        session.get(Attempt, attempt_id).lease_expires_at = utcnow() + timedelta(seconds=lease_from_now)
    return attempt_id


def test_only_stale_pending_attempts_are_regraded_each_once(app):
    live = _pending(app, "me", CLAMP, 600)
    stale = _pending(app, "me", CLAMP, -1)
    assert app.regrade_stale("me") == 1
    status = {a.id: a.status for a in app.store.attempts(app.learner_id("me"))}
    assert status == {live: "pending", stale: "passed"}
    assert app.regrade_stale("me") == 0


def test_an_attempt_interrupted_twice_is_finished_with_an_error(app):
    stale = _pending(app, "me", CLAMP, -1)
    app.store.claim_stale()  # a grader claimed it, then stopped
    with app.store.session() as session, session.begin():
        session.get(Attempt, stale).lease_expires_at = utcnow() - timedelta(seconds=1)
    assert app.regrade_stale("me") == 1
    [attempt] = app.store.attempts(app.learner_id("me"))
    assert attempt.status == "error" and "interrupted twice" in attempt.message


def test_one_bad_attempt_never_blocks_the_others(app, monkeypatch):
    from mltrail.grading import grader

    _pending(app, "me", b"def clamp(x, low, high):\n    return 10**400\n", -1)
    real = grader.grade_source
    calls = []

    def explode_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("the grader fell over")
        return real(*args, **kwargs)

    monkeypatch.setattr(grader, "grade_source", explode_once)
    _pending(app, "me", CLAMP, -1)
    assert app.regrade_stale("me") == 2
    statuses = [a.status for a in app.store.attempts(app.learner_id("me"))]
    assert statuses == ["error", "passed"]
    monkeypatch.setattr(grader, "grade_source", real)
    assert app.grade("me", "linear-algebra/dot-product", b"def dot(u, v):\n    return 10**400\n").status == "failed"
    assert [a for a in app.store.attempts(app.learner_id("me")) if a.status == "pending"] == []


def test_a_submission_over_the_size_limit_is_refused_before_it_is_recorded(app):
    from mltrail.grading.grader import MAX_SOURCE_BYTES

    verdict = app.grade("me", "python/clamp", b"#" * (MAX_SOURCE_BYTES + 1))
    assert verdict.status == "rejected" and "limit" in verdict.message
    assert app.store.attempts(app.learner_id("me")) == []


def test_asking_past_the_last_hint_records_nothing_new(app):
    total = len(app.exercise("python/clamp").manifest.hints)
    steps = [app.hint("me", "python/clamp") for _ in range(total + 2)]
    assert [s.new for s in steps] == [True] * total + [False, False]
    assert len(app.store.events(app.learner_id("me"), kind="hint")) == total
    assert steps[-1].shown == app.exercise("python/clamp").manifest.hints


def test_lessons_read_are_per_learner(app):
    app.lesson("alice", "python/01-values-and-control-flow")
    assert app.lessons_read("alice") == {"python/01-values-and-control-flow"} and app.lessons_read("bob") == set()


def test_errors_are_typed(app):
    with pytest.raises(NotFound) as missing:
        app.exercise("python/clam")
    assert missing.value.kind == "exercise" and "python/clamp" in missing.value.suggestions
    with pytest.raises(NotFound):
        app.lesson("me", "python/no-such-lesson")
    with pytest.raises(Forbidden):
        app.solution("me", "python/clamp")
    assert "def clamp" in app.solution("me", "python/clamp", reveal=True)


def test_an_exercise_that_does_not_load_says_why(home, tiny_course):
    write(tiny_course / "modules/tiny/exercises/add/exercise.toml", 'title = "Add"\nkind = "function"\n')
    app = App.open(Settings.resolve(home=home, content=[tiny_course]))
    with pytest.raises(Invalid) as broken:
        app.exercise("tiny/add")
    assert broken.value.ident == "tiny/add" and "exercise.toml" in broken.value.problem


def test_doctor_asks_the_app(app, monkeypatch):
    monkeypatch.setattr(App, "layer_probe", lambda self: {"landlock": True})
    monkeypatch.setattr(App, "grading_probe", lambda self: __import__("mltrail.doctor").doctor.Check("grading", "ok", "probe"))
    checks = {c.check: c for c in app.doctor()}
    assert checks["store"].status == "ok" and f"schema {store_db.HEAD}" in checks["store"].detail
    assert checks["sandbox: landlock"].status == "ok" and checks["sandbox: seccomp"].status == "warning"
    assert checks["grading"].detail == "probe"


def test_the_store_knows_its_newest_revision_without_alembic():
    assert store_db.HEAD == store_db.Store.head()


def test_the_learner_commands_reach_the_engine_only_through_the_service():
    import ast
    from pathlib import Path

    cli = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "cli"
    below = ("mltrail.grading", "mltrail.store", "mltrail.coach", "mltrail.curriculum", "mltrail.sandbox", "mltrail.config")
    for name in ("app.py", "common.py", "admin.py", "render.py"):
        for node in ast.walk(ast.parse((cli / name).read_text(encoding="utf-8"))):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
                [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            assert not [m for m in modules if m.startswith(below)], f"cli/{name} imports {modules}"


def test_progress_is_typed_and_prints_as_before(app):
    from mltrail.coach.progress import summarise

    app.grade("me", "python/clamp", CLAMP, seed=3)
    progress = app.progress("me")
    assert progress.passed == 1 and progress.attempts == 1 and "python/clamp" in progress.passed_ids
    learner_id = app.learner_id("me")
    same = summarise(app.curriculum, app.store.attempts(learner_id), app.store.events(learner_id))
    assert list(progress.to_json().items()) == list(same.items())
