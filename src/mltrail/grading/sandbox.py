"""Run one request in a child process with rlimits and a wall-clock kill.

The child is a fresh interpreter in its own session and process group, in a
per-job temporary directory that is removed afterwards. It applies its own
rlimits before it reads learner code. The parent kills the whole group when the
wall clock runs out and again when the job is over, so nothing is left behind.
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import mltrail

PACKAGE_ROOT = str(Path(mltrail.__file__).resolve().parent.parent)
OUTPUT_CAP = 64 * 1024
RESULT_CAP = 32 * 1024 * 1024


@dataclass
class SandboxRun:
    """What came back from the child: its reply (or None) and how it ended."""

    reply: dict | None
    status: str  # ran, timeout, crashed
    output: str
    elapsed_ms: float
    detail: str = ""


def child_environment() -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": PACKAGE_ROOT,
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONHASHSEED": "0",
        "PYTHONIOENCODING": "utf-8",
        "LANG": "C.UTF-8",
        "HOME": "/nonexistent",
        "MPLBACKEND": "Agg",
    }
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if var in os.environ:
            env[var] = os.environ[var]
    return env


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _feed(stream, data: bytes) -> None:
    try:
        stream.write(data)
        stream.close()
    except (BrokenPipeError, OSError):
        pass


def _collect(proc: subprocess.Popen, result_r: int, deadline: float) -> tuple[bytes, bytes, bool]:
    """Read output and result until both close or the deadline passes."""
    output, result = bytearray(), bytearray()
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ, "output")
    selector.register(result_r, selectors.EVENT_READ, "result")
    open_streams, timed_out, finished = 2, False, False
    while open_streams:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = not finished
            break
        for key, _ in selector.select(timeout=min(remaining, 0.05)):
            fd = key.fd if key.data == "result" else proc.stdout.fileno()
            chunk = os.read(fd, 65536)
            if not chunk:
                selector.unregister(key.fileobj)
                open_streams -= 1
            elif key.data == "output":
                if len(output) < OUTPUT_CAP:
                    output += chunk[: OUTPUT_CAP - len(output)]
            elif len(result) <= RESULT_CAP:
                result += chunk
        if not finished and proc.poll() is not None:
            # The child is gone; a process it left behind may still hold the pipes open,
            # so drain what is buffered for a moment and stop.
            finished = True
            deadline = min(deadline, time.monotonic() + 0.1)
    selector.close()
    return bytes(output), bytes(result), timed_out


def run(request: dict, time_s: float) -> SandboxRun:
    """Run a request in a fresh child; always returns, within time_s plus a small margin."""
    job_dir = tempfile.mkdtemp(prefix="mltrail-job-")
    result_r, result_w = os.pipe()
    started = time.perf_counter()
    try:
        request = dict(request, result_fd=result_w)
        proc = subprocess.Popen(
            [sys.executable, "-s", "-B", "-m", "mltrail.grading.child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            pass_fds=(result_w,),
            cwd=job_dir,
            env=child_environment(),
            start_new_session=True,
            close_fds=True,
        )
        os.close(result_w)
        result_w = -1
        writer = threading.Thread(target=_feed, args=(proc.stdin, json.dumps(request).encode("utf-8")), daemon=True)
        writer.start()
        output, result, timed_out = _collect(proc, result_r, time.monotonic() + time_s)
        _kill_group(proc.pid)
        proc.stdout.close()
        returncode = proc.wait()
        writer.join(timeout=1)
    finally:
        os.close(result_r)
        if result_w >= 0:
            os.close(result_w)
        shutil.rmtree(job_dir, ignore_errors=True)
    elapsed_ms = (time.perf_counter() - started) * 1000
    text = output.decode("utf-8", errors="replace")
    if timed_out:
        return SandboxRun(None, "timeout", text, elapsed_ms)
    if len(result) > RESULT_CAP:
        return SandboxRun(None, "crashed", text, elapsed_ms, "the result was larger than the limit")
    if result:
        try:
            reply = json.loads(result.decode("utf-8"))
            if type(reply) is dict:
                return SandboxRun(reply, "ran", text, elapsed_ms)
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            pass
        return SandboxRun(None, "crashed", text, elapsed_ms, "it sent back something that is not a result")
    return SandboxRun(None, "crashed", text, elapsed_ms, _describe_exit(returncode))


def _describe_exit(returncode: int) -> str:
    if returncode < 0:
        signum = -returncode
        if signum == signal.SIGXCPU:
            return "cpu"
        if signum == signal.SIGXFSZ:
            return "it wrote a file larger than the limit"
        if signum == signal.SIGKILL:
            return "killed"
        try:
            name = signal.Signals(signum).name
        except ValueError:
            name = f"signal {signum}"
        return f"it crashed ({name})"
    return f"it exited with code {returncode} before returning results (sys.exit or os._exit?)"


@dataclass(frozen=True)
class Layer:
    """One confinement layer of the sandbox and whether it is in force here."""

    name: str
    active: bool
    detail: str


def layers() -> list[Layer]:
    """What confines a submission on this host, honestly: present and missing layers."""
    missing = "not available in this version of the sandbox"
    return [
        Layer("separate process", True, "each submission runs in a fresh interpreter"),
        Layer("rlimits", True, "CPU time, address space, file size, open files, processes, no core dumps"),
        Layer("new session", True, "own session and process group; the whole group is killed after the job"),
        Layer("wall-clock kill", True, "SIGKILL of the group when the exercise's time limit passes"),
        Layer("job directory", True, "a fresh temporary working directory, removed afterwards"),
        Layer("clean environment", True, "no inherited environment variables or descriptors"),
        Layer("network namespace", False, missing),
        Layer("unprivileged uid", False, missing),
        Layer("landlock", False, missing),
        Layer("seccomp", False, missing),
    ]
