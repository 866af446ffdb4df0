"""A learner's history is cached, and the cache never hides a change."""

from __future__ import annotations

from sqlalchemy import update

from mltrail.store.db import Store, stamp_scope
from mltrail.store.models import Attempt


def _store(tmp_path) -> Store:
    return Store.at_home(tmp_path / "home")


def test_a_write_inside_a_request_scope_is_seen_by_the_next_read(tmp_path):
    store = _store(tmp_path)
    learner = store.learner_id("a")
    with stamp_scope():
        assert store.attempts(learner) == []
        attempt = store.start_attempt(learner, "python/clamp", "code", 1)
        assert [a.status for a in store.attempts(learner)] == ["pending"]
        store.finish_attempt(attempt, {"status": "passed", "passed": True, "message": "ok", "cases": []})
        assert [a.status for a in store.attempts(learner)] == ["passed"]
        store.record_event(learner, "hint", "python/clamp", {"level": 1})
        assert [e.kind for e in store.events(learner)] == ["hint"]


def test_a_change_by_another_writer_is_seen_outside_a_scope(tmp_path):
    store = _store(tmp_path)
    learner = store.learner_id("a")
    attempt = store.start_attempt(learner, "python/clamp", "code", 1)
    store.finish_attempt(attempt, {"status": "failed", "passed": False, "message": "no", "cases": []})
    assert [a.status for a in store.attempts(learner)] == ["failed"]
    other = _store(tmp_path)  # another process's store over the same file
    other_attempt = other.start_attempt(learner, "python/clamp", "code 2", 2)
    assert len(store.attempts(learner)) == 2
    other.finish_attempt(other_attempt, {"status": "passed", "passed": True, "message": "ok", "cases": []})
    assert [a.status for a in store.attempts(learner)] == ["failed", "passed"]


def test_the_cache_returns_the_same_records_while_nothing_changed(tmp_path):
    store = _store(tmp_path)
    learner = store.learner_id("a")
    store.start_attempt(learner, "python/clamp", "code", 1)
    first = store._history(learner)[0]
    assert store._history(learner)[0] is first  # served from the cache
    with store.session() as session, session.begin():  # a regrade by another writer bumps the fingerprint
        session.execute(update(Attempt).values(regrades=1))
    assert store._history(learner)[0] is not first


def _fresh_read(tmp_path, learner):
    """The learner's history as a new store (no cache) reads it."""
    return _store(tmp_path)._history(learner)


def test_catching_up_reads_only_new_and_newly_graded_rows_and_equals_a_full_read(tmp_path, monkeypatch):
    store = _store(tmp_path)
    learner = store.learner_id("a")
    first = store.start_attempt(learner, "python/clamp", "one", 1)
    store.record_event(learner, "hint", "python/clamp", {"level": 1})
    store.attempts(learner)  # cached: one pending attempt, one event
    other = _store(tmp_path)  # another process's store over the same file
    other.finish_attempt(first, {"status": "failed", "passed": False, "message": "no", "cases": []})
    second = other.start_attempt(learner, "python/clamp", "two", 2)
    other.finish_attempt(second, {"status": "passed", "passed": True, "message": "ok", "cases": []})
    other.record_event(learner, "solution", "python/clamp", {})
    read = []
    original = Store._catch_up

    def spying(session, learner_id, cached, stamp):
        found = original(session, learner_id, cached, stamp)
        read.append(found is not None)
        return found

    monkeypatch.setattr(Store, "_catch_up", staticmethod(spying))
    attempts, events = store._history(learner)
    assert read == [True]  # caught up, not read again whole
    assert (attempts, events) == _fresh_read(tmp_path, learner)
    assert [a.status for a in attempts] == ["failed", "passed"]
    assert [e.kind for e in events] == ["hint", "solution"]


def test_a_deleted_row_or_a_regrade_makes_a_full_read(tmp_path, monkeypatch):
    from sqlalchemy import delete

    from mltrail.store.models import Event

    store = _store(tmp_path)
    learner = store.learner_id("a")
    store.start_attempt(learner, "python/clamp", "one", 1)
    store.record_event(learner, "hint", "python/clamp", {"level": 1})
    store.record_event(learner, "hint", "python/clamp", {"level": 2})
    store.attempts(learner)
    writer = _store(tmp_path)
    with writer.session() as session, session.begin():  # one event gone, one added: the count alone is unchanged
        session.execute(delete(Event).where(Event.detail["level"].as_integer() == 1))
    writer.record_event(learner, "solution", "python/clamp", {})
    assert store._history(learner) == _fresh_read(tmp_path, learner)
    assert [e.kind for e in store.events(learner)] == ["hint", "solution"]
    attempt = writer.start_attempt(learner, "python/clamp", "two", 2)
    store.attempts(learner)
    with writer.session() as session, session.begin():  # a regrade rewrites a row without grading it anew
        session.execute(update(Attempt).where(Attempt.id == attempt).values(regrades=1, status="failed"))
    assert [a.status for a in store.attempts(learner)] == ["pending", "failed"]
    assert store._history(learner) == _fresh_read(tmp_path, learner)
