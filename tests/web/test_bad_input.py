"""Bad input gets a clear 4xx with a message, never a 500, and nothing is stored half-way.

Oversized bodies (declared, and chunked without a length), binary and non-UTF-8 code, malformed
JSON and wrong types on every JSON route, unknown ids in every path parameter, an expired
session, two submissions of one learner at once, and sign-in limits per username and per address.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest

from .conftest import PASSWORD
from .test_authz import A, ADMIN, ANON, B, RULES, SAFE, app_routes, build_world, resolve

CLAMP = "def clamp(x, low, high):\n    return min(max(x, low), high)\n"
MIB = 1024 * 1024


pytestmark = pytest.mark.usefixtures("fast_hashing")


@pytest.fixture(scope="module")
def world(tmp_path_factory, fast_hashing):
    built = build_world(tmp_path_factory.mktemp("bad") / "home")
    yield built
    built.engine.close()


def message(answer) -> str:
    """The refusal's words: JSON `detail` or the HTML page's text."""
    if "json" in answer.headers.get("content-type", ""):
        body = answer.json()
        return str(body.get("detail", "")) if isinstance(body, dict) else ""
    return answer.text


def clear_4xx(answer, where: str, statuses=range(400, 500)) -> list[str]:
    if answer.status_code not in statuses:
        return [f"{where}: {answer.status_code} {answer.text[:200]!r}"]
    if len(message(answer).strip()) < 5:
        return [f"{where}: {answer.status_code} with no message"]
    return []


def attempts_of(world, learner: str) -> list:
    return world.engine.attempts(learner)


def nothing_pending(world) -> bool:
    return world.engine.store.iter_pending() == []


# ---------------------------------------------------------------- sizes and encodings


def test_an_oversized_body_is_refused_before_it_is_read(world):
    alice = world.client(A)
    before = len(attempts_of(world, A))
    big = b'{"exercise": "python/clamp", "code": "' + b"x" * (MIB + 10) + b'"}'
    for url in ("/api/attempts", "/exercises/python/clamp/check", "/api/teams"):
        answer = alice.post(url, content=big, headers={"x-csrf-token": alice.csrf, "content-type": "application/json"})
        assert answer.status_code == 413 and "KiB" in message(answer), (url, answer.text[:200])
    lying = alice.post("/api/attempts", content=b"{}", headers={"x-csrf-token": alice.csrf,
                                                                "content-length": "nonsense"})
    assert 400 <= lying.status_code < 500
    assert len(attempts_of(world, A)) == before


def test_a_chunked_body_without_a_length_is_cut_off_at_the_limit(world):
    alice = world.client(A)
    before = len(attempts_of(world, A))

    def chunks(start: bytes, end: bytes):
        yield start
        for _ in range(20):
            yield b"y" * (128 * 1024)
        yield end

    for url, kind, start, end in (
            ("/api/attempts", "application/json", b'{"exercise": "python/clamp", "code": "', b'"}'),
            ("/exercises/python/clamp/check", "application/x-www-form-urlencoded", b"code=", b""),
            ("/exercises/python/clamp/check", "application/x-www-form-urlencoded",
             b"csrf_token=" + alice.csrf.encode() + b"&code=", b"")):
        headers = {"content-type": kind} if b"csrf_token" in start else {"x-csrf-token": alice.csrf,
                                                                         "content-type": kind}
        answer = alice.post(url, content=chunks(start, end), headers=headers)
        assert "content-length" not in {k.lower() for k in answer.request.headers}  # it was sent chunked
        assert answer.status_code == 413 and message(answer), (url, answer.status_code, answer.text[:200])
    assert len(attempts_of(world, A)) == before and nothing_pending(world)


def test_code_over_the_code_limit_but_under_the_body_limit(world):
    alice = world.client(A)
    code = "x = 1\n" * 20_000  # 120 KiB: over 64 KiB of code, well under 1 MiB of body
    problems = []
    answer = alice.post("/api/attempts", json={"exercise": "python/clamp", "code": code},
                        headers={"x-csrf-token": alice.csrf})
    problems += clear_4xx(answer, "API", (413, 422))
    page = alice.post("/exercises/python/clamp/check", data={"code": code}, headers={"x-csrf-token": alice.csrf,
                                                                                    "hx-request": "true"})
    problems += clear_4xx(page, "page", (413, 422))
    assert not problems, problems


def test_binary_and_non_utf8_code(world):
    alice = world.client(A)
    before = len(attempts_of(world, A))
    problems = []
    headers = {"x-csrf-token": alice.csrf}
    raw = b'{"exercise": "python/clamp", "code": "\xff\xfe\x00\x80 binary"}'
    problems += clear_4xx(alice.post("/api/attempts", content=raw, headers={**headers, "content-type":
                                                                            "application/json"}), "non-UTF-8 JSON")
    problems += clear_4xx(alice.post("/api/attempts", json={"exercise": "python/clamp", "code": "x = 1\0\1\2"},
                                     headers=headers), "NUL in JSON code")
    form = b"code=%FF%FE%00%80def+clamp"
    for extra in ({}, {"hx-request": "true"}):
        answer = alice.post("/exercises/python/clamp/check", content=form,
                            headers={**headers, **extra, "content-type": "application/x-www-form-urlencoded"})
        problems += clear_4xx(answer, f"non-UTF-8 form {extra}")
    upload = alice.post("/exercises/python/clamp/check", headers=headers,
                        files={"code": ("code.py", bytes(range(256)), "application/octet-stream")})
    problems += clear_4xx(upload, "binary multipart")
    assert not problems, "\n".join(problems)
    assert len(attempts_of(world, A)) == before and nothing_pending(world)


# ---------------------------------------------------------------- JSON and types


def json_routes(app) -> list[tuple[str, str]]:
    """Every state-changing route whose body is a JSON model."""
    found = []
    for method, path, route in app_routes(app):
        dependant = getattr(route, "dependant", None)
        if method in SAFE or method == "MOUNT" or dependant is None or (method, path) not in RULES:
            continue
        if RULES[(method, path)].json is not None:
            found.append((method, path))
    return found


BROKEN = [b"{not json", b"", b"null", b"[]", b'"a string"', b"42", b"\xff\xfe{}", b"[" * 300 + b"]" * 300]
NUMBERS = {"/api/profile": [b'{"hours_per_week": NaN}', b'{"hours_per_week": 1e999}', b'{"hours_per_week": -1}'],
           "/api/admin/invites": [b'{"uses": 1e999}', b'{"days": -5}', b'{"uses": 10000000}', b'{"uses": 1.5}'],
           "/api/placement/start": [b'{"max_questions": 1e999}', b'{"max_questions": 0}']}


def wrong_bodies(world, path: str, valid) -> list[bytes]:
    """Broken JSON, the wrong shape, and the route's own body with each field of a wrong type."""
    import json

    bodies = list(BROKEN) + NUMBERS.get(path, [])
    valid = resolve(world, valid)
    for key in valid if isinstance(valid, dict) else ():
        bodies.append(json.dumps({**valid, key: [{"wrong": [1]}]}).encode())  # no field of ours is that
    return bodies


def test_malformed_json_and_wrong_types_on_every_json_route(world):
    """Each JSON route, as someone it lets in, gets broken JSON and wrong types: a 4xx with a message."""
    routes = json_routes(world.web)
    assert ("POST", "/api/attempts") in routes
    problems = []
    before = world.fingerprint()
    for method, path in routes:
        rule = RULES[(method, path)]
        principal = next(p for p in (A, "alead", ADMIN, ANON) if rule.who[p] == "ok")
        client = world.client(principal)
        url = path.format(**{k: resolve(world, v) for k, v in rule.params.items()})
        for body in wrong_bodies(world, path, rule.json):
            answer = client.request(method, url, content=body, headers={"x-csrf-token": client.csrf,
                                                                        "content-type": "application/json"})
            problems += clear_4xx(answer, f"{method} {path} with {body[:40]!r}")
    assert not problems, "\n".join(problems)
    after = world.fingerprint()
    changed = [table for table in before if before[table] != after.get(table)]
    assert not changed, f"refused requests changed {changed}"


ODD_TEXT = {"a lone surrogate": ('"\\ud800"', "%ED%A0%80"), "a NUL": ('"a\\u0000b"', "a%00b"),
            "control characters": ('"\\u001b[2J\\r\\n"', "%1B%5B2J%0D%0A")}


def test_odd_text_in_every_text_field(world):
    """Each text field of each JSON or form body holds a lone surrogate, a NUL, control characters:
    refused with a message or taken as text, never a 500."""
    import json
    from urllib.parse import quote

    problems = []
    for method, path, _ in app_routes(world.web):
        rule = RULES.get((method, path))
        if rule is None or method in SAFE or method == "MOUNT":
            continue
        principal = next(p for p in (A, "alead", ADMIN, ANON) if rule.who[p] == "ok")
        url = path.format(**{k: resolve(world, v) for k, v in rule.params.items()})
        body = resolve(world, rule.json) if rule.json is not None else resolve(world, rule.form)
        if not isinstance(body, dict) or rule.grades and rule.form is not None:
            continue
        for key, value in body.items():
            if not isinstance(value, str):
                continue
            for what, (as_json, as_form) in ODD_TEXT.items():
                client = world.client(principal)
                if rule.json is not None:
                    sent = json.dumps({**body, key: "ODD"}).replace('"ODD"', as_json).encode()
                    kind = "application/json"
                else:
                    sent = "&".join(f"{k}={as_form if k == key else quote(v)}" for k, v in body.items()).encode()
                    kind = "application/x-www-form-urlencoded"
                answer = client.request(method, url, content=sent, params=rule.query,
                                        headers={"x-csrf-token": client.csrf, "content-type": kind})
                if answer.status_code >= 500 or (answer.status_code >= 400 and len(message(answer).strip()) < 5):
                    problems.append(f"{method} {path} {key} with {what}: {answer.status_code} {answer.text[:150]!r}")
                if rule.reset is not None:
                    rule.reset(world)
    assert not problems, "\n".join(problems)
    assert nothing_pending(world)


# ---------------------------------------------------------------- unknown ids


UNKNOWN = {"int": "987654", "str": "no-such-thing", "huge": str(2**70), "negative": "-1", "nul": "%00"}


def test_unknown_ids_in_every_path_parameter(world):
    """Every route with path parameters, each one unknown (or of the wrong type): 404/422 with words."""
    problems = []
    clients = {A: world.client(A), ADMIN: world.client(ADMIN)}
    for method, path, route in app_routes(world.web):
        if method == "MOUNT" or "{" not in path or (method, path) not in RULES:
            continue
        rule = RULES[(method, path)]
        names = [part[1:-1] for part in path.split("/") if part.startswith("{")]
        for name in names:
            for kind, value in UNKNOWN.items():
                values = {k: resolve(world, v) for k, v in rule.params.items()}
                values[name] = value
                url = path.format(**values)
                for principal, client in clients.items():
                    headers = {"x-csrf-token": client.csrf} if method not in SAFE else {}
                    kwargs = {}
                    if rule.json is not None:
                        kwargs["json"] = resolve(world, rule.json)
                    if rule.form is not None:
                        kwargs["data"] = resolve(world, rule.form)
                    answer = client.request(method, url, headers=headers, params=rule.query, **kwargs)
                    # an id of the wrong type is refused (422) before anyone is asked who they are
                    expected = (404, 422) if rule.who[principal] == "ok" else (int(rule.who[principal]), 422)
                    problems += clear_4xx(answer, f"{method} {path} {name}={value} as {principal}", expected)
                    if rule.reset is not None:
                        rule.reset(world)
    assert not problems, "\n".join(problems)
    assert nothing_pending(world)


# ---------------------------------------------------------------- sessions


def test_an_expired_session_is_signed_out_and_removed(world):
    from sqlalchemy import update

    from mltrail.store.models import WebSession
    from mltrail.service.accounts import digest

    alice = world.client(A)
    assert alice.get("/api/session").json()["learner"] == A
    with world.engine.store.session() as session, session.begin():
        session.execute(update(WebSession).where(WebSession.token_hash == digest(alice.session_token))
                        .values(expires_at=datetime.now(timezone.utc) - timedelta(seconds=1)))
    # a change made behind the server's back is seen within SESSION_CACHE_S; here, at once
    from mltrail.service.accounts import Accounts

    Accounts(world.engine)._forget_sessions()
    assert alice.get("/api/session").json()["learner"] is None
    answer = alice.get("/api/progress")
    assert answer.status_code == 401 and message(answer)
    page = alice.get("/exercises/python/clamp")
    assert page.status_code == 303 and page.headers["location"] == "/login?next=/exercises/python/clamp"
    submit = alice.post("/api/attempts", json={"exercise": "python/clamp", "code": CLAMP},
                        headers={"x-csrf-token": alice.csrf})
    assert submit.status_code == 403 and message(submit)  # its CSRF token died with it
    bearer = alice.get("/api/progress", headers={"authorization": f"Bearer {alice.session_token}"})
    assert bearer.status_code == 401
    with world.engine.store.session() as session:
        assert session.get(WebSession, digest(alice.session_token)) is None  # removed, not just ignored


# ---------------------------------------------------------------- concurrency


SLOW = "import time\ntime.sleep(0.4)\n" + CLAMP  # long enough for the second request to arrive meanwhile


def test_two_submissions_at_once_from_one_learner(world):
    """Both at the same moment: one 201 and one 409 (or both 201), never a 500; nothing left pending."""
    token = world.token(B)
    before = len(attempts_of(world, B))
    answers = []
    barrier = threading.Barrier(2)

    def submit(route: str):
        from fastapi.testclient import TestClient

        client = TestClient(world.web, base_url="http://127.0.0.1", raise_server_exceptions=False)
        barrier.wait()
        if route == "api":
            answers.append(client.post("/api/attempts", json={"exercise": "python/clamp", "code": SLOW},
                                       headers={"authorization": f"Bearer {token}"}))
        else:
            from mltrail.web import security

            client.cookies.set(security.SESSION_COOKIE, token)
            answers.append(client.post("/exercises/python/clamp/check", data={"code": SLOW},
                                       headers={"x-csrf-token": security.csrf_token(world.web.state.web.secret,
                                                                                    "s:" + token)}))

    for pair in (("api", "api"), ("api", "page")):
        answers.clear()
        threads = [threading.Thread(target=submit, args=(route,)) for route in pair]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        statuses = sorted(a.status_code for a in answers)
        assert len(statuses) == 2 and all(s in (200, 201, 409) for s in statuses), [a.text[:200] for a in answers]
        assert any(s in (200, 201) for s in statuses), statuses
        for answer in answers:
            if answer.status_code == 409:
                assert "being graded" in message(answer)
    stored = attempts_of(world, B)[before:]
    assert 2 <= len(stored) <= 4
    assert all(a.status != "pending" for a in stored) and nothing_pending(world)
    assert all(a.code == SLOW for a in stored)


# ---------------------------------------------------------------- sign-in limits


@pytest.fixture
def fresh(tmp_path, fast_hashing):
    """A world of its own: the limits below would lock the shared one out."""
    built = build_world(tmp_path / "home")
    yield built
    built.engine.close()


def test_sign_in_is_limited_per_username(fresh):
    client = fresh.client(ANON)
    for _ in range(5):
        answer = client.post("/api/login", json={"username": B, "password": "not the password"})
        assert answer.status_code == 401 and message(answer)
    for route in ("api", "page"):
        if route == "api":
            blocked = client.post("/api/login", json={"username": B, "password": PASSWORD})
            assert blocked.headers.get("retry-after", "").isdigit()
        else:
            blocked = client.post("/login", data={"username": B, "password": PASSWORD, "csrf_token": client.csrf})
        assert blocked.status_code == 429 and "again" in message(blocked).lower(), route
    from fastapi.testclient import TestClient

    elsewhere = TestClient(fresh.web, base_url="http://127.0.0.1", client=("10.0.0.9", 5000))
    assert elsewhere.post("/api/login", json={"username": B, "password": PASSWORD}).status_code == 429  # per name
    assert client.post("/api/login", json={"username": A, "password": PASSWORD}).status_code == 200  # others can


def test_sign_in_is_limited_per_address(fresh):
    from fastapi.testclient import TestClient

    prowler = TestClient(fresh.web, base_url="http://127.0.0.1", client=("10.0.0.66", 4000))
    for index in range(20):  # a different name each time: the per-username limit never trips
        answer = prowler.post("/api/login", json={"username": f"guess{index}", "password": "not the password"})
        assert answer.status_code == 401
    blocked = prowler.post("/api/login", json={"username": A, "password": PASSWORD})
    assert blocked.status_code == 429 and message(blocked)
    neighbour = TestClient(fresh.web, base_url="http://127.0.0.1", client=("10.0.0.67", 4000))
    assert neighbour.post("/api/login", json={"username": A, "password": PASSWORD}).status_code == 200
