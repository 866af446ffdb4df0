"""A hostile review of the web app's caches and its pure-ASGI middleware: no memo or cache
answers one learner with another's records, every change is seen on the next request, the
CSRF check holds for every body shape, and every answer carries the security headers."""

from __future__ import annotations

import pytest

from mltrail.web import security

pytestmark = pytest.mark.usefixtures("fast_hashing")

CLAMP = "def clamp(x, low, high):\n    return min(max(x, low), high)\n"
WRONG = "def clamp(x, low, high):\n    return x\n"
LESSON = "python/01-values-and-control-flow"


def _submit(client, code: str, exercise: str = "python/clamp") -> dict:
    answer = client.post("/api/attempts", json={"exercise": exercise, "code": code},
                         headers={"x-csrf-token": client.csrf})
    assert answer.status_code == 201, answer.text
    return answer.json()


def _views(client) -> dict:
    """Everything the engine's memos and caches answer for the viewer."""
    views = {}
    for url in ("/api/progress", "/api/next", "/api/mastery", "/api/attempts", "/api/reviews",
                "/api/dashboard/coach"):
        answer = client.get(url)
        assert answer.status_code == 200, (url, answer.text[:300])
        views[url] = answer.json()
    views["/map"] = client.get("/map").text
    return views


def _strip_times(views: dict) -> dict:
    out = dict(views)
    out.pop("/api/reviews", None)  # its "now" moves
    return out


# ------------------------------------------------------------ cross-learner

def test_interleaved_learners_never_see_each_others_memos(multi):
    """A passes, fails and reads; B, asking between each of A's steps, always gets exactly
    what a fresh server would give B (nothing), and A always gets her own."""
    a, b = multi.user("ann"), multi.user("bob")
    empty = _strip_times(_views(b))
    assert empty["/api/attempts"] == []
    _views(a)  # A's memos exist before her records change
    _submit(a, WRONG)
    assert _strip_times(_views(b)) == empty
    _submit(a, CLAMP)
    a.post(f"/lessons/{LESSON}/read", headers={"x-csrf-token": a.csrf, "hx-request": "true"})
    mine = _views(a)
    assert len(mine["/api/attempts"]) == 2
    assert mine["/api/progress"] != empty["/api/progress"]
    assert mine["/api/mastery"] != empty["/api/mastery"]
    assert _strip_times(_views(b)) == empty
    # B's memo is now warm; A's must still be hers
    assert _strip_times(_views(a)) == _strip_times(mine)
    assert b.get(f"/api/attempts/{mine['/api/attempts'][0]['id']}").status_code == 404


def _team_of(lead, member) -> dict:
    """A team "Analysts" made by `lead` through the API, `member` joined by its invite."""
    created = lead.post("/api/teams", json={"name": "Analysts"}, headers={"x-csrf-token": lead.csrf})
    assert created.status_code == 201, created.text
    team = created.json()
    joined = member.post(f"/api/join/{team['invite_path'].rsplit('/', 1)[-1]}", headers={"x-csrf-token": member.csrf})
    assert joined.status_code == 200, joined.text
    return team


def test_a_lead_viewing_a_member_does_not_poison_either_memo(multi):
    """The lead's team pages compute a member's mastery and progress through the same memos."""
    lead, member = multi.user("lena", "lead"), multi.user("max")
    team = _team_of(lead, member)
    lead_before = _strip_times(_views(lead))
    _submit(member, CLAMP)
    seen = lead.get(f"/api/teams/{team['id']}/members/max/progress")
    assert seen.status_code == 200, seen.text
    assert _strip_times(_views(lead)) == lead_before  # the lead's own views are the lead's
    assert len(_views(member)["/api/attempts"]) == 1


# ------------------------------------------------------------ staleness of access, in one process

def _admin_change(admin, account_id: int, **body):
    answer = admin.post(f"/api/admin/users/{account_id}", json=body, headers={"x-csrf-token": admin.csrf})
    assert answer.status_code == 200, answer.text


def test_a_role_taken_away_is_refused_on_the_very_next_request(multi):
    boss, other = multi.user("boss", "admin"), multi.user("ada", "admin")
    assert other.get("/api/admin/users").status_code == 200  # her session is in the cache now
    _admin_change(boss, multi.users["ada"].id, role="learner")
    assert other.get("/api/admin/users").status_code == 403
    assert other.get("/admin").status_code in (303, 403, 404)


def test_a_disabled_account_is_signed_out_at_once_cookie_and_bearer(multi):
    boss, ann = multi.user("boss", "admin"), multi.user("ann")
    token = multi.client().post("/api/login", json={"username": "ann", "password": "correct horse battery"}).json()["token"]
    bearer = {"authorization": f"Bearer {token}"}
    plain = multi.client()
    assert ann.get("/api/progress").status_code == 200
    assert plain.get("/api/progress", headers=bearer).status_code == 200
    _admin_change(boss, multi.users["ann"].id, active=False)
    assert ann.get("/api/progress").status_code == 401
    assert plain.get("/api/progress", headers=bearer).status_code == 401


def test_a_removed_member_is_hidden_from_the_lead_at_once(multi):
    lead, member = multi.user("lena", "lead"), multi.user("max")
    team = _team_of(lead, member)
    url = f"/api/teams/{team['id']}/members/max/progress"
    assert lead.get(url).status_code == 200
    assert member.post(f"/api/teams/{team['id']}/leave", headers={"x-csrf-token": member.csrf}).status_code == 204
    assert lead.get(url).status_code == 404


def test_signing_out_through_the_api_ends_the_bearer_token_at_once(multi):
    multi.user("ann")
    token = multi.client().post("/api/login", json={"username": "ann", "password": "correct horse battery"}).json()["token"]
    bearer = {"authorization": f"Bearer {token}"}
    client = multi.client()
    assert client.get("/api/progress", headers=bearer).status_code == 200  # cached now
    assert client.post("/api/logout", headers=bearer).status_code == 204
    assert client.get("/api/progress", headers=bearer).status_code == 401


# ------------------------------------------------------------ staleness of records

def test_an_import_is_seen_by_every_view_on_the_next_request(multi):
    a, b = multi.user("ann"), multi.user("bob")
    _submit(a, WRONG)
    _submit(a, CLAMP)
    a.post(f"/lessons/{LESSON}/read", headers={"x-csrf-token": a.csrf, "hx-request": "true"})
    exported = a.get("/api/export")
    before = _strip_times(_views(b))  # every memo of B is warm
    answer = b.post("/api/import", content=exported.content,
                    headers={"x-csrf-token": b.csrf, "content-type": "application/json"})
    assert answer.status_code == 200, answer.text
    after = _strip_times(_views(b))
    assert len(after["/api/attempts"]) == 2
    for url in ("/api/progress", "/api/mastery", "/api/dashboard/coach", "/map"):
        assert after[url] != before[url], url
    assert after["/api/progress"] == _strip_times(_views(a))["/api/progress"]


def test_a_regrade_of_a_stale_attempt_is_seen_on_the_next_request(multi):
    a = multi.user("ann")
    engine = multi.engine
    learner_id = engine.learner_id("ann")
    attempt_id = engine.store.start_attempt(learner_id, "python/clamp", CLAMP, seed=1, lease_s=-1)
    listed = a.get("/api/attempts").json()
    assert [x["status"] for x in listed] == ["pending"]
    progress = a.get("/api/progress").json()
    assert engine.regrade_stale("ann") == 1
    assert a.get(f"/api/attempts/{attempt_id}").json()["status"] == "passed"
    assert [x["status"] for x in a.get("/api/attempts").json()] == ["passed"]
    assert a.get("/api/progress").json() != progress


def _fit(engine, prior: float) -> None:
    """A stored fit, as `mltrail coach fit` on the same home writes it: every skill's row."""
    engine.store.replace_coach_params([
        {"key": skill, "scope": "skill", "prior": prior, "learn": 0.2, "guess": 0.1, "slip": 0.1, "forget": 0.01,
         "sequences": 40, "log_likelihood": -1.0, "baseline_log_likelihood": -2.0} for skill in engine.skill_graph.order])


def test_a_refit_is_seen_by_mastery_the_map_and_the_panel_on_the_next_request(multi):
    a = multi.user("ann")
    _submit(a, CLAMP)
    before = _strip_times(_views(a))
    _fit(multi.engine, 0.9)  # `mltrail coach fit` on the same home
    after = _strip_times(_views(a))
    for url in ("/api/mastery", "/map", "/api/dashboard/coach"):
        assert after[url] != before[url], url
    _fit(multi.engine, 0.01)
    again = _strip_times(_views(a))
    assert again["/api/mastery"] != after["/api/mastery"]


def test_a_graded_attempt_the_stamp_does_not_order_is_still_seen(multi):
    """Two gradings of one learner finishing out of order (the later one stamped earlier, as a
    CLI check and the server may): the history fingerprint must still change."""
    from datetime import timedelta

    from mltrail.store import db as store_db

    a = multi.user("ann")
    engine = multi.engine
    learner_id = engine.learner_id("ann")
    first = engine.store.start_attempt(learner_id, "python/clamp", CLAMP, seed=1)
    second = engine.store.start_attempt(learner_id, "python/clamp", WRONG, seed=2)
    _, verdict = engine.submit("ann", "python/clamp", WRONG.encode(), record=False, seed=2)
    engine.store.finish_attempt(second, verdict.to_record())
    assert [x["status"] for x in a.get("/api/attempts").json()] == ["failed", "pending"]
    _, verdict = engine.submit("ann", "python/clamp", CLAMP.encode(), record=False, seed=1)
    real = store_db.utcnow
    with pytest.MonkeyPatch.context() as patch:  # its clock was read before the other's commit
        patch.setattr(store_db, "utcnow", lambda: real() - timedelta(seconds=5))
        engine.store.finish_attempt(first, verdict.to_record())
    assert [x["status"] for x in a.get("/api/attempts").json()] == ["failed", "passed"]
    assert "python/clamp" in engine.passed_ids("ann")


# ------------------------------------------------------------ the CSRF check and the body it reads

def _statuses(site, learner: str) -> list[str]:
    return [a.status for a in site.engine.attempts(learner)]


def test_a_form_body_read_for_its_token_still_reaches_the_route(multi):
    """urlencoded, chunked without a length, and multipart: the middleware reads the body for
    `csrf_token`, and the route still grades the code of the same body."""
    from urllib.parse import urlencode

    a = multi.user("ann")
    form = urlencode({"csrf_token": a.csrf, "code": CLAMP}).encode()
    whole = a.post("/exercises/python/clamp/check", content=form,
                   headers={"content-type": "application/x-www-form-urlencoded", "hx-request": "true"})
    assert whole.status_code == 200 and 'data-status="passed"' in whole.text, whole.text[:300]
    chunked = a.post("/exercises/python/clamp/check", content=iter([form[:7], form[7:40], form[40:]]),
                     headers={"content-type": "application/x-www-form-urlencoded", "hx-request": "true"})
    assert chunked.status_code == 200 and 'data-status="passed"' in chunked.text, chunked.text[:300]
    multipart = a.post("/exercises/python/clamp/check", data={"csrf_token": a.csrf},
                       files={"code": (None, WRONG)}, headers={"hx-request": "true"})
    assert multipart.status_code == 200 and 'data-status="failed"' in multipart.text, multipart.text[:300]
    assert _statuses(multi, "ann") == ["passed", "passed", "failed"]


@pytest.mark.parametrize("how", ["none", "empty header", "empty field", "query string", "another session",
                                 "visitor token", "header overrides field"])
def test_a_change_without_this_sessions_token_is_refused(multi, how):
    a, b = multi.user("ann"), multi.user("bob")
    visitor = multi.client().csrf  # a token bound to a visitor cookie, not to ann's session
    data, headers, url = {"code": CLAMP}, {"hx-request": "true"}, "/exercises/python/clamp/check"
    if how == "empty header":
        headers["x-csrf-token"] = ""
    elif how == "empty field":
        data["csrf_token"] = ""
    elif how == "query string":
        url += f"?csrf_token={a.csrf}"
    elif how == "another session":
        data["csrf_token"] = b.csrf
    elif how == "visitor token":
        headers["x-csrf-token"] = visitor
    elif how == "header overrides field":  # a right field does not excuse a wrong header
        data["csrf_token"], headers["x-csrf-token"] = a.csrf, b.csrf
    answer = a.post(url, data=data, headers=headers)
    assert answer.status_code == 403, (how, answer.status_code, answer.text[:200])
    assert _statuses(multi, "ann") == []


def test_an_oversized_form_without_a_length_is_refused_before_its_token_is_read(multi):
    from mltrail.web.server import MAX_BODY

    a = multi.user("ann")
    chunk = b"code=" + b"x" * 65536

    def body():
        yield f"csrf_token={a.csrf}&".encode()
        for _ in range(MAX_BODY // len(chunk) + 2):
            yield chunk

    answer = a.post("/exercises/python/clamp/check", content=body(),
                    headers={"content-type": "application/x-www-form-urlencoded"})
    assert answer.status_code == 413 and answer.json()["error"] == "too_large"
    assert _statuses(multi, "ann") == []


def test_head_and_options_never_run_a_change(multi):
    a = multi.user("ann")
    for method in ("HEAD", "OPTIONS"):
        for url in ("/exercises/python/clamp/check", f"/lessons/{LESSON}/read", "/api/attempts",
                    "/exercises/python/clamp/hint", "/logout"):
            answer = a.request(method, url)
            assert answer.status_code in (404, 405), (method, url, answer.status_code)
    assert _statuses(multi, "ann") == [] and multi.engine.lessons_read("ann") == set()
    assert multi.engine.store.events(multi.engine.learner_id("ann")) == []
    assert a.get("/api/progress").status_code == 200  # still signed in


# ------------------------------------------------------------ POST /lessons/{id}/read

def test_reading_a_lesson_only_by_a_same_site_post_of_this_session(multi):
    a, b = multi.user("ann"), multi.user("bob")
    url = f"/lessons/{LESSON}/read"
    assert a.get(url).status_code == 405  # an <img src> or a link cannot mark it read
    assert a.post(url, data={"csrf_token": a.csrf}, headers={"origin": "http://evil.example"}).status_code == 403
    assert a.post(url, data={"csrf_token": a.csrf}, headers={"referer": "http://evil.example/x"}).status_code == 403
    assert a.post(url).status_code == 403  # a cross-site form has no token
    assert a.post(url, headers={"x-csrf-token": b.csrf}).status_code == 403
    anonymous = multi.client()
    refused = anonymous.post(url, headers={"x-csrf-token": anonymous.csrf})
    assert refused.status_code == 303 and refused.headers["location"].startswith("/login")
    for unknown in ("/lessons/python/no-such/read", "/lessons/no-such/01-values-and-control-flow/read",
                    "/lessons/python/clamp/read"):  # an exercise's id is not a lesson
        assert a.post(unknown, headers={"x-csrf-token": a.csrf}).status_code == 404, unknown
    assert multi.engine.lessons_read("ann") == set()
    assert a.post(url, headers={"x-csrf-token": a.csrf}).status_code == 303
    assert multi.engine.lessons_read("ann") == {LESSON} and multi.engine.lessons_read("bob") == set()
    # progress (which counts lessons) shows it at once; bob's does not
    assert a.get("/api/progress").json() != b.get("/api/progress").json()


# ------------------------------------------------------------ headers on every answer

def _has_security_headers(answer, where: str) -> list[str]:
    problems = []
    for name, value in security.HEADERS.items():
        found = answer.headers.get_list(name)
        if found != [value]:
            problems.append(f"{where} ({answer.status_code}): {name} is {found}")
    return problems


def test_every_answer_carries_the_security_headers_once(multi, personal, tmp_path):
    """Pages, fragments, JSON, redirects, static files, 404s, 405s, and the middlewares' own
    refusals (CSRF, another origin, a body too large, a personal server's foreign host)."""
    from mltrail.web.server import MAX_BODY

    a = multi.user("ann")
    anonymous = multi.client()
    checks = {
        "page": a.get("/"), "map": a.get("/map"), "api json": a.get("/api/progress"),
        "export": a.get("/api/export"), "openapi": a.get("/api/openapi.json"),
        "fragment": a.post(f"/lessons/{LESSON}/read", headers={"x-csrf-token": a.csrf, "hx-request": "true"}),
        "redirect": anonymous.get("/map"), "api 401": anonymous.get("/api/progress"),
        "static": a.get("/static/mltrail.css"), "static 404": a.get("/static/no-such.css"),
        "404": a.get("/no/such/page"), "405": a.get("/logout"),
        "csrf page": a.post("/logout"), "csrf json": a.post("/api/attempts", json={"exercise": "x", "code": ""}),
        "csrf fragment": a.post("/exercises/python/clamp/check", data={"code": ""}, headers={"hx-request": "true"}),
        "cross origin": a.post("/logout", headers={"x-csrf-token": a.csrf, "origin": "http://evil.example"}),
        "too large": a.post("/api/attempts", content=b"x" * (MAX_BODY + 1), headers={"x-csrf-token": a.csrf}),
        "too large, streamed": a.post("/api/attempts", content=iter([b"x" * MAX_BODY, b"x" * 10]),
                                      headers={"x-csrf-token": a.csrf}),
        "foreign host": personal.client().get("/", headers={"host": "evil.example"}),
    }
    figure = a.get("/lessons/linear-algebra/02-matrices/figures/matrix-on-a-grid.svg")
    assert figure.status_code == 200 and figure.headers.get_list("content-security-policy") == [
        "default-src 'none'; style-src 'unsafe-inline'"]  # its own, stricter one, not a second
    problems = [p for p in _has_security_headers(figure, "figure") if "content-security-policy" not in p]
    for where, answer in checks.items():
        problems += _has_security_headers(answer, where)
        if where not in ("static", "static 404") and answer.headers.get_list("cache-control") != ["no-store"]:
            problems.append(f"{where}: cache-control {answer.headers.get_list('cache-control')}")
    assert checks["csrf page"].status_code == 403 and checks["too large"].status_code == 413
    assert checks["too large, streamed"].status_code == 413 and checks["foreign host"].status_code == 400
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------ cookies

def test_the_visitor_cookie_is_strict_and_only_for_those_not_signed_in(multi, tmp_path):
    from .conftest import make_site

    from fastapi.testclient import TestClient

    def fresh(site):
        return TestClient(site.web, base_url="http://127.0.0.1", follow_redirects=False)

    first = fresh(multi).get("/login")
    cookie = first.headers["set-cookie"].lower()
    assert cookie.startswith(security.VISITOR_COOKIE + "=")
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/" in cookie and "secure" not in cookie
    multi.user("ann")
    token = multi.client().post("/api/login", json={"username": "ann", "password": "correct horse battery"}).json()["token"]
    a = fresh(multi)  # signed in, and never given a visitor cookie
    a.cookies.set(security.SESSION_COOKIE, token)
    for url in ("/", "/map", "/api/progress", "/static/mltrail.css"):
        answer = a.get(url)
        assert answer.status_code == 200 and "set-cookie" not in answer.headers, url
    secure = make_site(tmp_path / "secure", multi_user=True, registration="open", secure_cookies=True)
    try:
        cookie = fresh(secure).get("/login").headers["set-cookie"].lower()
        assert "; secure" in cookie and "httponly" in cookie
    finally:
        secure.engine.close()


def test_a_session_token_sent_before_sign_in_is_never_the_one_after(multi):
    """Fixation through the rewritten cookie path: a session cookie planted by another (their
    own valid session) is ended at sign-in, and the new one is not it."""
    multi.user("eve")
    eve_token = multi.client().post("/api/login", json={"username": "eve", "password": "correct horse battery"}).json()["token"]
    multi.user("ann")
    victim = multi.client()
    victim.cookies.set(security.SESSION_COOKIE, eve_token)
    csrf = victim.get("/api/session").json()["csrf_token"]
    answer = victim.post("/login", data={"username": "ann", "password": "correct horse battery", "csrf_token": csrf})
    assert answer.status_code == 303, answer.text[:300]
    given = answer.headers["set-cookie"]
    assert given.startswith(security.SESSION_COOKIE + "=") and eve_token not in given
    victim.cookies.clear()
    victim.cookies.set(security.SESSION_COOKIE, given.split(";")[0].split("=", 1)[1])
    assert victim.get("/api/session").json()["learner"] == "ann"
    planted = multi.client().get("/api/session", headers={"authorization": f"Bearer {eve_token}"})
    assert planted.status_code == 200 and planted.json()["learner"] is None


def test_a_form_with_too_many_fields_is_a_clear_4xx_not_a_500(personal):
    """The middleware parses an urlencoded body for its token with a field limit: over it, the
    request is refused in words (it raised, a 500 for anyone, signed in or not)."""
    from fastapi.testclient import TestClient

    client = personal.client()
    lenient = TestClient(personal.web, base_url="http://127.0.0.1", follow_redirects=False,
                         raise_server_exceptions=False)
    lenient.cookies = client.cookies
    body = "&".join(f"f{i}=1" for i in range(60)) + f"&csrf_token={client.csrf}&code=x"
    answer = lenient.post("/exercises/python/clamp/check", content=body,
                          headers={"content-type": "application/x-www-form-urlencoded", "accept": "application/json"})
    assert answer.status_code == 422 and answer.json()["error"] == "invalid", answer.text[:200]
    assert answer.headers["content-security-policy"] == security.CSP
    assert personal.engine.attempts("local") == []


def test_a_password_changed_in_process_ends_the_cached_session_at_once(multi):
    """`Accounts` made elsewhere in the server's process (an admin command run in it) share the
    session cache: a password change ends the sessions a page has just remembered."""
    from mltrail.service.accounts import Accounts

    ann = multi.user("ann")
    assert ann.get("/api/progress").status_code == 200  # remembered
    Accounts(multi.engine).set_password(multi.users["ann"].id, "another long passphrase")
    assert ann.get("/api/progress").status_code == 401


def test_a_lead_made_a_learner_loses_the_lead_role_at_once(multi):
    boss, lead, member = multi.user("boss", "admin"), multi.user("lena", "lead"), multi.user("max")
    team = _team_of(lead, member)
    progress, page = f"/api/teams/{team['id']}/members/max/progress", f"/teams/{team['id']}"
    assert lead.get(progress).status_code == 200 and lead.get(page).status_code == 200
    _admin_change(boss, multi.users["lena"].id, role="learner")
    assert lead.post("/api/teams", json={"name": "Another"}, headers={"x-csrf-token": lead.csrf}).status_code == 403
    # the team they led is no longer theirs to look into: no member's progress, no team page
    assert lead.get(progress).status_code == 404 and lead.get(page).status_code == 404
    assert "Analysts" not in lead.get("/teams").text
    _admin_change(boss, multi.users["lena"].id, role="lead")  # made lead again: the team is theirs again
    assert lead.get(progress).status_code == 200 and lead.get(page).status_code == 200


def test_signing_in_on_a_second_device_keeps_the_first_when_the_hash_is_upgraded(multi, monkeypatch):
    """A sign-in that rehashes the password (the hasher's cost was raised) stores the same
    password anew: that is no password change, and the account's other sessions stay."""
    from argon2 import PasswordHasher

    first = multi.user("ann")
    assert first.get("/api/progress").status_code == 200
    monkeypatch.setattr("mltrail.service.accounts._hasher",
                        lambda: PasswordHasher(time_cost=2, memory_cost=8, parallelism=1))
    second = multi.client()
    answer = second.post("/login", data={"username": "ann", "password": "correct horse battery",
                                         "csrf_token": second.csrf})
    assert answer.status_code == 303
    assert ",t=2," in _hash_of(multi, "ann")  # it was rehashed
    assert first.get("/api/progress").status_code == 200
    from mltrail.service.accounts import Accounts

    Accounts(multi.engine)._forget_sessions()  # as 2 s later: the store is asked again
    assert first.get("/api/progress").status_code == 200


def _hash_of(site, name: str) -> str:
    from mltrail.service.accounts import Accounts

    return Accounts(site.engine).rows.by_username(name).password_hash


def test_two_learners_at_once_each_see_only_their_own(multi):
    """Real concurrency: two browsers in two threads submit and read their views in turn; each
    view, every time, counts exactly that learner's own attempts."""
    import threading

    clients = {"ann": multi.user("ann"), "bob": multi.user("bob")}
    problems: list[str] = []

    def work(name: str, code: str) -> None:
        client = clients[name]
        try:
            for done in range(1, 5):
                _submit(client, code)
                views = _views(client)
                attempts = views["/api/attempts"]
                if len(attempts) != done or {a["code"] for a in attempts} != {code}:
                    problems.append(f"{name}: {len(attempts)} attempts after {done}")
                if sum(1 for a in attempts if a["status"] == "passed") != (done if code == CLAMP else 0):
                    problems.append(f"{name}: statuses {[a['status'] for a in attempts]}")
        except Exception as exc:  # reported below, not lost in the thread
            problems.append(f"{name}: {exc!r}")

    threads = [threading.Thread(target=work, args=("ann", CLAMP)), threading.Thread(target=work, args=("bob", WRONG))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not problems, problems
    ann, bob = (_strip_times(_views(clients[n])) for n in ("ann", "bob"))
    assert ann["/api/progress"] != bob["/api/progress"] and ann["/api/mastery"] != bob["/api/mastery"]


def test_a_server_error_carries_the_security_headers_and_shows_no_internals(personal):
    """Starlette answers an unhandled error from outside every middleware: the answer must
    carry the headers itself, say nothing of the error, and the error must still be raised
    to the server (which logs it)."""
    from fastapi.testclient import TestClient

    def boom():
        raise RuntimeError("secret internals /home/someone/.config")

    personal.web.add_api_route("/api/boom", boom)
    personal.web.add_api_route("/boom", boom)
    client = TestClient(personal.web, base_url="http://127.0.0.1", raise_server_exceptions=False)
    for path in ("/api/boom", "/boom"):
        answer = client.get(path)
        assert answer.status_code == 500, path
        assert _has_security_headers(answer, path) == []
        assert answer.headers.get_list("cache-control") == ["no-store"]
        assert "secret internals" not in answer.text and "server's log" in answer.text
    assert client.get("/api/boom").json()["error"] == "server_error"
    with pytest.raises(RuntimeError):  # still raised to the server, which logs it
        TestClient(personal.web, base_url="http://127.0.0.1").get("/boom")
