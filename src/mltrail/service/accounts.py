"""Accounts, sign-in, invites and teams for the web app's multi-user mode: the rules.

Who may do what is decided here, once, for every interface: a learner sees their own work; a
team's lead sees its members' progress and verdicts, never their code; an admin manages
accounts and teams. Passwords are hashed with argon2id; session tokens and invite codes are
random (`secrets`) and stored only as SHA-256 digests.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import time
import weakref
import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from mltrail.service.errors import Conflict, Forbidden, Invalid, NotFound
from mltrail.store.accounts import AccountRecord, AccountStore, Taken, TeamRecord

ROLES = ("learner", "lead", "admin")
REGISTRATION = ("open", "invite", "closed")
USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,31}$")
RESERVED = {"local", "admin-cli", "api", "static", "healthz"}
MIN_PASSWORD, MAX_PASSWORD = 10, 256
MAX_NAME = 120
NOT_CACHED = object()  # cached_session_account: the store must be asked
SESSION_CACHE_S = 2.0  # how long a found session is trusted without asking the store again
_SESSIONS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # store -> (its remembered sessions, lock, generation)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass
class WebOptions:
    """The `[web]` table of `<home>/mltrail.toml` (flags of `mltrail serve` win over it)."""

    multi_user: bool = False
    registration: str = "invite"  # open, invite or closed (only admins add accounts)
    session_days: int = 14
    secure_cookies: bool = False  # set when served over HTTPS (behind a proxy that terminates TLS)
    max_code_bytes: int = 64 * 1024

    @classmethod
    def load(cls, home: Path) -> "WebOptions":
        path = Path(home) / "mltrail.toml"
        if not path.exists():
            return cls()
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8")).get("web", {})
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise Invalid(str(path), f"is not valid TOML ({exc}); fix or remove it") from exc
        if not isinstance(data, dict):
            raise Invalid(str(path), "[web] must be a table")
        options = cls()
        known = {"multi_user": bool, "registration": str, "session_days": int, "secure_cookies": bool}
        for key, value in data.items():
            if key not in known:
                raise Invalid(str(path), f"[web] has an unknown key {key!r}; the keys are {', '.join(sorted(known))}")
            if not isinstance(value, known[key]) or (known[key] is int and isinstance(value, bool)):
                raise Invalid(str(path), f"[web] {key} must be a {known[key].__name__}, not {value!r}")
            setattr(options, key, value)
        if options.registration not in REGISTRATION:
            raise Invalid(str(path), f"[web] registration must be one of {', '.join(REGISTRATION)}, "
                                     f"not {options.registration!r}")
        if not 1 <= options.session_days <= 365:
            raise Invalid(str(path), "[web] session_days must be between 1 and 365")
        return options


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()  # argon2id with the library's current recommended costs


# argon2 takes 64 MiB per hash or verification: without a bound, a burst of sign-ins or open
# sign-ups (each request on its own worker thread) took 64 MiB apiece, about 2.5 GiB for the
# server's 40 threads, from anyone who can reach the sign-in page. At most this many at once:
HASHING_SLOTS = 4
_HASHING = threading.BoundedSemaphore(HASHING_SLOTS)


def _bounded(call, *args):
    """`call(*args)` (a hash or a verification) in one of the HASHING_SLOTS."""
    with _HASHING:
        return call(*args)


def check_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not USERNAME.match(name):
        raise Invalid("username", "use 2 to 32 characters: lower-case letters, digits, '.', '_' or '-', "
                                  "starting with a letter or digit")
    if name in RESERVED:
        raise Invalid("username", f"'{name}' is reserved; choose another")
    return name


def check_password(password: str) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise Invalid("password", f"use at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise Invalid("password", f"use at most {MAX_PASSWORD} characters")
    return password


def check_display_name(name: str, fallback: str) -> str:
    text = " ".join((name or "").split())
    if len(text) > MAX_NAME:
        raise Invalid("display name", f"use at most {MAX_NAME} characters")
    if any(ord(c) < 32 for c in text):
        raise Invalid("display name", "control characters are not allowed")
    return text or fallback


def leads(actor: AccountRecord, team: TeamRecord) -> bool:
    """Whether `actor` acts as the team's lead: an admin, or its lead while still of the lead
    role (a lead made learner by an admin keeps the team's record but no longer sees into it)."""
    return actor.role == "admin" or (actor.role == "lead" and team.lead_id == actor.id)


class Accounts:
    """The multi-user rules over the store; one per App."""

    def __init__(self, app) -> None:
        self.app = app
        self.rows = AccountStore(app.store)
        self._dummy_hash: str | None = None
        # token digest -> (account, expires, remembered until); shared by every Accounts of one store
        # and a generation, bumped by every forgetting: a look-up under way then does not remember what it read
        self._sessions, self._sessions_lock, self._generation = _SESSIONS.setdefault(
            app.store, ({}, threading.Lock(), [0]))

    # ------------------------------------------------------------ accounts

    def create_user(self, username: str, password: str, display_name: str = "", role: str = "learner") -> AccountRecord:
        name = check_username(username)
        if role not in ROLES:
            raise Invalid("role", f"must be one of {', '.join(ROLES)}, not {role!r}")
        check_password(password)
        shown = check_display_name(display_name, name)
        try:
            return self.rows.create_account(name, shown, _bounded(_hasher().hash, password), role)
        except Taken:
            raise Conflict("username", f"'{name}' is taken; choose another") from None

    def sign_up(self, username: str, password: str, display_name: str, invite: str, registration: str) -> AccountRecord:
        """Open registration, or by an invite code (its role given to the new account)."""
        if registration == "closed":
            raise Forbidden("sign-up", "this server (an admin creates accounts)")
        role = "learner"
        spent = None
        if registration == "invite" or invite:
            code = (invite or "").strip()
            if not code:
                raise Invalid("invite code", "this server needs an invite code to sign up; ask your team lead or admin")
            role = self.rows.use_invite(digest(code))
            if role is None:
                raise Invalid("invite code", "unknown, used up or expired; ask for a new one")
            spent = digest(code)
        try:
            return self.create_user(username, password, display_name, role)
        except Exception:
            if spent is not None:
                self.rows.give_back_invite(spent)
            raise

    def authenticate(self, username: str, password: str) -> AccountRecord:
        """The account if the password is right; the same error (and about the same time) otherwise."""
        from argon2.exceptions import InvalidHashError, VerificationError

        wrong = Invalid("sign-in", "wrong username or password")
        name = (username or "").strip().lower()
        if not isinstance(password, str) or len(password) > MAX_PASSWORD:
            raise wrong
        account = self.rows.by_username(name) if USERNAME.match(name) else None
        hasher = _hasher()
        if account is None or not account.active:
            if self._dummy_hash is None:
                self._dummy_hash = _bounded(hasher.hash, secrets.token_hex(16))
            try:
                _bounded(hasher.verify, self._dummy_hash, password)
            except VerificationError:
                pass
            raise wrong
        try:
            _bounded(hasher.verify, account.password_hash, password)
        except (VerificationError, InvalidHashError):
            raise wrong from None
        if hasher.check_needs_rehash(account.password_hash):
            # the same password under the current cost: no change of password, the other sessions stay
            self.rows.update_account(account.id, keep_sessions=True, password_hash=_bounded(hasher.hash, password))
        return account

    def set_password(self, account_id: int, password: str) -> None:
        check_password(password)
        if self._update(account_id, password_hash=_bounded(_hasher().hash, password)) is None:
            raise NotFound("account", str(account_id))

    def set_role(self, actor: AccountRecord, account_id: int, role: str) -> AccountRecord:
        self.require_admin(actor)
        if role not in ROLES:
            raise Invalid("role", f"must be one of {', '.join(ROLES)}, not {role!r}")
        if account_id == actor.id and role != "admin":
            raise Invalid("role", "an admin cannot take away their own admin role")
        changed = self._update(account_id, role=role)
        if changed is None:
            raise NotFound("account", str(account_id))
        return changed

    def set_active(self, actor: AccountRecord, account_id: int, active: bool) -> AccountRecord:
        self.require_admin(actor)
        if account_id == actor.id and not active:
            raise Invalid("account", "an admin cannot disable their own account")
        changed = self._update(account_id, active=active)
        if changed is None:
            raise NotFound("account", str(account_id))
        return changed

    def account(self, account_id: int) -> AccountRecord:
        found = self.rows.account(account_id)
        if found is None:
            raise NotFound("account", str(account_id))
        return found

    def learner_name(self, account: AccountRecord) -> str:
        return account.username

    @staticmethod
    def require_admin(actor: AccountRecord) -> None:
        if actor.role != "admin":
            raise Forbidden("this", "admins only")

    # ------------------------------------------------------------ sessions

    def start_session(self, account: AccountRecord, days: int) -> str:
        """A new session token for the cookie (never reused: a fresh one at every sign-in)."""
        token = secrets.token_urlsafe(32)
        self.rows.create_session(digest(token), account.id, datetime.now(timezone.utc) + timedelta(days=days))
        return token

    def session_account(self, token: str | None) -> AccountRecord | None:
        """The active account of a session cookie, or None (unknown, expired or disabled).

        A found session is remembered for SESSION_CACHE_S, so a busy page does not ask the store
        on every request; signing out, a password change, a role change and disabling an account
        through this object forget it at once (through another process: within that time).
        """
        if not token or len(token) > 200:
            return None
        key = digest(token)
        now = time.monotonic()
        with self._sessions_lock:
            generation = self._generation[0]
        remembered = self._remembered(key)
        if remembered is not NOT_CACHED:
            return remembered
        found = self.rows.session_account(key)
        if found is None:
            return None
        account, expires = found
        if expires < datetime.now(timezone.utc) or not account.active:
            self.rows.delete_session(key)
            return None
        with self._sessions_lock:
            if self._generation[0] != generation:  # signed out, disabled... while we read: do not remember it
                return account
            if len(self._sessions) > 10_000:
                self._sessions.clear()
            self._sessions[key] = (account, expires, now + SESSION_CACHE_S)
        return account

    def cached_session_account(self, token: str | None):
        """`session_account(token)` answered from memory: the account, None (no session), or
        NOT_CACHED when only the store can tell."""
        if not token or len(token) > 200:
            return None
        return self._remembered(digest(token))

    def _remembered(self, key: str):
        """The account remembered for a token digest, while it is trusted; else NOT_CACHED."""
        with self._sessions_lock:
            cached = self._sessions.get(key)
        if cached is not None and cached[2] > time.monotonic() and cached[1] > datetime.now(timezone.utc):
            return cached[0]
        return NOT_CACHED

    def _update(self, account_id: int, **changes):
        changed = self.rows.update_account(account_id, **changes)
        self._forget_sessions()  # a role, a password or an account's state changed: sessions are looked up again
        return changed

    def _forget_sessions(self) -> None:
        with self._sessions_lock:
            self._sessions.clear()
            self._generation[0] += 1

    def end_session(self, token: str | None) -> None:
        if token:
            self.rows.delete_session(digest(token))
            self._forget_sessions()

    # ------------------------------------------------------------ invites

    def create_invite(self, actor: AccountRecord, role: str = "learner", uses: int = 1, days: int = 14) -> str:
        """A sign-up code: admins may invite any role; leads invite learners."""
        if role not in ROLES:
            raise Invalid("role", f"must be one of {', '.join(ROLES)}, not {role!r}")
        if actor.role != "admin" and not (actor.role == "lead" and role == "learner"):
            raise Forbidden("invite", "admins, or team leads inviting learners")
        if not 1 <= uses <= 1000:
            raise Invalid("uses", "between 1 and 1000")
        if not 1 <= days <= 365:
            raise Invalid("days", "between 1 and 365")
        code = secrets.token_urlsafe(12)
        self.rows.create_invite(digest(code), actor.id or None, role, uses, datetime.now(timezone.utc) + timedelta(days=days))
        return code

    # ------------------------------------------------------------ teams

    def create_team(self, actor: AccountRecord, name: str, target_role: str | None = None) -> TeamRecord:
        if actor.role not in ("lead", "admin"):
            raise Forbidden("creating a team", "team leads and admins")
        text = check_display_name(name, "")
        if not text:
            raise Invalid("team name", "give the team a name")
        role = self._check_role(target_role)
        return self.rows.create_team(text, actor.id, role, secrets.token_urlsafe(12))

    def _check_role(self, target_role: str | None) -> str | None:
        if not target_role:
            return None
        from mltrail.service.coach_profile import careers

        roles = careers(self.app).ids
        if target_role not in roles:
            raise Invalid("target role", f"unknown role {target_role!r}; the roles are {', '.join(roles)}")
        return target_role

    def update_team(self, actor: AccountRecord, team_id: int, name: str | None = None,
                    target_role: str | None = None, new_invite: bool = False) -> TeamRecord:
        team = self.team_for_lead(actor, team_id)
        changes: dict = {}
        if name is not None:
            text = check_display_name(name, "")
            if not text:
                raise Invalid("team name", "give the team a name")
            changes["name"] = text
        if target_role is not None:
            changes["target_role"] = self._check_role(target_role)
        if new_invite:
            changes["invite_code"] = secrets.token_urlsafe(12)
        return self.rows.update_team(team.id, **changes) if changes else team

    def team_for_lead(self, actor: AccountRecord, team_id: int) -> TeamRecord:
        """The team if `actor` leads it or is an admin; NotFound otherwise (a team's existence
        is not confirmed to those who may not see it)."""
        team = self.rows.team(team_id)
        if team is None or not leads(actor, team):
            raise NotFound("team", str(team_id))
        return team

    def join_team(self, account: AccountRecord, invite_code: str) -> TeamRecord:
        team = self.rows.team_by_invite((invite_code or "").strip()) if invite_code and len(invite_code) < 100 else None
        if team is None:
            raise Invalid("team invite", "unknown or replaced invite link; ask your team lead for the current one")
        self.rows.add_member(team.id, account.id)
        return team

    def leave_team(self, account: AccountRecord, team_id: int) -> None:
        self.rows.remove_member(team_id, account.id)

    def remove_member(self, actor: AccountRecord, team_id: int, account_id: int) -> None:
        team = self.team_for_lead(actor, team_id)
        if not any(member.id == account_id for member in self.rows.members(team.id)):
            raise NotFound("member", str(account_id))
        self.rows.remove_member(team.id, account_id)

    def members(self, actor: AccountRecord, team_id: int) -> list[AccountRecord]:
        return self.rows.members(self.team_for_lead(actor, team_id).id)

    def may_view_learner(self, actor: AccountRecord, account_id: int) -> bool:
        """Progress and verdicts (not code): oneself, an admin, or the lead of a team they are in."""
        if actor.id == account_id or actor.role == "admin":
            return True
        return any(leads(actor, team) for team in self.rows.teams_of(account_id))
