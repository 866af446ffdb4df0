"""Who may call what: every route of the app (read from `app.routes`) for six principals.

The table `RULES` classifies each route and method: what each principal gets (allowed, sent to
sign in, 403 or 404) and the path parameters and body to call it with. A route the table does
not know fails `test_every_route_is_classified`: whoever adds a route classifies it here.

Principals: anonymous; learner A (`alice`, in team A) and learner B (`bob`, in team B); the lead
of the other team (`olead`, leads B's team); the lead of A's team (`alead`); an admin (`root`).
`carol` (in team A) is the account admin and lead actions are aimed at. A's code carries
`MARKER`: no answer to anyone but A may contain it (leads see progress and verdicts, never code).

Also here: CSRF on every state-changing route (no token, a wrong one, another session's, a
foreign Origin), session fixation, sign-out and disabled accounts ending sessions server-side,
and open redirects through every `next=`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from itertools import count
from typing import Callable

import pytest

from .conftest import PASSWORD, make_site

MARKER = "MARKER_a11ce_only_7f3c"
A_FAILING = f"def clamp(x, low, high):\n    # {MARKER}\n    {MARKER} = x\n    return {MARKER}\n"
A_PASSING = f"def clamp(x, low, high):\n    # {MARKER}\n    return min(max(x, low), high)\n"
B_CODE = "def clamp(x, low, high):\n    return x  # bob's\n"
OTHER_CODE = "def clamp(x, low, high):\n    return min(max(x, low), high)\n"

ANON, A, B, OLEAD, ALEAD, ADMIN = "anonymous", "alice", "bob", "olead", "alead", "root"
PRINCIPALS = (ANON, A, B, OLEAD, ALEAD, ADMIN)
SAFE = {"GET", "HEAD", "OPTIONS"}


pytestmark = pytest.mark.usefixtures("fast_hashing")


# ---------------------------------------------------------------- the world


_names = count(1)


@dataclass
class World:
    """A multi-user site with two teams, six principals and A's attempts carrying MARKER."""

    site: object
    accounts: object
    users: dict = field(default_factory=dict)
    team_a: int = 0
    team_b: int = 0
    a_attempts: list = field(default_factory=list)
    b_attempt: int = 0

    @property
    def web(self):
        return self.site.web

    @property
    def engine(self):
        return self.site.engine

    # values the rules name with "$": read when the request is made (an invite link may change)
    @property
    def a_attempt(self) -> int:
        return self.a_attempts[0]

    @property
    def team_a_code(self) -> str:
        return self.accounts.rows.team(self.team_a).invite_code

    @property
    def carol_id(self) -> int:
        return self.users["carol"].id

    @property
    def alice_id(self) -> int:
        return self.users[A].id

    @staticmethod
    def new_name() -> str:
        return f"newcomer{next(_names)}"

    def token(self, name: str) -> str:
        """A new session of `name` (as a sign-in makes one, without the password hashing)."""
        return self.accounts.start_session(self.accounts.rows.by_username(name), 1)

    def client(self, principal: str):
        """A browser of `principal` with a session of its own and its CSRF token in `.csrf`."""
        from fastapi.testclient import TestClient

        from mltrail.web import security

        if principal == ANON:
            return self.site.client()
        client = TestClient(self.web, base_url="http://127.0.0.1", follow_redirects=False)
        token = self.token(principal)
        client.cookies.set(security.SESSION_COOKIE, token)
        client.session_token = token
        client.csrf = security.csrf_token(self.web.state.web.secret, "s:" + token)
        return client

    def fingerprint(self) -> dict:
        """Every row of every table but the sessions: to show a refused request changed nothing."""
        from sqlalchemy import text

        rows = {}
        with self.engine.store.session() as session:
            names = [r[0] for r in session.execute(text("select name from sqlite_master where type='table'"))]
            for name in names:
                if name in ("web_sessions", "alembic_version") or name.startswith("sqlite_"):
                    continue
                rows[name] = sorted(map(repr, session.execute(text(f'select * from "{name}"'))))
        return rows


def build_world(home) -> World:
    from mltrail.service.accounts import Accounts

    site = make_site(home, multi_user=True, registration="open")
    accounts = Accounts(site.engine)
    world = World(site, accounts)
    for name, role in ((A, "learner"), (B, "learner"), (OLEAD, "lead"), (ALEAD, "lead"), (ADMIN, "admin"),
                       ("carol", "learner")):
        world.users[name] = accounts.create_user(name, PASSWORD, name.title(), role)
    team_a = accounts.create_team(world.users[ALEAD], "Team A")
    team_b = accounts.create_team(world.users[OLEAD], "Team B")
    world.team_a, world.team_b = team_a.id, team_b.id
    for name, team in ((A, team_a), ("carol", team_a), (B, team_b)):
        accounts.join_team(world.users[name], team.invite_code)
    for code in (A_FAILING, A_PASSING):
        world.a_attempts.append(site.engine.submit(A, "python/clamp", code.encode())[0])
    world.b_attempt = site.engine.submit(B, "python/clamp", B_CODE.encode())[0]
    return world


@pytest.fixture(scope="module")
def world(tmp_path_factory, fast_hashing):
    """One world for this module's tests: each test leaves it as it found it (or as good)."""
    built = build_world(tmp_path_factory.mktemp("authz") / "home")
    yield built
    built.engine.close()


# ---------------------------------------------------------------- the table


def who(anonymous: str, alice: str, bob: str, olead: str, alead: str, root: str) -> dict:
    return dict(zip(PRINCIPALS, (anonymous, alice, bob, olead, alead, root)))


PUBLIC = who("ok", "ok", "ok", "ok", "ok", "ok")
SIGNED = who("login", "ok", "ok", "ok", "ok", "ok")       # any account, on its own work
OWN_A = who("login", "ok", "404", "404", "404", "404")    # A's own records: nobody else, not even an admin
LEADS = who("login", "403", "403", "ok", "ok", "ok")
ADMINS = who("login", "403", "403", "403", "403", "ok")
TEAM_A = who("login", "404", "404", "404", "ok", "ok")    # A's team: its lead and admins; 404 hides it
IN_TEAM_A = who("login", "ok", "404", "404", "404", "404")  # a member's own action on the team


@dataclass(frozen=True)
class Rule:
    who: dict
    params: dict = field(default_factory=dict)  # path parameters; "$name" reads World.name
    query: dict | None = None
    form: dict | Callable | None = None  # a callable gets the World
    json: dict | Callable | None = None
    reset: Callable | None = None  # it changes what other checks rely on: undo it before each call
    csrf_exempt: bool = False
    content_type: str | None = None  # the answer's media type when allowed (default: not checked)
    accepts: frozenset = frozenset()  # 4xx that still mean "allowed": refused on the input or state, not on who
    grades: bool = False  # it runs the grader (slow): of the allowed principals only A calls it


EXERCISE = {"module": "python", "name": "clamp"}
CREDENTIALS = {"username": "carol", "password": PASSWORD}


def rejoin(name: str):
    def undo(world: World) -> None:
        world.accounts.join_team(world.users[name], world.team_a_code)
    return undo


def only_first_members(world: World) -> None:
    for member in world.accounts.rows.members(world.team_a):
        if member.username not in (A, "carol"):
            world.accounts.leave_team(member, world.team_a)


def carol_as_made(world: World) -> None:
    world.accounts.rows.update_account(world.carol_id, active=True, role="learner")
G, P, D = "GET", "POST", "DELETE"

RULES: dict[tuple[str, str], Rule] = {
    # FastAPI's own
    (G, "/api/openapi.json"): Rule(PUBLIC),
    (G, "/api/docs"): Rule(PUBLIC),  # the API reference page, drawn on the server from the schema
    # pages.py
    (G, "/healthz"): Rule(PUBLIC),
    (G, "/login"): Rule(PUBLIC),
    (P, "/login"): Rule(PUBLIC, form=CREDENTIALS),
    (P, "/logout"): Rule(PUBLIC),
    (G, "/signup"): Rule(PUBLIC),
    (P, "/signup"): Rule(PUBLIC, form=lambda w: {"username": w.new_name(), "password": PASSWORD}),
    (G, "/"): Rule(SIGNED),
    (G, "/map"): Rule(SIGNED),
    (G, "/skills/{module}/{skill}"): Rule(SIGNED, {"module": "python", "skill": "types"}),
    (G, "/modules"): Rule(SIGNED),
    (G, "/modules/{module_id}"): Rule(SIGNED, {"module_id": "python"}),
    (G, "/lessons/{module}/{name}"): Rule(SIGNED, {"module": "python", "name": "01-values-and-control-flow"}),
    (P, "/lessons/{module}/{name}/read"): Rule(SIGNED, {"module": "python", "name": "01-values-and-control-flow"}),
    (G, "/lessons/{module}/{name}/figures/{figure}"): Rule(
        SIGNED, {"module": "supervised", "name": "01-linear-regression-ridge-lasso",
                 "figure": "regularisation-paths.svg"}),
    (G, "/exercises/{module}/{name}"): Rule(SIGNED, EXERCISE),
    (P, "/exercises/{module}/{name}/check"): Rule(SIGNED, EXERCISE, form={"code": OTHER_CODE}, grades=True),
    (P, "/exercises/{module}/{name}/hint"): Rule(SIGNED, EXERCISE),
    (P, "/exercises/{module}/{name}/solution"): Rule(SIGNED, EXERCISE, form={"reveal": "yes"}),
    (G, "/attempts/{attempt_id}"): Rule(OWN_A, {"attempt_id": "$a_attempt"}),
    # routes_api.py
    (G, "/api/session"): Rule(PUBLIC),
    (P, "/api/login"): Rule(PUBLIC, json=CREDENTIALS, csrf_exempt=True),
    (P, "/api/logout"): Rule(PUBLIC),
    (G, "/api/exercises"): Rule(SIGNED),
    (G, "/api/exercises/{module}/{name}"): Rule(SIGNED, EXERCISE),
    (P, "/api/attempts"): Rule(SIGNED, json={"exercise": "python/clamp", "code": OTHER_CODE}, grades=True),
    (G, "/api/attempts"): Rule(SIGNED),
    (G, "/api/attempts/{attempt_id}"): Rule(OWN_A, {"attempt_id": "$a_attempt"}),
    (G, "/api/next"): Rule(SIGNED),
    (G, "/api/progress"): Rule(SIGNED),
    (G, "/api/mastery"): Rule(SIGNED),
    (P, "/api/exercises/{module}/{name}/hint"): Rule(SIGNED, EXERCISE),
    (P, "/api/exercises/{module}/{name}/solution"): Rule(SIGNED, EXERCISE, query={"reveal": "yes"}),
    # pages_teams.py: pages
    (G, "/teams"): Rule(SIGNED),
    (P, "/teams"): Rule(LEADS, form={"name": "Another team"}),
    (G, "/teams/{team_id}"): Rule(TEAM_A, {"team_id": "$team_a"}),
    (P, "/teams/{team_id}/invite"): Rule(TEAM_A, {"team_id": "$team_a"}),
    (P, "/teams/{team_id}/settings"): Rule(TEAM_A, {"team_id": "$team_a"}, form={"name": "Team A"}),
    (P, "/teams/{team_id}/members/{account_id}/remove"): Rule(TEAM_A, {"team_id": "$team_a",
                                                                       "account_id": "$carol_id"},
                                                              reset=rejoin("carol")),
    (P, "/teams/{team_id}/leave"): Rule(IN_TEAM_A, {"team_id": "$team_a"}, reset=rejoin(A)),
    (G, "/teams/{team_id}/export.csv"): Rule(TEAM_A, {"team_id": "$team_a"}, content_type="text/csv"),
    (G, "/join/{code}"): Rule(PUBLIC, {"code": "$team_a_code"}),
    (P, "/join/{code}"): Rule(SIGNED, {"code": "$team_a_code"}, reset=only_first_members),
    (G, "/admin"): Rule(ADMINS),
    (P, "/admin/users/{account_id}/role"): Rule(ADMINS, {"account_id": "$carol_id"}, form={"role": "lead"},
                                                reset=carol_as_made),
    (P, "/admin/users/{account_id}/active"): Rule(ADMINS, {"account_id": "$carol_id"}, form={"active": "no"},
                                                  reset=carol_as_made),
    (P, "/admin/invites"): Rule(ADMINS, form={"role": "learner", "uses": "1", "days": "7"}),
    # pages_teams.py: API
    (G, "/api/teams"): Rule(SIGNED),
    (P, "/api/teams"): Rule(LEADS, json={"name": "Another team"}),
    (G, "/api/teams/{team_id}"): Rule(TEAM_A, {"team_id": "$team_a"}),
    (P, "/api/teams/{team_id}"): Rule(TEAM_A, {"team_id": "$team_a"}, json={"name": "Team A"}),
    (D, "/api/teams/{team_id}/members/{username}"): Rule(TEAM_A, {"team_id": "$team_a", "username": "carol"},
                                                         reset=rejoin("carol")),
    (G, "/api/teams/{team_id}/members/{username}/progress"): Rule(TEAM_A, {"team_id": "$team_a",
                                                                           "username": A}),
    (P, "/api/join/{code}"): Rule(SIGNED, {"code": "$team_a_code"}, reset=only_first_members),
    (P, "/api/teams/{team_id}/leave"): Rule(IN_TEAM_A, {"team_id": "$team_a"}, reset=rejoin(A)),
    (G, "/api/admin/users"): Rule(ADMINS),
    (P, "/api/admin/users/{account_id}"): Rule(ADMINS, {"account_id": "$carol_id"},
                                                json={"role": "lead", "active": False}, reset=carol_as_made),
    (G, "/api/admin/teams"): Rule(ADMINS),
    (P, "/api/admin/invites"): Rule(ADMINS, json={"role": "learner"}),
}


def carol_export(world: World) -> dict:
    from mltrail.service.portability import export_learner

    return export_learner(world.engine, "carol")


QUIZ = {"module": "python", "name": "quiz"}
STATE = frozenset({409})  # e.g. answering a placement question that was not asked: refused on the state
RULES.update({
    # pages_coach.py
    (G, "/quiz/{module}/{name}"): Rule(SIGNED, QUIZ),
    (P, "/quiz/{module}/{name}"): Rule(SIGNED, QUIZ, form={"q1": "-4"}, grades=True),
    (P, "/quiz/{module}/{name}/{item}"): Rule(SIGNED, {**QUIZ, "item": "q1"}, form={"q1": "-4"}, grades=True),
    (G, "/placement"): Rule(SIGNED),
    (P, "/placement/start"): Rule(SIGNED, form={"modules": "python"}),
    (P, "/placement/answer"): Rule(SIGNED, form={"item": "python/nope", "answer": "1"}, accepts=STATE),
    (P, "/placement/finish"): Rule(SIGNED, accepts=STATE),
    (G, "/placement/result"): Rule(SIGNED),
    (G, "/review"): Rule(SIGNED),
    (P, "/review"): Rule(SIGNED, form={"skill": "python/types", "item": "python/quiz#q1", "answer": "1"},
                         accepts=STATE),
    (G, "/api/quiz/{module}/{name}"): Rule(SIGNED, QUIZ),
    (P, "/api/quiz/{module}/{name}"): Rule(SIGNED, QUIZ, json={"answers": {"q1": "-4"}}, grades=True),
    (P, "/api/placement/start"): Rule(SIGNED, json={"modules": ["python"]}),
    (G, "/api/placement"): Rule(SIGNED),
    (P, "/api/placement/answer"): Rule(SIGNED, json={"item": "python/nope", "skip": True}, accepts=STATE),
    (P, "/api/placement/finish"): Rule(SIGNED, accepts=STATE),
    (G, "/api/placement/result"): Rule(SIGNED, accepts=frozenset({404})),  # 404: no test ended yet (own data only)
    (G, "/api/reviews"): Rule(SIGNED),
    (P, "/api/reviews"): Rule(SIGNED, json={"skill": "python/types", "item": "python/quiz#q1", "answer": "1"},
                              accepts=STATE),
    # pages_coach2.py
    (G, "/careers"): Rule(SIGNED),
    (P, "/careers/goal"): Rule(SIGNED, form={"hours": "5"}),
    (P, "/careers/persona"): Rule(SIGNED, form={"persona": "developer"}),
    (G, "/plan"): Rule(SIGNED),
    (P, "/plan/hours"): Rule(SIGNED, form={"hours": "5"}),
    (G, "/settings"): Rule(SIGNED),
    (G, "/api/careers"): Rule(SIGNED),
    (P, "/api/profile"): Rule(SIGNED, json={"hours_per_week": 5}),
    (G, "/api/plan"): Rule(SIGNED, query={"role": "data-scientist"}),
    (G, "/api/dashboard/coach"): Rule(SIGNED),
    (G, "/api/export"): Rule(SIGNED, content_type="application/json"),
    (P, "/api/import"): Rule(SIGNED, json=carol_export),
})

STATIC = {"/static": "/static/mltrail.css"}  # mounts: a file each, public


def app_routes(app) -> list[tuple[str, str, object]]:
    """(method, path, route) of every route the app answers, including routers included later."""
    from fastapi.routing import iter_route_contexts

    found = []
    for route in iter_route_contexts(app.routes):
        methods = route.methods
        if methods is None:  # a mount
            found.append(("MOUNT", route.path, route))
            continue
        for method in sorted(set(methods) - {"HEAD", "OPTIONS"}):
            found.append((method, route.path, route))
    return found


def resolve(world: World, value):
    if callable(value):
        return value(world)
    if isinstance(value, str) and value.startswith("$"):
        return getattr(world, value[1:])
    return value


def call(world: World, client, method: str, path: str, rule: Rule, *, token: str | None = "own",
         headers: dict | None = None, form_extra: dict | None = None):
    """Call a route as `client` with the rule's parameters and body (and its CSRF token by default)."""
    url = path.format(**{k: resolve(world, v) for k, v in rule.params.items()})
    sent = dict(headers or {})
    if method not in SAFE and token is not None:
        sent["x-csrf-token"] = client.csrf if token == "own" else token
    kwargs = {}
    if rule.form is not None or form_extra:
        kwargs["data"] = {**(resolve(world, rule.form) or {}), **(form_extra or {})}
    if rule.json is not None:
        kwargs["json"] = resolve(world, rule.json)
    return client.request(method, url, params=rule.query, headers=sent, **kwargs)


def outcome(answer) -> str:
    status = answer.status_code
    if status == 401 or (status in (302, 303, 307) and answer.headers.get("location", "").startswith("/login?")):
        return "login"
    if status in (403, 404):
        return str(status)
    if status < 400:
        return "ok"
    return f"status {status}"


def outcome_for(answer, rule: Rule) -> str:
    return "ok" if answer.status_code in rule.accepts else outcome(answer)


def unclassified(app) -> list[str]:
    return [f"{method} {path}" for method, path, _ in app_routes(app)
            if (method == "MOUNT" and path not in STATIC) or (method != "MOUNT" and (method, path) not in RULES)]


# ---------------------------------------------------------------- tests


def test_every_route_is_classified(world):
    """A new route fails here until it has a row in RULES (who may call it, with what)."""
    missing = unclassified(world.web)
    assert not missing, ("routes with no row in tests/web/test_authz.py RULES (classify each: who may call it "
                         f"and with which parameters): {missing}")


def check_route(world: World, method: str, path: str, rule: Rule) -> list[str]:
    """Each principal's outcome of one route; A's MARKER in nobody else's answer."""
    problems = []
    order = sorted(PRINCIPALS, key=lambda p: rule.who[p] == "ok")  # the refused first: they change nothing
    if rule.grades:
        order = [p for p in order if rule.who[p] != "ok"] + [next(p for p in (A, *order) if rule.who[p] == "ok")]
    for principal in order:
        if rule.reset is not None:
            rule.reset(world)
        answer = call(world, world.client(principal), method, path, rule)
        got, expected = outcome_for(answer, rule), rule.who[principal]
        if got != expected:
            problems.append(f"{method} {path} as {principal}: expected {expected}, got {answer.status_code} "
                            f"{answer.text[:200]!r}")
        if principal != A and MARKER in answer.text:
            problems.append(f"{method} {path} as {principal}: the answer shows A's code")
        if got == "ok" and rule.content_type and not answer.headers.get("content-type", "").startswith(
                rule.content_type):
            problems.append(f"{method} {path} as {principal}: content-type {answer.headers.get('content-type')}")
        if got != "ok" and answer.status_code >= 400 and not answer.text.strip():
            problems.append(f"{method} {path} as {principal}: a refusal with no message")
    if rule.reset is not None:
        rule.reset(world)
    return problems


def test_authorisation_matrix(world):
    """Every classified route, every principal: the expected outcome, and A's code shown to A only."""
    problems = []
    routes = [(m, p) for m, p, _ in app_routes(world.web) if m != "MOUNT" and (m, p) in RULES]
    routes.sort(key=lambda mp: (mp[0] != "GET", mp))  # reads first, then changes
    for method, path in routes:
        problems += check_route(world, method, path, RULES[(method, path)])
    for mount, url in STATIC.items():
        for principal in (ANON, A):
            if world.client(principal).get(url).status_code != 200:
                problems.append(f"GET {url} as {principal}: not served")
    assert not problems, "\n".join(problems)


def test_a_sees_her_own_code(world):
    """The marker check above is only worth something if A's own pages do show it."""
    alice = world.client(A)
    assert MARKER in alice.get(f"/attempts/{world.a_attempt}").text
    assert MARKER in alice.get(f"/api/attempts/{world.a_attempt}").json()["code"]
    assert any(MARKER in item["code"] for item in alice.get("/api/attempts").json())
    bob = world.client(B)
    assert bob.get(f"/api/attempts/{world.b_attempt}").status_code == 200
    assert world.client(A).get(f"/api/attempts/{world.b_attempt}").status_code == 404


def test_leads_see_progress_and_verdicts_but_never_code(world):
    """A's lead gets A's verdicts through the team API; not her code, and nothing of B."""
    pytest.importorskip("mltrail.web.pages_teams")
    lead = world.client(ALEAD)
    answer = lead.get(f"/api/teams/{world.team_a}/members/{A}/progress")
    assert answer.status_code == 200, answer.text
    assert MARKER not in answer.text and "failed" in answer.text and "passed" in answer.text
    assert lead.get(f"/api/teams/{world.team_a}/members/{B}/progress").status_code == 404
    assert lead.get(f"/api/teams/{world.team_b}/members/{B}/progress").status_code == 404
    other = world.client(OLEAD)
    assert other.get(f"/api/teams/{world.team_a}/members/{A}/progress").status_code == 404
    for url in (f"/teams/{world.team_a}", f"/teams/{world.team_a}/export.csv", f"/api/teams/{world.team_a}"):
        shown = lead.get(url)
        assert shown.status_code == 200 and MARKER not in shown.text, url
        assert "Alice" in shown.text or A in shown.text, url


# ---------------------------------------------------------------- CSRF and Origin


def changing_routes(app) -> list[tuple[str, str, Rule]]:
    return [(m, p, RULES[(m, p)]) for m, p, _ in app_routes(app)
            if m not in SAFE and m != "MOUNT" and (m, p) in RULES]


REFUSALS = {"csrf": "the form is stale or was sent from elsewhere",  # the server's wording, JSON and HTML
            "cross_origin": "this request came from another site"}


def allowed_principal(rule: Rule) -> str:
    for principal in (A, ALEAD, ADMIN, ANON):
        if rule.who[principal] == "ok":
            return principal
    raise AssertionError("a rule nobody may call")


def test_every_change_needs_the_session_bound_csrf_token_and_our_origin(world):
    """No token, a wrong one, another session's (or visitor's), a foreign Origin or Referer: 403, nothing changed."""
    problems = []
    before = world.fingerprint()
    for method, path, rule in changing_routes(world.web):
        principal = allowed_principal(rule)
        client = world.client(principal)
        other = world.client(B if principal != B else A)
        stranger = world.client(ANON)
        attempts = {"a foreign Origin": dict(headers={"origin": "http://evil.example"}),
                    "a foreign Referer": dict(headers={"referer": "http://evil.example/page"}),
                    "Origin null": dict(headers={"origin": "null"})}
        if not rule.csrf_exempt:
            attempts.update({"no token": dict(token=None), "a wrong token": dict(token="0" * 64),
                             "another session's token": dict(token=other.csrf),
                             "a visitor's token": dict(token=stranger.csrf),
                             "a wrong token in the form": dict(token=None, form_extra={"csrf_token": "0" * 64}),
                             "another session's token in the form": dict(token=None,
                                                                         form_extra={"csrf_token": other.csrf})})
        for how, kwargs in attempts.items():
            answer = call(world, client, method, path, rule, **kwargs)
            expected = "cross_origin" if "Origin" in how or "Referer" in how else "csrf"
            if answer.status_code != 403 or REFUSALS[expected] not in answer.text:
                problems.append(f"{method} {path} as {principal} with {how}: {answer.status_code} {answer.text[:120]!r}")
    assert not problems, "\n".join(problems)
    assert world.fingerprint() == before, "a refused request changed the store"


def test_a_multipart_form_carries_its_own_sessions_token(world):
    """A file upload form sends the token as a multipart field: only this session's passes."""
    pytest.importorskip("mltrail.web.pages_coach2")
    import json

    alice, other = world.client(A), world.client(B)
    upload = {"file": ("progress.json", json.dumps(carol_export(world)).encode(), "application/json")}
    before = world.fingerprint()
    for token in (None, "0" * 64, other.csrf):
        fields = {} if token is None else {"csrf_token": token}
        answer = alice.post("/api/import", files=upload, data=fields)
        assert answer.status_code == 403 and REFUSALS["csrf"] in answer.text, (token, answer.text[:200])
    assert world.fingerprint() == before
    accepted = alice.post("/api/import", files=upload, data={"csrf_token": alice.csrf})
    assert accepted.status_code == 200, accepted.text[:300]


def test_the_csrf_exempt_json_login_cannot_be_posted_as_a_form(world):
    """/api/login skips the token because only JSON is accepted (a cross-site form cannot send JSON)."""
    client = world.client(ANON)
    as_form = client.post("/api/login", data=CREDENTIALS)
    assert as_form.status_code in (415, 422), as_form.text
    as_text = client.post("/api/login", content=b'{"username": "carol", "password": "%s"}' % PASSWORD.encode(),
                          headers={"content-type": "text/plain"})
    assert as_text.status_code in (415, 422), as_text.text
    assert client.post("/api/login", json=CREDENTIALS).status_code == 200


def test_a_session_token_is_bound_to_its_session(world):
    """The token of a session works for it alone, and a new sign-in gets a new token."""
    first, second = world.client(A), world.client(A)
    assert first.csrf != second.csrf
    mixed = first.post("/api/attempts", json={"exercise": "python/clamp", "code": OTHER_CODE},
                       headers={"x-csrf-token": second.csrf})
    assert mixed.status_code == 403 and mixed.json()["error"] == "csrf"


# ---------------------------------------------------------------- sessions


def sign_in(client, username: str = A, **form):
    return client.post("/login", data={"username": username, "password": PASSWORD, "csrf_token": client.csrf, **form})


def test_no_session_fixation(world):
    """Whatever session cookie a browser had before signing in, it has a new one after."""
    from mltrail.web import security

    attacker_token = world.token(B)  # a real session (the attacker's own), planted in A's browser
    for planted in ("planted-by-an-attacker", attacker_token):
        browser = world.client(ANON)
        browser.cookies.set(security.SESSION_COOKIE, planted)
        visitor_csrf = browser.get("/api/session").json()["csrf_token"] if planted != attacker_token else None
        if planted == attacker_token:  # signed in as B already: sign in as A over it
            browser.csrf = security.csrf_token(world.web.state.web.secret, "s:" + planted)
        answer = sign_in(browser)
        assert answer.status_code == 303, answer.text
        issued = answer.cookies.get(security.SESSION_COOKIE)
        assert issued and issued != planted
        assert world.accounts.session_account(issued).username == A
        after = security.csrf_token(world.web.state.web.secret, "s:" + issued)
        assert after not in (visitor_csrf, browser.csrf)  # the CSRF token changes with the session
    # the planted session was ended by the sign-in over it: it is nobody's now
    assert world.accounts.session_account(attacker_token) is None
    newcomer = world.client(ANON)  # signing up signs in the same way
    newcomer.cookies.set(security.SESSION_COOKIE, "planted-by-an-attacker")
    answer = newcomer.post("/signup", data={"username": world.new_name(), "password": PASSWORD,
                                            "csrf_token": newcomer.csrf})
    assert answer.status_code == 303, answer.text
    assert answer.cookies.get(security.SESSION_COOKIE) not in (None, "planted-by-an-attacker")


def test_signing_out_ends_the_session_on_the_server(world):
    """The old cookie, reused after signing out (page or API), is not signed in any more."""
    from fastapi.testclient import TestClient

    from mltrail.web import security

    for route in ("/logout", "/api/logout"):
        browser = world.client(A)
        old = browser.session_token
        assert browser.post(route, headers={"x-csrf-token": browser.csrf}).status_code in (204, 303)
        replay = TestClient(world.web, base_url="http://127.0.0.1", follow_redirects=False)
        replay.cookies.set(security.SESSION_COOKIE, old)
        assert replay.get("/api/session").json()["learner"] is None
        assert replay.get("/api/progress").status_code == 401
        assert replay.get("/").headers.get("location", "").startswith("/login")
        assert replay.get(f"/api/attempts/{world.a_attempt}").status_code == 401
        assert replay.post("/api/attempts", json={"exercise": "python/clamp", "code": OTHER_CODE},
                           headers={"x-csrf-token": browser.csrf}).status_code == 403
    script = world.client(ANON)
    token = script.post("/api/login", json={"username": A, "password": PASSWORD}).json()["token"]
    bearer = {"authorization": f"Bearer {token}"}
    assert script.get("/api/progress", headers=bearer).status_code == 200
    assert script.post("/api/logout", headers=bearer).status_code == 204
    assert script.get("/api/progress", headers=bearer).status_code == 401


def test_a_sign_out_during_a_look_up_is_not_undone_by_the_session_cache(world):
    """A request that read the session just before it was ended must not remember it afterwards."""
    from mltrail.service.accounts import Accounts

    for end in ("sign-out", "disable"):
        accounts = Accounts(world.engine)
        token = world.token(A)
        read = accounts.rows.session_account

        def racing(key):
            found = read(key)  # this request has the row...
            if end == "sign-out":  # ...when another request signs the session out, or an admin disables her
                accounts.end_session(token)
            else:
                accounts.set_active(world.users[ADMIN], world.alice_id, False)
            return found

        accounts.rows.session_account = racing
        accounts.session_account(token)  # the request already under way may finish as her
        del accounts.rows.session_account
        assert accounts.session_account(token) is None, end
        assert Accounts(world.engine).session_account(token) is None, end
        accounts.set_active(world.users[ADMIN], world.alice_id, True)


def test_a_disabled_account_loses_its_sessions_and_cannot_sign_in(world):
    browser = world.client(A)
    script = world.client(ANON)
    token = script.post("/api/login", json={"username": A, "password": PASSWORD}).json()["token"]
    assert browser.get("/").status_code == 200
    world.accounts.set_active(world.users[ADMIN], world.alice_id, False)
    assert browser.get("/").headers.get("location", "").startswith("/login")
    assert browser.get("/api/session").json()["learner"] is None
    assert script.get("/api/progress", headers={"authorization": f"Bearer {token}"}).status_code == 401
    again = world.client(ANON)
    assert sign_in(again).status_code == 401
    assert again.post("/api/login", json={"username": A, "password": PASSWORD}).status_code == 401
    # enabled again, the old sessions stay dead (they were deleted, not suspended)
    world.accounts.set_active(world.users[ADMIN], world.alice_id, True)
    assert browser.get("/api/session").json()["learner"] is None
    assert script.get("/api/progress", headers={"authorization": f"Bearer {token}"}).status_code == 401


def test_session_cookie_flags(world):
    browser = world.client(ANON)
    answer = sign_in(browser)
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/" in cookie


# ---------------------------------------------------------------- open redirects

EVIL = ("https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)",
        "http:evil.example", "///evil.example", "/\t/evil.example", " //evil.example", "https:/evil.example",
        "%2F%2Fevil.example", "/%0d%0aLocation:%20http://evil.example")


def next_routes(app) -> list[tuple[str, str]]:
    """Every route that takes a `next` parameter (query or form)."""
    found = []
    for method, path, route in app_routes(app):
        dependant = getattr(route, "dependant", None)
        if dependant is None:
            continue
        names = {p.name for p in dependant.query_params + dependant.body_params}
        for sub in dependant.dependencies:
            names |= {p.name for p in sub.query_params + sub.body_params}
        if "next" in names:
            found.append((method, path))
    return found


LINKS = re.compile(r'(?:value|href|action|src)\s*=\s*["\']([^"\']*)["\']', re.I)


def safe_location(location: str) -> bool:
    from urllib.parse import urlsplit

    if not location:
        return True
    parts = urlsplit(location)
    return (location.startswith("/") and not location.startswith(("//", "/\\")) and not parts.scheme
            and not parts.netloc and not any(ord(c) < 32 for c in location))


def test_no_open_redirect_through_any_next(world):
    """Each `next=` target off this site is replaced by a local path, signed in or not."""
    routes = next_routes(world.web)
    assert ("POST", "/login") in routes and ("GET", "/login") in routes  # the finder finds them
    problems = []
    for method, path in routes:
        rule = RULES[(method, path)]
        for target in EVIL:
            for principal in (ANON, B):
                client = world.client(principal)
                if method in SAFE:
                    answer = client.request(method, path.format(**{k: resolve(world, v) for k, v in rule.params.items()}),
                                            params={"next": target})
                else:
                    answer = call(world, client, method, path, rule, form_extra={"next": target,
                                                                                  "csrf_token": client.csrf})
                location = answer.headers.get("location", "")
                shown = [html.unescape(v) for v in LINKS.findall(answer.text) if "evil.example" in v]
                if answer.status_code >= 500 or not all(map(safe_location, [location, *shown])):
                    problems.append(f"{method} {path} next={target!r} as {principal}: {answer.status_code} "
                                    f"location={location!r}")
    assert not problems, "\n".join(problems)


def test_sign_in_goes_back_to_a_local_next(world):
    browser = world.client(ANON)
    answer = sign_in(browser, next="/modules/python")
    assert answer.headers["location"] == "/modules/python"
    anonymous = world.client(ANON)
    sent = anonymous.get("/exercises/python/clamp")
    assert sent.headers["location"] == "/login?next=/exercises/python/clamp"
    assert re.search(r'name="next" value="/exercises/python/clamp"', anonymous.get(sent.headers["location"]).text)


# ---------------------------------------------------------------- personal mode


MULTI_USER_ONLY = ("/teams", "/api/teams", "/admin", "/api/admin", "/join", "/api/join")


def test_personal_mode_guards_every_route(tmp_path):
    """One local learner: still CSRF on every change, loopback host names only, no team or admin pages."""
    from fastapi.testclient import TestClient

    site = make_site(tmp_path / "personal", multi_user=False)
    try:
        problems = [f"unclassified: {route}" for route in unclassified(site.web)]
        world = World(site, None)
        client = site.client()
        for method, path, _ in app_routes(site.web):
            if method == "MOUNT" or (method, path) not in RULES:
                continue
            rule = RULES[(method, path)]
            params = {k: ("1" if str(v).startswith("$") else v) for k, v in rule.params.items()}
            url = path.format(**params)
            rebound = client.request(method, url, headers={"host": "attacker.example"})
            if rebound.status_code != 400:
                problems.append(f"{method} {path} for host attacker.example: {rebound.status_code}")
            if method not in SAFE and not rule.csrf_exempt:
                answer = client.request(method, url, params=rule.query)
                if answer.status_code != 403 or REFUSALS["csrf"] not in answer.text:
                    problems.append(f"{method} {path} without a token: {answer.status_code}")
            if method == "GET" and path.startswith(MULTI_USER_ONLY):
                answer = client.get(url)
                if answer.status_code != 404:
                    problems.append(f"{method} {path} in personal mode: {answer.status_code}")
        other = TestClient(site.web, base_url="http://127.0.0.1", follow_redirects=False)
        foreign = other.post("/api/attempts", json={"exercise": "python/clamp", "code": OTHER_CODE},
                             headers={"x-csrf-token": client.csrf})  # a token of another visitor
        if foreign.status_code != 403:
            problems.append(f"another visitor's token: {foreign.status_code}")
        assert world.engine.attempts(site.engine.settings.learner) == []
        assert not problems, "\n".join(problems)
    finally:
        site.engine.close()
