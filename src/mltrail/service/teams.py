"""What a team's lead sees of the team: the rules and the numbers, over what the engine gives.

For a team the lead (or an admin) may see (`Accounts.team_for_lead`, NotFound otherwise):
its members; a members x skills matrix of P(known) (the target role's skills, else every
skill of the course, averaged per module when there are many); exercises passed per member
per ISO week; readiness for the target role; stuck points (the exercises with the most failed
attempts); and a CSV of it all. A lead sees statuses, messages and verdicts, NEVER a member's
code: nothing here returns `AttemptRecord.code`, and messages are scrubbed of any line of the
code they were about. A member's learner is named by their username.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from mltrail.service.accounts import leads
from mltrail.service.errors import NotFound
from mltrail.store.accounts import AccountRecord, TeamRecord

MAX_COLUMNS = 30  # more skills than this (a role lists at most 30): one column per module, their average
MAX_WEEKS = 26  # the progress plot covers at most this many weeks, the latest
STUCK = 10  # stuck points listed
FAILED = {"failed", "timeout", "memory_limit", "error"}  # graded and not passed
CSV_FIELDS = ("username", "name", "passed", "attempts", "mastered_skills", "readiness", "last_active")


# ---------------------------------------------------------------- records


@dataclass
class Column:
    """A column of the heatmap: one skill, or one module (the average of `skills`)."""

    id: str
    title: str
    module: str
    module_title: str
    skills: list[str]

    def to_json(self) -> dict:
        return {"id": self.id, "title": self.title, "module": self.module, "module_title": self.module_title,
                "skills": self.skills}


@dataclass
class MemberSummary:
    username: str
    name: str
    account_id: int
    passed: int
    attempts: int
    mastered: int
    readiness: float | None  # for the team's target role; None without one
    last_active: datetime | None
    p_known: list[float] = field(default_factory=list)  # one per heatmap column

    def to_json(self) -> dict:
        return {"username": self.username, "name": self.name, "account_id": self.account_id, "passed": self.passed,
                "attempts": self.attempts, "mastered_skills": self.mastered,
                "readiness": None if self.readiness is None else round(self.readiness, 4),
                "last_active": self.last_active.isoformat() if self.last_active else None,
                "p_known": [round(p, 4) for p in self.p_known]}


@dataclass
class StuckPoint:
    """An exercise members fail at: failed attempts, members who failed, and of them who then passed."""

    exercise: str
    title: str
    failures: int
    members_failed: int
    passed_after: int

    def to_json(self) -> dict:
        return {"exercise": self.exercise, "title": self.title, "failures": self.failures,
                "members_failed": self.members_failed, "passed_after": self.passed_after}


@dataclass
class WeeklyProgress:
    """Exercises passed (for the first time) per member per ISO week, oldest week first."""

    weeks: list[str]  # "2026-W48"
    passed: dict[str, list[int]]  # username -> count per week
    before: dict[str, int] = field(default_factory=dict)  # username -> passed before the first week shown

    def cumulative(self, username: str) -> list[int]:
        total, out = self.before.get(username, 0), []
        for count in self.passed.get(username, []):
            total += count
            out.append(total)
        return out

    def to_json(self) -> dict:
        return {"weeks": self.weeks, "passed": self.passed, "before": self.before}


@dataclass
class TeamReport:
    team: TeamRecord
    lead: AccountRecord | None
    role_id: str | None
    role_title: str | None
    grouped: bool  # heatmap columns are modules (True) or skills
    columns: list[Column]
    members: list[MemberSummary]
    progress: WeeklyProgress
    stuck: list[StuckPoint]

    def column_groups(self) -> list[tuple[str, int]]:
        """(module title, how many columns) for consecutive columns of one module, in column order."""
        groups: list[tuple[str, int]] = []
        for column in self.columns:
            if groups and groups[-1][0] == column.module_title:
                groups[-1] = (column.module_title, groups[-1][1] + 1)
            else:
                groups.append((column.module_title, 1))
        return groups

    def to_json(self) -> dict:
        return {"id": self.team.id, "name": self.team.name, "target_role": self.role_id, "role_title": self.role_title,
                "lead": self.lead.username if self.lead else None, "invite_path": f"/join/{self.team.invite_code}",
                "created_at": self.team.created_at.isoformat(), "grouped": self.grouped,
                "columns": [c.to_json() for c in self.columns], "members": [m.to_json() for m in self.members],
                "progress": self.progress.to_json(), "stuck": [s.to_json() for s in self.stuck]}


# ---------------------------------------------------------------- listing


@dataclass
class TeamItem:
    team: TeamRecord
    members: int
    lead: str
    leads: bool  # the viewer may open its lead page

    def to_json(self) -> dict:
        return {"id": self.team.id, "name": self.team.name, "target_role": self.team.target_role,
                "members": self.members, "lead": self.lead, "leads": self.leads}


def my_teams(accounts, account: AccountRecord) -> dict[str, list[TeamItem]]:
    """{"led": teams the account leads (every team for an admin), "member": teams it is in}."""
    rows = accounts.rows
    led = (rows.teams() if account.role == "admin" else rows.teams_led_by(account.id) if account.role == "lead"
           else [])
    names = {a.id: a.username for a in rows.accounts()} if led else {}

    def item(team: TeamRecord, leads: bool) -> TeamItem:
        lead = names.get(team.lead_id) or getattr(rows.account(team.lead_id), "username", "?")
        return TeamItem(team, len(rows.members(team.id)), lead, leads)

    return {"led": [item(t, True) for t in led],
            "member": [item(t, leads(account, t)) for t in rows.teams_of(account.id)]}


def team_by_code(accounts, code: str) -> TeamRecord | None:
    """The team an invite link names (its name is shown before joining), or None."""
    return accounts.rows.team_by_invite(code.strip()) if code and len(code) < 100 else None


def is_member(accounts, account: AccountRecord, team_id: int) -> bool:
    return any(team.id == team_id for team in accounts.rows.teams_of(account.id))


# ---------------------------------------------------------------- the report


def _columns(engine, role) -> tuple[list[Column], bool]:
    curriculum = engine.curriculum
    titles = curriculum.skills()
    in_path = [(module, skill) for module in curriculum.modules for skill in module.skill_ids()]
    wanted = set(role.weights) if role is not None else None
    chosen = [(m, s) for m, s in in_path if wanted is None or s in wanted]
    if len(chosen) <= MAX_COLUMNS:
        return [Column(s, titles.get(s, s), m.id, m.title, [s]) for m, s in chosen], False
    columns: list[Column] = []
    for module in curriculum.modules:
        skills = [s for m, s in chosen if m.id == module.id]
        if skills:
            columns.append(Column(module.id, module.title, module.id, module.title, skills))
    return columns, True


def _iso_week(moment: datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def _weeks(first: date, last: date) -> list[str]:
    monday = first - timedelta(days=first.weekday())
    out = []
    while monday <= last:
        out.append(_iso_week(datetime(monday.year, monday.month, monday.day)))
        monday += timedelta(days=7)
    return out[-MAX_WEEKS:]


def team_report(engine, accounts, actor: AccountRecord, team_id: int, now: datetime | None = None) -> TeamReport:
    """Everything the lead's page shows of a team (NotFound unless `actor` leads it or is an admin)."""
    from mltrail.service.coach_profile import careers

    team = accounts.team_for_lead(actor, team_id)
    role = careers(engine).role(team.target_role) if team.target_role else None
    columns, grouped = _columns(engine, role)
    stuck = _StuckTally()
    summaries, first_pass = [], {}
    for member in accounts.rows.members(team.id):
        summary, first_pass[member.username] = _summarise(engine, member, role, columns, stuck)
        summaries.append(summary)
    titles = {ex.id: ex.title for ex in engine.curriculum.exercises()}
    return TeamReport(team=team, lead=accounts.rows.account(team.lead_id), role_id=role.id if role else None,
                      role_title=role.title if role else None, grouped=grouped, columns=columns, members=summaries,
                      progress=_weekly(first_pass, now or datetime.now(timezone.utc)), stuck=stuck.points(titles))


class _StuckTally:
    """Failed attempts per exercise over the members, and who failed then passed."""

    def __init__(self) -> None:
        self.failures: dict[str, int] = {}
        self.failed_by: dict[str, set[str]] = {}
        self.passed_after: dict[str, set[str]] = {}

    def add(self, learner: str, attempts: list) -> None:
        failed: set[str] = set()
        for attempt in attempts:  # oldest first
            exercise = attempt.exercise_id
            if attempt.passed and exercise in failed:
                self.passed_after.setdefault(exercise, set()).add(learner)
            elif not attempt.passed and attempt.status in FAILED:
                self.failures[exercise] = self.failures.get(exercise, 0) + 1
                self.failed_by.setdefault(exercise, set()).add(learner)
                failed.add(exercise)

    def points(self, titles: dict[str, str]) -> list[StuckPoint]:
        found = [StuckPoint(ex, titles.get(ex, ex), count, len(self.failed_by.get(ex, ())),
                            len(self.passed_after.get(ex, ()))) for ex, count in self.failures.items()]
        found.sort(key=lambda s: (-s.failures, -s.members_failed, s.exercise))
        return found[:STUCK]


def _summarise(engine, member: AccountRecord, role, columns: list[Column],
               stuck: _StuckTally) -> tuple[MemberSummary, dict[str, datetime]]:
    """One member's row (and when they first passed each exercise); their failures go to `stuck`."""
    from mltrail.coach.mastery import mastered
    from mltrail.service.coach_profile import readiness

    learner = member.username
    attempts = engine.attempts(learner)
    states = engine.mastery(learner)
    events = engine.store.events(engine.learner_id(learner))
    first_pass: dict[str, datetime] = {}
    for attempt in attempts:
        if attempt.passed:
            first_pass.setdefault(attempt.exercise_id, _aware(attempt.created_at))
    stuck.add(learner, attempts)
    p_known = {skill: state.p_known for skill, state in states.items()}
    moments = [_aware(a.created_at) for a in attempts] + [_aware(e.created_at) for e in events]
    return MemberSummary(
        username=learner, name=member.display_name, account_id=member.id, passed=len(first_pass),
        attempts=sum(1 for a in attempts if a.status != "pending"), mastered=len(mastered(states)),
        readiness=readiness(engine, learner, role.id)[0].score if role is not None else None,
        last_active=max(moments, default=None),
        p_known=[sum(p_known.get(s, 0.0) for s in column.skills) / len(column.skills) for column in columns],
    ), first_pass


def _weekly(first_pass: dict[str, dict[str, datetime]], now: datetime) -> WeeklyProgress:
    moments = [moment for passes in first_pass.values() for moment in passes.values()]
    weeks = _weeks(min(moments).date(), now.date()) if moments else [_iso_week(now)]
    index = {week: i for i, week in enumerate(weeks)}
    weekly, before = {}, {}
    for learner, passes in first_pass.items():
        counts = [0] * len(weeks)
        for moment in passes.values():
            at = index.get(_iso_week(moment))
            if at is not None:
                counts[at] += 1
        weekly[learner] = counts
        before[learner] = len(passes) - sum(counts)  # passed before the weeks shown
    return WeeklyProgress(weeks, weekly, before)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


# ---------------------------------------------------------------- one member


def without_code(message: str, code: str) -> str:
    """`message` with every line dropped that quotes a line of `code` (a traceback or a syntax
    error can show the learner's source; a lead must not see it)."""
    quoted = {line.strip() for line in (code or "").splitlines() if len(line.strip()) >= 4}
    if not quoted or not message:
        return message or ""
    kept = [line for line in message.splitlines() if not any(q in line for q in quoted)]
    text = "\n".join(kept)
    return text if text.strip() else "(the message quoted the member's code; it is not shown)"


@dataclass
class AttemptStatus:
    id: int
    exercise: str
    title: str
    status: str
    passed: bool
    message: str
    mistake: str | None
    created_at: datetime

    def to_json(self) -> dict:
        return {"id": self.id, "exercise": self.exercise, "title": self.title, "status": self.status,
                "passed": self.passed, "message": self.message, "mistake": self.mistake,
                "created_at": self.created_at.isoformat()}


def member_of(accounts, actor: AccountRecord, team_id: int, username: str) -> tuple[TeamRecord, AccountRecord]:
    team = accounts.team_for_lead(actor, team_id)
    member = next((m for m in accounts.rows.members(team.id) if m.username == username), None)
    if member is None:
        raise NotFound("member", username)
    return team, member


def member_progress(engine, accounts, actor: AccountRecord, team_id: int, username: str) -> dict:
    """A member's progress and their attempts' statuses, messages and verdicts (no code)."""
    team, member = member_of(accounts, actor, team_id, username)
    titles = {ex.id: ex.title for ex in engine.curriculum.exercises()}
    progress = engine.progress(member.username).to_json()
    attempts = []
    for attempt in engine.attempts(member.username):
        verdict = attempt.verdict or {}
        mistake = verdict.get("mistake")
        if isinstance(mistake, dict):
            mistake = mistake.get("name") or mistake.get("id") or mistake.get("title")
        attempts.append(AttemptStatus(attempt.id, attempt.exercise_id, titles.get(attempt.exercise_id, attempt.exercise_id),
                                      attempt.status, attempt.passed, without_code(attempt.message, attempt.code),
                                      str(mistake) if mistake else None, _aware(attempt.created_at)))
    return {"team": team.id, "username": member.username, "name": member.display_name,
            "progress": {k: progress[k] for k in ("exercises", "passed", "percent", "attempts", "hints_taken",
                                                  "passed_ids", "modules")},
            "attempts": [a.to_json() for a in attempts]}


# ---------------------------------------------------------------- CSV


def csv_cell(value) -> str:
    """A value for a spreadsheet: text starting with = + - @ (or a tab / carriage return) gets a
    leading ' so no spreadsheet runs it as a formula."""
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


def team_csv(report: TeamReport) -> str:
    """One row per member: username, name, passed, attempts, mastered skills, readiness, last active."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for m in report.members:
        writer.writerow([csv_cell(v) for v in (
            m.username, m.name, m.passed, m.attempts, m.mastered,
            "" if m.readiness is None else f"{m.readiness:.3f}",
            m.last_active.strftime("%Y-%m-%d %H:%M UTC") if m.last_active else "")])
    return out.getvalue()
