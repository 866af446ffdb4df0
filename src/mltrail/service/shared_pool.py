"""One warm grading pool per home, shared with one-shot commands of the same user.

A long-running command (`mltrail watch`) keeps a zygote pool warm. It also listens on a
Unix socket in the abstract namespace, named after the home folder and the user, so a
one-shot `mltrail check` or `grade` in another terminal runs its job there in
milliseconds instead of starting a confined interpreter (about a second).

Only the untrusted part crosses: the client keeps the trusted side (cases, expected
outputs, comparison, the store) and sends a job request as any sandbox gets it; the
server runs it in its pool and sends back the job's raw reply, which the client decodes
with the same strict, bounded decoder as always. Both ends check the other's uid with
SO_PEERCRED: an abstract socket has no file permissions, so a server that is not the
same user is never used, and a client that is not the same user is refused. The server
says which folders its jobs hide; a client whose course folders are not among them runs
its own sandbox instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import struct
import threading
from pathlib import Path

from mltrail.sandbox.process import SandboxRun
from mltrail.sandbox.reply import ReplyRefused, decode_reply, encode_reply

MAX_MESSAGE = 64 * 1024 * 1024
HEADER = struct.Struct("!I")
CONNECT_TIMEOUT_S = 0.5


def socket_name(home: Path) -> bytes:
    """The abstract socket name for a home folder and this user."""
    digest = hashlib.sha256(f"{Path(home).resolve()}\0{os.getuid()}".encode()).hexdigest()[:32]
    return b"\0mltrail-pool-" + digest.encode()


def _peer_uid(sock: socket.socket) -> int:
    data = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return struct.unpack("3i", data)[1]


def _send(sock: socket.socket, payload: dict) -> None:
    data = json.dumps(payload).encode("utf-8")
    sock.sendall(HEADER.pack(len(data)) + data)


def _recv(sock: socket.socket) -> dict | None:
    head = _exactly(sock, HEADER.size)
    if head is None:
        return None
    (size,) = HEADER.unpack(head)
    if size > MAX_MESSAGE:
        raise ValueError(f"a message of {size:,} bytes is over the limit")
    body = _exactly(sock, size)
    if body is None:
        return None
    value = json.loads(body)
    if not isinstance(value, dict):
        raise ValueError("a message must be a JSON object")
    return value


def _exactly(sock: socket.socket, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


class PoolServer:
    """Serves a pool's jobs to one-shot commands of the same user, until closed."""

    def __init__(self, pool, home: Path, forbidden: list[Path]) -> None:
        self.pool = pool
        self.forbidden = sorted(str(Path(p).resolve()) for p in forbidden)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM | socket.SOCK_CLOEXEC)
        self.sock.bind(socket_name(home))  # OSError (EADDRINUSE) when a pool for this home already serves
        self.sock.listen(16)
        self.served = 0
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="mltrail-pool-server", daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), name="mltrail-pool-client", daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            try:
                if _peer_uid(conn) != os.getuid():
                    return  # another user: nothing is said
                _send(conn, {"hello": "mltrail-pool", "forbidden": self.forbidden, "pid": os.getpid()})
                message = _recv(conn)
                if not message or "request" not in message:
                    return
                run = self.pool.run(message["request"], float(message["time_s"]), str(message.get("tenant", "")))
                self.served += 1
                _send(conn, {
                    "status": run.status, "output": run.output, "elapsed_ms": run.elapsed_ms, "detail": run.detail,
                    "reply": encode_reply(run.reply).decode("utf-8") if run.reply is not None else None,
                })
            except (OSError, ValueError, KeyError, TypeError):
                return

    def close(self) -> None:
        self._closed.set()
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


class RemoteSandbox:
    """A sandbox whose jobs run in another process's pool (same user, same home)."""

    confined = True

    def __init__(self, home: Path, fallback) -> None:
        self.home = Path(home)
        self.fallback = fallback  # used when the pool is gone, or cannot hide our folders
        self.remote_runs = 0

    def run(self, request: dict, time_s: float, tenant: str = "") -> SandboxRun:
        run = remote_run(self.home, self.fallback_forbidden(), request, time_s, tenant)
        if run is None:
            return self.fallback.run(request, time_s, tenant)
        self.remote_runs += 1
        return run

    def fallback_forbidden(self) -> list[str]:
        return sorted(str(Path(p).resolve()) for p in getattr(self.fallback, "forbidden", []))

    def close(self) -> None:
        if hasattr(self.fallback, "close"):
            self.fallback.close()


def _connect(home: Path) -> socket.socket | None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM | socket.SOCK_CLOEXEC)
    sock.settimeout(CONNECT_TIMEOUT_S)
    try:
        sock.connect(socket_name(home))
        if _peer_uid(sock) != os.getuid():
            sock.close()
            return None  # someone else holds the name: never send them code
    except OSError:
        sock.close()
        return None
    return sock


def pool_available(home: Path, forbidden: list[str]) -> bool:
    """Whether a pool serves this home and hides at least these folders."""
    sock = _connect(home)
    if sock is None:
        return False
    with sock:
        try:
            hello = _recv(sock)
        except (OSError, ValueError):
            return False
    return _covers(hello, forbidden)


def _covers(hello: dict | None, forbidden: list[str]) -> bool:
    if not hello or hello.get("hello") != "mltrail-pool":
        return False
    hidden = [Path(p) for p in hello.get("forbidden", [])]
    return all(any(Path(f).is_relative_to(h) for h in hidden) for f in forbidden)


def remote_run(home: Path, forbidden: list[str], request: dict, time_s: float, tenant: str) -> SandboxRun | None:
    """The job run in the shared pool, or None when there is none (fit) to use: then run it yourself."""
    sock = _connect(home)
    if sock is None:
        return None
    with sock:
        try:
            if not _covers(_recv(sock), forbidden):
                return None
            _send(sock, {"request": request, "time_s": time_s, "tenant": tenant})
            sock.settimeout(time_s + 30.0)  # the pool enforces the job's limit; this only ends a stuck link
            answer = _recv(sock)
        except (OSError, ValueError):
            return None
    if not answer or "status" not in answer:
        return None
    reply = None
    if answer.get("reply") is not None:
        try:
            reply = decode_reply(str(answer["reply"]).encode("utf-8"))
        except ReplyRefused as exc:
            return SandboxRun(None, "crashed", str(answer.get("output", "")), float(answer.get("elapsed_ms", 0.0)),
                              f"its reply was refused: {exc}")
    return SandboxRun(reply, str(answer["status"]), str(answer.get("output", "")), float(answer.get("elapsed_ms", 0.0)),
                      str(answer.get("detail", "")))


__all__ = ["PoolServer", "RemoteSandbox", "pool_available", "remote_run", "socket_name"]
