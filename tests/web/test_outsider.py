"""What an outsider, a curious learner, a team member or an overstepping lead tries, beyond
what `test_authz`, `test_bad_input` and `test_cache_review` already cover.

Each test names the attack it replays: sign-in limits dodged with another spelling of the same
username, a burst of sign-ins taking 64 MiB of argon2 each, Host header games against the
personal server, progress files dated in the future or holding a profile of the wrong shape, a
pace too slow to date a plan; and, already stopped before and held here: a bogus bearer header
beside a session cookie, quiz answers carrying their own verdict, sign-up and sign-in answers
that would tell which names exist, case and look-alike usernames, signing up as the CLI's
learner, and figure paths out of a lesson's folder.
"""

from __future__ import annotations

import asyncio

import pytest

from .conftest import PASSWORD, make_site

pytestmark = pytest.mark.usefixtures("fast_hashing")


def asgi_get(app, path: str, headers: list[tuple[bytes, bytes]]) -> tuple[int, bytes]:
    """GET `path` from the ASGI app with exactly these raw headers (the test client merges
    repeated ones and always adds its own Host): (status, body)."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "root_path": "", "query_string": b"", "headers": headers,
             "client": ("127.0.0.1", 40000), "server": ("127.0.0.1", 8000)}
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


# ---------------------------------------------------------------- sign-in limits


def test_another_spelling_of_a_username_shares_its_sign_in_limit(multi):
    """Sign-in strips and lower-cases the name, so " bob", "BOB\\t" and "bob" are one account:
    five wrong passwords for any of them lock them all, the right password included."""
    from fastapi.testclient import TestClient

    multi.user("bob")
    guesser = multi.client()
    for spelling in ("bob", " bob", "BOB\t", "bob\n", "\u00a0Bob"):
        answer = guesser.post("/api/login", json={"username": spelling, "password": "not the password"})
        assert answer.status_code == 401, spelling
    elsewhere = TestClient(multi.web, base_url="http://127.0.0.1", client=("10.0.0.9", 5000))
    for spelling in ("  bob", "bob ", "BOB"):
        answer = elsewhere.post("/api/login", json={"username": spelling, "password": PASSWORD})
        assert answer.status_code == 429, (spelling, answer.status_code)
    form = multi.client()
    answer = form.post("/login", data={"username": " bob ", "password": PASSWORD, "csrf_token": form.csrf})
    assert answer.status_code == 429



def test_a_burst_of_sign_ins_hashes_a_few_passwords_at_a_time(multi, monkeypatch):
    """argon2 takes 64 MiB per verification: twelve sign-ins at once from anyone ran twelve at
    once (sixteen open sign-ups took the server from 190 MiB to 1.1 GiB); now a few at a time."""
    import threading
    import time

    from argon2.exceptions import VerifyMismatchError

    from mltrail.service.accounts import HASHING_SLOTS

    lock, running, most = threading.Lock(), [0], [0]

    def busy():
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1

    class Slow:
        def hash(self, password):
            busy()
            return "$argon2id$slow"

        def verify(self, hashed, password):
            busy()
            raise VerifyMismatchError()

        def check_needs_rehash(self, hashed):
            return False

    monkeypatch.setattr("mltrail.service.accounts._hasher", Slow)
    clients = [multi.client() for _ in range(12)]
    start = threading.Barrier(len(clients))
    answers = []

    def sign_in(index):
        start.wait()
        answers.append(clients[index].post("/api/login", json={"username": f"guess{index}", "password": "wrong"}))

    threads = [threading.Thread(target=sign_in, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(a.status_code for a in answers) == [401] * len(clients)
    assert 1 <= most[0] <= HASHING_SLOTS, most[0]


# ---------------------------------------------------------------- the personal server's Host check


@pytest.mark.parametrize("host", ["[::1].evil.example", "[::1]evil.example:80", "localhost:evil.example",
                                  "127.0.0.1:80@evil.example", "localhost:", "[::1]:"])
def test_the_personal_server_refuses_a_host_that_only_starts_like_loopback(personal, host):
    status, body = asgi_get(personal.web, "/api/progress", [(b"host", host.encode())])
    assert status == 400 and b"bad_host" in body, (host, status)


def test_the_personal_server_refuses_two_host_headers(personal):
    for hosts in (["127.0.0.1", "evil.example"], ["evil.example", "127.0.0.1"], ["127.0.0.1", "127.0.0.1:8000"]):
        status, body = asgi_get(personal.web, "/api/progress", [(b"host", h.encode()) for h in hosts])
        assert status == 400 and b"bad_host" in body, hosts


def test_the_personal_server_still_answers_every_loopback_spelling(personal):
    for host in ("127.0.0.1", "127.0.0.1:8000", "localhost", "LocalHost:80", "[::1]", "[::1]:8000"):
        status, _ = asgi_get(personal.web, "/api/progress", [(b"host", host.encode())])
        assert status == 200, host


# ---------------------------------------------------------------- forged progress through an import


CLAMP = "def clamp(x, low, high):\n    return min(max(x, low), high)\n"


def _lead_and_member(site):
    """A lead with a team, and `bob` in it: (lead client, bob client, team id)."""
    lead, bob = site.user("lena", "lead"), site.user("bob")
    team = lead.post("/api/teams", json={"name": "Team"}, headers={"x-csrf-token": lead.csrf}).json()
    joined = bob.post(f"/api/join/{team['invite_path'].rsplit('/', 1)[1]}", headers={"x-csrf-token": bob.csrf})
    assert joined.status_code == 200
    return lead, bob, team["id"]


def _progress_file(attempts=(), events=()) -> dict:
    return {"format": "mltrail-progress", "version": 1, "exported_at": "2026-01-02T00:00:00Z",
            "attempts": list(attempts), "events": list(events)}


@pytest.mark.parametrize("where", ["attempt", "event", "exported_at"])
def test_an_import_dated_in_the_future_is_refused_and_the_lead_sees_no_such_activity(multi, where):
    """A learner dating records years ahead showed their lead a `last_active` of 2099 (and broke
    the weekly plot); a file from the future is refused whole, naming the field."""
    lead, bob, team = _lead_and_member(multi)
    future = "2099-12-31T00:00:00Z"
    attempt = {"exercise": "python/clamp", "code": CLAMP, "seed": 1, "status": "passed",
               "created_at": future if where == "attempt" else "2026-01-01T00:00:00Z"}
    event = {"kind": "lesson_read", "subject": "python/01-values-and-control-flow",
             "created_at": future if where == "event" else "2026-01-01T00:00:00Z"}
    data = _progress_file([attempt], [event])
    if where == "exported_at":
        data["exported_at"] = future
    answer = bob.post("/api/import", json=data, headers={"x-csrf-token": bob.csrf})
    assert answer.status_code == 422 and "future" in answer.json()["detail"], answer.text
    assert multi.engine.attempts("bob") == []
    member = lead.get(f"/api/teams/{team}").json()["members"][0]
    assert member["last_active"] is None and member["passed"] == 0


def test_an_import_from_a_server_whose_clock_is_a_little_ahead_is_still_taken(multi):
    from datetime import datetime, timedelta, timezone

    bob = multi.user("bob")
    soon = (datetime.now(timezone.utc) + timedelta(hours=2)).isoformat()
    data = _progress_file([{"exercise": "python/clamp", "code": CLAMP, "seed": 1, "status": "passed", "created_at": soon}])
    answer = bob.post("/api/import", json=data, headers={"x-csrf-token": bob.csrf})
    assert answer.status_code == 200 and answer.json()["passed"] == 1, answer.text



@pytest.mark.parametrize("detail", [{"goal": ["ml-engineer"]}, {"persona": {"id": "x"}}, {"goal": 5},
                                    {"hours_per_week": True}, {"hours_per_week": 1000}, {"hours_per_week": "5"}])
def test_an_imported_profile_of_the_wrong_shape_is_refused(multi, detail):
    """A profile event is imported as recorded and read back by every coach page: one whose goal
    was a list broke /careers, /api/careers and the dashboard's panel with a 500 for good."""
    bob = multi.user("bob")
    event = {"kind": "profile", "subject": "", "detail": detail, "created_at": "2026-01-01T00:00:00Z"}
    answer = bob.post("/api/import", json=_progress_file(events=[event]), headers={"x-csrf-token": bob.csrf})
    assert answer.status_code == 422 and "profile" in answer.json()["detail"], answer.text
    assert multi.engine.store.events(multi.engine.learner_id("bob"), kind="profile") == []
    for path in ("/", "/careers", "/api/careers", "/api/dashboard/coach", "/plan"):
        assert bob.get(path).status_code == 200, path


def test_an_import_with_nan_or_infinity_is_not_json(multi):
    bob = multi.user("bob")
    for constant in ("NaN", "Infinity", "-Infinity"):
        raw = ('{"format": "mltrail-progress", "version": 1, "exported_at": "2026-01-02T00:00:00Z", "events": '
               '[{"kind": "profile", "subject": "", "detail": {"hours_per_week": %s}, '
               '"created_at": "2026-01-01T00:00:00Z"}]}' % constant)
        answer = bob.post("/api/import", content=raw, headers={"x-csrf-token": bob.csrf,
                                                               "content-type": "application/json"})
        assert answer.status_code == 422 and "JSON" in answer.json()["detail"], constant


def test_a_pace_too_slow_to_date_is_said_not_a_server_error(multi):
    """0.0001 hours a week is "between 0 and 80", but its target dates fall past the year 9999:
    the dashboard, the plan page and /api/plan said 500 (the dashboard for good, once stored)."""
    bob = multi.user("bob")
    assert bob.post("/api/profile", json={"goal": "ml-engineer", "hours_per_week": 1e-300},
                    headers={"x-csrf-token": bob.csrf}).status_code == 200
    for path in ("/", "/plan"):
        assert bob.get(path).status_code == 200, path
    panel = bob.get("/api/dashboard/coach")
    assert panel.status_code == 200 and "9999" in panel.json()["problem"]
    answer = bob.get("/api/plan", params={"hours": 0.0001})
    assert 400 <= answer.status_code < 500 and "more hours" in answer.json()["detail"]


# ---------------------------------------------------------------- already stopped, now held


def test_a_bogus_bearer_header_does_not_let_a_cookie_session_skip_csrf(multi):
    """Bearer requests skip the CSRF check, so an unknown bearer token must not fall back on the
    session cookie the same request carries: the change is refused, nothing is stored."""
    bob = multi.user("bob")
    answer = bob.post("/api/attempts", json={"exercise": "python/clamp", "code": CLAMP},
                      headers={"authorization": "Bearer not-a-token"})
    assert answer.status_code == 401
    for header in ("Bearer ", "bearer  ", "Bearer " + "x" * 300):
        assert bob.post("/api/attempts", json={"exercise": "python/clamp", "code": CLAMP},
                        headers={"authorization": header}).status_code == 401, header
    assert multi.engine.attempts("bob") == []


def test_a_quiz_answer_carrying_its_own_verdict_is_refused(multi):
    """`correct`, `passed` or `status` sent with quiz answers are refused by the API and ignored by
    the page: only the grader says whether an answer is right."""
    bob = multi.user("bob")
    quiz = bob.get("/api/quiz/python/quiz").json()
    first = quiz["items"][0]["id"]
    for extra in ({"correct": True}, {"passed": True}, {"status": "passed"}):
        answer = bob.post("/api/quiz/python/quiz", json={"answers": {first: "zzz"}, **extra},
                          headers={"x-csrf-token": bob.csrf})
        assert answer.status_code == 422, extra
    assert multi.engine.attempts("bob") == []
    page = bob.post("/quiz/python/quiz", data={first: "zzz", "correct": "true", "passed": "yes", "status": "passed",
                                               "csrf_token": bob.csrf})
    assert page.status_code == 200
    assert [a.passed for a in multi.engine.attempts("bob")] == [False]


def test_sign_up_with_a_wrong_invite_says_nothing_of_which_names_are_taken(tmp_path):
    site = make_site(tmp_path / "home", multi_user=True, registration="invite")
    try:
        site.user("bob")
        answers = {}
        for name in ("bob", "nobody-here"):
            client = site.client()
            answer = client.post("/signup", data={"username": name, "password": PASSWORD, "invite": "not-a-code",
                                                  "csrf_token": client.csrf})
            answers[name] = (answer.status_code, answer.text.replace(name, "NAME").replace(client.csrf, "TOKEN"))
        assert answers["bob"] == answers["nobody-here"] and answers["bob"][0] == 422
        assert "taken" not in answers["bob"][1]
    finally:
        site.engine.close()


def test_sign_in_does_the_same_work_for_an_unknown_a_disabled_and_a_known_name(multi, monkeypatch):
    """No timing oracle: a wrong password costs one argon2 verification whether the name exists,
    is disabled, or was never there."""
    from .conftest import cheap_hasher

    multi.user("bob")
    admin = multi.user("root", "admin")
    zoe = multi.user("zoe")
    assert admin.post(f"/api/admin/users/{zoe.account.id}", json={"active": False},
                      headers={"x-csrf-token": admin.csrf}).status_code == 200
    multi.client().post("/api/login", json={"username": "nobody", "password": "warms the dummy hash up"})
    verified: list[str] = []

    class Counting:
        def __init__(self):
            self.hasher = cheap_hasher()

        def __getattr__(self, name):
            return getattr(self.hasher, name)

        def verify(self, hashed, password):
            verified.append(password)
            return self.hasher.verify(hashed, password)

    monkeypatch.setattr("mltrail.service.accounts._hasher", Counting)
    client = multi.client()
    for name in ("bob", "zoe", "nobody", "not a valid name!"):
        verified.clear()
        answer = client.post("/api/login", json={"username": name, "password": "a wrong password"})
        assert answer.status_code == 401 and answer.json()["detail"] == "wrong username or password"
        assert verified == ["a wrong password"], name


def test_case_and_look_alike_spellings_never_make_a_second_account(multi):
    """Usernames are lower-case ASCII: 'BOB' and the Kelvin sign's 'kate' are the names already
    taken, a Cyrillic look-alike is refused, and signing in with another case reaches one account."""
    multi.user("bob")
    multi.user("kate")
    for name, status in (("BOB", 409), (" Bob ", 409), ("\u212aate", 409), ("b\u043eb", 422), ("bob\u200b", 422)):
        client = multi.client()
        answer = client.post("/signup", data={"username": name, "password": PASSWORD, "csrf_token": client.csrf})
        assert answer.status_code == status, (name, answer.status_code)
    from mltrail.service.accounts import Accounts

    assert sorted(a.username for a in Accounts(multi.engine).rows.accounts()) == ["bob", "kate"]
    client = multi.client()
    assert client.post("/api/login", json={"username": "BOB", "password": PASSWORD}).status_code == 200


def test_signing_up_as_a_learner_the_cli_already_keeps_is_refused(tmp_path):
    """The operator's own learner (MLTRAIL_LEARNER=alice, or any name the CLI used in this home)
    has records but no account: a stranger signing up as "alice" must not inherit her code."""
    from fastapi.testclient import TestClient

    from mltrail.config import Settings
    from mltrail.service.accounts import WebOptions
    from mltrail.service.app import App
    from mltrail.web.server import create_app

    engine = App.open(Settings.resolve(home=tmp_path / "home", sandbox="none", learner="alice"))
    try:
        engine.submit("alice", "python/clamp", ("# alice's private notes\n" + CLAMP).encode())
        web = create_app(engine, WebOptions(multi_user=True, registration="open"), multi_user=True)
        stranger = TestClient(web, base_url="http://127.0.0.1", follow_redirects=False)
        csrf = stranger.get("/api/session").json()["csrf_token"]
        answer = stranger.post("/signup", data={"username": "Alice", "password": PASSWORD, "csrf_token": csrf})
        assert answer.status_code == 409 and "taken" in answer.text
        assert stranger.get("/api/attempts").status_code == 401
        from mltrail.service.accounts import Accounts

        assert Accounts(engine).rows.by_username("alice") is None
    finally:
        engine.close()


# ---------------------------------------------------------------- paths out of a lesson's folder


LESSON = "/lessons/python/01-values-and-control-flow"


@pytest.mark.parametrize("name", [
    "..%2F..%2F..%2Ftrigonometry%2Flessons%2Ffigures%2Fcyclical-encoding.svg",
    "%2E%2E%2F%2E%2E%2F%2E%2E%2Ftrigonometry%2Flessons%2Ffigures%2Fcyclical-encoding.svg",
    "..%5C..%5C..%5Ctrigonometry%5Clessons%5Cfigures%5Ccyclical-encoding.svg",
    "%2Fetc%2Fhostname.png", ".hidden.svg", "%2e%2e", "%2e%2e%2fbest-so-far.svg"])
def test_a_figure_name_never_leaves_its_lessons_folder(personal, name):
    client = personal.client()
    assert client.get(f"{LESSON}/figures/best-so-far.svg").status_code == 200  # the route serves figures
    answer = client.get(f"{LESSON}/figures/{name}")
    assert answer.status_code == 404, (name, answer.status_code)
    assert b"<svg" not in answer.content


def test_a_symlinked_figure_pointing_out_of_the_folder_is_not_served(tmp_path):
    """Content from an extra course folder may hold a symlink named like a figure: it is served
    only when it resolves inside the lesson's own folder."""
    from types import SimpleNamespace

    from mltrail.web.render import figure_file

    outside = tmp_path / "private.png"
    outside.write_bytes(b"\x89PNG private")
    lessons = tmp_path / "course" / "lessons"
    (lessons / "figures").mkdir(parents=True)
    (lessons / "figures" / "inside.png").write_bytes(b"\x89PNG ok")
    (lessons / "figures" / "leak.png").symlink_to(outside)
    (lessons / "figures" / "alias.png").symlink_to(lessons / "figures" / "inside.png")
    lesson = SimpleNamespace(path=lessons / "01-intro.md")
    assert figure_file(lesson, "inside.png") is not None and figure_file(lesson, "alias.png") is not None
    assert figure_file(lesson, "leak.png") is None
    assert figure_file(lesson, str(outside)) is None and figure_file(lesson, "../../private.png") is None
