"""The learner's pages: dashboard, skill map, modules, lessons, exercises; sign-in and sign-up."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response

from mltrail.service.errors import Invalid, NotFound, ServiceError
from mltrail.service.web_panels import dashboard_panel
from mltrail.web import deps, security
from mltrail.web.render import fragment, lesson_html, page

router = APIRouter(include_in_schema=False)


@router.get("/healthz")
def healthz(request: Request):
    """200 when the store answers and the grader is ready (503 with the reasons otherwise).

    The grader is proven once by grading a reference solution end to end; after that, a warm
    pool's interpreters must be alive (a dead one is replaced on the next job, so this is
    only reported while none of a slot's is).
    """
    state = deps.state(request)
    engine = state.engine
    problems = []
    store = engine.store_check()
    if store.status != "ok":
        problems.append(f"store: {store.detail}")
    problems += state.grader_problems()
    if problems:
        return JSONResponse({"status": "unavailable", "problems": problems}, status_code=503)
    return {"status": "ok", "exercises": len(engine.curriculum.exercises()), "multi_user": state.multi_user}


@router.get("/api/docs")
def api_docs(request: Request):
    """The API's reference, drawn from its OpenAPI schema on the server (no CDN-hosted viewer)."""
    schema = request.app.openapi()
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            body = (operation.get("requestBody") or {}).get("content", {}).get("application/json", {}).get("schema")
            operations.append({"method": method.upper(), "path": path, "summary": operation.get("summary", ""),
                               "description": operation.get("description", ""),
                               "parameters": [p.get("name") for p in operation.get("parameters", [])],
                               "body": (body or {}).get("$ref", "").rsplit("/", 1)[-1],
                               "responses": sorted(operation.get("responses", {}))})
    return page(request, "api_docs.html", operations=operations, info=schema.get("info", {}))


# ---------------------------------------------------------------- sign-in


@router.get("/login")
def login_page(request: Request, next: str = "/"):
    state = deps.state(request)
    if not state.multi_user:
        return RedirectResponse("/", status_code=303)
    return page(request, "login.html", next=security.safe_next(next), registration=state.options.registration)


@router.post("/login")
def login(request: Request, username: str = Form("", max_length=200), password: str = Form("", max_length=1000),
          next: str = Form("/", max_length=2000)):
    state = deps.state(request)
    if not state.multi_user:
        return RedirectResponse("/", status_code=303)
    address = request.client.host if request.client else "?"
    wait = state.limiter.retry_after(address, username)
    if wait:
        return page(request, "login.html", status=429, next=security.safe_next(next), username=username,
                    registration=state.options.registration,
                    error=f"Too many failed sign-ins. Try again in {wait} seconds.")
    try:
        account = state.accounts.authenticate(username, password)
    except Invalid:
        state.limiter.failed(address, username)
        return page(request, "login.html", status=401, next=security.safe_next(next), username=username,
                    registration=state.options.registration, error="Wrong username or password.")
    state.limiter.succeeded(username)
    return signed_in(request, account, security.safe_next(next))


def signed_in(request: Request, account, target: str) -> Response:
    """Start a NEW session (never the one the browser came with: no fixation) and go on."""
    state = deps.state(request)
    state.accounts.end_session(request.cookies.get(security.SESSION_COOKIE))
    token = state.accounts.start_session(account, state.options.session_days)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(security.SESSION_COOKIE, token, max_age=state.options.session_days * 86400, httponly=True,
                        samesite="lax", secure=state.options.secure_cookies, path="/")
    return response


@router.post("/logout")
def logout(request: Request):
    state = deps.state(request)
    if state.multi_user:
        state.accounts.end_session(request.cookies.get(security.SESSION_COOKIE))
    response = RedirectResponse("/login" if state.multi_user else "/", status_code=303)
    response.delete_cookie(security.SESSION_COOKIE, path="/")
    return response


@router.get("/signup")
def signup_page(request: Request, invite: str = "", next: str = ""):
    state = deps.state(request)
    if not state.multi_user:
        return RedirectResponse("/", status_code=303)
    return page(request, "signup.html", registration=state.options.registration, invite=invite[:100],
                next=security.safe_next(next, ""))


@router.post("/signup")
def signup(request: Request, username: str = Form("", max_length=200), password: str = Form("", max_length=1000),
           display_name: str = Form("", max_length=500), invite: str = Form("", max_length=200),
           next: str = Form("", max_length=2000)):
    state = deps.state(request)
    if not state.multi_user:
        return RedirectResponse("/", status_code=303)
    try:
        account = state.accounts.sign_up(username, password, display_name, invite, state.options.registration)
    except ServiceError as exc:
        from mltrail.web.server import _describe, _status

        return page(request, "signup.html", status=_status(exc)[0], registration=state.options.registration,
                    invite=invite, username=username, display_name=display_name, error=_describe(exc),
                    next=security.safe_next(next, ""))
    return signed_in(request, account, security.safe_next(next, "/placement"))


# ---------------------------------------------------------------- dashboard and map


@router.get("/")
def dashboard(request: Request):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    step = engine.next_step(viewer.learner)
    progress = engine.progress(viewer.learner)
    states = engine.mastery(viewer.learner)
    mastered = sum(1 for s in states.values() if s.mastered)
    lesson = engine.lesson_to_read(viewer.learner, step.exercise) if step.exercise is not None else None
    return page(request, "dashboard.html", step=step, progress=progress, lesson=lesson, mastered=mastered,
                skills=len(states), skill_titles=engine.curriculum.skills(), coach=dashboard_panel(engine, viewer.learner))


@router.get("/map")
def skill_map(request: Request):
    viewer = deps.learner(request)
    from mltrail.web.skillmap import draw

    engine = deps.engine(request)
    states = engine.mastery(viewer.learner)
    svg, legend = draw(engine.curriculum, engine.skill_graph, {s: st.p_known for s, st in states.items()},
                       {s for s, st in states.items() if st.mastered})
    return page(request, "map.html", svg=svg, legend=legend)


@router.get("/skills/{module}/{skill}")
def skill_page(request: Request, module: str, skill: str):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    skill_id = f"{module}/{skill}"
    graph = engine.skill_graph
    if skill_id not in graph:
        raise NotFound("skill", skill_id)
    states = engine.mastery(viewer.learner)
    titles = engine.curriculum.skills()
    curriculum = engine.curriculum
    lessons = [lesson for lesson in curriculum.lessons() if skill_id in lesson.skills]
    exercises = [exercise for exercise in curriculum.exercises() if skill_id in exercise.skills]
    return page(request, "skill.html", skill=skill_id, title=titles.get(skill_id, skill_id), state=states.get(skill_id),
                prerequisites=sorted(graph.prerequisites(skill_id)), titles=titles, lessons=lessons,
                exercises=exercises, passed=engine.passed_ids(viewer.learner), states=states)


# ---------------------------------------------------------------- modules and lessons


@router.get("/modules")
def modules(request: Request):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    progress = engine.progress(viewer.learner)
    return page(request, "modules.html", modules=engine.curriculum.modules, progress={m["id"]: m for m in progress.modules})


@router.get("/modules/{module_id}")
def module_page(request: Request, module_id: str):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    module = engine.curriculum.module(module_id)
    if module is None:
        raise NotFound("module", module_id, [m.id for m in engine.curriculum.modules][:5])
    return page(request, "module.html", module=module, passed=engine.passed_ids(viewer.learner),
                read=engine.lessons_read(viewer.learner))


@router.get("/lessons/{module}/{name}")
def lesson_page(request: Request, module: str, name: str):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    lesson = engine.lesson(viewer.learner, f"{module}/{name}", record=False)  # read: when its end is reached
    found = engine.curriculum.module(module)
    lessons = found.lessons if found else []
    index = next((i for i, other in enumerate(lessons) if other.id == lesson.id), 0)
    exercises = [e for e in (found.exercises if found else []) if set(e.skills) & set(lesson.skills)]
    return page(request, "lesson.html", lesson=lesson, body=lesson_html(lesson), module=found,
                previous=lessons[index - 1] if index > 0 else None,
                following=lessons[index + 1] if index + 1 < len(lessons) else None, exercises=exercises,
                read=lesson.id in engine.lessons_read(viewer.learner))


@router.post("/lessons/{module}/{name}/read")
def lesson_read(request: Request, module: str, name: str):
    """Record the lesson as read: the page posts it when its end scrolls into view (or its button)."""
    viewer = deps.learner(request)
    lesson = deps.engine(request).lesson(viewer.learner, f"{module}/{name}")
    if request.headers.get("hx-request") == "true":
        return HTMLResponse('<p id="lesson-read" class="read-mark">✓ Read. The exercises below practise it.</p>')
    return RedirectResponse(f"/lessons/{lesson.id}", status_code=303)


@router.get("/lessons/{module}/{name}/figures/{figure}")
def lesson_figure(request: Request, module: str, name: str, figure: str):
    deps.learner(request)
    from mltrail.web.render import FIGURE_TYPES, figure_file

    engine = deps.engine(request)
    lesson = engine.lesson(request.state.viewer.learner, f"{module}/{name}", record=False)
    path = figure_file(lesson, figure)
    if path is None:
        raise NotFound("figure", figure)
    return FileResponse(path, media_type=FIGURE_TYPES[path.suffix.lower()],
                        headers={"cache-control": "public, max-age=3600",
                                 "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'"})


# ---------------------------------------------------------------- exercises


def _starter(exercise) -> str:
    path = exercise.file("starter.py")
    return path.read_text(encoding="utf-8") if path.is_file() else ""


@router.get("/exercises/{module}/{name}")
def exercise_page(request: Request, module: str, name: str):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    exercise = engine.exercise(f"{module}/{name}")
    attempts = engine.attempts(viewer.learner, exercise.id)
    code = attempts[-1].code if attempts else _starter(exercise)
    passed = any(a.passed for a in attempts)
    hints = engine.store.events(engine.learner_id(viewer.learner), kind="hint", subject=exercise.id)
    shown = exercise.manifest.hints[:len(hints)]
    if exercise.kind == "quiz":
        return RedirectResponse(f"/quiz/{exercise.id}", status_code=303)
    return page(request, "exercise.html", exercise=exercise, code=code, attempts=list(reversed(attempts))[:20],
                passed=passed, hints=shown, hints_total=len(exercise.manifest.hints),
                missing=engine.missing_first(viewer.learner, exercise.id), titles=engine.curriculum.skills(),
                lesson=engine.lesson_to_read(viewer.learner, exercise), starter=_starter(exercise))


def verdict_view(engine, exercise, verdict, attempt_id) -> dict:
    """What the verdict fragment and the API show of a verdict."""
    first = verdict.first_failure
    return {"attempt": attempt_id, "exercise": exercise.id, "status": verdict.status, "passed": verdict.passed,
            "message": verdict.message, "first_failure": first.to_json() if first is not None else None,
            "mistake": verdict.mistake.to_json() if verdict.mistake else None, "report": verdict.report, "hint": verdict.hint,
            "elapsed_ms": round(verdict.elapsed_ms, 1), "cases": len(verdict.cases),
            "cases_passed": sum(1 for c in verdict.cases if c.passed), "output": verdict.output[-4000:]}


def grade_for(request: Request, viewer, exercise_id: str, code: str):
    """Grade a submission for the viewer: one at a time per learner (409 while one runs)."""
    state = deps.state(request)
    engine = state.engine
    exercise = engine.exercise(exercise_id)
    if exercise.kind == "quiz":
        raise Invalid(exercise.id, "a quiz is answered on its quiz page (or POST /api/quiz/...), not as code")
    source = code.encode("utf-8")
    if b"\0" in source:
        raise Invalid("code", "the code contains a NUL byte; send Python source text")
    if len(source) > state.options.max_code_bytes:
        raise Invalid("code", f"{len(source):,} bytes is over the {state.options.max_code_bytes // 1024} KiB limit")
    if not state.begin_grading(viewer.learner):
        raise HTTPException(409, "one of your submissions is being graded; wait for its verdict and submit again")
    try:
        attempt_id, verdict = engine.submit(viewer.learner, exercise.id, source)
    finally:
        state.end_grading(viewer.learner)
    return exercise, attempt_id, verdict


@router.post("/exercises/{module}/{name}/check")
def check(request: Request, module: str, name: str, code: str = Form("", max_length=200_000)):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    exercise, attempt_id, verdict = grade_for(request, viewer, f"{module}/{name}", code)
    view = verdict_view(engine, exercise, verdict, attempt_id)
    following = None
    if verdict.passed:
        step = engine.next_step(viewer.learner)
        following = step.exercise
    return fragment(request, "verdict.html", exercise=exercise, verdict=view, following=following)


@router.post("/exercises/{module}/{name}/hint")
def hint(request: Request, module: str, name: str):
    viewer = deps.learner(request)
    step = deps.engine(request).hint(viewer.learner, f"{module}/{name}")
    return fragment(request, "hints.html", hints=step.shown, total=step.total, exercise=step.exercise)


@router.post("/exercises/{module}/{name}/solution")
def solution(request: Request, module: str, name: str, reveal: str = Form("")):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    text = engine.solution(viewer.learner, f"{module}/{name}", reveal=reveal == "yes")
    return fragment(request, "solution.html", code=text)


@router.get("/attempts/{attempt_id}")
def attempt_page(request: Request, attempt_id: deps.RecordId):
    viewer = deps.learner(request)
    engine = deps.engine(request)
    attempt = engine.attempt(viewer.learner, attempt_id)
    exercise = engine.curriculum.exercise(attempt.exercise_id)
    return page(request, "attempt.html", attempt=attempt, exercise=exercise)
