"""Schemathesis against the app's own OpenAPI schema (through ASGI, no network): no 500 anywhere.

Every operation of `/api/openapi.json` gets generated requests (valid and invalid by the schema),
sent three ways: anonymous, as a learner and as an admin (bearer tokens, as `POST /api/login`
gives them, so state-changing calls get past the CSRF check and reach the routes). Every other
example names records that exist (an exercise, A's team, an attempt), to get past the 404s. The examples per
operation are bounded so the whole run stays well under a minute.
"""

from __future__ import annotations

import itertools

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error

from .test_authz import build_world

EXAMPLES = 5  # per operation; about 45 operations, three principals each


@pytest.fixture(scope="module")
def api(tmp_path_factory, fast_hashing):
    world = build_world(tmp_path_factory.mktemp("schema") / "home")
    world.tokens = {}
    yield world
    world.engine.close()


@pytest.fixture(scope="module")
def api_schema(api):
    return schemathesis.openapi.from_asgi("/api/openapi.json", api.web)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          phases=[Phase.explicit, Phase.generate],
          suppress_health_check=list(HealthCheck))
def test_no_request_makes_a_server_error(case, api):
    if next(TURNS) % 2:  # every other example names things that exist, to get past the 404s
        realistic(case, api)
    for principal in (None, "alice", "root"):
        headers = {"authorization": f"Bearer {signed_in(api, principal)}"} if principal else {}
        case.call_and_validate(headers=headers, checks=[not_a_server_error])


TURNS = itertools.count()


def realistic(case, api) -> None:
    """Path parameters (and an attempt's exercise) that name real records of the world."""
    real = {"module": "python", "name": "quiz" if "/quiz/" in case.operation.path else "clamp",
            "team_id": api.team_a, "username": "carol", "attempt_id": api.a_attempt,
            "account_id": api.carol_id, "code": api.team_a_code}
    if case.path_parameters:
        case.path_parameters = {key: real.get(key, value) for key, value in case.path_parameters.items()}
    if isinstance(case.body, dict) and "exercise" in case.body:
        case.body = {**case.body, "exercise": "python/clamp"}


def signed_in(api, name: str) -> str:
    """A live bearer token of `name`, whose account is as it was made (the fuzzer signs out,
    disables and demotes accounts: each example starts again from a working one)."""
    account = api.users[name]
    api.accounts.rows.update_account(account.id, active=True, role=account.role)
    token = api.tokens.get(name)
    if token is None or api.accounts.session_account(token) is None:
        token = api.tokens[name] = api.token(name)  # as POST /api/login makes it (which the fuzzer rate-limits)
    return token


def test_the_schema_documents_every_api_route(api):
    """Every /api route is in the schema (so the run above covers it), with a response model."""
    from .test_authz import app_routes

    spec = api.client("anonymous").get("/api/openapi.json").json()
    documented = {(method.upper(), path) for path, item in spec["paths"].items() for method in item}
    pages = {"/api/openapi.json", "/api/docs"}  # the schema itself, and the HTML page drawn from it
    missing = [f"{m} {p}" for m, p, _ in app_routes(api.web) if p.startswith("/api/") and m != "MOUNT"
               and p not in pages and (m, p) not in documented]
    assert not missing, f"/api routes left out of the OpenAPI schema: {missing}"
