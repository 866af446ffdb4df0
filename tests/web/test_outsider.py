"""What an outsider, a curious learner, a team member or an overstepping lead tries, beyond
what `test_authz`, `test_bad_input` and `test_cache_review` already cover.

Each test names the attack it replays: sign-in limits dodged with another spelling of the same
username, Host header games against the personal server (a name that only starts like a
loopback one, two Host headers), and more below.
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

