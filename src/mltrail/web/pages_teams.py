"""Teams and admin pages (multi-user mode); `router` also carries their JSON API (`api_teams`).

Thin: who may see a team and every number on its page come from `service.teams` and
`service.accounts`; this module words them as pages (forms that post normally, CSRF token in
a hidden field). A lead sees members' statuses, messages and verdicts,
never their code. In personal mode every route here answers 404 with the reason.
"""

from __future__ import annotations

import html
from datetime import datetime

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup

from mltrail.service import teams as team_rules
from mltrail.service.accounts import ROLES
from mltrail.service.errors import ServiceError
from mltrail.web import deps
from mltrail.web.api_teams import Id, accounts_of as _accounts, api as api_router, describe as _describe
from mltrail.web.api_teams import signed_in as _member
from mltrail.web.render import page

router = APIRouter()
pages = APIRouter(include_in_schema=False)


def _roles(engine) -> list:
    from mltrail.service.coach_profile import careers

    return careers(engine).roles


def _back(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# ---------------------------------------------------------------- drawing


def heat(p: float | None) -> str:
    """A cell colour for P(known): red (0) through yellow to green (1)."""
    value = min(max(float(p or 0.0), 0.0), 1.0)
    return f"hsl({round(120 * value)}, 65%, {round(82 - 10 * value)}%)"


PALETTE = ("#0969da", "#cf222e", "#1a7f37", "#8250df", "#bf8700", "#1b7c83", "#bc4c00", "#6e7781")


def progress_svg(progress: team_rules.WeeklyProgress, members: list) -> Markup:
    """Exercises passed so far per member, week by week: a line plot drawn on the server."""
    width, height, left, right, top, bottom = 640, 240, 44, 36, 14, 40
    weeks = progress.weeks
    series = [(m.username, progress.cumulative(m.username)) for m in members]
    highest = max([max(values, default=0) for _, values in series] + [1])
    span_x = max(len(weeks) - 1, 1)

    def x(i: int) -> float:
        return left + (width - left - right) * (i / span_x if len(weeks) > 1 else 0.5)

    def y(v: float) -> float:
        return top + (height - top - bottom) * (1 - v / highest)

    esc = html.escape
    parts = [f'<svg class="team-plot" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Exercises passed so far per member, by ISO week" xmlns="http://www.w3.org/2000/svg">']
    ticks = sorted({0, highest, round(highest / 2)})
    for tick in ticks:
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" class="grid"/>'
                     f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick}</text>')
    step = max(1, len(weeks) // 6)
    for i, week in enumerate(weeks):
        if i % step == 0 or i == len(weeks) - 1:
            parts.append(f'<text x="{x(i):.1f}" y="{height - bottom + 16}" text-anchor="middle">{esc(week)}</text>')
    parts.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{height - bottom}" class="axis"/>'
                 f'<line x1="{left}" x2="{width - right}" y1="{height - bottom}" y2="{height - bottom}" class="axis"/>')
    for n, (name, values) in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        label = esc(f"{name}: {values[-1] if values else 0} passed")
        parts.append(f'<g><title>{label}</title><polyline points="{points}" fill="none" stroke="{colour}" '
                     f'stroke-width="2"/>')
        for i, v in enumerate(values):
            parts.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="2.5" fill="{colour}"/>')
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


def _team_page(request: Request, team_id: Id, status: int = 200, **extra):
    viewer = _member(request)
    engine = deps.engine(request)
    report = team_rules.team_report(engine, deps.state(request).accounts, viewer.account, team_id)
    return page(request, "team.html", status=status, report=report, heat=heat, roles=_roles(engine),
                plot=progress_svg(report.progress, report.members), palette=PALETTE,
                join_url=str(request.base_url).rstrip("/") + f"/join/{report.team.invite_code}", **extra)


# ---------------------------------------------------------------- teams pages


def _teams_page(request: Request, status: int = 200, **extra):
    viewer = _member(request)
    accounts = deps.state(request).accounts
    return page(request, "teams.html", status=status, teams=team_rules.my_teams(accounts, viewer.account),
                roles=_roles(deps.engine(request)), may_create=viewer.role in ("lead", "admin"), **extra)


@pages.get("/teams")
def teams_page(request: Request):
    return _teams_page(request)


@pages.post("/teams")
def create_team(request: Request, name: str = Form("", max_length=500), target_role: str = Form("", max_length=200)):
    viewer = _member(request)
    accounts = deps.state(request).accounts
    try:
        team = accounts.create_team(viewer.account, name, target_role or None)
    except ServiceError as exc:
        status, text = _describe(exc)
        return _teams_page(request, status=status, error=text, name=name, target_role=target_role)
    return _back(f"/teams/{team.id}")


@pages.get("/teams/{team_id}")
def team_page(request: Request, team_id: Id):
    return _team_page(request, team_id)


@pages.post("/teams/{team_id}/invite")
def new_invite(request: Request, team_id: Id):
    viewer = _member(request)
    deps.state(request).accounts.update_team(viewer.account, team_id, new_invite=True)
    return _back(f"/teams/{team_id}")


@pages.post("/teams/{team_id}/settings")
def team_settings(request: Request, team_id: Id, name: str = Form("", max_length=500),
                  target_role: str = Form("", max_length=200)):
    viewer = _member(request)
    try:
        deps.state(request).accounts.update_team(viewer.account, team_id, name=name, target_role=target_role)
    except ServiceError as exc:
        status, text = _describe(exc)
        if status == 404:
            raise
        return _team_page(request, team_id, status=status, error=text)
    return _back(f"/teams/{team_id}")


@pages.post("/teams/{team_id}/members/{account_id}/remove")
def remove_member(request: Request, team_id: Id, account_id: Id):
    viewer = _member(request)
    deps.state(request).accounts.remove_member(viewer.account, team_id, account_id)
    return _back(f"/teams/{team_id}")


@pages.post("/teams/{team_id}/leave")
def leave_team(request: Request, team_id: Id):
    viewer = _member(request)
    accounts = deps.state(request).accounts
    if not team_rules.is_member(accounts, viewer.account, team_id):
        raise HTTPException(404, f"you are not in team {team_id}")
    accounts.leave_team(viewer.account, team_id)
    return _back("/teams")


@pages.get("/teams/{team_id}/export.csv")
def export_csv(request: Request, team_id: Id):
    viewer = _member(request)
    report = team_rules.team_report(deps.engine(request), deps.state(request).accounts, viewer.account, team_id)
    day = datetime.now().strftime("%Y-%m-%d")
    return Response(team_rules.team_csv(report), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="team-{report.team.id}-{day}.csv"'})


# ---------------------------------------------------------------- joining


@pages.get("/join/{code}")
def join_page(request: Request, code: str):
    accounts = _accounts(request)
    team = team_rules.team_by_code(accounts, code)
    if team is None:
        raise HTTPException(404, "This invite link is unknown or was replaced: ask your team lead for the current one.")
    viewer = deps.viewer(request)
    member = viewer.account is not None and team_rules.is_member(accounts, viewer.account, team.id)
    return page(request, "join.html", team=team, code=code, member=member, next=f"/join/{code}")


@pages.post("/join/{code}")
def join(request: Request, code: str):
    accounts = _accounts(request)
    viewer = deps.account(request)
    try:
        team = accounts.join_team(viewer.account, code)
    except ServiceError as exc:
        status, text = _describe(exc)
        raise HTTPException(404 if status == 422 else status, text) from None
    return _back("/teams?joined=" + str(team.id))


# ---------------------------------------------------------------- admin


def _admin_page(request: Request, status: int = 200, **extra):
    _accounts(request)
    viewer = deps.admin(request)
    accounts = deps.state(request).accounts
    listing = team_rules.my_teams(accounts, viewer.account)["led"]
    return page(request, "admin.html", status=status, accounts=accounts.rows.accounts(), teams=listing,
                roles=ROLES, me=viewer.account, **extra)


@pages.get("/admin")
def admin_page(request: Request):
    return _admin_page(request)


def _admin_action(request: Request, action):
    _accounts(request)
    viewer = deps.admin(request)
    try:
        action(deps.state(request).accounts, viewer.account)
    except ServiceError as exc:
        status, text = _describe(exc)
        return _admin_page(request, status=status, error=text)
    return _back("/admin")


@pages.post("/admin/users/{account_id}/role")
def admin_role(request: Request, account_id: Id, role: str = Form("", max_length=50)):
    return _admin_action(request, lambda accounts, me: accounts.set_role(me, account_id, role))


@pages.post("/admin/users/{account_id}/active")
def admin_active(request: Request, account_id: Id, active: str = Form("", max_length=10)):
    if active not in ("yes", "no"):
        raise HTTPException(422, "active: send yes or no")
    return _admin_action(request, lambda accounts, me: accounts.set_active(me, account_id, active == "yes"))


@pages.post("/admin/invites")
def admin_invite(request: Request, role: str = Form("learner", max_length=50), uses: int = Form(1),
                 days: int = Form(14)):
    _accounts(request)
    viewer = deps.admin(request)
    try:
        code = deps.state(request).accounts.create_invite(viewer.account, role, uses, days)
    except ServiceError as exc:
        status, text = _describe(exc)
        return _admin_page(request, status=status, error=text)
    return _admin_page(request, status=201, invite={"code": code, "role": role, "uses": uses, "days": days})


router.include_router(pages)
router.include_router(api_router)
