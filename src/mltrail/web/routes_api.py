"""The JSON API under `/api`: what the pages use, and scripts too (schema at /api/openapi.json)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from mltrail.service.errors import Invalid
from mltrail.web import deps, security
from mltrail.web.pages import grade_for, verdict_view

router = APIRouter(prefix="/api", tags=["learner"])


class Problem(BaseModel):
    error: str
    detail: str


ERRORS = {401: {"model": Problem, "description": "Not signed in"},
          404: {"model": Problem, "description": "Unknown id"},
          422: {"model": Problem, "description": "Invalid input"}}


class SessionInfo(BaseModel):
    learner: str | None = Field(description="whose work this session reads and writes (null: not signed in)")
    display_name: str | None = None
    role: str | None = None
    multi_user: bool
    csrf_token: str = Field(description="send as X-CSRF-Token on every POST from a browser session")


@router.get("/session", response_model=SessionInfo)
def session(request: Request):
    """Who this session is, and the CSRF token its changes must carry."""
    viewer = deps.viewer(request)
    state = deps.state(request)
    return SessionInfo(learner=viewer.learner, display_name=viewer.name if viewer.learner else None,
                       role=viewer.role if viewer.learner else None, multi_user=state.multi_user, csrf_token=viewer.csrf)


class Login(BaseModel):
    username: str = Field(max_length=200)
    password: str = Field(max_length=1000)


class Token(BaseModel):
    token: str = Field(description="send as `Authorization: Bearer <token>`")
    expires_in_days: int


@router.post("/login", response_model=Token, responses={401: {"model": Problem}, 429: {"model": Problem}})
def login(request: Request, body: Login):
    """A bearer token for scripts (multi-user mode). Failed attempts are rate limited."""
    state = deps.state(request)
    if not state.multi_user:
        raise HTTPException(404, "this personal server has no accounts; call the API without signing in")
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise HTTPException(415, "send the credentials as application/json")
    address = request.client.host if request.client else "?"
    wait = state.limiter.retry_after(address, body.username)
    if wait:
        raise HTTPException(429, f"too many failed sign-ins; try again in {wait} seconds",
                            headers={"retry-after": str(wait)})
    try:
        account = state.accounts.authenticate(body.username, body.password)
    except Invalid:
        state.limiter.failed(address, body.username)
        raise HTTPException(401, "wrong username or password") from None
    state.limiter.succeeded(body.username)
    return Token(token=state.accounts.start_session(account, state.options.session_days),
                 expires_in_days=state.options.session_days)


@router.post("/logout", status_code=204)
def logout(request: Request):
    """End this session (the bearer token or the cookie's)."""
    state = deps.state(request)
    if state.multi_user:
        auth = request.headers.get("authorization", "")
        token = auth[7:].strip() if auth.lower().startswith("bearer ") else request.cookies.get(security.SESSION_COOKIE)
        state.accounts.end_session(token)
    return Response(status_code=204)  # no body at all: a 204 with one breaks HTTP clients


class ExerciseItem(BaseModel):
    id: str
    module: str
    title: str
    kind: str
    entry: str | None
    skills: list[str]
    difficulty: int
    minutes: int
    needs: str | None = None
    passed: bool = False


@router.get("/exercises", response_model=list[ExerciseItem], responses=ERRORS)
def exercises(request: Request):
    """Every exercise of the course, with whether you have passed it."""
    viewer = deps.learner(request)
    engine = deps.engine(request)
    passed = engine.passed_ids(viewer.learner)
    return [ExerciseItem(**summary.to_json(), passed=summary.id in passed) for summary in engine.exercises()]


class ExerciseDetail(BaseModel):
    id: str
    title: str
    kind: str
    entry: str | None
    prompt: str = Field(description="Markdown")
    starter: str
    skills: list[str]
    hints_total: int
    missing_first: list[str] = Field(description="unmastered skills it builds on, prerequisites first")


@router.get("/exercises/{module}/{name}", response_model=ExerciseDetail, responses=ERRORS)
def exercise(request: Request, module: str, name: str):
    """One exercise: its prompt, starter and what it builds on."""
    viewer = deps.learner(request)
    engine = deps.engine(request)
    found = engine.exercise(f"{module}/{name}")
    starter = found.file("starter.py")
    return ExerciseDetail(id=found.id, title=found.title, kind=found.kind, entry=found.entry, prompt=found.prompt,
                          starter=starter.read_text(encoding="utf-8") if starter.is_file() else "",
                          skills=found.skills, hints_total=len(found.manifest.hints),
                          missing_first=engine.missing_first(viewer.learner, found.id))


class Submission(BaseModel):
    exercise: str = Field(max_length=200, description="exercise id, e.g. python/clamp")
    code: str = Field(max_length=200_000, description="the Python source (at most 64 KiB of UTF-8)")


class VerdictOut(BaseModel):
    attempt: int | None = Field(description="the stored attempt's id (null when nothing was stored)")
    exercise: str
    status: str = Field(description="passed, failed, error, timeout, memory_limit, rejected, skipped")
    passed: bool
    message: str
    first_failure: dict | None = Field(description="the first failing case: input, expected, got, explanation")
    mistake: dict | None = None
    report: dict | None = Field(None, description="a dataset exercise's score card")
    hint: str | None = None
    elapsed_ms: float
    cases: int
    cases_passed: int
    output: str = ""


@router.post("/attempts", response_model=VerdictOut, status_code=201,
             responses={**ERRORS, 409: {"model": Problem, "description": "a submission of yours is being graded"}})
def submit(request: Request, body: Submission):
    """Submit code for an exercise; graded in the sandbox, the verdict comes back in the answer."""
    viewer = deps.learner(request)
    exercise_, attempt_id, verdict = grade_for(request, viewer, body.exercise, body.code)
    return verdict_view(deps.engine(request), exercise_, verdict, attempt_id)


class AttemptOut(BaseModel):
    id: int
    exercise: str
    status: str
    passed: bool
    message: str
    created_at: str
    verdict: dict | None
    code: str


def _attempt(record) -> AttemptOut:
    return AttemptOut(id=record.id, exercise=record.exercise_id, status=record.status, passed=record.passed,
                      message=record.message, created_at=record.created_at.isoformat(), verdict=record.verdict,
                      code=record.code)


@router.get("/attempts", response_model=list[AttemptOut], responses=ERRORS)
def attempts(request: Request, exercise: str | None = None, limit: int = 100):
    """Your attempts, newest first (of one exercise with `exercise`)."""
    viewer = deps.learner(request)
    if not 1 <= limit <= 1000:
        raise Invalid("limit", "between 1 and 1000")
    engine = deps.engine(request)
    if exercise is not None:
        engine.exercise(exercise)  # NotFound for an unknown id
    return [_attempt(a) for a in reversed(engine.attempts(viewer.learner, exercise))][:limit]


@router.get("/attempts/{attempt_id}", response_model=AttemptOut, responses=ERRORS)
def attempt(request: Request, attempt_id: deps.RecordId):
    """One of your attempts (poll it while its status is `pending`)."""
    viewer = deps.learner(request)
    return _attempt(deps.engine(request).attempt(viewer.learner, attempt_id))


class NextOut(BaseModel):
    exercise: str | None
    title: str | None
    skill: str | None
    reason: str
    fringe: list[str]
    reviews_due: int
    lesson: str | None = Field(description="a lesson to read first, if not read yet")


@router.get("/next", response_model=NextOut, responses=ERRORS)
def next_step(request: Request):
    """The coach's next step for you."""
    viewer = deps.learner(request)
    engine = deps.engine(request)
    step = engine.next_step(viewer.learner)
    lesson = engine.lesson_to_read(viewer.learner, step.exercise) if step.exercise is not None else None
    return NextOut(**step.to_json(), title=step.exercise.title if step.exercise else None,
                   lesson=lesson.id if lesson else None)


@router.get("/progress", responses=ERRORS)
def progress(request: Request) -> dict:
    """How far you are: exercises and lessons per module, skills, attempts, hints."""
    viewer = deps.learner(request)
    return deps.engine(request).progress(viewer.learner).to_json()


class SkillOut(BaseModel):
    skill: str
    title: str
    p_known: float
    mastered: bool


@router.get("/mastery", response_model=list[SkillOut], responses=ERRORS)
def mastery(request: Request):
    """Your mastery of every skill (Bayesian knowledge tracing), in the path's order."""
    viewer = deps.learner(request)
    engine = deps.engine(request)
    states = engine.mastery(viewer.learner)
    titles = engine.curriculum.skills()
    return [SkillOut(skill=skill, title=titles.get(skill, skill), p_known=round(states[skill].p_known, 4),
                     mastered=states[skill].mastered) for skill in engine.skill_graph.order if skill in states]


class HintOut(BaseModel):
    shown: list[str]
    total: int


@router.post("/exercises/{module}/{name}/hint", response_model=HintOut, responses=ERRORS)
def hint(request: Request, module: str, name: str):
    """The next hint of the exercise's ladder (hints count against mastery)."""
    viewer = deps.learner(request)
    step = deps.engine(request).hint(viewer.learner, f"{module}/{name}")
    return HintOut(shown=step.shown, total=step.total)


class SolutionOut(BaseModel):
    code: str


@router.post("/exercises/{module}/{name}/solution", response_model=SolutionOut,
             responses={**ERRORS, 403: {"model": Problem, "description": "not passed yet and reveal not asked"}})
def solution(request: Request, module: str, name: str, reveal: Literal["no", "yes"] = "no"):
    """The reference solution: once you passed, or with `reveal=yes` (recorded)."""
    viewer = deps.learner(request)
    return SolutionOut(code=deps.engine(request).solution(viewer.learner, f"{module}/{name}", reveal=reveal == "yes"))
