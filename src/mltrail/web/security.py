"""Who is asking, and whether they may: sessions, CSRF, sign-in rate limits, response headers.

- Personal mode: one local learner, no sign-in; the server answers only requests addressed
  to a loopback host name (a DNS-rebinding page cannot reach it under another name).
- Multi-user mode: a signed-in browser carries `mltrail_session` (HttpOnly, SameSite=Lax,
  Secure when configured), a random token whose SHA-256 the store keeps. Scripts may send
  the same token as `Authorization: Bearer <token>` (from `POST /api/login`).
- CSRF: every state-changing request from a browser carries `X-CSRF-Token` (htmx and fetch)
  or a `csrf_token` form field equal to HMAC(server secret, the session token, or for a
  visitor not signed in the `mltrail_visitor` cookie). A request whose `Origin` is another
  site is refused outright. Bearer requests are exempt: no browser adds that header by itself.
- Sign-in attempts are limited per client address and per username.
"""

from __future__ import annotations

import hmac
import hashlib
import os
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

SESSION_COOKIE = "mltrail_session"
VISITOR_COOKIE = "mltrail_visitor"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


def server_secret(home: Path) -> bytes:
    """The server's HMAC key, made once per home (`web-secret`, readable by its owner only)."""
    path = Path(home) / "web-secret"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        data = path.read_bytes()
        if len(data) < 32:
            raise RuntimeError(f"{path} is damaged (shorter than 32 bytes): remove it and start again "
                               "(everyone will have to sign in again)") from None
        return data
    with os.fdopen(fd, "wb") as handle:
        handle.write(secrets.token_bytes(32))
    return path.read_bytes()


def csrf_token(secret: bytes, bound_to: str) -> str:
    return hmac.new(secret, b"csrf\0" + bound_to.encode("utf-8"), hashlib.sha256).hexdigest()


def csrf_ok(secret: bytes, bound_to: str | None, given: str | None) -> bool:
    if not bound_to or not given:
        return False
    return hmac.compare_digest(csrf_token(secret, bound_to), given)


def same_origin(origin: str | None, host: str | None) -> bool:
    """True when an Origin (or Referer) header names this server (or is absent)."""
    if not origin:
        return True
    if origin == "null":
        return False
    parts = urlsplit(origin)
    return bool(parts.netloc) and parts.netloc.lower() == (host or "").lower()


def loopback_host(host: str | None) -> bool:
    """Whether a Host header names a loopback host: the name, optionally `:port` (digits) after it."""
    if not host:
        return False
    if host.startswith("["):  # an IPv6 literal: "[::1]" or "[::1]:8000", nothing else after the bracket
        name, bracket, rest = host.partition("]")
        name += bracket
    else:
        name, _, rest = host.partition(":")
        rest = ":" + rest if _ else ""
    if rest and not (rest.startswith(":") and rest[1:].isdigit() and rest[1:].isascii()):
        return False
    return name.lower() in LOOPBACK_HOSTS


def safe_next(target: str | None, default: str = "/") -> str:
    """A redirect target after sign-in: a path on this server only (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or any(ord(c) < 32 for c in target):
        return default
    return target


@dataclass
class Limit:
    attempts: int
    window_s: float


def _user_key(username: str) -> str:
    """The limiter's key for a username as sign-in reads it (`Accounts.authenticate` strips and
    lower-cases it): " bob", "BOB " and "bob" are one account, so they share one count."""
    return "u:" + (username or "").strip().lower()


class SignInLimiter:
    """Failed sign-ins per client address and per username within a sliding window."""

    def __init__(self, per_address: Limit = Limit(20, 900), per_user: Limit = Limit(5, 900)) -> None:
        self.per_address, self.per_user = per_address, per_user
        self._failures: dict[str, deque] = defaultdict(deque)
        self._lock = threading.Lock()

    def _trim(self, key: str, window: float, now: float) -> deque:
        queue = self._failures[key]
        while queue and queue[0] < now - window:
            queue.popleft()
        return queue

    def retry_after(self, address: str, username: str) -> int:
        """Seconds to wait before trying again (0: go ahead)."""
        now = time.monotonic()
        waits = []
        with self._lock:
            for key, limit in ((f"a:{address}", self.per_address), (_user_key(username), self.per_user)):
                queue = self._trim(key, limit.window_s, now)
                if len(queue) >= limit.attempts:
                    waits.append(int(queue[0] + limit.window_s - now) + 1)
        return max(waits, default=0)

    def failed(self, address: str, username: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._failures[f"a:{address}"].append(now)
            self._failures[_user_key(username)].append(now)
            if len(self._failures) > 100_000:  # a flood of distinct names: forget the oldest
                for key in list(self._failures)[:50_000]:
                    del self._failures[key]

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(_user_key(username), None)
