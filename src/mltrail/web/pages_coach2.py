"""Careers, the study plan, settings (progress export and import), and their API routes.

Thin, like the other route modules: readiness, plans and profiles come from
`service.coach_profile`, the dashboard panel from `service.web_panels`, export and import
from `service.portability`. The mastery chart is drawn here as SVG (presentation only).
"""

from __future__ import annotations

import html
import json
from datetime import date, datetime, timezone

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from markupsafe import Markup
from pydantic import BaseModel, Field

from mltrail.service import coach_profile, portability
from mltrail.service.errors import Invalid, ServiceError
from mltrail.web import deps
from mltrail.web.render import environment, page

router = APIRouter()
pages_router = APIRouter(include_in_schema=False)


# ---------------------------------------------------------------- the mastery chart (a Jinja global)


def line_chart(points, width: int = 560, height: int = 180, label: str = "skills mastered") -> Markup:
    """An SVG line chart of `points` (objects with .day and .mastered), drawn on the server."""
    left, right, top, bottom = 36, 12, 10, 28
    inner_w, inner_h = width - left - right, height - top - bottom
    count = len(points)
    highest = max([p.mastered for p in points] + [1])
    step = max(1, -(-highest // 4))  # four gridlines or fewer
    ceiling = step * -(-highest // step)

    def x(i: int) -> float:
        return left + (inner_w * i / (count - 1) if count > 1 else inner_w / 2)

    def y(value: int) -> float:
        return top + inner_h * (1 - value / ceiling)

    parts = [f'<svg class="chart" data-points="{count}" role="img" viewBox="0 0 {width} {height}" '
             f'width="100%" style="max-width: {width}px" xmlns="http://www.w3.org/2000/svg">',
             f"<title>{html.escape(label)} over time</title>"]
    for value in range(0, ceiling + 1, step):
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
                     'stroke="#ddd" stroke-width="1"/>')
        parts.append(f'<text x="{left - 6}" y="{y(value) + 4:.1f}" font-size="11" text-anchor="end" fill="#666">{value}</text>')
    if count:
        labels = {0, count - 1} | ({count // 2} if count > 4 else set())
        for i in sorted(labels):
            anchor = "start" if i == 0 and count > 1 else "end" if i == count - 1 and count > 1 else "middle"
            parts.append(f'<text x="{x(i):.1f}" y="{height - 8}" font-size="11" text-anchor="{anchor}" fill="#666">'
                         f"{points[i].day:%d %b}</text>")
        line = " ".join(f"{x(i):.1f},{y(p.mastered):.1f}" for i, p in enumerate(points))
        parts.append(f'<polyline fill="none" stroke="#2f6fb2" stroke-width="2" points="{line}"/>')
        for i, p in enumerate(points):
            parts.append(f'<circle class="point" cx="{x(i):.1f}" cy="{y(p.mastered):.1f}" r="3" fill="#2f6fb2">'
                         f"<title>{p.day.isoformat()}: {p.mastered} {html.escape(label)}</title></circle>")
    parts.append("</svg>")
    return Markup("".join(parts))


environment().globals["mastery_chart"] = line_chart


# ---------------------------------------------------------------- models of the API


class Problem(BaseModel):
    error: str
    detail: str


ERRORS = {400: {"model": Problem, "description": "Not possible (no goal yet, unknown role or persona)"},
          401: {"model": Problem, "description": "Not signed in"},
          422: {"model": Problem, "description": "Invalid input"}}


class GapStepOut(BaseModel):
    skill: str
    title: str
    module: str
    p_known: float
    weight: int | None = Field(description="the role's weight (1-5); null for a prerequisite the role does not list")
    exercise: str | None = Field(description="the exercise to do first for this skill")


class RoleOut(BaseModel):
    role: str
    title: str
    description: str
    readiness: float = Field(description="sum(weight x P(known)) / sum(weight) over the role's skills")
    mastered_share: float = Field(description="share of the role's weight on skills mastered outright")
    skills: int
    gap_size: int
    goal: bool
    gap: list[GapStepOut] | None = Field(None, description="the shortest path of skills to the role (with ?role=)")


class CareersOut(BaseModel):
    goal: str | None
    hours_per_week: float | None
    persona: str | None
    roles: list[RoleOut] = Field(description="the goal first, then by readiness")


class ProfileIn(BaseModel):
    goal: str | None = Field(None, max_length=100)
    hours_per_week: float | None = Field(None, gt=0, le=80)
    persona: str | None = Field(None, max_length=100)


class ProfileOut(BaseModel):
    persona: str | None
    goal: str | None
    hours_per_week: float
    started: str


class MilestoneOut(BaseModel):
    module: str
    title: str
    skills: list[str]
    exercises: list[str]
    lessons: list[str]
    hours: float
    target: str
    likely_known: bool


class StreakOut(BaseModel):
    current: int
    longest: int
    last_day: str | None


class PlanOut(BaseModel):
    goal: str
    hours_per_week: float
    today: str
    hours_left: float
    weeks_left: float
    finish: str
    hours_done: float
    streak: StreakOut
    milestones: list[MilestoneOut]
    placement_modules: list[str]
    hours_from: str


class PointOut(BaseModel):
    day: str
    mastered: int


class PanelOut(BaseModel):
    streak: StreakOut
    goal: str | None
    goal_title: str | None
    finish: str | None
    next_milestone: MilestoneOut | None
    problem: str | None
    skills: int
    timeline: list[PointOut] = Field(description="skills mastered at the end of each day (or week)")


class ImportOut(BaseModel):
    attempts_added: int
    passed: int = Field(description="of the attempts added, how many pass when graded here")
    changed: int = Field(description="attempts whose status graded here differs from the file's")
    attempts_known: int
    events_added: int
    events_known: int
    events_not_imported: int = 0
    not_in_course: list[str]
    not_graded: list[str]


# ---------------------------------------------------------------- careers


def _ordered(results, goal: str | None) -> list:
    """The goal role first, then by readiness (highest first), then as careers.toml lists them."""
    order = {r.role.id: i for i, r in enumerate(results)}
    return sorted(results, key=lambda r: (r.role.id != goal, -round(r.score, 6), order[r.role.id]))


def _careers_context(engine, learner: str, role_id: str | None) -> dict:
    current = coach_profile.profile(engine, learner)
    goal = current.goal if current else None
    results = _ordered(coach_profile.readiness(engine, learner), goal)
    valid = {r.role.id for r in results}
    chosen_id = role_id if role_id in valid else (goal if goal in valid else None)
    chosen = next((r for r in results if r.role.id == chosen_id), None)
    wanted = {step.exercise for step in chosen.gap} if chosen else set()
    titles = {ex.id: ex.title for ex in engine.curriculum.exercises() if ex.id in wanted}
    return {"results": results, "goal": goal, "profile": current, "chosen": chosen, "exercise_titles": titles,
            "personas": coach_profile.personas(engine).personas, "unknown_role": role_id if role_id and role_id not in valid else None}


@pages_router.get("/careers")
def careers_page(request: Request, role: str | None = None):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    return page(request, "careers.html", **_careers_context(engine, viewer.learner, (role or "")[:100] or None))


def _hours(text: str) -> float | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise Invalid("hours", f"'{text[:20]}' is not a number of hours") from None
    if not 0 < value <= 80:
        raise Invalid("hours", f"hours per week must be between 0 and 80, not {value:g}")
    return value


def _back(target: str) -> str:
    return target if target in ("/careers", "/plan", "/") else "/careers"


@pages_router.post("/careers/goal")
def set_goal(request: Request, goal: str = Form("", max_length=100), hours: str = Form("", max_length=20),
             back: str = Form("/careers", max_length=20)):
    """Set the goal role and/or hours a week (as `mltrail goal ROLE --hours N`)."""
    viewer = deps.learner(request)
    engine = deps.engine(request)
    try:
        coach_profile.set_profile(engine, viewer.learner, goal=goal.strip() or None, hours_per_week=_hours(hours))
    except ServiceError as exc:
        return _form_error(request, engine, viewer, back, exc)
    return RedirectResponse(_back(back), status_code=303)


@pages_router.post("/careers/persona")
def set_persona(request: Request, persona: str = Form("", max_length=100)):
    """Record who the learner is (as `mltrail init --persona ID`): it brings a goal and a pace."""
    viewer = deps.learner(request)
    engine = deps.engine(request)
    try:
        coach_profile.set_profile(engine, viewer.learner, persona_id=persona.strip())
    except ServiceError as exc:
        return _form_error(request, engine, viewer, "/careers", exc)
    return RedirectResponse("/careers", status_code=303)


def _form_error(request: Request, engine, viewer, back: str, exc: ServiceError):
    from mltrail.web.server import _describe

    if _back(back) == "/plan":
        return page(request, "plan.html", status=422, error=_describe(exc), **_plan_context(engine, viewer.learner))
    return page(request, "careers.html", status=422, error=_describe(exc), **_careers_context(engine, viewer.learner, None))


@router.get("/api/careers", response_model=CareersOut, responses=ERRORS, tags=["coach"])
def careers_api(request: Request, role: str | None = None):
    """Readiness for every career role (or one, with its gap path), the goal first."""
    viewer = deps.learner(request)
    engine = deps.engine(request)
    current = coach_profile.profile(engine, viewer.learner)
    goal = current.goal if current else None
    results = _ordered(coach_profile.readiness(engine, viewer.learner, role), goal)
    rows = [RoleOut(**{k: v for k, v in r.to_json(with_gap=role is not None).items() if k not in ("mastered",)},
                    description=r.role.description, goal=r.role.id == goal) for r in results]
    return CareersOut(goal=goal, hours_per_week=current.hours_per_week if current else None,
                      persona=current.persona if current else None, roles=rows)


@router.post("/api/profile", response_model=ProfileOut, responses=ERRORS, tags=["coach"])
def profile_api(request: Request, body: ProfileIn):
    """Set the persona, goal role and/or hours a week; what is not given is kept."""
    viewer = deps.learner(request)
    engine = deps.engine(request)
    updated = coach_profile.set_profile(engine, viewer.learner, persona_id=body.persona, goal=body.goal,
                                        hours_per_week=body.hours_per_week)
    return ProfileOut(**updated.to_json())


# ---------------------------------------------------------------- the study plan


def _plan_context(engine, learner: str) -> dict:
    current = coach_profile.profile(engine, learner)
    try:
        plan = coach_profile.plan(engine, learner)
    except ServiceError as exc:
        return {"plan": None, "problem": str(exc), "profile": current, "roles": coach_profile.careers(engine).roles}
    return {"plan": plan, "problem": None, "profile": current, "goal_title": coach_profile.role(engine, plan.goal).title,
            "roles": coach_profile.careers(engine).roles}


@pages_router.get("/plan")
def plan_page(request: Request):
    viewer = deps.learner(request)
    return page(request, "plan.html", **_plan_context(deps.engine(request), viewer.learner))


@pages_router.post("/plan/hours")
def plan_hours(request: Request, hours: str = Form("", max_length=20)):
    """Change the hours a week the plan is dated at (kept in the profile)."""
    viewer = deps.learner(request)
    engine = deps.engine(request)
    try:
        value = _hours(hours)
        if value is None:
            raise Invalid("hours", "give the hours a week you mean to study (more than 0, at most 80)")
        coach_profile.set_profile(engine, viewer.learner, hours_per_week=value)
    except ServiceError as exc:
        return _form_error(request, engine, viewer, "/plan", exc)
    return RedirectResponse("/plan", status_code=303)


@router.get("/api/plan", response_model=PlanOut, responses=ERRORS, tags=["coach"])
def plan_api(request: Request, hours: float | None = None, role: str | None = None):
    """The study plan toward the goal (or `role`), at the learner's pace (or `hours` a week)."""
    viewer = deps.learner(request)
    found = coach_profile.plan(deps.engine(request), viewer.learner, hours_per_week=hours, role_id=role)
    return PlanOut(**found.to_json())


@router.get("/api/dashboard/coach", response_model=PanelOut, responses=ERRORS, tags=["coach"])
def panel_api(request: Request):
    """The dashboard's coach panel: streak, next milestone, expected finish, mastery over time."""
    from mltrail.service.web_panels import dashboard_panel

    viewer = deps.learner(request)
    return PanelOut(**dashboard_panel(deps.engine(request), viewer.learner).to_json())


# ---------------------------------------------------------------- export and import


def _filename(learner: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in learner)[:40] or "learner"
    return f"mltrail-progress-{safe}-{date.today().isoformat()}.json"


@router.get("/api/export", tags=["progress"], responses={200: {"description": "the progress file (JSON attachment)"},
                                                          401: {"model": Problem, "description": "Not signed in"}})
def export_api(request: Request):
    """The learner's progress as a JSON file: attempts (code, seed, status, times), events, profile."""
    viewer = deps.learner(request)
    data = portability.export_learner(deps.engine(request), viewer.learner)
    return Response(json.dumps(data, ensure_ascii=False), media_type="application/json",
                    headers={"content-disposition": f'attachment; filename="{_filename(viewer.learner)}"'})


IMPORT_BODY = {"required": True, "content": {
    "application/json": {"schema": {"type": "object", "description": "a file from GET /api/export (format "
                                    "'mltrail-progress', version 1); at most 8 MiB"}},
    "multipart/form-data": {"schema": {"type": "object", "properties": {
        "file": {"type": "string", "format": "binary"}, "csrf_token": {"type": "string"}}}}}}


@router.post("/api/import", response_model=ImportOut, tags=["progress"], openapi_extra={"requestBody": IMPORT_BODY},
             responses={**ERRORS, 409: {"model": Problem, "description": "A grading of this learner is running"},
                        413: {"model": Problem, "description": "Over 8 MiB"}})
async def import_api(request: Request):
    """Add a progress file to the learner's records. Every imported attempt is graded again here
    with its seed (the file's verdicts are not trusted); all or nothing; importing twice adds nothing.
    A browser form may send the file as multipart (field `file`): the answer is then the settings page."""
    viewer = deps.learner(request)
    engine = deps.engine(request)
    content_type = request.headers.get("content-type", "")
    form_upload = content_type.startswith("multipart/form-data")
    try:
        if form_upload:
            raw = await _uploaded(request)
        elif content_type.split(";")[0].strip() in ("application/json", ""):
            raw = await request.body()
        else:
            raise Invalid("file", "send the progress file as application/json (or a multipart form with a `file`)")
        if len(raw) > portability.MAX_FILE_BYTES:
            raise TooLarge("file", f"over the {portability.MAX_FILE_BYTES // (1024 * 1024)} MiB limit of a progress file")
        parsed = portability.loads(raw)
        result = await _run_import(request, viewer, engine, parsed)
    except TooLarge as exc:
        if not form_upload:
            return JSONResponse({"error": "too_large", "detail": str(exc)}, status_code=413)
        return page(request, "settings.html", status=413, error=str(exc))
    except ServiceError as exc:
        if not form_upload:
            raise
        from mltrail.web.server import _describe, _status

        return page(request, "settings.html", status=_status(exc)[0], error=_describe(exc))
    if form_upload:
        return page(request, "settings.html", result=result)
    return ImportOut(**result.to_json())


class TooLarge(Invalid):
    pass


async def _uploaded(request: Request) -> bytes:
    try:
        form = await request.form(max_files=2, max_fields=20)
    except Exception as exc:
        raise Invalid("file", f"the upload could not be read: {exc}") from None
    try:
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise Invalid("file", "choose a progress file to upload")
        return await upload.read(portability.MAX_FILE_BYTES + 1)
    finally:
        await form.close()


async def _run_import(request: Request, viewer, engine, parsed):
    from fastapi import HTTPException
    from starlette.concurrency import run_in_threadpool

    state = deps.state(request)
    if not state.begin_grading(viewer.learner):
        raise HTTPException(409, "one of your submissions is being graded; wait for it and import again")
    try:
        return await run_in_threadpool(portability.import_learner, engine, viewer.learner, parsed)
    finally:
        state.end_grading(viewer.learner)


@pages_router.get("/settings")
def settings_page(request: Request):
    deps.learner(request)
    return page(request, "settings.html")


router.include_router(pages_router)
