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
