"""A learner's progress as one JSON file: export it, import it into another home (or server).

The file (format "mltrail-progress", version 1) holds the learner's graded attempts (code,
seed, status, timestamps), their events (lessons read, hints, solutions, placement, reviews,
profile) and their current profile. Import is strict and safe:

- validated field by field (pydantic) with bounded sizes and counts; a problem raises
  `Invalid` naming the field (`attempts[3].seed: ...`), and nothing is stored;
- imported verdicts are NOT trusted: every imported attempt is graded again here, in the
  sandbox, with its own seed, and stored with the verdict this grader gives (a file edited
  to say "passed" gives nothing the code does not earn);
- all-or-nothing: everything is written in one transaction, after the grading;
- idempotent: an attempt (exercise, seed, code, time) or an event (kind, subject, detail,
  time) the learner already has is skipped, so importing the same file twice adds nothing.

A quiz attempt is graded again on the items it answered (the export names them: a quiz page
may answer some items only), and passes, as on the quiz page, only when every item's latest
answer is right. Of the events, only those that cannot raise mastery are imported as
recorded: lessons read, hints and solutions seen (which count against mastery) and the
profile. Placement tests and review answers have no code to grade again, and a hand-edited
one would raise mastery: they are left out (counted in `events_not_imported`); a learner
takes the placement test again on the new server.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from mltrail.service.errors import Invalid

FORMAT = "mltrail-progress"
VERSION = 1
MAX_ATTEMPTS = 2000
MAX_EVENTS = 20000
MAX_CODE_CHARS = 256 * 1024  # the grader's own limit on a submission
MAX_DETAIL_BYTES = 16 * 1024
MAX_FILE_BYTES = 8 * 1024 * 1024  # the web server allows this much on /api/import
GRADED = ("passed", "failed", "timeout", "memory_limit", "error")
EXERCISE_ID = r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$"


CLOCK_SKEW = timedelta(days=1)  # how far past this server's clock a file's times may be (another server's clock)


def _moment(value: datetime) -> datetime:
    """A timestamp of the file, as aware UTC; refused outside 2000-2100 (and so never out of range)
    and after now: nothing in an export happened after it was made (a learner dating records in
    the future would show their lead activity that never happened, and skew streaks and reviews)."""
    if not 2000 <= value.year <= 2100:
        raise ValueError("a date between the years 2000 and 2100")
    moment = value.astimezone(timezone.utc) if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
    if moment > datetime.now(timezone.utc) + CLOCK_SKEW:
        raise ValueError("a time in the future; a progress file holds only what already happened")
    return moment


Moment = Annotated[datetime, AfterValidator(_moment)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_max_length=MAX_CODE_CHARS)


class AttemptIn(_Strict):
    exercise: Annotated[str, Field(max_length=200, pattern=EXERCISE_ID)]
    code: Annotated[str, Field(max_length=MAX_CODE_CHARS)]
    seed: Annotated[int, Field(ge=0, lt=2 ** 63)]
    status: Literal["passed", "failed", "timeout", "memory_limit", "error"]  # as exported: not trusted
    passed: bool = False  # as exported: not trusted
    message: Annotated[str, Field(max_length=20000)] = ""  # as exported: not trusted
    created_at: Moment
    content_version: Annotated[str | None, Field(max_length=64)] = None
    # a quiz attempt: the items it answered (a quiz page may answer some only); graded again, those alone
    items: Annotated[list[Annotated[str, Field(max_length=100)]] | None, Field(max_length=500)] = None

    @field_validator("code")
    @classmethod
    def _text(cls, code: str) -> str:
        if "\0" in code:
            raise ValueError("the code contains a NUL byte")
        return code


class EventIn(_Strict):
    kind: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z][a-z0-9_]*$")]
    subject: Annotated[str, Field(max_length=200)]
    detail: dict[str, Any] = Field(default_factory=dict)
    created_at: Moment

    @field_validator("detail")
    @classmethod
    def _small(cls, detail: dict) -> dict:
        if len(json.dumps(detail, ensure_ascii=False)) > MAX_DETAIL_BYTES:
            raise ValueError(f"over {MAX_DETAIL_BYTES // 1024} KiB")
        return detail

    @model_validator(mode="after")
    def _profile(self) -> "EventIn":
        """A profile is read back by every coach page: held to what `set_profile` records (a goal
        of a list, or 1e-300 hours a week, broke the learner's dashboard and plan with a 500)."""
        if self.kind == "profile":
            try:
                ProfileDetail.model_validate(self.detail)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(part) for part in first["loc"])
                raise ValueError(f"a profile's {where}: {first['msg']}") from None
        return self


class ProfileDetail(BaseModel):
    """What a profile event holds (`coach.profile.Profile.to_detail`); other keys are ignored."""

    model_config = ConfigDict(strict=True)

    persona: Annotated[str, Field(max_length=100)] | None = None
    goal: Annotated[str, Field(max_length=100)] | None = None
    hours_per_week: Annotated[float, Field(gt=0, le=80)] | None = None
    started: Annotated[str, Field(max_length=40)] | None = None


class ProgressFile(_Strict):
    format: Literal["mltrail-progress"]
    version: Literal[1]
    exported_at: Moment
    learner: Annotated[str, Field(max_length=200)] = ""
    profile: dict[str, Any] | None = None  # informational: the profile is restored from the events
    attempts: Annotated[list[AttemptIn], Field(max_length=MAX_ATTEMPTS)] = Field(default_factory=list)
    events: Annotated[list[EventIn], Field(max_length=MAX_EVENTS)] = Field(default_factory=list)


@dataclass
class ImportResult:
    attempts_added: int = 0
    passed: int = 0  # of the attempts added, how many pass when graded here
    changed: int = 0  # attempts whose status here differs from the file's (a pass in the file that fails here...)
    attempts_known: int = 0  # already there: skipped
    events_added: int = 0
    events_known: int = 0
    events_not_imported: int = 0  # placement and review records: they cannot be checked, so they are left out
    not_in_course: list[str] = field(default_factory=list)  # exercises this course lacks: their attempts skipped
    not_graded: list[str] = field(default_factory=list)  # exercises not gradable here (an extra not installed)

    def to_json(self) -> dict:
        return {"attempts_added": self.attempts_added, "passed": self.passed, "changed": self.changed,
                "attempts_known": self.attempts_known, "events_added": self.events_added,
                "events_known": self.events_known, "events_not_imported": self.events_not_imported,
                "not_in_course": self.not_in_course,
                "not_graded": self.not_graded}


# The events imported as recorded: none of them can raise mastery (hints and solutions seen
# count against it; a profile only sets the goal). Everything else a learner did that the coach
# believes (placement results and answers, review answers) is left out of an import.
IMPORTED_EVENTS = frozenset({"lesson_read", "hint", "solution", "profile"})

# ---------------------------------------------------------------- export


def _utc(moment: datetime) -> datetime:
    """A moment as naive UTC (the store's SQLite returns naive UTC; an aware one is converted)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


def _iso(moment: datetime) -> str:
    return _utc(moment).isoformat() + "Z"


def export_learner(app, learner: str) -> dict:
    """The learner's progress as a JSON-ready dict (see the module docstring)."""
    from mltrail.service import coach_profile

    learner_id = app.learner_id(learner)
    attempts = [a for a in app.store.attempts(learner_id) if a.status in GRADED]
    events = app.store.events(learner_id)
    current = coach_profile.latest_profile(events)
    rows = []
    for a in attempts:
        row = {"exercise": a.exercise_id, "code": a.code, "seed": a.seed, "status": a.status, "passed": a.passed,
               "message": a.message[:20000], "created_at": _iso(a.created_at), "content_version": a.content_version}
        items = _quiz_items(app, a)
        if items is not None:
            row["items"] = items
        rows.append(row)
    return {
        "format": FORMAT, "version": VERSION, "exported_at": _iso(datetime.now(timezone.utc)), "learner": learner,
        "profile": current.to_json() if current else None,
        "attempts": rows,
        "events": [{"kind": e.kind, "subject": e.subject, "detail": e.detail or {}, "created_at": _iso(e.created_at)}
                   for e in events],
    }


def _quiz_items(app, attempt) -> list[str] | None:
    """The items a quiz attempt answered (from its stored verdict's cases); None for other exercises."""
    exercise = app.curriculum.exercise(attempt.exercise_id)
    if exercise is None or exercise.kind != "quiz":
        return None
    items = exercise.manifest.items
    indexes = [c.get("index") for c in (attempt.verdict or {}).get("cases") or []]
    return [items[i].id for i in indexes if isinstance(i, int) and 0 <= i < len(items)]


# ---------------------------------------------------------------- import


def _where(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "file"


def parse(data: Any) -> ProgressFile:
    """The file validated; Invalid naming the first fields that are wrong."""
    if not isinstance(data, dict):
        raise Invalid("file", "a progress file is a JSON object (from `mltrail export` or /api/export)")
    if data.get("format") != FORMAT:
        raise Invalid("format", f"this is not an mltrail progress file (format should be '{FORMAT}')")
    version = data.get("version")
    if version != VERSION:
        raise Invalid("version", f"this mltrail reads progress files of version {VERSION}, not {version!r}; "
                                 "export again with this version of mltrail")
    for name, limit in (("attempts", MAX_ATTEMPTS), ("events", MAX_EVENTS)):
        if isinstance(data.get(name), list) and len(data[name]) > limit:
            raise Invalid(name, f"{len(data[name]):,} entries is over the limit of {limit:,}")
    try:
        return ProgressFile.model_validate(data)
    except ValidationError as exc:
        problems = [f"{_where(e['loc'])}: {e['msg'].removeprefix('Value error, ')}" for e in exc.errors()[:5]]
        more = len(exc.errors()) - len(problems)
        first = problems[0].split(": ", 1)
        rest = "; ".join([first[1]] + problems[1:]) + (f" (and {more} more problems)" if more > 0 else "")
        raise Invalid(first[0], rest) from None


def _no_constant(name: str):
    raise json.JSONDecodeError(f"{name} is not a JSON number", name, 0)


def loads(raw: bytes | str) -> ProgressFile:
    """A progress file from its bytes: size-checked, JSON-decoded, validated."""
    if len(raw) > MAX_FILE_BYTES:
        raise Invalid("file", f"{len(raw):,} bytes is over the {MAX_FILE_BYTES // (1024 * 1024)} MiB limit")
    try:
        data = json.loads(raw, parse_constant=_no_constant)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise Invalid("file", f"not valid JSON: {exc}") from None
    return parse(data)


def _attempt_key(exercise: str, seed: int, code: str, at: datetime) -> tuple:
    return (exercise, int(seed), hashlib.sha256(code.encode("utf-8", "replace")).hexdigest(), _utc(at).isoformat())


def _event_key(kind: str, subject: str, detail: dict, at: datetime) -> tuple:
    return (kind, subject, json.dumps(detail or {}, sort_keys=True, ensure_ascii=False), _utc(at).isoformat())


def _latest(app, learner: str, exercise) -> dict[str, bool]:
    """Each item of a quiz: right in the learner's latest graded answer to it (stored attempts)."""
    items = exercise.manifest.items
    latest: dict[str, bool] = {}
    for attempt in app.attempts(learner, exercise.id):
        if attempt.status in ("passed", "failed"):
            for case in (attempt.verdict or {}).get("cases") or []:
                index = case.get("index")
                if isinstance(index, int) and 0 <= index < len(items):
                    latest[items[index].id] = bool(case.get("passed"))
    return latest


def _grade_quiz(app, learner: str, exercise, attempt: AttemptIn, latest: dict[str, bool]):
    """A quiz attempt graded again: the items it answered (all, without `items`), in the sandbox with
    its seed; it passes, as on the quiz page, when every item's latest answer is right. None when
    it cannot be graded."""
    from mltrail.grading.grader import submission_text
    from mltrail.grading.quiz import grade_quiz

    known = [item.id for item in exercise.manifest.items]
    only = set(attempt.items) & set(known) if attempt.items is not None else set(known)
    if not only:
        return None
    try:
        verdict = grade_quiz(exercise, submission_text(attempt.code.encode("utf-8")), attempt.seed, app.sandbox,
                             learner, only=only)
    except Exception:  # a broken quiz or grader: not graded, not stored
        return None
    if verdict.status not in ("passed", "failed"):
        return verdict
    latest.update({known[case.index]: case.passed for case in verdict.cases})
    right = sum(1 for item in known if latest.get(item))
    verdict.status = "passed" if right == len(known) else "failed"
    verdict.message = f"{sum(c.passed for c in verdict.cases)} of {len(verdict.cases)} answers right; {right} of {len(known)} questions of this quiz right so far (imported)."
    verdict.content_version = exercise.content_version()
    return verdict


def import_learner(app, learner: str, data: Any) -> ImportResult:
    """Add the progress in `data` (a dict, or a ProgressFile) to `learner`'s records; see the module
    docstring. Invalid (naming the field) for a file that does not validate: nothing stored."""
    from mltrail.store.models import Attempt, Event, utcnow

    found = data if isinstance(data, ProgressFile) else parse(data)
    learner_id = app.learner_id(learner)
    result = ImportResult()
    have_attempts = {_attempt_key(a.exercise_id, a.seed, a.code, a.created_at) for a in app.store.attempts(learner_id)}
    have_events = {_event_key(e.kind, e.subject, e.detail, e.created_at) for e in app.store.events(learner_id)}

    graded: list[tuple[AttemptIn, dict]] = []
    latest: dict[str, dict[str, bool]] = {}  # quiz -> item -> right in its latest answer
    for attempt in sorted(found.attempts, key=lambda a: _utc(a.created_at)):
        key = _attempt_key(attempt.exercise, attempt.seed, attempt.code, attempt.created_at)
        if key in have_attempts:
            result.attempts_known += 1
            continue
        have_attempts.add(key)
        exercise = app.curriculum.exercise(attempt.exercise)
        if exercise is None:
            if attempt.exercise not in result.not_in_course:
                result.not_in_course.append(attempt.exercise)
            continue
        # graded again here, with its seed: the file's status and message are not trusted
        if exercise.kind == "quiz":
            verdict = _grade_quiz(app, learner, exercise, attempt, latest.setdefault(exercise.id, _latest(app, learner, exercise)))
        else:
            _, verdict = app.submit(learner, exercise.id, attempt.code.encode("utf-8"), record=False, seed=attempt.seed)
        if verdict is None or verdict.status not in GRADED:  # skipped (an extra not installed) or refused: not an attempt here
            if exercise.id not in result.not_graded:
                result.not_graded.append(exercise.id)
            continue
        record = verdict.to_record()
        record["imported"] = True
        graded.append((attempt, record))
    new_events = []
    for event in sorted(found.events, key=lambda e: _utc(e.created_at)):
        if event.kind not in IMPORTED_EVENTS:
            result.events_not_imported += 1
            continue
        key = _event_key(event.kind, event.subject, event.detail, event.created_at)
        if key in have_events:
            result.events_known += 1
            continue
        have_events.add(key)
        new_events.append(event)

    now = utcnow()
    with app.store.session() as session, session.begin():
        for attempt, record in graded:
            session.add(Attempt(
                learner_id=learner_id, exercise_id=attempt.exercise, code=attempt.code, seed=attempt.seed,
                status=record["status"], passed=bool(record["passed"]), message=record["message"], verdict=record,
                elapsed_ms=record.get("elapsed_ms"), created_at=_utc(attempt.created_at).replace(tzinfo=timezone.utc),
                graded_at=now, content_version=record.get("content_version"), lease_expires_at=None, regrades=0))
            result.attempts_added += 1
            result.passed += bool(record["passed"])
            result.changed += record["status"] != attempt.status
        for event in new_events:
            session.add(Event(learner_id=learner_id, kind=event.kind, subject=event.subject, detail=event.detail,
                              created_at=_utc(event.created_at).replace(tzinfo=timezone.utc)))
            result.events_added += 1
    app.store.changed(learner_id)
    return result
