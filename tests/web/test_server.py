"""The web app's core: pages render, checks grade, sign-in works, and the guards hold."""

from __future__ import annotations

CLAMP = "def clamp(x, low, high):\n    return min(max(x, low), high)\n"
WRONG = "def clamp(x, low, high):\n    return x\n"


def test_personal_pages_render(personal):
    client = personal.client()
    for url in ("/", "/map", "/modules", "/modules/python", "/lessons/python/01-values-and-control-flow",
                "/exercises/python/clamp", "/skills/python/types", "/healthz"):
        answer = client.get(url)
        assert answer.status_code == 200, (url, answer.text[:300])
    assert "Next step" in client.get("/").text


def test_check_without_reload_gives_the_first_failing_case_then_a_pass(personal):
    client = personal.client()
    failed = client.post("/exercises/python/clamp/check", data={"code": WRONG},
                         headers={"x-csrf-token": client.csrf, "hx-request": "true"})
    assert failed.status_code == 200
    assert 'data-status="failed"' in failed.text and "Expected" in failed.text and "Got" in failed.text
    passed = client.post("/exercises/python/clamp/check", data={"code": CLAMP},
                         headers={"x-csrf-token": client.csrf, "hx-request": "true"})
    assert 'data-status="passed"' in passed.text
    # the next step is computed in the same request, after the pass was stored: it has moved on
    assert "Next: <a" in passed.text and 'href="/exercises/python/clamp"' not in passed.text
    assert "python/clamp" in personal.engine.passed_ids("local")
    page = client.get("/exercises/python/clamp").text
    assert "passed" in page and "Compare with the reference solution" in page


def test_api_submit_and_poll(personal):
    client = personal.client()
    answer = client.post("/api/attempts", json={"exercise": "python/clamp", "code": CLAMP},
                         headers={"x-csrf-token": client.csrf})
    assert answer.status_code == 201, answer.text
    verdict = answer.json()
    assert verdict["passed"] and verdict["attempt"]
    stored = client.get(f"/api/attempts/{verdict['attempt']}").json()
    assert stored["status"] == "passed" and stored["code"] == CLAMP


def test_csrf_is_required_and_checked(personal):
    client = personal.client()
    for headers in ({}, {"x-csrf-token": "0" * 64}):
        answer = client.post("/api/attempts", json={"exercise": "python/clamp", "code": CLAMP}, headers=headers)
        assert answer.status_code == 403 and answer.json()["error"] == "csrf"
    assert personal.engine.attempts("local") == []  # nothing stored


def test_cross_site_origin_is_refused_even_with_the_token(personal):
    client = personal.client()
    answer = client.post("/api/attempts", json={"exercise": "python/clamp", "code": CLAMP},
                         headers={"x-csrf-token": client.csrf, "origin": "http://evil.example"})
    assert answer.status_code == 403 and answer.json()["error"] == "cross_origin"


def test_personal_mode_answers_loopback_names_only(personal):
    client = personal.client()
    assert client.get("/", headers={"host": "attacker.example:8000"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200


def test_security_headers(personal):
    answer = personal.client().get("/")
    assert "default-src 'self'" in answer.headers["content-security-policy"]
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_multi_user_sign_in_redirects_and_sessions(multi):
    anonymous = multi.client()
    assert anonymous.get("/").status_code == 303
    assert anonymous.get("/api/next").status_code == 401
    alice = multi.user("alice")
    assert alice.get("/").status_code == 200
    assert alice.get("/api/session").json()["learner"] == "alice"


def test_wrong_password_is_refused_and_rate_limited(multi):
    multi.user("bob")
    client = multi.client()
    for _ in range(5):
        answer = client.post("/login", data={"username": "bob", "password": "not the password",
                                             "csrf_token": client.csrf})
        assert answer.status_code == 401
    blocked = client.post("/login", data={"username": "bob", "password": "correct horse battery",
                                          "csrf_token": client.csrf})
    assert blocked.status_code == 429  # even the right password waits once the limit is hit


def test_sign_in_gives_a_new_session_token(multi):
    multi.user("carol")
    client = multi.client()
    client.cookies.set("mltrail_session", "planted-by-an-attacker")
    answer = client.post("/login", data={"username": "carol", "password": "correct horse battery",
                                         "csrf_token": client.csrf})
    assert answer.status_code == 303
    assert answer.cookies.get("mltrail_session") not in (None, "planted-by-an-attacker")


def test_open_redirect_after_sign_in_is_impossible(multi):
    multi.user("dave")
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"):
        client = multi.client()
        answer = client.post("/login", data={"username": "dave", "password": "correct horse battery",
                                             "next": target, "csrf_token": client.csrf})
        assert answer.headers["location"] == "/", target


def test_learners_do_not_see_each_others_attempts(multi):
    alice, bob = multi.user("alice"), multi.user("bob")
    made = alice.post("/api/attempts", json={"exercise": "python/clamp", "code": CLAMP},
                      headers={"x-csrf-token": alice.csrf}).json()
    assert bob.get(f"/api/attempts/{made['attempt']}").status_code == 404
    assert bob.get(f"/attempts/{made['attempt']}").status_code == 404
    assert bob.get("/api/attempts").json() == []
    assert alice.get(f"/api/attempts/{made['attempt']}").status_code == 200


def test_bearer_token_for_scripts(multi):
    multi.user("erin")
    client = multi.client()
    token = client.post("/api/login", json={"username": "erin", "password": "correct horse battery"}).json()["token"]
    script = multi.client()
    answer = script.post("/api/attempts", json={"exercise": "python/clamp", "code": CLAMP},
                         headers={"authorization": f"Bearer {token}"})
    assert answer.status_code == 201 and answer.json()["passed"]
    assert multi.client().get("/api/next", headers={"authorization": "Bearer nonsense"}).status_code == 401


def test_signup_open_registration_and_bad_input(multi):
    client = multi.client()
    bad = client.post("/signup", data={"username": "x", "password": "short", "csrf_token": client.csrf})
    assert bad.status_code == 422 and "username" in bad.text
    good = client.post("/signup", data={"username": "newbie", "password": "a long enough one",
                                        "csrf_token": client.csrf})
    assert good.status_code == 303 and good.headers["location"] == "/placement"
    taken = multi.client()
    again = taken.post("/signup", data={"username": "newbie", "password": "a long enough one",
                                        "csrf_token": taken.csrf})
    assert again.status_code == 409 and "taken" in again.text


def test_oversized_and_binary_code_get_clear_4xx_and_store_nothing(personal):
    client = personal.client()
    big = client.post("/api/attempts", json={"exercise": "python/clamp", "code": "x = 1\n" * 20000},
                      headers={"x-csrf-token": client.csrf})
    assert big.status_code in (413, 422) and big.json()["detail"]
    nul = client.post("/api/attempts", json={"exercise": "python/clamp", "code": "x = 1\0"},
                      headers={"x-csrf-token": client.csrf})
    assert nul.status_code == 422 and "NUL" in nul.json()["detail"]
    malformed = client.post("/api/attempts", content=b"{not json", headers={"x-csrf-token": client.csrf,
                                                                            "content-type": "application/json"})
    assert malformed.status_code == 422
    unknown = client.post("/api/attempts", json={"exercise": "python/nope", "code": CLAMP},
                          headers={"x-csrf-token": client.csrf})
    assert unknown.status_code == 404
    assert personal.engine.attempts("local") == []


def test_names_and_code_are_escaped(multi):
    from mltrail.service.accounts import Accounts

    Accounts(multi.engine).create_user("mallory", "correct horse battery", "<script>alert(1)</script>")
    client = multi.client()
    client.post("/login", data={"username": "mallory", "password": "correct horse battery", "csrf_token": client.csrf})
    page = client.get("/").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    client.csrf = client.get("/api/session").json()["csrf_token"]
    evil = "def clamp(x, low, high):\n    return '</textarea><script>alert(2)</script>'\n"
    client.post("/exercises/python/clamp/check", data={"code": evil}, headers={"x-csrf-token": client.csrf})
    page = client.get("/exercises/python/clamp").text
    assert "<script>alert(2)</script>" not in page


def test_the_event_loop_resolves_only_cached_sessions_and_never_reads_the_store(multi, monkeypatch):
    """`Identify` asks `_viewer(cached_only=True)` on the loop: a session the accounts have not
    cached must come back as None (the lookup then goes to a worker thread), never a store read."""
    from starlette.requests import Request

    from mltrail.service.accounts import Accounts
    from mltrail.web import security
    from mltrail.web.server import _viewer

    state = multi.web.state.web
    accounts = state.accounts
    token = accounts.start_session(Accounts(multi.engine).create_user("looper", "correct horse battery"), 1)

    def request():
        cookie = f"{security.SESSION_COOKIE}={token}".encode()
        return Request({"type": "http", "method": "GET", "path": "/", "headers": [(b"cookie", cookie)]})

    def no_store(*args, **kwargs):
        raise AssertionError("the store was read on the event loop")

    real = accounts.rows.session_account
    monkeypatch.setattr(accounts.rows, "session_account", no_store)
    accounts._forget_sessions()
    assert _viewer(state, request(), cached_only=True) is None  # not cached: the caller goes to a thread
    monkeypatch.setattr(accounts.rows, "session_account", real)
    viewer, _ = _viewer(state, request())  # what the worker thread does: reads the store, caches it
    assert viewer.learner == "looper"
    monkeypatch.setattr(accounts.rows, "session_account", no_store)
    viewer, fresh = _viewer(state, request(), cached_only=True)
    assert viewer.learner == "looper" and fresh is None
