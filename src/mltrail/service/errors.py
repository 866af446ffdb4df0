"""Typed errors of the engine: what went wrong, as data each interface words for its users.

Every error carries the facts (which exercise, which suggestions) and a plain
`str()` for callers that only log; the CLI, the web app and the notebook each say
it their own way.
"""

from __future__ import annotations


class ServiceError(Exception):
    """Something a caller asked for that cannot be done; `str()` says what to do."""


UserError = ServiceError  # the name interfaces used before the errors were typed


class NotFound(ServiceError):
    """No exercise or lesson has this id; `suggestions` lists close ids."""

    def __init__(self, kind: str, ident: str, suggestions: list[str] | None = None) -> None:
        self.kind, self.ident, self.suggestions = kind, ident, list(suggestions or [])
        super().__init__(f"unknown {kind} '{ident}'")


class Invalid(ServiceError):
    """The thing exists but cannot be used as it is (content that does not load, a bad submission)."""

    def __init__(self, ident: str, problem: str) -> None:
        self.ident, self.problem = ident, problem
        super().__init__(f"{ident}: {problem}")


class Forbidden(ServiceError):
    """The learner may not do this yet (see a solution before passing, without revealing)."""

    def __init__(self, action: str, ident: str) -> None:
        self.action, self.ident = action, ident
        super().__init__(f"{action} of {ident} is not allowed yet")


class Conflict(ServiceError):
    """The request clashes with the state of the store (a schema older than this mltrail)."""

    def __init__(self, what: str, detail: str) -> None:
        self.what, self.detail = what, detail
        super().__init__(f"{what}: {detail}")


__all__ = ["Conflict", "Forbidden", "Invalid", "NotFound", "ServiceError", "UserError"]
