"""The store: migrations, attempts written before grading, events, many learners."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from mltrail.config import Settings
from mltrail.grading import grader
from mltrail.service import Service
from mltrail.store.db import Store
from mltrail.store.models import Attempt, utcnow


def test_migrations_create_the_tables_and_are_idempotent(tmp_path):
    Store.at_home(tmp_path)
    Store.at_home(tmp_path)
    tables = {row[0] for row in sqlite3.connect(tmp_path / "mltrail.db").execute("select name from sqlite_master where type='table'")}
    assert {"learners", "attempts", "events", "alembic_version"} <= tables


def test_sqlite_runs_in_wal_mode(tmp_path):
    Store.at_home(tmp_path).learner_id("me")
    mode = sqlite3.connect(tmp_path / "mltrail.db").execute("pragma journal_mode").fetchone()[0]
    assert mode == "wal"


def test_attempt_is_written_before_it_is_graded(service, monkeypatch):
    seen = {}

    def crash(exercise, source, seed=None, runner=None, tenant=""):
        seen["pending"] = [a.status for a in service.store.attempts(service.learner_id)]
        raise KeyboardInterrupt  # the process stops mid-grading (an exception would give an error verdict)

    monkeypatch.setattr(grader, "grade_source", crash)
    with pytest.raises(KeyboardInterrupt):
        service.grade("python/clamp", b"def clamp(x, low, high):\n    return min(max(x, low), high)\n")
    assert seen["pending"] == ["pending"]
    monkeypatch.undo()
    assert service.regrade_pending() == 0  # its grader's lease has not run out yet
    with service.store.session() as session, session.begin():
        for attempt in session.query(Attempt):
            attempt.lease_expires_at = utcnow() - timedelta(seconds=1)
    assert service.regrade_pending() == 1
    [attempt] = service.store.attempts(service.learner_id)
    assert attempt.status == "passed" and attempt.verdict["seed"] == attempt.seed


def test_attempt_records_code_seed_and_verdict(service):
    code = b"def clamp(x, low, high):\n    return x\n"
    verdict = service.grade("python/clamp", code, seed=1234)
    [attempt] = service.store.attempts(service.learner_id)
    assert attempt.code == code.decode() and attempt.seed == 1234
    assert attempt.status == verdict.status == "failed"
    again = service.grade("python/clamp", code, seed=1234, record=False)
    assert again.to_record()["cases"] == attempt.verdict["cases"]
    stored_details = [c for c in attempt.verdict["cases"] if "input" in c]
    assert stored_details == [again.first_failure.to_json()]


def test_events_belong_to_their_learner(home):
    alice = Service(Settings.resolve(home=home, learner="alice"))
    bob = Service(Settings.resolve(home=home, learner="bob"))
    alice.hint("python/clamp")
    alice.hint("python/clamp")
    bob.lesson("python/01-values-and-control-flow")
    assert [e.kind for e in alice.store.events(alice.learner_id)] == ["hint", "hint"]
    assert [e.kind for e in bob.store.events(bob.learner_id)] == ["lesson_read"]


def test_hint_ladder_reveals_one_more_hint_each_time(service):
    hints = service.exercise("python/clamp").manifest.hints
    first, second = service.hint("python/clamp"), service.hint("python/clamp")
    assert first.shown == hints[:1] and second.shown == hints[:2]
    for _ in range(len(hints) + 2):
        last = service.hint("python/clamp")
    assert last.shown == hints


def test_solution_needs_a_pass_or_a_recorded_reveal(service):
    from mltrail.service import Forbidden

    with pytest.raises(Forbidden, match="solution of python/clamp"):
        service.solution("python/clamp")
    assert "def clamp" in service.solution("python/clamp", reveal=True)
    [event] = service.store.events(service.learner_id, kind="solution")
    assert event.detail == {"revealed_before_pass": True}
