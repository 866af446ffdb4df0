"""Each breach a shared server cannot have, tried against the whole sandbox and without its layers.

A breach is a submission to `tiny/add` that returns the right sum only when the breach
worked (it read the secret, reached the socket, kept its processes...). With every layer
the verdict must not pass and nothing may be left on the host; with the layers that stop
it left out, the same submission must pass (or leave its trace): so each test here can
fail, and fails for the reason it names.
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import textwrap
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import add_course, processes_named

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source
from mltrail.sandbox.layout import CONTENT
from mltrail.sandbox.pool import ZygotePool
from mltrail.sandbox.process import FreshSandbox

ROOT = os.geteuid() == 0
MARK = "mltrail-breach"
MARKING = f"import ctypes as _c\n_c.CDLL(None).prctl(15, b'{MARK}', 0, 0, 0)\n"
TOKEN = uuid.uuid4().hex[:12]


@dataclass
class Breach:
    code: str                 # returns a + b only when the breach worked
    layers: frozenset         # the layers that stop it; without them it must work
    root_only: bool = False
    trace: str = ""           # a host-side trace checked instead of the verdict: "processes", "sysv"
    extra: dict = field(default_factory=dict)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    return add_course(tmp_path_factory.mktemp("breaches") / "course", time_s=4, memory_mb=512)


@pytest.fixture(scope="module")
def exercise(course):
    return load_curriculum([course]).exercise("tiny/add")


@pytest.fixture(scope="module")
def pool(course):
    with ZygotePool(size=2, forbidden=[course]) as pool:
        pool.wait_ready()
        yield pool


@pytest.fixture(scope="module")
def host(tmp_path_factory, course):
    """What lives on the host beside the grader: a store, a root-only file, sockets, a process."""
    folder = tmp_path_factory.mktemp("host")
    store = folder / "mltrail.db"
    store.write_text("another learner's code")
    private = folder / "private.txt"
    private.write_text("root only")
    private.chmod(0o600)
    folder.chmod(0o755)
    path_socket = socket.socket(socket.AF_UNIX)
    path_socket.bind(str(folder / "agent.sock"))
    os.chmod(folder / "agent.sock", 0o777)
    path_socket.listen(64)
    abstract = socket.socket(socket.AF_UNIX)
    abstract.bind(f"\0mltrail-{TOKEN}")
    abstract.listen(64)
    tcp = socket.socket()
    tcp.bind(("127.0.0.1", 0))
    tcp.listen(64)
    sentinel = subprocess.Popen(["sleep", "600"])
    yield {"store": store, "private": private, "socket": folder / "agent.sock", "tcp": tcp.getsockname()[1],
           "sentinel": sentinel.pid, "solution": next(CONTENT.rglob("solution.py")),
           "course": course / "modules" / "tiny" / "exercises" / "add" / "solution.py"}
    sentinel.kill()
    sentinel.wait()
    for sock in (path_socket, abstract, tcp):
        sock.close()


def _returns_sum_if(condition: str) -> str:
    return f"def add(a, b):\n    return a + b if ({condition}) else None\n"


def _reads(path_key: str) -> str:
    return "def _try(p):\n    try:\n        return bool(open(p, 'rb').read(1))\n    except OSError:\n        return False\n" \
        + _returns_sum_if(f"_try(HOST[{path_key!r}])")


# What lies under the host's /tmp (this suite's folders; a venv made by mktemp) is also covered
# by each job's own /tmp, and a private folder keeps a job's uid out too.
UNDER_TMP = frozenset({"filesystem view", "job namespaces", "landlock", "uid"})

BREACHES = {
    "read mltrail's content": Breach(_reads("solution"), UNDER_TMP),
    "read the course folder": Breach(_reads("course"), UNDER_TMP),
    "read the store beside the grader": Breach(_reads("store"), UNDER_TMP),
    "read a root-only file": Breach(_reads("private"), UNDER_TMP, root_only=True),
    "connect to a host Unix socket": Breach(
        "import socket\ndef _try():\n    s = socket.socket(socket.AF_UNIX)\n    try:\n"
        "        s.connect(HOST['socket'])\n        return True\n    except OSError:\n        return False\n"
        + _returns_sum_if("_try()"), frozenset({"filesystem view", "job namespaces", "uid"})),
    "connect to a host abstract socket": Breach(
        "import socket\ndef _try():\n    s = socket.socket(socket.AF_UNIX)\n    try:\n"
        "        s.connect('\\0mltrail-' + HOST['token'])\n        return True\n    except OSError:\n        return False\n"
        + _returns_sum_if("_try()"), frozenset({"network namespace", "landlock"})),
    "connect over TCP to the host": Breach(
        "import socket\ndef _try():\n    try:\n        socket.create_connection(('127.0.0.1', HOST['tcp']), 1)\n"
        "        return True\n    except OSError:\n        return False\n" + _returns_sum_if("_try()"),
        frozenset({"network namespace", "seccomp", "landlock"})),
    "signal a process outside the job": Breach(
        "import os\ndef _try():\n    try:\n        os.kill(HOST['sentinel'], 0)\n        return True\n"
        "    except OSError:\n        return False\n" + _returns_sum_if("_try()"),
        frozenset({"filesystem view", "job namespaces", "landlock", "uid"})),
    "write more than the disk quota": Breach(
        "def _try():\n    try:\n        for i in range(24):\n            with open(f'fill-{i}', 'wb') as f:\n"
        "                f.write(b'x' * (4 << 20))\n        return True\n    except OSError:\n        return False\n"
        + _returns_sum_if("_try()"), frozenset({"job namespaces"})),
    "start more processes than the limit": Breach(
        "import os, time\ndef _try():\n    for _ in range(100):\n        try:\n            pid = os.fork()\n"
        "        except OSError:\n            return False\n        if pid == 0:\n            time.sleep(30)\n"
        "            os._exit(0)\n    return True\nFORKED = _try()\n" + _returns_sum_if("FORKED"),
        frozenset({"rlimits"})),
    "hold a capability": Breach(
        _returns_sum_if("int(open('/proc/self/status').read().split('CapEff:')[1].split()[0], 16) != 0"),
        frozenset({"capabilities"})),
    "run as root": Breach(_returns_sum_if("__import__('os').getuid() == 0"), frozenset({"uid"}), root_only=True),
    "leave a daemon running": Breach(
        "import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        time.sleep(60)\n"
        "    os._exit(0)\n" + _returns_sum_if("True"), frozenset({"filesystem view", "job namespaces", "reaper"}),
        trace="processes"),
    "leave SysV shared memory": Breach(
        "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
        "shm = libc.shmget(HOST['sysv_key'], 1 << 20, 0o1600)\n" + _returns_sum_if("shm >= 0"),
        frozenset({"filesystem view", "job namespaces"}), trace="sysv"),
}


def _source(breach: Breach, host: dict) -> str:
    values = {key: str(value) if isinstance(value, Path) else value for key, value in host.items()}
    values.update(token=TOKEN, sysv_key=int(TOKEN[:7], 16))
    return MARKING + f"HOST = {values!r}\n" + textwrap.dedent(breach.code)


def _marked_processes() -> list[int]:
    return processes_named(MARK)


def _sysv_segment(key: int) -> bool:
    lines = Path("/proc/sysvipc/shm").read_text().splitlines()[1:]
    return any(int(line.split()[0]) == key for line in lines)


def _remove_sysv_segment(key: int) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    shmid = libc.shmget(key, 0, 0)
    if shmid >= 0:
        libc.shmctl(shmid, 0, None)  # IPC_RMID


def _trace_left(breach: Breach) -> bool:
    deadline = time.monotonic() + 3
    while True:
        if breach.trace == "processes":
            left = bool(_marked_processes())
        else:
            left = _sysv_segment(int(TOKEN[:7], 16))
        if left or time.monotonic() > deadline:
            return left
        time.sleep(0.1)


def _clean_traces() -> None:
    for pid in _marked_processes():
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    _remove_sysv_segment(int(TOKEN[:7], 16))


def _skip_if_not_for_this_user(breach: Breach) -> None:
    if breach.root_only and not ROOT:
        pytest.skip("only root can have a job run as root or read a root-only file")


@pytest.mark.parametrize("name", list(BREACHES))
def test_breach_is_stopped_by_the_whole_sandbox(name, exercise, pool, host):
    breach = BREACHES[name]
    _skip_if_not_for_this_user(breach)
    try:
        verdict = grade_source(exercise, _source(breach, host), seed=3, runner=pool)
        pool.settle()
        if breach.trace:  # the job may pass; what it leaves behind is the breach
            assert not _trace_left(breach), f"{name}: left on the host after the job"
        else:
            assert not verdict.passed, f"{name}: the breach worked ({verdict.message})"
    finally:
        _clean_traces()
    assert grade_source(exercise, "def add(a, b):\n    return a + b\n", seed=4, runner=pool).passed


@pytest.mark.parametrize("name", list(BREACHES))
def test_breach_works_without_the_layers_that_stop_it(name, exercise, host, course):
    breach = BREACHES[name]
    _skip_if_not_for_this_user(breach)
    runner = FreshSandbox(forbidden=[course], off=breach.layers)
    try:
        verdict = grade_source(exercise, _source(breach, host), seed=3, runner=runner)
        if breach.trace:
            assert _trace_left(breach), f"{name}: without {sorted(breach.layers)} a trace should be left"
        else:
            assert verdict.passed, f"{name}: without {sorted(breach.layers)} it should work: {verdict.message}"
    finally:
        _clean_traces()


def test_kill_everything_reaches_nothing_outside_the_job(exercise, pool, host):
    code = "import os, signal\nos.kill(-1, signal.SIGKILL)\ndef add(a, b):\n    return a + b\n"
    grade_source(exercise, code, seed=3, runner=pool)
    os.kill(host["sentinel"], 0)  # still alive
    assert grade_source(exercise, "def add(a, b):\n    return a + b\n", seed=4, runner=pool).passed


@pytest.mark.skipif(not ROOT, reason="job uids are leased only when mltrail runs as root")
def test_no_free_job_uid_means_no_job(exercise, course, monkeypatch):
    from mltrail.sandbox.uids import UidLease

    monkeypatch.setenv("MLTRAIL_JOB_UIDS", "2000200000-2000200000")
    held = UidLease()
    try:
        verdict = grade_source(exercise, "import os\ndef add(a, b):\n    return a + b\n", runner=FreshSandbox(forbidden=[course]))
    finally:
        held.release()
    assert verdict.status == "error" and "unavailable" in verdict.message and "in use" in verdict.message
