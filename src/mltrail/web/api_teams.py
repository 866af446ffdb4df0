"""The JSON API of teams and admin (multi-user mode): `/api/teams...`, `/api/join/...`, `/api/admin/...`.

What the team and admin pages show, for scripts: pydantic models for every answer, errors
documented. Included by `pages_teams.router`; the rules are `service.teams` and
`service.accounts`. A lead gets members' statuses, messages and verdicts, never their code.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from mltrail.service import teams as team_rules
from mltrail.service.accounts import ROLES
from mltrail.service.errors import Invalid, ServiceError
from mltrail.web import deps

Id = Annotated[int, Path(ge=1, le=2**62, description="a numeric id")]
PERSONAL = "teams and accounts exist only when the server runs with --multi-user"

api = APIRouter(prefix="/api", tags=["teams"])


def accounts_of(request: Request):
    """The server's `Accounts` (404 in personal mode, with the reason)."""
    state = deps.state(request)
    if not state.multi_user:
        raise HTTPException(404, PERSONAL)
    return state.accounts


def signed_in(request: Request):
    """The signed-in viewer with an account (401 anonymous, 404 in personal mode)."""
    accounts_of(request)
    return deps.account(request)


def describe(exc: ServiceError) -> tuple[int, str]:
    """The status and the words the server gives a typed engine error."""
    from mltrail.web.server import _describe, _status

    return _status(exc)[0], _describe(exc)


class Problem(BaseModel):
    error: str
    detail: str


ERRORS = {401: {"model": Problem, "description": "Not signed in"},
          404: {"model": Problem, "description": "Unknown, or not yours to see (or personal mode)"},
          422: {"model": Problem, "description": "Invalid input"}}


class TeamItemOut(BaseModel):
    id: int
    name: str
    target_role: str | None
    members: int
    lead: str
    leads: bool = Field(description="whether you may open its lead view")


class TeamsOut(BaseModel):
    led: list[TeamItemOut] = Field(description="teams you lead (every team, for an admin)")
    member: list[TeamItemOut] = Field(description="teams you are a member of")


class NewTeam(BaseModel):
    name: str = Field(max_length=500)
    target_role: str | None = Field(None, max_length=200)


class TeamChange(BaseModel):
    name: str | None = Field(None, max_length=500)
    target_role: str | None = Field(None, max_length=200, description="'' clears it")
    new_invite: bool = Field(False, description="replace the invite link (the old one stops working)")


class ColumnOut(BaseModel):
    id: str
    title: str
    module: str
    module_title: str
    skills: list[str]


class MemberOut(BaseModel):
    username: str
    name: str
    account_id: int
    passed: int
    attempts: int
    mastered_skills: int
    readiness: float | None = Field(description="for the team's target role (null without one)")
    last_active: str | None
    p_known: list[float] = Field(description="one per column, in the order of `columns`")


class StuckOut(BaseModel):
    exercise: str
    title: str
    failures: int
    members_failed: int
    passed_after: int = Field(description="members who failed it and passed it later")


class WeeklyOut(BaseModel):
    weeks: list[str] = Field(description="ISO weeks, oldest first, e.g. 2026-W48")
    passed: dict[str, list[int]] = Field(description="username -> exercises first passed in each week")
    before: dict[str, int] = Field(description="username -> exercises passed before the first week shown")


class TeamOut(BaseModel):
    id: int
    name: str
    target_role: str | None
    role_title: str | None
    lead: str | None
    invite_path: str
    created_at: str
    grouped: bool = Field(description="columns are modules (averages of their skills) rather than skills")
    columns: list[ColumnOut]
    members: list[MemberOut]
    progress: WeeklyOut
    stuck: list[StuckOut]


class AttemptStatusOut(BaseModel):
    id: int
    exercise: str
    title: str
    status: str
    passed: bool
    message: str
    mistake: str | None
    created_at: str


class MemberProgressOut(BaseModel):
    team: int
    username: str
    name: str
    progress: dict = Field(description="exercises, passed, percent, attempts, hints_taken, passed_ids, modules")
    attempts: list[AttemptStatusOut] = Field(description="statuses, messages and verdicts; never code")


class AccountOut(BaseModel):
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    created_at: str


class AccountChange(BaseModel):
    role: str | None = Field(None, max_length=50)
    active: bool | None = None


class NewInvite(BaseModel):
    role: str = Field("learner", max_length=50)
    uses: int = 1
    days: int = 14


class InviteOut(BaseModel):
    code: str = Field(description="shown once: only its digest is stored")
    role: str
    uses: int
    days: int
    signup_path: str


def _item(item: team_rules.TeamItem) -> TeamItemOut:
    return TeamItemOut(**item.to_json())


@api.get("/teams", response_model=TeamsOut, responses=ERRORS)
def api_teams(request: Request):
    """Your teams: those you lead (all of them for an admin) and those you are in."""
    viewer = signed_in(request)
    found = team_rules.my_teams(deps.state(request).accounts, viewer.account)
    return TeamsOut(led=[_item(t) for t in found["led"]], member=[_item(t) for t in found["member"]])


@api.post("/teams", response_model=TeamOut, status_code=201,
          responses={**ERRORS, 403: {"model": Problem, "description": "team leads and admins only"}})
def api_create_team(request: Request, body: NewTeam):
    """Create a team (team leads and admins)."""
    viewer = signed_in(request)
    team = deps.state(request).accounts.create_team(viewer.account, body.name, body.target_role or None)
    return _report(request, viewer, team.id)


def _report(request: Request, viewer, team_id: Id) -> TeamOut:
    report = team_rules.team_report(deps.engine(request), deps.state(request).accounts, viewer.account, team_id)
    return TeamOut(**report.to_json())


@api.get("/teams/{team_id}", response_model=TeamOut, responses=ERRORS)
def api_team(request: Request, team_id: Id):
    """A team you lead: members, the skills heatmap, weekly progress, readiness, stuck points."""
    viewer = signed_in(request)
    return _report(request, viewer, team_id)


@api.post("/teams/{team_id}", response_model=TeamOut, responses=ERRORS)
def api_change_team(request: Request, team_id: Id, body: TeamChange):
    """Rename a team, change its target role, or replace its invite link."""
    viewer = signed_in(request)
    deps.state(request).accounts.update_team(viewer.account, team_id, name=body.name, target_role=body.target_role,
                                             new_invite=body.new_invite)
    return _report(request, viewer, team_id)


@api.delete("/teams/{team_id}/members/{username}", status_code=204, responses=ERRORS)
def api_remove_member(request: Request, team_id: Id, username: str):
    """Take a member out of a team you lead."""
    viewer = signed_in(request)
    accounts = deps.state(request).accounts
    _, member = team_rules.member_of(accounts, viewer.account, team_id, username)
    accounts.remove_member(viewer.account, team_id, member.id)
    return Response(status_code=204)


@api.get("/teams/{team_id}/members/{username}/progress", response_model=MemberProgressOut, responses=ERRORS)
def api_member_progress(request: Request, team_id: Id, username: str):
    """A member's progress and their attempts' statuses and verdicts (never their code)."""
    viewer = signed_in(request)
    return MemberProgressOut(**team_rules.member_progress(deps.engine(request), deps.state(request).accounts,
                                                          viewer.account, team_id, username))


@api.post("/join/{code}", response_model=TeamItemOut, responses=ERRORS)
def api_join(request: Request, code: str):
    """Join the team of an invite link."""
    viewer = signed_in(request)
    accounts = deps.state(request).accounts
    try:
        team = accounts.join_team(viewer.account, code)
    except ServiceError as exc:
        raise HTTPException(404, describe(exc)[1]) from None
    found = [t for t in team_rules.my_teams(accounts, viewer.account)["member"] if t.team.id == team.id]
    return _item(found[0])


@api.post("/teams/{team_id}/leave", status_code=204, responses=ERRORS)
def api_leave(request: Request, team_id: Id):
    """Leave a team you are in."""
    viewer = signed_in(request)
    accounts = deps.state(request).accounts
    if not team_rules.is_member(accounts, viewer.account, team_id):
        raise HTTPException(404, f"you are not in team {team_id}")
    accounts.leave_team(viewer.account, team_id)
    return Response(status_code=204)


ADMIN_ERRORS = {**ERRORS, 403: {"model": Problem, "description": "admins only"}}


def _admin(request: Request):
    accounts_of(request)
    return deps.admin(request)


@api.get("/admin/users", response_model=list[AccountOut], responses=ADMIN_ERRORS, tags=["admin"])
def api_users(request: Request):
    """Every account (admins)."""
    _admin(request)
    return [AccountOut(**a.public()) for a in deps.state(request).accounts.rows.accounts()]


@api.post("/admin/users/{account_id}", response_model=AccountOut, responses=ADMIN_ERRORS, tags=["admin"])
def api_change_user(request: Request, account_id: Id, body: AccountChange):
    """Change an account's role and/or enable or disable it (admins; not your own role or account)."""
    viewer = _admin(request)
    accounts = deps.state(request).accounts
    if body.role is None and body.active is None:
        raise HTTPException(422, "send role and/or active")
    # every check before any change: nothing is changed half-way
    if body.role is not None and body.role not in ROLES:
        raise Invalid("role", f"must be one of {', '.join(ROLES)}, not {body.role!r}")
    if account_id == viewer.account.id and (body.role not in (None, "admin") or body.active is False):
        raise Invalid("account", "an admin cannot take away their own admin role or disable their own account")
    changed = accounts.account(account_id)
    if body.role is not None:
        changed = accounts.set_role(viewer.account, account_id, body.role)
    if body.active is not None:
        changed = accounts.set_active(viewer.account, account_id, body.active)
    return AccountOut(**changed.public())


@api.get("/admin/teams", response_model=list[TeamItemOut], responses=ADMIN_ERRORS, tags=["admin"])
def api_admin_teams(request: Request):
    """Every team (admins)."""
    viewer = _admin(request)
    return [_item(t) for t in team_rules.my_teams(deps.state(request).accounts, viewer.account)["led"]]


@api.post("/admin/invites", response_model=InviteOut, status_code=201, responses=ADMIN_ERRORS, tags=["admin"])
def api_invite(request: Request, body: NewInvite):
    """A sign-up invite code for a role (admins); the code is shown only in this answer."""
    viewer = _admin(request)
    code = deps.state(request).accounts.create_invite(viewer.account, body.role, body.uses, body.days)
    return InviteOut(code=code, role=body.role, uses=body.uses, days=body.days, signup_path=f"/signup?invite={code}")
