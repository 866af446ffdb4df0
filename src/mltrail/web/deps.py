"""What every route module needs: the engine, the viewer, and who may do what.

Route modules (`pages`, `routes_api`, `pages_coach`, `pages_teams`) use these and nothing
else of the server: `engine(request)` is the one `service.app.App`, `learner(request)` the
signed-in viewer (401 otherwise: pages redirect to the sign-in page, the API answers JSON).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import HTTPException, Path, Request

from mltrail.web.server import Viewer, WebState

# a record's id in a path: bounded, so a number past SQLite's 64-bit integers is a 422, not a 500
RecordId = Annotated[int, Path(ge=1, le=2**62, description="a numeric id")]


def state(request: Request) -> WebState:
    return request.app.state.web


def engine(request: Request):
    return request.app.state.web.engine


def viewer(request: Request) -> Viewer:
    return request.state.viewer


def learner(request: Request) -> Viewer:
    """The viewer, who must be a learner (signed in, in multi-user mode)."""
    found = request.state.viewer
    if found.learner is None:
        raise HTTPException(401, "sign in first")
    return found


def account(request: Request) -> Viewer:
    """The viewer, who must be signed in to an account (multi-user mode only)."""
    found = learner(request)
    if found.account is None:
        raise HTTPException(404, "teams and accounts exist only when the server runs with --multi-user")
    return found


def admin(request: Request) -> Viewer:
    found = account(request)
    if found.role != "admin":
        raise HTTPException(403, "admins only")
    return found


def lead(request: Request) -> Viewer:
    found = account(request)
    if found.role not in ("lead", "admin"):
        raise HTTPException(403, "team leads and admins only")
    return found
