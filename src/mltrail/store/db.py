"""Open the store (a SQLite file by default, PostgreSQL by URL) and read or write it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

from sqlalchemy import URL, create_engine, event, make_url, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from mltrail.store.models import Attempt, Event, Learner, utcnow

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True)
class AttemptRecord:
    """An attempt as plain data, for the coach and the interfaces."""

    id: int
    exercise_id: str
    status: str
    passed: bool
    message: str
    seed: int
    created_at: datetime
    verdict: dict | None
    code: str


@dataclass(frozen=True)
class EventRecord:
    id: int
    kind: str
    subject: str
    detail: dict
    created_at: datetime


def _attempt_record(a: Attempt) -> AttemptRecord:
    return AttemptRecord(a.id, a.exercise_id, a.status, a.passed, a.message, a.seed, a.created_at, a.verdict, a.code)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # WAL + NORMAL: a crash of mltrail loses nothing; only a power cut may lose the last commits.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (Alembic), creating it if needed."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class Store:
    """Learners, attempts and events."""

    def __init__(self, url: "str | URL") -> None:
        self.url = make_url(url)
        self.engine = create_engine(self.url)
        if self.url.get_backend_name() == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        migrate(self.engine)
        self._session = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def at_home(cls, home: Path) -> "Store":
        home.mkdir(parents=True, exist_ok=True)
        # Built as a URL object, never as a string: a home may contain '%', '?' or '#'.
        return cls(URL.create("sqlite", database=str(home / "mltrail.db")))

    def session(self) -> Session:
        return self._session()

    def learner_id(self, name: str) -> int:
        with self.session() as session, session.begin():
            learner = session.scalar(select(Learner).where(Learner.name == name))
            if learner is None:
                learner = Learner(name=name)
                session.add(learner)
                session.flush()
            return learner.id

    def start_attempt(self, learner_id: int, exercise_id: str, code: str, seed: int) -> int:
        """Record a submission before it is graded; returns its id."""
        with self.session() as session, session.begin():
            attempt = Attempt(
                learner_id=learner_id, exercise_id=exercise_id, code=code, seed=seed,
                status="pending", passed=False, message="",
            )
            session.add(attempt)
            session.flush()
            return attempt.id

    def finish_attempt(self, attempt_id: int, verdict: dict) -> None:
        with self.session() as session, session.begin():
            attempt = session.get(Attempt, attempt_id)
            attempt.status = verdict["status"]
            attempt.passed = bool(verdict["passed"])
            attempt.message = verdict["message"]
            attempt.verdict = verdict
            attempt.elapsed_ms = verdict.get("elapsed_ms")
            attempt.graded_at = utcnow()

    def attempts(self, learner_id: int, exercise_id: str | None = None, status: str | None = None) -> list[AttemptRecord]:
        query = select(Attempt).where(Attempt.learner_id == learner_id).order_by(Attempt.id)
        if exercise_id is not None:
            query = query.where(Attempt.exercise_id == exercise_id)
        if status is not None:
            query = query.where(Attempt.status == status)
        with self.session() as session:
            return [_attempt_record(a) for a in session.scalars(query)]

    def record_event(self, learner_id: int, kind: str, subject: str, detail: dict | None = None) -> None:
        with self.session() as session, session.begin():
            session.add(Event(learner_id=learner_id, kind=kind, subject=subject, detail=detail or {}))

    def events(self, learner_id: int, kind: str | None = None, subject: str | None = None) -> list[EventRecord]:
        query = select(Event).where(Event.learner_id == learner_id).order_by(Event.id)
        if kind is not None:
            query = query.where(Event.kind == kind)
        if subject is not None:
            query = query.where(Event.subject == subject)
        with self.session() as session:
            return [EventRecord(e.id, e.kind, e.subject, e.detail, e.created_at) for e in session.scalars(query)]

    def iter_pending(self) -> Iterator[AttemptRecord]:
        with self.session() as session:
            rows = list(session.scalars(select(Attempt).where(Attempt.status == "pending").order_by(Attempt.id)))
        for a in rows:
            yield _attempt_record(a)
