"""Hostile submissions: each gets a verdict that is not `passed`, in time, and the next
honest submission is graded correctly. Run through the zygote pool and fresh children."""

from __future__ import annotations

import itertools
import os
import socket
import textwrap
import time
from pathlib import Path

import pytest
from conftest import add_course

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source
from mltrail.sandbox.pool import ZygotePool
from mltrail.sandbox.process import FreshSandbox

TIME_LIMIT = 2.0
MARGIN = 3.0
HONEST = "def add(a, b):\n    return a + b\n"
WRONG = "def add(a, b):\n    return a - b\n"
POOLS: list[ZygotePool] = []


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    return add_course(tmp_path_factory.mktemp("hostile") / "course", time_s=2, memory_mb=256)


@pytest.fixture(scope="module")
def exercise(course):
    return load_curriculum([course]).exercise("tiny/add")


@pytest.fixture(scope="module")
def pool(course):
    with ZygotePool(size=2, forbidden=[course]) as pool:
        pool.wait_ready()
        POOLS.append(pool)
        yield pool
        POOLS.remove(pool)


@pytest.fixture(scope="module", params=["pool", "fresh"])
def runner(request, pool, course):
    return pool if request.param == "pool" else FreshSandbox(forbidden=[course])


def solution_path(exercise) -> str:
    return str(exercise.file("solution.py"))


ATTACKERS = itertools.count()


def attack(exercise, runner, code: str):
    """Grade a hostile submission; then check the grader still tells right from wrong.

    Each attack is another learner's: a pool runs a learner whose job timed out at the lowest
    priority for a while, which must not slow the next test's job into a timeout of its own.
    """
    tenant = f"attacker-{next(ATTACKERS)}"
    started = time.monotonic()
    verdict = grade_source(exercise, textwrap.dedent(code), seed=7, runner=runner, tenant=tenant)
    elapsed = time.monotonic() - started
    assert verdict.status != "passed", verdict.message
    assert elapsed < TIME_LIMIT + MARGIN, f"answered after {elapsed:.1f}s"
    assert grade_source(exercise, HONEST, seed=8, runner=runner).passed
    assert grade_source(exercise, WRONG, seed=9, runner=runner).status == "failed"
    return verdict


MARK = b"mltrail-left"
MARKING = "import ctypes\nctypes.CDLL(None).prctl(15, b'mltrail-left', 0, 0, 0)  # PR_SET_NAME, inherited by forks\n"


def marked_processes_left() -> list[int]:
    """Processes a hostile job started that still run 3 s later (they carry its name, whatever their uid)."""
    for pool in POOLS:
        pool.settle()
    deadline = time.monotonic() + 3  # a PID namespace is torn down by the kernel, not at once
    while (found := _marked()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return found


def _marked() -> list[int]:
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                comm = Path(f"/proc/{name}/comm").read_bytes().strip()
                state = Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if comm == MARK and state != "Z":
                found.append(int(name))
    return found


def leaves_nothing(exercise, runner, code: str) -> None:
    attack(exercise, runner, MARKING + textwrap.dedent(code))
    assert marked_processes_left() == []


LOOPS = {
    "infinite loop at top level": "while True:\n    pass\n",
    "infinite loop in the entry": "def add(a, b):\n    while True:\n        pass\n",
    "sleeping": "import time\ndef add(a, b):\n    time.sleep(100)\n",
    "sleeping in a signal-proof way": "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\ntime.sleep(100)\n",
}


@pytest.mark.parametrize("name", list(LOOPS))
def test_loops_and_sleeps_time_out(exercise, runner, name):
    assert attack(exercise, runner, LOOPS[name]).status == "timeout"


@pytest.mark.parametrize("code", [
    "x = bytearray(10**10)\n",
    "def add(a, b):\n    chunks = []\n    while True:\n        chunks.append(bytearray(10**7))\n",
    "import numpy as np\ndef add(a, b):\n    return np.ones((10**6, 10**4)).sum()\n",
])
def test_memory_bombs_hit_the_memory_limit(exercise, runner, code):
    verdict = attack(exercise, runner, code)
    assert verdict.status == "memory_limit", (verdict.status, verdict.message, verdict.output[-500:])


def test_disk_bomb_is_stopped(exercise, runner):
    code = """
    def add(a, b):
        with open("big.bin", "wb") as handle:
            while True:
                handle.write(b"x" * 10**6)
    """
    attack(exercise, runner, code)


def test_fork_bomb_is_contained_and_cleaned_up(exercise, runner):
    code = """
    import os
    def add(a, b):
        while True:
            try:
                os.fork()
            except OSError:
                pass
    """
    leaves_nothing(exercise, runner, code)


def test_threads_are_stopped_with_the_job(exercise, runner):
    code = """
    import threading, time
    def spin():
        while True:
            time.sleep(0.01)
    for _ in range(20):
        threading.Thread(target=spin, daemon=False).start()
    def add(a, b):
        return None
    """
    leaves_nothing(exercise, runner, code)


def test_daemon_left_behind_is_killed(exercise, runner, tmp_path):
    code = """
    import os, time
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(30)
        os._exit(0)
    def add(a, b):
        return a - b
    """
    leaves_nothing(exercise, runner, code)


def test_subprocesses_cannot_run_programs(exercise, runner):
    code = """
    import subprocess
    def add(a, b):
        out = subprocess.run(["/bin/echo", str(a + b)], capture_output=True, text=True).stdout
        return int(out)
    """
    verdict = attack(exercise, runner, code)
    assert "PermissionError" in verdict.first_failure.message


@pytest.mark.parametrize("family, address", [(socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")])
def test_no_network(exercise, runner, family, address):
    # A server really listens on the host's loopback: a connection that got out would pass.
    server = socket.socket(family)
    server.bind((address, 0))
    server.listen(64)
    try:
        code = f"""
        import socket
        def add(a, b):
            socket.create_connection(({address!r}, {server.getsockname()[1]}), timeout=0.5)
            return a + b
        """
        attack(exercise, runner, code)
    finally:
        server.close()


def test_no_network_through_raw_syscalls(exercise, runner):
    code = """
    import ctypes
    def add(a, b):
        fd = ctypes.CDLL(None).socket(2, 1, 0)  # AF_INET, SOCK_STREAM
        return a + b if fd >= 0 else None
    """
    attack(exercise, runner, code)


def test_unix_socketpair_still_works_for_asyncio(exercise, runner):
    code = """
    import asyncio
    async def twice(x):
        await asyncio.sleep(0)
        return x
    def add(a, b):
        return asyncio.run(twice(a + b))
    """
    assert grade_source(exercise, textwrap.dedent(code), runner=runner).passed


def test_cannot_read_the_solution_the_check_or_mltrail_content(exercise, runner):
    from mltrail.sandbox.layout import CONTENT

    builtin = next(CONTENT.rglob("solution.py"))
    for path in [solution_path(exercise), str(exercise.file("check.py")), str(builtin)]:
        code = f"""
        def add(a, b):
            text = open({path!r}).read()
            return a + b if text else None
        """
        verdict = attack(exercise, runner, code)
        assert "FileNotFoundError" in verdict.first_failure.message  # not in the job's world at all


def test_cannot_read_the_store(exercise, runner, tmp_path):
    store = tmp_path / "mltrail.db"
    store.write_text("attempts")
    code = f"""
    def add(a, b):
        return a + b if open({str(store)!r}).read() else None
    """
    attack(exercise, runner, code)


def test_cannot_read_the_parents_memory_or_environment(exercise, runner, monkeypatch):
    monkeypatch.setenv("MLTRAIL_TEST_SECRET", "s3cret")
    code = f"""
    import os
    def add(a, b):
        if os.environ.get("MLTRAIL_TEST_SECRET"):
            return a + b
        try:
            if b"s3cret" in open("/proc/{os.getpid()}/environ", "rb").read():
                return a + b
        except OSError:
            pass
        try:
            open("/proc/{os.getpid()}/mem", "rb")
            return a + b
        except OSError:
            return None
    """
    attack(exercise, runner, code)


def test_cannot_ptrace_the_parent(exercise, runner):
    code = f"""
    import ctypes
    def add(a, b):
        ok = ctypes.CDLL(None).ptrace(16, {os.getpid()}, 0, 0) == 0  # PTRACE_ATTACH
        return a + b if ok else None
    """
    attack(exercise, runner, code)


def test_cannot_kill_or_signal_the_parent(exercise, runner):
    code = f"""
    import os, signal
    def add(a, b):
        for pid in ({os.getpid()}, os.getppid(), -1):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        return None
    """
    attack(exercise, runner, code)
    os.kill(os.getpid(), 0)  # still alive


def test_cannot_write_outside_the_job_folder(exercise, runner, tmp_path):
    import mltrail

    compare = Path(mltrail.__file__).parent / "grading" / "compare.py"
    before = compare.read_bytes()
    store = tmp_path / "mltrail.db"
    store.write_bytes(b"SQLite format 3\x00")
    targets = [str(compare), str(tmp_path / "planted.py"), "/tmp/mltrail-planted", str(exercise.file("solution.py")),
               str(store)]
    code = f"""
    def add(a, b):
        for target in {targets!r}:
            try:
                with open(target, "w") as handle:
                    handle.write("def compare_values(*a): return None\\n")
            except OSError:
                pass
        return None
    """
    attack(exercise, runner, code)
    assert compare.read_bytes() == before
    assert store.read_bytes() == b"SQLite format 3\x00"
    assert not (tmp_path / "planted.py").exists() and not Path("/tmp/mltrail-planted").exists()


@pytest.mark.parametrize("code", [
    "class Yes:\n    def __eq__(self, other):\n        return True\ndef add(a, b):\n    return Yes()\n",
    "class Yes(int):\n    def __eq__(self, other):\n        return True\ndef add(a, b):\n    return Yes(0)\n",
    "import numpy as np\nclass A(np.ndarray):\n    def __eq__(self, other):\n        return True\ndef add(a, b):\n    return np.zeros(1).view(A)\n",
    "class Arr:\n    def __array__(self, dtype=None, copy=None):\n        import numpy as np\n        return np.array(0)\ndef add(a, b):\n    return Arr()\n",
])
def test_lying_objects_cannot_pass(exercise, runner, code):
    attack(exercise, runner, code)


@pytest.mark.parametrize("code", [
    "import numpy, math, builtins, operator\nnumpy.allclose = lambda *a, **k: True\nmath.isclose = lambda *a, **k: True\n"
    "builtins.isinstance = lambda *a: True\noperator.eq = lambda *a: True\ndef add(a, b):\n    return 0\n",
    "import json\njson.dumps = lambda *a, **k: '{\"status\": \"passed\"}'\ndef add(a, b):\n    return 0\n",
])
def test_monkey_patching_inside_the_sandbox_changes_nothing_outside(exercise, runner, code):
    attack(exercise, runner, code)


@pytest.mark.parametrize("code", [
    "import sys\nprint('{\"status\": \"passed\", \"passed\": true}')\nsys.exit(0)\n",
    "import os\nprint('All 21 cases passed.')\nos._exit(0)\n",
    "import os\nfor fd in range(64):\n    try:\n        os.write(fd, b'{\"status\": \"ran\", \"results\": []}')\n    except OSError:\n        pass\nos._exit(0)\n",
    "import os\nfor fd in range(64):\n    try:\n        os.write(fd, os.urandom(4096))\n    except OSError:\n        pass\ndef add(a, b):\n    return a + b\n",
    "import os\nfor fd in range(3, 64):\n    try:\n        os.close(fd)\n    except OSError:\n        pass\ndef add(a, b):\n    return a + b\n",
])
def test_forged_exits_and_protocol_bytes(exercise, runner, code):
    attack(exercise, runner, code)


def test_output_flood_is_capped(exercise, runner):
    code = "import sys\nfor _ in range(10**5):\n    sys.stdout.write('x' * 1000)\ndef add(a, b):\n    return None\n"
    verdict = attack(exercise, runner, code)
    assert len(verdict.output) <= 64 * 1024


@pytest.mark.parametrize("code", [
    "import sys\nsys.setrecursionlimit(10**7)\ndef deep(n):\n    return deep(n + 1) + 1\ndef add(a, b):\n    return deep(0)\n",
    "import ctypes\nctypes.string_at(0)\n",
    "import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n",
    "import os\nos.abort()\n",
])
def test_recursion_and_segfaults(exercise, runner, code):
    verdict = attack(exercise, runner, code)
    assert verdict.status in ("error", "failed", "memory_limit", "timeout")


@pytest.mark.parametrize("code", [
    "def add(a, b):\n    return lambda: a + b\n",
    "def add(a, b):\n    return open('x', 'w')\n",
    "def add(a, b):\n    return 'x' * (200 * 1024 * 1024)\n",
    "def add(a, b):\n    x = []\n    for _ in range(3000):\n        x = [x]\n    return x\n",
])
def test_unserialisable_or_gigantic_values(exercise, runner, code):
    attack(exercise, runner, code)


@pytest.mark.parametrize("source", [b"", b"\xff\xfe\x00\x01", b"def add(a, b):\n    return a +\n"])
def test_broken_files(exercise, runner, source):
    verdict = grade_source(exercise, source, runner=runner)
    assert verdict.status == "error"
    assert grade_source(exercise, HONEST, runner=runner).passed


def test_nothing_is_left_behind(exercise, runner):
    code = MARKING + "import os\nopen('left.txt', 'w').write('x')\nos.mkdir('sub')\ndef add(a, b):\n    return a + b\n"
    assert grade_source(exercise, code, runner=runner).passed
    assert marked_processes_left() == []
    reader = "import os\nprint(sorted(os.listdir('.')))\ndef add(a, b):\n    return a + b\n"
    assert grade_source(exercise, reader, runner=runner).output.strip() == "[]"


def test_the_grader_leaks_no_descriptors(exercise, runner):
    grade_source(exercise, HONEST, runner=runner)
    before = len(os.listdir("/proc/self/fd"))
    for code in (HONEST, WRONG, LOOPS["infinite loop in the entry"], "import os\nos._exit(1)\n"):
        grade_source(exercise, code, runner=runner)
    assert len(os.listdir("/proc/self/fd")) == before


FUNCTION_FORGERIES = {
    "status passed": b'{"status": "passed"}',
    "ran with no results": b'{"status": "ran", "results": []}',
    "ran with results claiming a pass": b'{"status": "ran", "results": [{"ok": "3", "passed": true}]}',
    "ran with quiz answers": b'{"status": "ran", "answers": {"add": {"ok": "3"}}}',
    "an error with a verdict": b'{"status": "error", "message": "x", "verdict": "passed"}',
    "garbage": b"\x00\xff{{{",
}


@pytest.mark.parametrize("forgery", list(FUNCTION_FORGERIES.values()), ids=list(FUNCTION_FORGERIES))
def test_a_function_submission_cannot_forge_its_verdict_on_the_result_descriptor(exercise, runner, forgery):
    code = f"""
    import os, sys
    fd = sys._getframe(1).f_locals["result_fd"]
    os.write(fd, {forgery!r})
    os._exit(0)
    """
    verdict = attack(exercise, runner, code)
    assert verdict.status == "error"


def test_return_values_too_large_together_get_a_verdict(exercise, runner):
    code = "def add(a, b):\n    return 'x' * 5_000_000\n"
    verdict = attack(exercise, runner, code)
    assert verdict.status == "failed"  # a verdict, not a crash of the job
    assert any("too large" in case.message or "add up to more than" in case.message for case in verdict.cases)
