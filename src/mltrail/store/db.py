"""Open the store (a SQLite file by default, PostgreSQL by URL) and read or write it."""

from __future__ import annotations

import threading
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import URL, create_engine, event, make_url, or_, select, true, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from mltrail.store.models import Attempt, CoachParam, Event, Learner, utcnow

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0004"  # the newest migration; a test keeps it equal to Alembic's head
# Within one web request (or any `stamp_scope()`), a learner's history fingerprint is read once:
# later reads in the same scope trust it, until a write through this store changes the learner.
_stamp_scope: ContextVar[dict | None] = ContextVar("mltrail_stamp_scope", default=None)
HISTORY_CACHE = 512  # learners whose history is kept in memory (see Store._history)
SQLITE_POOL = 40  # connections kept open to a SQLite file (as many again may open under load)
LEASE_S = 120.0  # a pending attempt untouched this long was left by a grader that stopped
_upgrade_lock = threading.Lock()
_upgraded: set[str] = set()  # databases this process has brought to the newest schema


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
    content_version: str | None = None
    regrades: int = 0


@dataclass(frozen=True)
class EventRecord:
    id: int
    kind: str
    subject: str
    detail: dict
    created_at: datetime


def _attempt_record(a: Attempt) -> AttemptRecord:
    return AttemptRecord(a.id, a.exercise_id, a.status, a.passed, a.message, a.seed, a.created_at, a.verdict, a.code,
                         a.content_version, a.regrades or 0)


def _event_record(e: Event) -> EventRecord:
    return EventRecord(e.id, e.kind, e.subject, e.detail, e.created_at)


def _stamps_query():
    """One row: a learner's attempts fingerprint (count, newest id, latest grading, regrades,
    how many are graded), events fingerprint (count, newest id), and the stored fit's time (see
    `Store._history`). The graded count changes with every grading, even one whose time is
    earlier than the latest (two graders, or two processes, finishing out of order)."""
    from sqlalchemy import bindparam, func

    learner = bindparam("learner")
    attempts = select(func.count(Attempt.id).label("attempts"), func.max(Attempt.id).label("last_attempt"),
                      func.max(Attempt.graded_at).label("graded"), func.sum(Attempt.regrades).label("regrades"),
                      func.count(Attempt.graded_at).label("graded_count")
                      ).where(Attempt.learner_id == learner).subquery()
    events = select(func.count(Event.id).label("events"), func.max(Event.id).label("last_event")
                    ).where(Event.learner_id == learner).subquery()
    fitted = select(func.max(CoachParam.fitted_at).label("fitted")).subquery()
    return select(attempts.c.attempts, attempts.c.last_attempt, attempts.c.graded, attempts.c.regrades,
                  attempts.c.graded_count, events.c.events, events.c.last_event, fitted.c.fitted
                  ).select_from(attempts).join(
        events, true()).join(fitted, true())


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # WAL + NORMAL: a crash of mltrail loses nothing; only a power cut may lose the last commits.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (Alembic), creating it if needed."""
    from alembic import command

    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class _FileLock:
    """An exclusive lock on a file beside a SQLite database: one process migrates at a time."""

    def __init__(self, path: Path | None) -> None:
        self.path, self.handle = path, None

    def __enter__(self) -> None:
        if self.path is not None:
            import fcntl

            self.handle = open(self.path, "a+b")
            fcntl.flock(self.handle, fcntl.LOCK_EX)

    def __exit__(self, *exc) -> None:
        if self.handle is not None:
            self.handle.close()  # closing releases the lock


@contextmanager
def stamp_scope():
    """Read each learner's history fingerprint at most once inside (a web request's scope)."""
    token = _stamp_scope.set({})
    try:
        yield
    finally:
        _stamp_scope.reset(token)


def _changed(learner_id: int | None) -> None:
    scope = _stamp_scope.get()
    if scope is not None:
        if learner_id is None:
            scope.clear()
        else:
            scope.pop(learner_id, None)
            scope.pop("params", None)


class Store:
    """Learners, attempts and events.

    Opening a store never migrates it: `upgrade()` does, once, under a lock (at an
    application's start-up or by `mltrail db upgrade`).
    """

    def __init__(self, url: "str | URL") -> None:
        self.url = make_url(url)
        pooled = {}
        if self.url.get_backend_name() == "sqlite" and self.url.database not in (None, "", ":memory:"):
            # a web server's worker threads each hold a connection while they work: with the
            # default pool (5 + 10 overflow) the rest waited, and overflow connections were
            # opened and closed again on every busy request
            pooled = {"pool_size": SQLITE_POOL, "max_overflow": SQLITE_POOL}
        self.engine = create_engine(self.url, **pooled)
        if self.url.get_backend_name() == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        self._history_cache: OrderedDict = OrderedDict()  # learner id -> (fingerprint, attempts, events)
        self._history_lock = threading.Lock()
        self._stamps_query = _stamps_query()

    @classmethod
    def at_home(cls, home: Path, upgrade: bool = True) -> "Store":
        """The store of a home folder; with `upgrade`, its schema is brought up to date once per process."""
        home.mkdir(parents=True, exist_ok=True)
        # Built as a URL object, never as a string: a home may contain '%', '?' or '#'.
        store = cls(URL.create("sqlite", database=str(home / "mltrail.db")))
        if upgrade:
            store.upgrade()
        return store

    def _lock_file(self) -> Path | None:
        database = self.url.database if self.url.get_backend_name() == "sqlite" else None
        return Path(database + ".lock") if database and database != ":memory:" else None

    def upgrade(self, force: bool = False) -> str:
        """Bring the schema to the newest revision; once per process per database unless `force`.

        Returns the revision the store is at. Two processes starting together take turns
        (a lock file beside a SQLite database; PostgreSQL's own DDL transactions otherwise).
        """
        key = self.url.render_as_string(hide_password=False)
        with _upgrade_lock:
            # A store already at HEAD needs no Alembic at all (importing it costs 0.2 s a command).
            if (force or key not in _upgraded) and (force or self.revision() != HEAD):
                with _FileLock(self._lock_file()):
                    migrate(self.engine)
            _upgraded.add(key)
        return self.revision() or ""

    def revision(self) -> str | None:
        """The schema revision the database is at (None for an empty database)."""
        from sqlalchemy import inspect, text

        with self.engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(text("select version_num from alembic_version")).scalar()

    @staticmethod
    def head() -> str:
        """The newest schema revision this version of mltrail knows."""
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(_alembic_config()).get_current_head()

    def session(self) -> Session:
        return self._session()

    def learner_id(self, name: str) -> int:
        """The id of the learner called `name`, created on first use (by whichever process comes first)."""
        from sqlalchemy.exc import IntegrityError

        try:
            with self.session() as session, session.begin():
                learner = session.scalar(select(Learner).where(Learner.name == name))
                if learner is None:
                    learner = Learner(name=name)
                    session.add(learner)
                    session.flush()
                return learner.id
        except IntegrityError:  # another process or thread created them meanwhile
            with self.session() as session:
                return session.scalar(select(Learner.id).where(Learner.name == name))

    def start_attempt(self, learner_id: int, exercise_id: str, code: str, seed: int,
                      content_version: str | None = None, lease_s: float = LEASE_S) -> int:
        """Record a submission before it is graded, leased to its grader for `lease_s`; returns its id."""
        _changed(learner_id)
        with self.session() as session, session.begin():
            attempt = Attempt(
                learner_id=learner_id, exercise_id=exercise_id, code=code, seed=seed,
                status="pending", passed=False, message="", content_version=content_version,
                lease_expires_at=utcnow() + timedelta(seconds=lease_s), regrades=0,
            )
            session.add(attempt)
            session.flush()
            return attempt.id

    def finish_attempt(self, attempt_id: int, verdict: dict) -> None:
        with self.session() as session, session.begin():
            attempt = session.get(Attempt, attempt_id)
            _changed(attempt.learner_id)
            attempt.status = verdict["status"]
            attempt.passed = bool(verdict["passed"])
            attempt.message = verdict["message"]
            attempt.verdict = verdict
            attempt.elapsed_ms = verdict.get("elapsed_ms")
            attempt.graded_at = utcnow()
            attempt.lease_expires_at = None
            if verdict.get("content_version"):
                attempt.content_version = verdict["content_version"]

    def history_stamp(self, learner_id: int) -> tuple:
        """A fingerprint of a learner's records: equal stamps, equal history (see `_history`)."""
        return self._history(learner_id, with_stamp=True)[2]

    def _history(self, learner_id: int, with_stamp: bool = False):
        """Every attempt and event of a learner, oldest first, read again only when they changed.

        A web page asks for a learner's history several times (mastery, next step, progress,
        reviews); reading and building hundreds of rows each time was most of a page's cost.
        The cache is checked against a fingerprint of the learner's rows (how many, the newest
        id, the latest grading, the regrade count), read in one small query with the fit's
        stamp (`coach_params_stamp`), so a change made by another process (a CLI command on
        the same home) is seen at once. When the rows only grew or were graded since the cached
        copy, only those rows are read (`_catch_up`).
        """
        scope = _stamp_scope.get()
        if scope is not None and learner_id in scope:
            with self._history_lock:
                cached = self._history_cache.get(learner_id)
                if cached is not None and cached[0] == scope[learner_id]:
                    return (cached[1], cached[2], cached[0]) if with_stamp else (cached[1], cached[2])
        with self.engine.connect() as connection:
            row = tuple(connection.execute(self._stamps_query, {"learner": learner_id}).one())
        stamp, fitted = (row[0:5], row[5:7]), row[7]
        if scope is not None:
            scope[learner_id] = stamp
            scope["params"] = fitted
        with self._history_lock:
            cached = self._history_cache.get(learner_id)
            if cached is not None and cached[0] == stamp:
                self._history_cache.move_to_end(learner_id)
                return (cached[1], cached[2], stamp) if with_stamp else (cached[1], cached[2])
        with self.session() as session:
            caught_up = self._catch_up(session, learner_id, cached, stamp) if cached is not None else None
            if caught_up is not None:
                attempts, events = caught_up
            else:
                attempts = [_attempt_record(a) for a in session.scalars(
                    select(Attempt).where(Attempt.learner_id == learner_id).order_by(Attempt.id))]
                events = [_event_record(e) for e in session.scalars(
                    select(Event).where(Event.learner_id == learner_id).order_by(Event.id))]
        if (len(attempts), len(events)) != (stamp[0][0], stamp[1][0]):
            stamp = (None, None)  # written while we read: use what was read, trust it for nothing later
        with self._history_lock:
            self._history_cache[learner_id] = (stamp, attempts, events)
            self._history_cache.move_to_end(learner_id)
            while len(self._history_cache) > HISTORY_CACHE:
                self._history_cache.popitem(last=False)
        return (attempts, events, stamp) if with_stamp else (attempts, events)

    @staticmethod
    def _catch_up(session, learner_id: int, cached: tuple, stamp: tuple):
        """The cached history brought up to `stamp` by reading only the rows added or graded
        since, or None when that cannot be trusted (a row deleted, a regrade counted)."""
        if cached[0] == (None, None):
            return None
        (_count, old_last, old_graded, old_regrades, _graded_count), (_events, old_last_event) = cached[0]
        (count, _last, _graded, regrades, _), (event_count, _last_event) = stamp
        if regrades != old_regrades:
            return None
        # the rows added since, those graded since (or at the same instant: read again, harmless),
        # and those still pending in the copy (graded since, perhaps stamped before the latest)
        graded = Attempt.graded_at.is_not(None) if old_graded is None else Attempt.graded_at >= old_graded
        pending = [record.id for record in cached[1] if record.status == "pending"]
        if pending:
            graded = or_(graded, Attempt.id.in_(pending))
        query = select(Attempt).where(Attempt.learner_id == learner_id, or_(Attempt.id > (old_last or 0), graded))
        changed = {a.id: _attempt_record(a) for a in session.scalars(query.order_by(Attempt.id))}
        added = [record for record in changed.values() if record.id > (old_last or 0)]
        if len(cached[1]) + len(added) != count:
            return None
        attempts = [changed.get(record.id, record) for record in cached[1]] + added
        new_events = [_event_record(e) for e in session.scalars(
            select(Event).where(Event.learner_id == learner_id, Event.id > (old_last_event or 0)).order_by(Event.id))]
        if len(cached[2]) + len(new_events) != event_count:
            return None
        return attempts, list(cached[2]) + new_events

    def attempts(self, learner_id: int, exercise_id: str | None = None, status: str | None = None) -> list[AttemptRecord]:
        rows, _ = self._history(learner_id)
        return [a for a in rows if (exercise_id is None or a.exercise_id == exercise_id)
                and (status is None or a.status == status)]

    def attempt(self, learner_id: int, attempt_id: int) -> AttemptRecord | None:
        """One attempt, only if it is `learner_id`'s."""
        with self.session() as session:
            row = session.get(Attempt, attempt_id)
            return _attempt_record(row) if row is not None and row.learner_id == learner_id else None

    def record_event(self, learner_id: int, kind: str, subject: str, detail: dict | None = None) -> None:
        _changed(learner_id)
        with self.session() as session, session.begin():
            session.add(Event(learner_id=learner_id, kind=kind, subject=subject, detail=detail or {}))

    def events(self, learner_id: int, kind: str | None = None, subject: str | None = None) -> list[EventRecord]:
        _, rows = self._history(learner_id)
        return [e for e in rows if (kind is None or e.kind == kind) and (subject is None or e.subject == subject)]

    def iter_pending(self) -> list[AttemptRecord]:
        """Every pending attempt, leased or not (for display; graders use `claim_stale`)."""
        with self.session() as session:
            rows = list(session.scalars(select(Attempt).where(Attempt.status == "pending").order_by(Attempt.id)))
        return [_attempt_record(a) for a in rows]

    def claim_stale(self, learner_id: int | None = None, lease_s: float = LEASE_S) -> list[AttemptRecord]:
        """Pending attempts whose lease ran out, each leased anew to the caller and counted as re-graded.

        A claim is a conditional update, so two graders never claim the same attempt.
        """
        _changed(learner_id)
        now = utcnow()
        stale = (Attempt.status == "pending") & or_(Attempt.lease_expires_at.is_(None), Attempt.lease_expires_at < now)
        query = select(Attempt.id).where(stale).order_by(Attempt.id)
        if learner_id is not None:
            query = query.where(Attempt.learner_id == learner_id)
        claimed = []
        with self.session() as session, session.begin():
            for attempt_id in list(session.scalars(query)):
                taken = session.execute(
                    update(Attempt).where(Attempt.id == attempt_id, stale)
                    .values(lease_expires_at=now + timedelta(seconds=lease_s), regrades=Attempt.regrades + 1)
                ).rowcount
                if taken == 1:
                    claimed.append(attempt_id)
        with self.session() as session:
            return [_attempt_record(session.get(Attempt, attempt_id)) for attempt_id in claimed]

    # ------------------------------------------------------------ coach: learners and fitted parameters

    def learners(self) -> list[tuple[int, str]]:
        """Every learner as (id, name), oldest first."""
        with self.session() as session:
            return [(row.id, row.name) for row in session.execute(select(Learner.id, Learner.name).order_by(Learner.id))]

    def changed(self, learner_id: int | None) -> None:
        """Say that a learner's records (None: anyone's) were written outside this store's methods."""
        _changed(learner_id)

    def replace_coach_params(self, rows: list[dict]) -> None:
        """Store a new fit: `rows` (key, scope, the five parameters, sequences, log_likelihood,
        baseline_log_likelihood) replace every row of the previous fit, in one transaction."""
        from sqlalchemy import delete

        now = utcnow()
        with self.session() as session, session.begin():
            session.execute(delete(CoachParam))
            session.add_all([CoachParam(**row, fitted_at=now) for row in rows])

    def coach_params_stamp(self):
        """When the stored fit was made (None before the first): changes with every `coach fit`."""
        from sqlalchemy import func

        scope = _stamp_scope.get()
        if scope is not None and "params" in scope:
            return scope["params"]
        with self.engine.connect() as connection:
            stamp = connection.execute(select(func.max(CoachParam.fitted_at))).scalar()
        if scope is not None:
            scope["params"] = stamp
        return stamp

    def coach_params(self) -> list[dict]:
        """The stored fit, one dict per key (empty before the first `mltrail coach fit`)."""
        names = ("key", "scope", "prior", "learn", "guess", "slip", "forget", "sequences", "log_likelihood",
                 "baseline_log_likelihood", "fitted_at")
        with self.session() as session:
            return [{name: getattr(row, name) for name in names}
                    for row in session.scalars(select(CoachParam).order_by(CoachParam.key))]
