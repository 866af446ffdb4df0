"""Attacks from outside the existing hostile suites, each against the real grading entry points.

As in test_breaches, a breach is a submission to `tiny/add` that returns the right sum only
when the breach worked; where a switchable layer stops it, the same submission is run with
that layer left out and must then work, so each test can fail for the reason it names.
"""

from __future__ import annotations

import os
import signal
import textwrap
import threading
import time
import uuid
from pathlib import Path

import pytest
from conftest import add_course, processes_named

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source
from mltrail.sandbox.layout import _package_dir
from mltrail.sandbox.pool import ZygotePool
from mltrail.sandbox.process import FreshSandbox

HONEST = "def add(a, b):\n    return a + b\n"
MARK = "mltrail-outer"  # a process name: 15 characters at most
MARKING = f"import ctypes as _c\n_c.CDLL(None).prctl(15, b'{MARK}', 0, 0, 0)\n"
TOKEN = uuid.uuid4().hex[:12]


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    # A reference of a few milliseconds: jobs get the exercise's whole 4 s, not the 0.5 s minimum, so
    # the concurrent jobs below overlap however loaded the machine is.
    return add_course(tmp_path_factory.mktemp("outsider") / "course", time_s=4, memory_mb=512,
                      solution="import time\ndef add(a, b):\n    time.sleep(0.002)\n    return a + b\n")


@pytest.fixture(scope="module")
def exercise(course):
    return load_curriculum([course]).exercise("tiny/add")


@pytest.fixture(scope="module")
def pool(course):
    """One slot, numpy-only zygotes: consecutive jobs of different learners share a zygote."""
    with ZygotePool(size=1, forbidden=[course], eager=("base",)) as pool:
        pool.wait_ready()
        yield pool


def _marked() -> list[int]:
    return processes_named(MARK)


def _kill_marked() -> None:
    for pid in _marked():
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


# ---------------------------------------------------------------- held-out labels in other packages' tests


def dataset_copies() -> list[str]:
    """Files of installed packages' own tests that hold a dataset exercise's rows with their labels."""
    found = []
    for package, pattern in (("sklearn", "datasets/tests/data/openml/id_42585/*.arff.gz"),  # penguins, species
                             ("sklearn", "datasets/tests/data/openml/id_61/*.arff.gz"),  # iris, class
                             ("scipy", "io/arff/tests/data/iris.arff"),
                             ("statsmodels", "genmod/tests/results/iris.csv"),
                             ("mlxtend", "data/data/*"),  # iris, wine (a test extra: installed in CI)
                             ("plotly", "package_data/datasets/*")):  # iris, where installed
        root = _package_dir(package)
        if root is not None:
            found += sorted(str(p) for p in root.glob(pattern))
    return found


def _reads_any(paths: list[str]) -> str:
    return textwrap.dedent(f"""
        def _readable():
            for path in {paths!r}:
                try:
                    with open(path, 'rb') as handle:
                        if handle.read(1):
                            return True
                except OSError:
                    pass
            return False
        def add(a, b):
            return a + b if _readable() else None
        """)


def test_dataset_copies_in_package_tests_are_hidden(exercise, pool):
    """scikit-learn's OpenML fixtures hold the penguins with their species, SciPy's test data the
    iris with its classes: a dataset exercise's held-out labels, read by a lookup (1.000 accuracy)."""
    copies = dataset_copies()
    assert copies, "scikit-learn and SciPy (dependencies) ship these test files; the test needs one"
    verdict = grade_source(exercise, _reads_any(copies), seed=3, runner=pool, tenant="reader")
    assert not verdict.passed, f"a job read a dataset's labels from a package's tests ({verdict.message})"
    assert grade_source(exercise, HONEST, seed=4, runner=pool).passed


def test_dataset_copies_are_readable_without_the_filesystem_view(exercise, course):
    # As root the job's uid cannot enter /root, where this Python may live: that layer goes too.
    runner = FreshSandbox(forbidden=[course], off=frozenset({"filesystem view", "uid"}))
    verdict = grade_source(exercise, _reads_any(dataset_copies()), seed=3, runner=runner)
    assert verdict.passed, f"without the filesystem view the copies should be readable: {verdict.message}"


# ---------------------------------------------------------------- a job that outlives its reply

LINGERER = MARKING + textwrap.dedent("""
    import os, sys, time
    codec = sys.modules["mltrail.sandbox.codec"]  # loaded in the zygote; an import would ask for another
    reply = sys.modules["mltrail.sandbox.reply"]
    CaseReply, Ran, encode_reply = reply.CaseReply, reply.Ran, reply.encode_reply

    frame = sys._getframe(1)
    request, fd = frame.f_locals["request"], frame.f_locals["result_fd"]
    results = []
    for case in request["cases"]:
        args = codec.decode(case["args"].encode(), 1 << 20)
        results.append(CaseReply(ok=codec.encode(args["a"] + args["b"], 1 << 20).decode()))
    os.write(fd, encode_reply(Ran(results=results)))
    for number in (fd, 1, 2):
        os.close(number)
    if os.fork() == 0:
        while True:
            pass
    while True:
        time.sleep(1)
    """)


def test_a_job_that_sent_its_reply_does_not_run_on(exercise, pool):
    """A job writes a reply, closes its pipes and keeps running (sleeping here, spinning in a
    child): it was graded at once, and ran on unwatched, past its wall-clock limit, until
    its zygote's next job (or for ever)."""
    try:
        verdict = grade_source(exercise, LINGERER, seed=3, runner=pool, tenant="lingerer")
        assert verdict.passed, verdict.message  # it computed the sums itself: a pass is its due
        deadline = time.monotonic() + 2
        while _marked() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _marked() == [], "the job still runs after its verdict"
    finally:
        _kill_marked()
    assert grade_source(exercise, HONEST, seed=4, runner=pool).passed


# ---------------------------------------------------------------- what one job leaves for the next

LEAVER = textwrap.dedent("""
    import atexit, builtins, os, sys, threading, time, types
    import numpy
    for folder in ('/tmp', '/dev/shm', '.', '/var/tmp'):
        try:
            with open(os.path.join(folder, 'left-by-a'), 'w') as handle:
                handle.write('learner a')
        except OSError:
            pass
    builtins.LEFT_BY_A = True
    numpy.LEFT_BY_A = True
    sys.modules['left_by_a'] = types.ModuleType('left_by_a')
    os.environ['LEFT_BY_A'] = '1'
    atexit.register(lambda: None)
    threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
    os.chdir('/tmp')
    def add(a, b):
        return a + b
    """)

FINDER = textwrap.dedent("""
    import builtins, os, sys, threading
    import numpy
    def _found():
        for folder in ('/tmp', '/dev/shm', '.', '/var/tmp', '/tmp/job'):
            if os.path.exists(os.path.join(folder, 'left-by-a')):
                return True
        return (hasattr(builtins, 'LEFT_BY_A') or hasattr(numpy, 'LEFT_BY_A') or 'left_by_a' in sys.modules
                or 'LEFT_BY_A' in os.environ or threading.active_count() > 1 or os.getcwd() == '/tmp')
    FOUND = _found()
    def add(a, b):
        return a + b if FOUND else None
    """)


def test_a_job_leaves_nothing_to_the_next_learners_job(exercise, pool):
    """Files in /tmp, /dev/shm and the working folder, patched modules and builtins, the
    environment, threads, the working folder: another learner's next job in the same zygote
    finds none of them."""
    assert grade_source(exercise, LEAVER, seed=3, runner=pool, tenant="learner-a").passed
    verdict = grade_source(exercise, FINDER, seed=4, runner=pool, tenant="learner-b")
    assert not verdict.passed, f"the next job found what the last one left ({verdict.message})"


def test_files_left_are_found_without_the_job_namespaces_and_landlock(exercise, course):
    # As root the zygote's /tmp is root's, closed to the job's uid: that layer goes too.
    off = frozenset({"job namespaces", "landlock", "uid"})
    with ZygotePool(size=1, forbidden=[course], eager=("base",), off=off) as pool:
        assert grade_source(exercise, LEAVER, seed=3, runner=pool, tenant="learner-a").passed
        verdict = grade_source(exercise, FINDER, seed=4, runner=pool, tenant="learner-b")
    assert verdict.passed, f"without the job's own /tmp and Landlock the file should be found: {verdict.message}"


# ---------------------------------------------------------------- two learners' jobs at once

HOLDER = MARKING + textwrap.dedent(f"""
    import os, socket, time
    for folder in ('/tmp', '/dev/shm', '.'):
        try:
            with open(os.path.join(folder, 'secret-{TOKEN}'), 'w') as handle:
                handle.write('learner a')
        except OSError:
            pass
    listener = socket.socket(socket.AF_UNIX)
    try:
        listener.bind('\\0secret-{TOKEN}')
        listener.listen(8)
    except OSError:
        pass
    time.sleep(1.5)
    def add(a, b):
        return a + b
    """)

SEEKER = textwrap.dedent(f"""
    import os, socket, time
    def _found():
        for folder in ('/tmp', '/dev/shm', '.', '/tmp/job'):
            try:
                if 'secret-{TOKEN}' in os.listdir(folder):
                    return True
            except OSError:
                pass
        try:
            for pid in os.listdir('/proc'):
                try:
                    if pid.isdigit() and open(f'/proc/{{pid}}/comm').read().strip() == '{MARK}':
                        return True
                except OSError:
                    pass
        except OSError:
            pass
        probe = socket.socket(socket.AF_UNIX)
        try:
            probe.connect('\\0secret-{TOKEN}')
            return True
        except OSError:
            return False
        finally:
            probe.close()
    def _seek():
        deadline = time.monotonic() + 1.2
        while time.monotonic() < deadline:
            if _found():
                return True
            time.sleep(0.02)
        return False
    FOUND = _seek()
    def add(a, b):
        return a + b if FOUND else None
    """)


def _concurrently(exercise, pool):
    """Learner a's job holds files, a process and an abstract socket while learner b's looks for them."""
    held = {}
    holder = threading.Thread(target=lambda: held.update(v=grade_source(exercise, HOLDER, seed=3, runner=pool,
                                                                          tenant="learner-a")))
    holder.start()
    try:
        time.sleep(0.3)
        return grade_source(exercise, SEEKER, seed=4, runner=pool, tenant="learner-b")
    finally:
        holder.join()
        _kill_marked()


def test_concurrent_learners_cannot_reach_each_other(exercise, course):
    with ZygotePool(size=2, forbidden=[course], eager=("base",)) as pool:
        pool.wait_ready()
        verdict = _concurrently(exercise, pool)
    assert not verdict.passed, f"learner b's job found learner a's ({verdict.message})"


def test_concurrent_learners_meet_without_the_network_namespace_and_landlock(exercise, course):
    # Each zygote has its network namespace, and Landlock scopes abstract sockets to the job:
    # without both, the two jobs share the host's abstract socket names.
    off = frozenset({"network namespace", "landlock"})
    with ZygotePool(size=2, forbidden=[course], eager=("base",), off=off) as pool:
        pool.wait_ready()
        verdict = _concurrently(exercise, pool)
    assert verdict.passed, f"without those layers learner b should reach learner a's socket: {verdict.message}"


# ---------------------------------------------------------------- memory held across processes

SPREAD_MEMORY = textwrap.dedent("""
    import os, time
    N, SIZE = 4, 300 << 20  # 1.2 GB together, against a limit of 512 MiB
    r, w = os.pipe()
    for _ in range(N):
        if os.fork() == 0:
            try:
                block = b"x" * SIZE
                os.write(w, b"1")
            except MemoryError:
                os.write(w, b"0")
            time.sleep(3)
            os._exit(0)
    got = b""
    while len(got) < N:
        got += os.read(r, N)
    HELD = got.count(b"1") == N
    # held a while before the reply: the pool counts a job every 0.1 s or so (a burst shorter
    # than its interval is the watch's known gap), and ends the job at its reply
    time.sleep(1.5)
    def add(a, b):
        return a + b if HELD else None
    """)


def test_a_job_cannot_hold_its_memory_limit_once_per_process(exercise, pool):
    """RLIMIT_AS holds each process to the limit, so a job that forks held it once per process
    (64 processes of 512 MiB: 32 GB on a host of 24). Its processes are now summed."""
    verdict = grade_source(exercise, SPREAD_MEMORY, seed=3, runner=pool, tenant="hoarder")
    assert not verdict.passed, "a job held its memory limit once per process"
    assert verdict.status == "memory_limit", verdict.message
    assert grade_source(exercise, HONEST, seed=4, runner=pool).passed


def test_the_watch_ends_a_job_only_for_what_its_other_processes_hold():
    from mltrail.sandbox.pool import MEMORY_SLACK_KB, over_memory

    limit = 576 * 1024
    assert over_memory({1: 300 * 1024, 2: 300 * 1024}, limit)  # two processes: together over the limit
    assert over_memory({1: 400 * 1024, **{p: 30 * 1024 for p in range(2, 8)}}, limit)  # one big, copies beside
    # one process alone is RLIMIT_AS's to hold (a count of it, with the zygote's pages it touched
    # counted as its own, may exceed the limit while its address space does not)
    assert not over_memory({1: 700 * 1024}, limit)
    assert not over_memory({1: 560 * 1024, 2: MEMORY_SLACK_KB - 1, 3: 1}, limit)
    assert not over_memory({1: 100 * 1024, 2: 100 * 1024}, limit) and not over_memory({}, limit)


def test_one_process_may_use_most_of_its_memory_limit(exercise, pool):
    code = "block = b'x' * (400 << 20)\ndef add(a, b):\n    return a + b\n"
    verdict = grade_source(exercise, code, seed=3, runner=pool, tenant="honest-big")
    assert verdict.passed, verdict.message


DIRTY_THE_ZYGOTE = textwrap.dedent("""
    import gc, os, time
    import numpy, pandas, sklearn  # from the scientific zygote: its memory is the copies' to write
    N = 6
    r, w = os.pipe()
    for _ in range(N):
        if os.fork() == 0:
            gc.unfreeze()
            gc.collect()  # writes to every object's header: the zygote's pages become this copy's own
            os.write(w, b"1")
            time.sleep(3)
            os._exit(0)
    got = b""
    while len(got) < N:
        got += os.read(r, N)
    block = b"x" * (500 << 20)  # and 500 MB of its own, after the copies were made
    time.sleep(1.5)
    def add(a, b):
        return a + b
    """)


def test_pages_copied_from_the_zygote_count_as_the_jobs(exercise, course):
    """Each copy of the zygote that writes to its pages holds them alone: six copies that touch
    the scientific zygote's objects hold 25 to 50 MB each, beside 500 MB: 650 MB or more against
    512 MiB. Counting only what each maps beyond the zygote sees about 500."""
    with ZygotePool(size=1, forbidden=[course], eager=("scientific",)) as pool:
        pool.wait_ready()
        verdict = grade_source(exercise, DIRTY_THE_ZYGOTE, seed=3, runner=pool, tenant="dirty")
    assert verdict.status == "memory_limit", verdict.message
