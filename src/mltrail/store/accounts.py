"""Accounts, sign-in sessions, teams and invites of the web app's multi-user mode.

Plain records in and out, like the rest of the store; the rules (who may do what, password
hashing, expiry) live in `service.accounts`. Secrets are never stored: a session cookie's
token and an invite code are kept as their SHA-256.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from mltrail.store.models import Account, Invite, Learner, Team, TeamMember, WebSession, utcnow


class Taken(Exception):
    """A unique name or code is already used."""


@dataclass(frozen=True)
class AccountRecord:
    id: int
    learner_id: int
    username: str
    display_name: str
    role: str
    active: bool
    created_at: datetime
    password_hash: str = ""

    def public(self) -> dict:
        return {"id": self.id, "username": self.username, "display_name": self.display_name, "role": self.role,
                "active": self.active, "created_at": self.created_at.isoformat()}


@dataclass(frozen=True)
class TeamRecord:
    id: int
    name: str
    lead_id: int
    target_role: str | None
    invite_code: str
    created_at: datetime


def _account(row: Account) -> AccountRecord:
    return AccountRecord(row.id, row.learner_id, row.username, row.display_name, row.role, bool(row.active),
                         _aware(row.created_at), row.password_hash)


def _team(row: Team) -> TeamRecord:
    return TeamRecord(row.id, row.name, row.lead_id, row.target_role, row.invite_code, _aware(row.created_at))


def _aware(moment: datetime) -> datetime:
    """SQLite gives naive datetimes back; every time the store writes is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


class AccountStore:
    """Queries over the multi-user tables of one `Store`."""

    def __init__(self, store) -> None:
        self.store = store

    # ------------------------------------------------------------ accounts

    def create_account(self, username: str, display_name: str, password_hash: str, role: str) -> AccountRecord:
        """A new account and its learner (named after the username), in one transaction; Taken if used."""
        try:
            with self.store.session() as session, session.begin():
                if session.scalar(select(Learner.id).where(Learner.name == username)) is not None:
                    raise Taken(username)
                learner = Learner(name=username)
                session.add(learner)
                session.flush()
                row = Account(learner_id=learner.id, username=username, display_name=display_name,
                              password_hash=password_hash, role=role, active=True)
                session.add(row)
                session.flush()
                return _account(row)
        except IntegrityError as exc:
            raise Taken(username) from exc

    def account(self, account_id: int) -> AccountRecord | None:
        with self.store.session() as session:
            row = session.get(Account, account_id)
            return None if row is None else _account(row)

    def by_username(self, username: str) -> AccountRecord | None:
        with self.store.session() as session:
            row = session.scalar(select(Account).where(Account.username == username))
            return None if row is None else _account(row)

    def accounts(self) -> list[AccountRecord]:
        with self.store.session() as session:
            return [_account(row) for row in session.scalars(select(Account).order_by(Account.id))]

    def count_accounts(self) -> int:
        with self.store.session() as session:
            return int(session.scalar(select(func.count(Account.id))) or 0)

    def update_account(self, account_id: int, keep_sessions: bool = False, **changes) -> AccountRecord | None:
        """Change an account; a new password or disabling ends its sessions, unless
        `keep_sessions` (the same password stored again under a stronger hash)."""
        allowed = {"display_name", "password_hash", "role", "active"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot change {sorted(unknown)}")
        with self.store.session() as session, session.begin():
            row = session.get(Account, account_id)
            if row is None:
                return None
            for name, value in changes.items():
                setattr(row, name, value)
            if not keep_sessions and (changes.get("active") is False or "password_hash" in changes):
                session.execute(delete(WebSession).where(WebSession.account_id == account_id))
            session.flush()
            return _account(row)

    # ------------------------------------------------------------ sessions

    def create_session(self, token_hash: str, account_id: int, expires_at: datetime) -> None:
        with self.store.session() as session, session.begin():
            session.add(WebSession(token_hash=token_hash, account_id=account_id, expires_at=expires_at))

    def session_account(self, token_hash: str) -> tuple[AccountRecord, datetime] | None:
        """The account a session token belongs to and when it expires; None if unknown."""
        with self.store.session() as session:
            row = session.get(WebSession, token_hash)
            if row is None:
                return None
            account = session.get(Account, row.account_id)
            return (_account(account), _aware(row.expires_at)) if account is not None else None

    def delete_session(self, token_hash: str) -> None:
        with self.store.session() as session, session.begin():
            session.execute(delete(WebSession).where(WebSession.token_hash == token_hash))

    def delete_expired_sessions(self) -> int:
        with self.store.session() as session, session.begin():
            return session.execute(delete(WebSession).where(WebSession.expires_at < utcnow())).rowcount or 0

    # ------------------------------------------------------------ invites

    def create_invite(self, code_hash: str, created_by: int | None, role: str, uses: int,
                      expires_at: datetime | None) -> None:
        with self.store.session() as session, session.begin():
            session.add(Invite(code_hash=code_hash, created_by=created_by, role=role, uses_left=uses,
                               expires_at=expires_at))

    def use_invite(self, code_hash: str) -> str | None:
        """Spend one use of an invite; its role, or None when unknown, used up or expired."""
        with self.store.session() as session, session.begin():
            row = session.get(Invite, code_hash, with_for_update=True)
            if row is None or row.uses_left <= 0:
                return None
            if row.expires_at is not None and _aware(row.expires_at) < utcnow():
                return None
            row.uses_left -= 1
            return row.role

    def give_back_invite(self, code_hash: str) -> None:
        """Undo `use_invite` (the sign-up it was spent on failed)."""
        with self.store.session() as session, session.begin():
            row = session.get(Invite, code_hash)
            if row is not None:
                row.uses_left += 1

    # ------------------------------------------------------------ teams

    def create_team(self, name: str, lead_id: int, target_role: str | None, invite_code: str) -> TeamRecord:
        with self.store.session() as session, session.begin():
            row = Team(name=name, lead_id=lead_id, target_role=target_role, invite_code=invite_code)
            session.add(row)
            session.flush()
            return _team(row)

    def team(self, team_id: int) -> TeamRecord | None:
        with self.store.session() as session:
            row = session.get(Team, team_id)
            return None if row is None else _team(row)

    def team_by_invite(self, invite_code: str) -> TeamRecord | None:
        with self.store.session() as session:
            row = session.scalar(select(Team).where(Team.invite_code == invite_code))
            return None if row is None else _team(row)

    def teams(self) -> list[TeamRecord]:
        with self.store.session() as session:
            return [_team(row) for row in session.scalars(select(Team).order_by(Team.id))]

    def teams_led_by(self, account_id: int) -> list[TeamRecord]:
        with self.store.session() as session:
            return [_team(row) for row in session.scalars(select(Team).where(Team.lead_id == account_id).order_by(Team.id))]

    def teams_of(self, account_id: int) -> list[TeamRecord]:
        query = select(Team).join(TeamMember, TeamMember.team_id == Team.id).where(TeamMember.account_id == account_id)
        with self.store.session() as session:
            return [_team(row) for row in session.scalars(query.order_by(Team.id))]

    def update_team(self, team_id: int, **changes) -> TeamRecord | None:
        allowed = {"name", "target_role", "invite_code", "lead_id"}
        if set(changes) - allowed:
            raise ValueError(f"cannot change {sorted(set(changes) - allowed)}")
        with self.store.session() as session, session.begin():
            row = session.get(Team, team_id)
            if row is None:
                return None
            for name, value in changes.items():
                setattr(row, name, value)
            session.flush()
            return _team(row)

    def delete_team(self, team_id: int) -> None:
        with self.store.session() as session, session.begin():
            session.execute(delete(TeamMember).where(TeamMember.team_id == team_id))
            session.execute(delete(Team).where(Team.id == team_id))

    def add_member(self, team_id: int, account_id: int) -> bool:
        """Add a member; False if they already were one."""
        try:
            with self.store.session() as session, session.begin():
                exists = session.scalar(select(TeamMember.id).where(TeamMember.team_id == team_id,
                                                                    TeamMember.account_id == account_id))
                if exists is not None:
                    return False
                session.add(TeamMember(team_id=team_id, account_id=account_id))
                return True
        except IntegrityError:
            return False

    def remove_member(self, team_id: int, account_id: int) -> None:
        with self.store.session() as session, session.begin():
            session.execute(delete(TeamMember).where(TeamMember.team_id == team_id, TeamMember.account_id == account_id))

    def members(self, team_id: int) -> list[AccountRecord]:
        query = (select(Account).join(TeamMember, TeamMember.account_id == Account.id)
                 .where(TeamMember.team_id == team_id).order_by(Account.username))
        with self.store.session() as session:
            return [_account(row) for row in session.scalars(query)]
