"""Where learner code runs: the Sandbox protocol, reading a job's pipes, fresh mode.

Two implementations confine jobs the same way (a zygote in its own world, see
`layout.py` and `confine.py`): the zygote pool (`pool.py`), warm and reused, and
`FreshSandbox`, a zygote started for one job (one-shot commands, and the
benchmark's baseline). Either way the job is killed at its wall-clock limit, and
its namespaces take everything it started with them.
"""

from __future__ import annotations

import os
import selectors
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol

from mltrail.sandbox.layout import PACKAGE_ROOT
from mltrail.sandbox.reply import MAX_REPLY_BYTES as RESULT_CAP
from mltrail.sandbox.reply import Reply, ReplyRefused, decode_reply

OUTPUT_CAP = 64 * 1024
COLD_START_S = 3  # what importing numpy, pandas and scikit-learn may take in a fresh interpreter
UNAVAILABLE = 71  # the zygote's exit code for a confinement step that failed
PRELOAD = ("numpy", "pandas", "scipy", "scipy.linalg", "scipy.stats", "sklearn", "sklearn.linear_model", "gymnasium",
           "matplotlib", "matplotlib.pyplot")
# Zygote flavours, smallest first: a job forks from the smallest one that has already imported
# every library it needs (a request's "needs": top-level module names). Forking and ending a
# job costs time in proportion to the zygote's memory, and a zygote with only numpy loaded has
# a fifth of the scientific one's, so jobs that need no more start and end faster. The first
# two are started with the pool; the others when a job first needs them.
SERVING = PRELOAD + ("fastapi", "pydantic", "starlette.testclient", "httpx", "anyio")
FLAVOURS: dict[str, tuple[str, ...]] = {"base": ("numpy",), "scientific": PRELOAD, "serving": SERVING}
EAGER = ("base", "scientific")
DEFAULT_FLAVOUR = "scientific"  # for a request that does not say what it needs, or needs what none has


def installed(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def default_flavours() -> dict[str, tuple[str, ...]]:
    """FLAVOURS, with "deep" (PyTorch preloaded) where the `deep` extra is installed."""
    flavours = dict(FLAVOURS)
    if installed("torch"):
        flavours["deep"] = PRELOAD + ("torch",)
    return flavours


def roots(preload: tuple[str, ...] | list[str]) -> set[str]:
    return {name.split(".")[0] for name in preload}


def pick_flavour(flavours: dict[str, tuple[str, ...]], needs: object, default: str | None = None) -> str:
    """The smallest flavour whose preloaded libraries cover `needs`. When none does, or the
    request does not say what it needs, `default` (else the last): the job imports the rest."""
    names = list(flavours)
    fallback = default if default in flavours else names[-1]
    if not isinstance(needs, (list, tuple, set, frozenset)):
        return fallback
    wanted = {str(name) for name in needs}
    return next((name for name in names if wanted <= roots(flavours[name])), fallback)


@dataclass
class SandboxRun:
    """What came back from the child: its reply (or None) and how it ended."""

    reply: Reply | None
    status: str  # ran, timeout, crashed, unavailable (the sandbox could not be set up: nothing ran)
    output: str
    elapsed_ms: float
    detail: str = ""


class Sandbox(Protocol):
    """Runs one request (learner code + inputs) confined; always returns in time."""

    confined: bool

    def run(self, request: dict, time_s: float, tenant: str = "") -> SandboxRun: ...


def child_environment() -> dict[str, str]:
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "PYTHONPATH": str(PACKAGE_ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONHASHSEED": "0",
        "PYTHONIOENCODING": "utf-8",
        "LANG": "C.UTF-8",
        "HOME": "/nonexistent",
        "MPLBACKEND": "Agg",
    }
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
        env[var] = "1"
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if var in os.environ:
            env[var] = os.environ[var]
    return env


def kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def collect(
    out_fd: int, result_fd: int, deadline: float, finished: Callable[[], bool], request: tuple[int, bytes] | None = None
) -> tuple[bytes, bytes, bool]:
    """Feed the request, read output and result until both close, the child is gone, or time is up.

    `request` is (pipe to write, bytes): written as the child reads, then closed.
    """
    output, result = bytearray(), bytearray()
    selector = selectors.DefaultSelector()
    selector.register(out_fd, selectors.EVENT_READ, "output")
    selector.register(result_fd, selectors.EVENT_READ, "result")
    pending = None
    if request is not None:
        os.set_blocking(request[0], False)
        pending = memoryview(request[1])
        selector.register(request[0], selectors.EVENT_WRITE, "request")
    open_streams, timed_out, done = 2, False, False
    try:
        while open_streams:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                timed_out = not done
                break
            for key, _ in selector.select(timeout=min(remaining, 0.05)):
                if key.data == "request":
                    try:
                        pending = pending[os.write(key.fd, pending):]
                    except (BlockingIOError, InterruptedError):
                        continue
                    except OSError:
                        pending = pending[:0]  # the child is gone; its exit tells the rest
                    if not pending:
                        selector.unregister(key.fd)
                        os.close(key.fd)
                        request = None
                    continue
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    selector.unregister(key.fd)
                    open_streams -= 1
                elif key.data == "output":
                    if len(output) < OUTPUT_CAP:
                        output += chunk[: OUTPUT_CAP - len(output)]
                elif len(result) <= RESULT_CAP:
                    result += chunk
            if not done and finished():
                # The child is gone; a process it left behind may still hold the pipes open,
                # so drain what is buffered for a moment and stop.
                done = True
                deadline = min(deadline, time.monotonic() + 0.1)
    finally:
        if request is not None:
            os.close(request[0])
        selector.close()
    return bytes(output), bytes(result), timed_out


def interpret(output: bytes, result: bytes, timed_out: bool, exit_status: int, elapsed_ms: float) -> SandboxRun:
    """Turn what a job left into a SandboxRun; `exit_status` is a waitpid status."""
    text = output.decode("utf-8", errors="replace")
    if timed_out:
        return SandboxRun(None, "timeout", text, elapsed_ms)
    if len(result) > RESULT_CAP:
        return SandboxRun(None, "crashed", text, elapsed_ms, "the result was larger than the limit")
    if result:
        try:
            return SandboxRun(decode_reply(result), "ran", text, elapsed_ms)
        except ReplyRefused as exc:
            return SandboxRun(None, "crashed", text, elapsed_ms, f"it sent back something that is not a result ({exc})")
    return SandboxRun(None, "crashed", text, elapsed_ms, describe_exit(exit_status))


def describe_exit(status: int) -> str:
    if os.WIFSIGNALED(status):
        signum = os.WTERMSIG(status)
        if signum == signal.SIGXCPU:
            return "cpu"
        if signum == signal.SIGXFSZ:
            return "it wrote a file larger than the limit"
        if signum == signal.SIGKILL:
            return "killed"
        if signum == signal.SIGSYS:
            return "it made a system call that the sandbox forbids"
        try:
            name = signal.Signals(signum).name
        except ValueError:
            name = f"signal {signum}"
        return f"it crashed ({name})"
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else status
    if code == UNAVAILABLE:
        return "the sandbox could not confine it"
    return f"it exited with code {code} before returning results (sys.exit or os._exit?)"


class FreshSandbox:
    """A new confined interpreter per job (a zygote used once): slower, needs nothing running."""

    def __init__(self, confined: bool = True, forbidden: list[Path] | None = None, preload: tuple[str, ...] = (),
                 off: frozenset = frozenset()) -> None:
        self.confined = confined
        self.forbidden = forbidden or []
        self.preload = preload
        self.off = off

    def run(self, request: dict, time_s: float, tenant: str = "") -> SandboxRun:
        from mltrail.sandbox.pool import Zygote, ZygoteDied, zygote_config
        from mltrail.sandbox.uids import SandboxUnavailable

        started = time.perf_counter()
        # Nothing is imported before the job here: the learner's own imports count against
        # its limits, so they get the time a warm zygote would have spent beforehand.
        request = dict(request, limits=dict(request["limits"], cpu_s=request["limits"]["cpu_s"] + COLD_START_S))
        time_s += COLD_START_S
        try:
            zygote = Zygote(zygote_config(self.confined, self.forbidden, self.preload, warm_up=False, off=self.off))
        except SandboxUnavailable as exc:
            return SandboxRun(None, "unavailable", "", 0.0, str(exc))
        try:
            run = zygote.run(request, time_s)
        except SandboxUnavailable as exc:
            run = SandboxRun(None, "unavailable", "", 0.0, str(exc))
        except ZygoteDied as exc:
            run = SandboxRun(None, "crashed", "", 0.0, f"the grading process stopped ({exc}); please try again")
        finally:
            zygote.stop()
        run.elapsed_ms = (time.perf_counter() - started) * 1000
        return run
