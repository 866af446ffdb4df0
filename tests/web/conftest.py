"""Fixtures for the web app: a personal server and a multi-user one, each over a fresh home.

`personal` and `multi` give a `Site`: `.client()` a TestClient (new cookies each call),
`.engine` the App. In multi-user mode `site.user(name, role)` creates an account and returns
a client signed in as it, with `.csrf` set for POSTs. Grading runs unconfined here (these
tests are about the web layer; the sandbox has its own hostile suite), except where a test
builds its own site with the sandbox on.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient.*")

PASSWORD = "correct horse battery"


@dataclass
class Site:
    engine: object
    web: object
    multi_user: bool
    users: dict = field(default_factory=dict)

    def client(self):
        from fastapi.testclient import TestClient

        client = TestClient(self.web, base_url="http://127.0.0.1", follow_redirects=False)
        client.csrf = client.get("/api/session").json()["csrf_token"]
        return client

    def user(self, name: str, role: str = "learner"):
        """A client signed in as a new account `name` (created with `role`)."""
        from mltrail.service.accounts import Accounts

        if name not in self.users:
            self.users[name] = Accounts(self.engine).create_user(name, PASSWORD, name.title(), role)
        client = self.client()
        answer = client.post("/login", data={"username": name, "password": PASSWORD, "csrf_token": client.csrf})
        assert answer.status_code == 303, answer.text
        client.csrf = client.get("/api/session").json()["csrf_token"]
        client.account = self.users[name]
        return client


def make_site(home: Path, multi_user: bool, sandbox: str = "none", **options) -> Site:
    from mltrail.config import Settings
    from mltrail.service.accounts import WebOptions
    from mltrail.service.app import App
    from mltrail.web.server import create_app

    engine = App.open(Settings.resolve(home=home, sandbox=sandbox))
    web = create_app(engine, WebOptions(multi_user=multi_user, **options), multi_user=multi_user)
    return Site(engine, web, multi_user)


def cheap_hasher():
    """argon2 at its lowest cost, for tests about who may do what rather than about hashing."""
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(scope="module")
def fast_hashing():
    """`cheap_hasher` for every account made in the module (ask for it, or list it in
    `pytestmark = pytest.mark.usefixtures("fast_hashing")`)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("mltrail.service.accounts._hasher", cheap_hasher)
        yield


@pytest.fixture
def personal(tmp_path):
    site = make_site(tmp_path / "home", multi_user=False)
    yield site
    site.engine.close()


@pytest.fixture
def multi(tmp_path):
    site = make_site(tmp_path / "home", multi_user=True, registration="open")
    yield site
    site.engine.close()
