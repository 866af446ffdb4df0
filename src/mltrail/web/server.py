"""The web app: `create_app(engine, ...)` -> a FastAPI application over one engine `App`.

Thin by design (DESIGN.md §7): every page and every `/api` route asks the engine
(`mltrail.service`) for what it shows and words the engine's typed errors. Pages are Jinja
templates (autoescaped) with htmx for in-place updates; every asset is served from the
package (`web/static`), nothing from another host.
"""

from __future__ import annotations

import hmac
import threading
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from mltrail.service.accounts import NOT_CACHED, Accounts, WebOptions
from mltrail.service.errors import Conflict, Forbidden, Invalid, NotFound, ServiceError
from mltrail.web import security

HERE = Path(__file__).resolve().parent
MAX_BODY = 1024 * 1024  # bytes of a request body; /api/import allows more (see IMPORT_MAX_BODY)
IMPORT_MAX_BODY = 8 * 1024 * 1024


@dataclass
class Viewer:
    """Who is asking: the learner whose work a request reads and writes (None: not signed in)."""

    learner: str | None
    account: object | None = None  # store.accounts.AccountRecord in multi-user mode
    csrf: str = ""
    bearer: bool = False

    @property
    def role(self) -> str:
        return getattr(self.account, "role", "learner") if self.account is not None else "learner"

    @property
    def name(self) -> str:
        if self.account is not None:
            return self.account.display_name
        return self.learner or ""


@dataclass
class WebState:
    """What every request of one server shares."""

    engine: object  # service.app.App
    options: WebOptions
    multi_user: bool
    secret: bytes
    accounts: Accounts | None
    limiter: security.SignInLimiter = field(default_factory=security.SignInLimiter)
    grading: set = field(default_factory=set)  # learners with a grading in flight
    grading_lock: threading.Lock = field(default_factory=threading.Lock)

    grader_proven: bool = False
    grader_lock: threading.Lock = field(default_factory=threading.Lock)

    def grader_problems(self) -> list[str]:
        """Why the grader is not ready ([] when it is): a reference solution graded once, then a live pool."""
        with self.grader_lock:
            if not self.grader_proven:
                try:
                    probe = self.engine.grading_probe()
                except Exception as exc:  # the sandbox cannot start on this host
                    return [f"grader: {exc}"]
                if probe.status == "error":
                    return [f"grader: {probe.detail}"]
                self.grader_proven = True
        zygotes = getattr(self.engine.sandbox, "zygotes", None)
        if callable(zygotes):
            living = [z for z in zygotes() if z.alive()]
            if zygotes() and not living:
                return ["grader: no warm interpreter is alive"]
        return []

    def begin_grading(self, learner: str) -> bool:
        with self.grading_lock:
            if learner in self.grading:
                return False
            self.grading.add(learner)
            return True

    def end_grading(self, learner: str) -> None:
        with self.grading_lock:
            self.grading.discard(learner)


class LimitBody:
    """ASGI middleware: refuse a request body over the limit (by Content-Length or as it streams).

    A chunked body that streams past the limit is cut off: the app is told the client went away,
    and whatever it answers to that is replaced by the 413 (an exception raised from `receive`
    would reach FastAPI wrapped in the middleware's task group and be worded as a vague 400).
    """

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = IMPORT_MAX_BODY if scope.get("path") == "/api/import" else MAX_BODY
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            return await _too_large(scope, send, limit)
        seen, over, started = 0, False, False

        async def counted():
            nonlocal seen, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    over = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded(message):
            nonlocal started
            if over and not started:
                return  # the app's answer to a body cut short: the 413 below goes instead
            started = True
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except Exception:
            if not over or started:
                raise
        if over and not started:
            await _too_large(scope, send, limit)


def _too_large_detail(limit: int) -> str:
    return f"the request body is over {limit // 1024} KiB; send less (code is limited to 64 KiB)"


async def _too_large(scope, send, limit: int) -> None:
    body = JSONResponse({"error": "too_large", "detail": _too_large_detail(limit)}, status_code=413,
                        headers={**security.HEADERS, "cache-control": "no-store"})  # outside Identify: its own
    await body(scope, None, send)


def create_app(engine, options: WebOptions | None = None, multi_user: bool | None = None) -> FastAPI:
    """The web application over `engine` (a `service.app.App`)."""
    options = options or WebOptions.load(engine.settings.home)
    multi = options.multi_user if multi_user is None else multi_user
    state = WebState(engine=engine, options=options, multi_user=multi,
                     secret=security.server_secret(engine.settings.home),
                     accounts=Accounts(engine) if multi else None)
    # no Swagger UI: it loads its scripts from a CDN and runs inline ones, which the CSP (and offline use) forbid
    api = FastAPI(title="mltrail", version=_version(), docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="The mltrail engine over HTTP: exercises, attempts and verdicts, progress, "
                              "the coach's next step. Browsers authenticate with the session cookie and "
                              "send `X-CSRF-Token` on every change; scripts may use `Authorization: Bearer` "
                              "with a token from `POST /api/login` (multi-user mode).")
    api.state.web = state
    api.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    from mltrail.web import pages, routes_api

    api.include_router(routes_api.router)
    api.include_router(pages.router)
    for extra in ("mltrail.web.pages_coach", "mltrail.web.pages_teams", "mltrail.web.pages_coach2"):
        _include_optional(api, extra)

    @api.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError):
        status, code = _status(exc)
        return _refuse(request, status, code, _describe(exc))

    @api.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        problems = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("body",))
            problems.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
        return _refuse(request, 422, "invalid", "; ".join(problems) or "the request is not valid")

    @api.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 401 and not request.url.path.startswith("/api/"):
            return RedirectResponse(f"/login?next={_quote(request.url.path)}", status_code=303)
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        return _refuse(request, exc.status_code, {401: "sign_in", 403: "forbidden", 404: "not_found",
                                                  405: "method", 409: "busy", 413: "too_large", 429: "too_many"}.get(exc.status_code, "error"),
                       detail, headers=getattr(exc, "headers", None))

    @api.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        # Starlette answers an unhandled error from outside every middleware (it then logs the
        # error): this answer carries the security headers itself, and shows no internals
        headers = {**security.HEADERS, "cache-control": "no-store"}
        detail = "something went wrong on the server; the error is in the server's log"
        if wants_json(request):
            return JSONResponse({"error": "server_error", "detail": detail}, status_code=500, headers=headers)
        return Response(f"Server error: {detail}.", status_code=500, media_type="text/plain", headers=headers)

    api.add_middleware(Identify, state=state)
    api.add_middleware(LimitBody)  # added last, so outermost: no body is read past the limit, not even for CSRF
    app_ready = engine.curriculum  # noqa: F841  (load the content now, not on the first page)
    return api


class Identify:
    """ASGI middleware: who is asking (`request.state.viewer`), the host, origin and CSRF checks
    on every change, and the security headers on every answer.

    A plain ASGI class rather than Starlette's `BaseHTTPMiddleware`, which costs a task group
    and two memory streams per request. A session found in the accounts' cache is resolved on
    the event loop; only a lookup that must read the store goes to a worker thread. A form body
    read here for its CSRF field is handed on to the route unchanged.
    """

    def __init__(self, app, state: WebState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        state = self.state
        request = Request(scope, receive)
        hosts = request.headers.getlist("host")  # two Host headers: which one names us is anyone's guess
        if not state.multi_user and (len(hosts) != 1 or not security.loopback_host(hosts[0])):
            answer = JSONResponse({"error": "bad_host", "detail": "this personal server answers on localhost only; "
                                   "open http://127.0.0.1:<port>/ (use --multi-user to serve others)"}, status_code=400)
            return await answer(scope, receive, _with_headers(send, scope["path"], state, None))
        with state.engine.request_scope():
            found = _viewer(state, request, cached_only=True)
            if found is None:
                from starlette.concurrency import run_in_threadpool

                found = await run_in_threadpool(_viewer, state, request)  # the store is not read on the event loop
            viewer, visitor = found
            scope.setdefault("state", {})["viewer"] = viewer
            sending = _with_headers(send, scope["path"], state, visitor)  # refusals carry them too
            refused, body = await _check_change(state, request, viewer)
            if refused is not None:
                return await refused(scope, receive, sending)
            if body is not None:
                receive = _replaying(body, receive)
            await self.app(scope, receive, sending)


async def _check_change(state: WebState, request: Request, viewer: Viewer) -> tuple[Response | None, bytes | None]:
    """(a refusal or None, the body read for its CSRF field or None) for a request that changes things."""
    if request.method in security.SAFE_METHODS or viewer.bearer:
        return None, None
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not security.same_origin(origin, request.headers.get("host")):
        return _refuse(request, 403, "cross_origin", "this request came from another site and was refused"), None
    if request.url.path in CSRF_EXEMPT:
        return None, None
    given, body = request.headers.get(security.CSRF_HEADER), None
    content_type = request.headers.get("content-type", "")
    if given is None and content_type.startswith("application/x-www-form-urlencoded"):
        from urllib.parse import parse_qs

        body = await request.body()
        try:
            fields = parse_qs(body.decode("utf-8", "replace"), max_num_fields=50)
        except ValueError:  # over 50 fields: no form of ours
            return _refuse(request, 422, "invalid", "the form has too many fields"), body
        given = (fields.get(security.CSRF_FIELD) or [None])[0]
    elif given is None and content_type.startswith("multipart/form-data"):
        body = await request.body()
        given = await _multipart_field(body, request, security.CSRF_FIELD)  # a file upload form
    if not given or not hmac.compare_digest(given.encode("utf-8", "replace"), viewer.csrf.encode()):
        return _refuse(request, 403, "csrf", "the form is stale or was sent from elsewhere: "
                       "reload the page and try again"), body
    return None, body


def _replaying(body: bytes, receive):
    """A `receive` that gives the body already read, then whatever the client sends next."""
    given = False

    async def replay():
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


_SECURITY_HEADERS = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in security.HEADERS.items()]
_PAGE_HEADERS = _SECURITY_HEADERS + [(b"cache-control", b"no-store")]  # everything but /static/ is not cached


def _with_headers(send, path: str, state: WebState, visitor: str | None):
    """`send` adding the security headers (where the route set none), no-store on pages, and a
    new visitor cookie."""
    extra = _PAGE_HEADERS if not path.startswith("/static/") else _SECURITY_HEADERS
    cookie = None
    if visitor is not None:
        made = Response()
        made.set_cookie(security.VISITOR_COOKIE, visitor, httponly=True, samesite="strict",
                        secure=state.options.secure_cookies, path="/")
        cookie = next(value for name, value in made.raw_headers if name == b"set-cookie")

    async def sending(message):
        if message["type"] == "http.response.start":
            headers = list(message.get("headers") or [])
            present = {name.lower() for name, _ in headers}
            headers += [(name, value) for name, value in extra if name not in present]
            if cookie is not None:
                headers.append((b"set-cookie", cookie))
            message = dict(message, headers=headers)
        await send(message)

    return sending


async def _multipart_field(body: bytes, request: Request, name: str) -> str | None:
    """A text field of a multipart form whose body was read already."""
    try:
        form = await Request(request.scope, _replaying(body, request.receive)).form(max_files=2, max_fields=20)
    except Exception:  # malformed multipart: no token, so the request is refused
        return None
    value = form.get(name)
    await form.close()
    return value if isinstance(value, str) else None


CSRF_EXEMPT = {"/api/login"}  # JSON only: a browser cannot send it cross-site without a preflight


def _include_optional(api: FastAPI, module: str) -> None:
    import importlib

    try:
        found = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        return
    api.include_router(found.router)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mltrail")
    except PackageNotFoundError:
        return "0"


def _quote(path: str) -> str:
    from urllib.parse import quote

    return quote(path, safe="/")


def _viewer(state: WebState, request: Request, cached_only: bool = False) -> tuple[Viewer, str | None] | None:
    """The viewer of a request, and a new visitor cookie to set (None: keep the one it has).
    With `cached_only`, None when finding the session would read the store. A signed-in
    viewer's CSRF token is bound to their session: only others get a visitor cookie."""

    def visitor() -> tuple[str, str | None]:
        found = request.cookies.get(security.VISITOR_COOKIE)
        if not found or len(found) > 100:
            found = security.secrets.token_urlsafe(24)
            return found, found
        return found, None

    if not state.multi_user:
        known, fresh = visitor()
        return Viewer(state.engine.settings.learner, None, security.csrf_token(state.secret, "v:" + known)), fresh
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        token = auth[7:].strip()
        account = _account(state, token, cached_only)
        if account is NOT_CACHED:
            return None
        if account is None:
            return Viewer(None, None, "", bearer=True), visitor()[1]
        return Viewer(account.username, account, "", bearer=True), None
    token = request.cookies.get(security.SESSION_COOKIE)
    account = _account(state, token, cached_only)
    if account is NOT_CACHED:
        return None
    if account is None:
        known, fresh = visitor()
        return Viewer(None, None, security.csrf_token(state.secret, "v:" + known)), fresh
    return Viewer(account.username, account, security.csrf_token(state.secret, "s:" + token)), None


def _account(state: WebState, token: str | None, cached_only: bool):
    """The account of a session token (None: none); with `cached_only`, NOT_CACHED rather than
    reading the store (the event loop never waits on it)."""
    if not token:
        return None
    if cached_only:
        return state.accounts.cached_session_account(token)
    return state.accounts.session_account(token)


def _status(exc: ServiceError) -> tuple[int, str]:
    if isinstance(exc, NotFound):
        return 404, "not_found"
    if isinstance(exc, Forbidden):
        return 403, "forbidden"
    if isinstance(exc, Conflict):
        return 409, "conflict"
    if isinstance(exc, Invalid):
        return 422, "invalid"
    return 400, "bad_request"


def _describe(exc: ServiceError) -> str:
    if isinstance(exc, NotFound):
        text = f"There is no {exc.kind} '{exc.ident}'."
        if exc.suggestions:
            text += " Did you mean " + ", ".join(exc.suggestions[:3]) + "?"
        return text
    if isinstance(exc, Forbidden):
        return f"Not allowed: {exc.action} ({exc.ident})."
    if isinstance(exc, Invalid):
        return f"{exc.ident}: {exc.problem}"
    if isinstance(exc, Conflict):
        return f"{exc.what}: {exc.detail}"
    return str(exc)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def _refuse(request: Request, status: int, code: str, detail: str, headers=None) -> Response:
    if wants_json(request):
        return JSONResponse({"error": code, "detail": detail}, status_code=status, headers=headers)
    if request.headers.get("hx-request") == "true":  # htmx swaps this into the page's target
        from html import escape

        return HTMLResponse(f'<div class="verdict error" role="alert">{escape(detail)}</div>', status_code=status,
                            headers=headers)
    from mltrail.web.render import render_error

    return HTMLResponse(render_error(request, status, detail), status_code=status, headers=headers)
