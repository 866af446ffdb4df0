"""The zygote pool: warm zygotes, recycling, replacement with one retry, fair queueing."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from mltrail.sandbox import codec

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source
from mltrail.sandbox.pool import FairQueue, ZygotePool

CURRICULUM = load_curriculum()
CLAMP = CURRICULUM.exercise("python/clamp")
SOLUTION = CLAMP.file("solution.py").read_bytes()


@pytest.fixture(scope="module")
def pool():
    with ZygotePool(size=2, max_jobs=10_000) as pool:
        pool.wait_ready()
        yield pool


def zygote_probe(pool: ZygotePool, code: str):
    """Run code in a job and return what its entry returns."""
    from mltrail.sandbox import codec

    request = {
        "mode": "function", "code": code, "entry": "probe", "protocol": "call",
        "cases": [{"args": codec.encode({}, 1 << 20).decode(), "files": {}}],
        "limits": {"memory_mb": 512, "cpu_s": 10}, "max_bytes": 1 << 20,
    }
    run = pool.run(request, 10)
    return codec.decode(run.reply.results[0].ok.encode(), 1 << 20)


def test_zygotes_are_warm_with_single_threaded_blas(pool):
    code = (
        "import sys\n"
        "def probe():\n"
        "    from threadpoolctl import threadpool_info\n"
        "    return {'loaded': all(m in sys.modules for m in ('numpy', 'pandas', 'scipy', 'sklearn', 'gymnasium')),\n"
        "            'threads': sorted({info['num_threads'] for info in threadpool_info()})}\n"
    )
    found = zygote_probe(pool, code)
    assert found["loaded"] is True
    assert found["threads"] in ([1], [])


def test_zygote_is_not_dumpable_and_holds_nothing_of_mltrail_open(pool):
    import mltrail

    package = str(Path(mltrail.__file__).resolve().parent)
    pool.settle()  # each zygote has its spare ready (and has closed the pipe it waited on)
    for zygote in pool.zygotes():
        info = zygote.wait_ready()
        pid = info["host_pid"]
        if os.geteuid() == 0:
            held = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
            assert Path(f"/proc/{pid}/environ").stat().st_uid == 0  # non-dumpable: owned by root
            environ = Path(f"/proc/{pid}/environ").read_bytes()
            assert b"MLTRAIL_HOME" not in environ and b"PYTHONPATH" in environ
        else:  # non-dumpable in its own user namespace: its user cannot look inside it either
            with pytest.raises(PermissionError):
                os.listdir(f"/proc/{pid}/fd")
            with pytest.raises(PermissionError):
                Path(f"/proc/{pid}/environ").read_bytes()
        held = info["fds"] if os.geteuid() != 0 else held
        for target in held:
            # stdio on /dev/null, its two sockets, the spare it waits for, Landlock's granted paths
            assert target != package and not target.startswith(package + "/"), target
            if not target.startswith(("socket:", "/dev/", "anon_inode:[pidfd]")):
                assert Path(target).exists() and os.sep + "content" + os.sep not in target, target


def test_many_learners_at_once_are_all_graded_correctly(pool):
    verdicts = []

    def learner(name: str) -> None:
        for i in range(5):
            source = SOLUTION if i % 2 == 0 else b"def clamp(x, low, high):\n    return x\n"
            verdicts.append((i % 2 == 0, grade_source(CLAMP, source, runner=pool, tenant=name).passed))

    threads = [threading.Thread(target=learner, args=(f"learner-{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(verdicts) == 20 and all(expected == got for expected, got in verdicts)


def test_zygote_recycled_after_max_jobs():
    with ZygotePool(size=1, max_jobs=3) as pool:
        first = pool.slots[0]["base"].wait_ready()["host_pid"]
        for _ in range(3):
            assert grade_source(CLAMP, SOLUTION, runner=pool).passed
        assert pool.replaced == 1
        assert pool.slots[0]["base"].wait_ready()["host_pid"] != first
        assert grade_source(CLAMP, SOLUTION, runner=pool).passed
        with pytest.raises(ProcessLookupError):
            os.kill(first, 0)


def test_zygote_recycled_when_its_memory_grows():
    with ZygotePool(size=1, max_rss_mb=1) as pool:
        assert grade_source(CLAMP, SOLUTION, runner=pool).passed
        assert grade_source(CLAMP, SOLUTION, runner=pool).passed
        assert pool.replaced >= 1


def test_dead_zygote_is_replaced_and_the_job_retried():
    with ZygotePool(size=1) as pool:
        pid = pool.slots[0]["base"].wait_ready()["host_pid"]
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.2)
        assert grade_source(CLAMP, SOLUTION, runner=pool).passed
        assert pool.replaced == 1


def test_zygote_dying_during_a_job_is_retried_once():
    with ZygotePool(size=1) as pool:
        pool.wait_ready()
        killed = []

        def kill_soon():
            time.sleep(0.1)
            killed.append(pool.slots[0]["base"].proc.pid)
            os.kill(pool.slots[0]["base"].proc.pid, signal.SIGKILL)

        threading.Thread(target=kill_soon).start()
        slow = b"import time\ntime.sleep(0.25)\ndef clamp(x, low, high):\n    return min(max(x, low), high)\n"
        verdict = grade_source(CLAMP, slow, runner=pool)
        assert killed and verdict.passed
        assert pool.replaced == 1


def test_closing_the_pool_leaves_no_process():
    pool = ZygotePool(size=2)
    pids = [info["host_pid"] for info in pool.wait_ready()] + [z.proc.pid for z in pool.zygotes()]
    assert grade_source(CLAMP, SOLUTION, runner=pool).passed
    pool.close()
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_fair_queue_serves_tenants_round_robin():
    queue = FairQueue(["slot"])
    order = []
    first = queue.acquire("busy")  # the only slot is taken

    def job(tenant: str, label: str) -> None:
        slot = queue.acquire(tenant)
        order.append(label)
        queue.release(slot, tenant)

    busy = [threading.Thread(target=job, args=("busy", f"busy-{i}")) for i in range(5)]
    for thread in busy:
        thread.start()
    time.sleep(0.1)
    other = threading.Thread(target=job, args=("other", "other"))
    other.start()
    time.sleep(0.1)
    queue.release(first, "busy")
    for thread in busy + [other]:
        thread.join()
    assert order.index("other") <= 1, order


def test_fair_queue_lets_a_tenant_run_one_job_at_a_time():
    queue = FairQueue(["a", "b"])
    first = queue.acquire("looping")
    got = []
    second = threading.Thread(target=lambda: got.append(("looping", queue.acquire("looping"))))
    second.start()
    time.sleep(0.1)
    assert got == [], "a slot is free, but the tenant's first job still runs"
    honest = queue.acquire("honest")
    assert honest != first
    queue.release(first, "looping")
    second.join(timeout=5)
    assert got and got[0][1] == first
    queue.release(honest, "honest")
    queue.release(got[0][1], "looping")


def test_a_learner_whose_job_timed_out_runs_at_the_lowest_priority(pool):
    spin = {"mode": "function", "code": "while True:\n    pass\n", "entry": "f", "protocol": "call",
            "cases": [], "limits": {"memory_mb": 256, "cpu_s": 5}, "max_bytes": 1 << 20}
    assert pool.run(spin, 0.5, tenant="spinner").status == "timeout"
    probe = "import os\ndef f():\n    return os.getpriority(os.PRIO_PROCESS, 0)\n"
    request = dict(spin, code=probe, cases=[{"args": codec.encode({}, 1 << 20).decode(), "files": {}}])
    assert codec.decode(pool.run(request, 5.0, tenant="spinner").reply.results[0].ok.encode(), 1 << 20) == 19
    assert codec.decode(pool.run(request, 5.0, tenant="honest").reply.results[0].ok.encode(), 1 << 20) == 0


JOB_VIEW = """
import os, signal, threading

def probe():
    got = []
    signal.signal(signal.SIGUSR1, lambda *a: got.append("signal"))
    signal.raise_signal(signal.SIGUSR1)  # raise() finds the job's own thread id
    worker = threading.Thread(target=lambda: got.append("thread"))
    worker.start()
    worker.join()
    status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
    return {"pid": os.getpid(), "parent": os.getppid(), "got": got,
            "uids": status["Uid"].split()}
"""


@pytest.mark.parametrize("clone", [True, False], ids=["clone", "keeper"])
def test_each_job_has_its_own_pid_namespace_with_or_without_clone(clone):
    with ZygotePool(size=1, clone=clone) as pool:
        pool.wait_ready()
        # Jobs are cloned where mltrail runs as root and the machine allows it; otherwise a keeper makes them.
        cloned = pool.slots[0]["scientific"].info["clone"]
        assert cloned is (clone and os.geteuid() == 0)
        seen = zygote_probe(pool, JOB_VIEW)
    assert seen["got"] == ["signal", "thread"]
    assert seen["parent"] == 0  # the zygote (or the keeper) is outside the job's PID namespace
    assert len(set(seen["uids"])) == 1  # real, effective, saved and filesystem uid are the job's: no saved root
    assert seen["pid"] == (1 if cloned else 2)  # with a keeper, PID 1 is its idle init


LOADED = "import sys\n{imports}\ndef probe():\n    return sorted(m for m in ('pandas', 'sklearn', 'scipy') if m in sys.modules)\n"


def test_a_job_forks_from_the_smallest_flavour_that_has_what_it_needs(pool):
    def loaded(imports: str, needs):
        request = {
            "mode": "function", "code": LOADED.format(imports=imports), "entry": "probe", "protocol": "call",
            "cases": [{"args": codec.encode({}, 1 << 20).decode(), "files": {}}],
            "limits": {"memory_mb": 512, "cpu_s": 10}, "max_bytes": 1 << 20,
        }
        if needs is not None:
            request["needs"] = needs
        run = pool.run(request, 10)
        return codec.decode(run.reply.results[0].ok.encode(), 1 << 20)

    assert loaded("", []) == []  # numpy only: pandas and scikit-learn were never imported
    assert loaded("import pandas", ["pandas"]) == ["pandas", "scipy", "sklearn"]  # the scientific zygote
    assert loaded("", None) == ["pandas", "scipy", "sklearn"]  # a request that does not say: the largest
    assert loaded("import pandas", []) == ["pandas"]  # told too little: the job imports it itself


def test_pick_flavour_takes_the_smallest_that_covers_the_needs():
    from mltrail.sandbox.process import pick_flavour

    flavours = {"small": ("numpy",), "big": ("numpy", "pandas", "sklearn.linear_model")}
    assert pick_flavour(flavours, []) == "small"
    assert pick_flavour(flavours, ["numpy"]) == "small"
    assert pick_flavour(flavours, ["sklearn"]) == "big"
    assert pick_flavour(flavours, ["networkx"]) == "big"  # nobody has it: the largest, which imports it
    assert pick_flavour(flavours, "numpy") == "big"  # not a list: not believed


def test_library_needs_come_from_imports_and_from_the_inputs():
    import pandas as pd

    from mltrail.grading.grader import library_needs

    assert library_needs("import math\nimport numpy as np\n") == ["numpy"]
    assert library_needs("from sklearn.linear_model import Ridge\nimport os.path\n") == ["sklearn"]
    assert library_needs("m = __import__('pandas')\nimport importlib\nk = importlib.import_module('scipy.stats')\n") \
        == ["pandas", "scipy"]
    assert library_needs("def f(x):\n    return x\n", codec.encode({"x": pd.DataFrame({"a": [1]})}, 1 << 20).decode()) \
        == ["pandas"]
    assert library_needs("def f(x):\n    return x\n", codec.encode({"x": '"$t":"df"'}, 1 << 20).decode()) == []


def test_a_zygote_started_for_a_thread_that_ends_outlives_it():
    # bubblewrap's --die-with-parent follows the *thread* that started a process: a zygote
    # replaced (or started lazily) from a request's thread must not die when that thread ends.
    with ZygotePool(size=1) as pool:
        pool.wait_ready()
        os.kill(pool.slots[0]["base"].wait_ready()["host_pid"], signal.SIGKILL)
        time.sleep(0.2)
        worker = threading.Thread(target=lambda: grade_source(CLAMP, SOLUTION, runner=pool))
        worker.start()
        worker.join()
        assert pool.replaced == 1
        time.sleep(0.5)  # the worker thread is gone
        assert pool.slots[0]["base"].alive()
        assert grade_source(CLAMP, SOLUTION, runner=pool).passed
        assert pool.replaced == 1  # the replacement lived on: nothing was replaced again
