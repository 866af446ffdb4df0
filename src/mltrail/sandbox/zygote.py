"""A zygote: a warm interpreter that forks one confined child per grading job.

It imports numpy, pandas, scipy, scikit-learn and gymnasium once, with BLAS
threads at 1, makes itself non-dumpable, closes every inherited descriptor, moves
into an empty network namespace, and then waits on its control socket. It holds
no check, solution or expected output: only the learner's code and the inputs
ever reach it, through pipes handed over with each job.

Control messages (SOCK_SEQPACKET, JSON): the zygote says {"ready": ...} once;
per job it receives {"job": n} with three descriptors (request to read, output
to write, result to write), answers {"pid": p} after the fork and
{"status": s, "rss_kb": k} once the child is gone and cleaned up.
"""

from __future__ import annotations

import ctypes
import gc
import importlib
import json
import os
import shutil
import socket
import sys
import tempfile
from pathlib import Path

PR_SET_DUMPABLE, PR_SET_CHILD_SUBREAPER = 4, 36
NO_JOB = 75  # a spare that found the control socket closed: the pool is shutting down


def _rss_kb() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def _send(sock: socket.socket, message: dict) -> None:
    sock.send(json.dumps(message).encode("utf-8"))


def _spare_child(sock: socket.socket, job_dir: Path, uid: int | None, confinement) -> None:
    """A pre-forked child: confined first, then it takes the next job itself. Never returns.

    Forking and confining happen before the job arrives, so they cost the learner nothing.
    """
    from mltrail.sandbox.runner import read_all, run_request
    from mltrail.sandbox.confine import Limits

    try:
        confinement.apply(uid, job_dir, (0, 1, 2, sock.fileno()))
        message, fds, _, _ = socket.recv_fds(sock, 65536, 3)
        sock.close()
        if not message or len(fds) != 3:
            os._exit(NO_JOB)
        req_r, out_w, res_w = fds
        os.dup2(out_w, 1)
        os.dup2(out_w, 2)
        os.close(out_w)
        request = json.loads(read_all(req_r).decode("utf-8"))
        os.close(req_r)
        confinement.limit(Limits(**request["limits"]))
        run_request(request, res_w)
    except BaseException:
        os._exit(70)


def _children() -> list[int]:
    me, found = os.getpid(), []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as handle:
                    if int(handle.read().rsplit(")", 1)[1].split()[1]) == me:
                        found.append(int(name))
            except (OSError, ValueError, IndexError):
                pass
    return found


def _reap_children() -> None:
    """Without a uid of its own, kill what a job left behind: it was re-parented to us."""
    import signal

    for _ in range(100):
        orphans = _children()
        if not orphans:
            return
        for pid in orphans:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for pid in orphans:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass


def warm_up() -> None:
    """Run common code paths once, so each forked job finds them imported and cached."""
    import numpy as np

    from mltrail.sandbox import codec

    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3))
    y = X @ np.array([1.0, -2.0, 0.5]) + 0.1
    value = {"X": X, "t": (1, 2.0, "s"), "d": {1: [True, None]}, "s": {1, 2}, "i": X.astype(int)}
    codec.decode(codec.encode(value, 1 << 24), 1 << 24)
    steps = [
        lambda: (X.mean(axis=0), X.std(axis=0), np.allclose(X, X), np.isclose(X, X), np.where(X > 0, X, 0)),
        lambda: (np.linalg.solve(X.T @ X, X.T @ y), np.linalg.svd(X), np.linalg.eigh(X.T @ X), np.linalg.lstsq(X, y)),
        lambda: (np.linalg.norm(X), np.linalg.det(X.T @ X), np.linalg.inv(X.T @ X), np.linalg.qr(X)),
        lambda: __import__("pandas").DataFrame(X, columns=list("abc")).assign(g=[i % 3 for i in range(40)]).groupby("g").mean(),
        lambda: __import__("sklearn.linear_model", fromlist=["x"]).LinearRegression().fit(X, y).predict(X),
        lambda: __import__("sklearn.linear_model", fromlist=["x"]).LogisticRegression().fit(X, y > 0).predict_proba(X),
        lambda: __import__("sklearn.preprocessing", fromlist=["x"]).StandardScaler().fit_transform(X),
        lambda: __import__("sklearn.model_selection", fromlist=["x"]).train_test_split(X, y, random_state=0),
        lambda: __import__("sklearn.metrics", fromlist=["x"]).mean_squared_error(y, y),
    ]
    for step in steps:
        try:
            step()
        except Exception:
            pass  # a missing package only means a colder start


def serve(sock: socket.socket, config: dict) -> None:
    import mltrail.sandbox.runner  # noqa: F401  (imported once here, not in every child)
    from mltrail.sandbox.confine import Confinement, UidLease, enter_network_namespace, reap_uid
    from mltrail.sandbox.process import make_job_dir

    libc = ctypes.CDLL(None, use_errno=True)
    confined = bool(config["confined"])
    work_root = Path(tempfile.mkdtemp(prefix="mltrail-zygote-"))
    os.chmod(work_root, 0o711)
    lease = UidLease() if confined else None
    uid = lease.uid if lease else None
    network = enter_network_namespace() if confined else False
    # Orphans of a job come to us, not to init (which may never reap them).
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    confinement = Confinement(work_root, [Path(p) for p in config["forbidden"]], enabled=confined,
                              network_in_child=False).prepare()
    if config.get("warm_up", True):
        warm_up()
    sys.stdout.flush()
    gc.collect()
    gc.freeze()
    _send(sock, {"ready": True, "pid": os.getpid(), "uid": uid, "network": network,
                 "landlock": confinement.ruleset is not None, "seccomp": confinement.seccomp_program is not None,
                 "errors": confinement.errors, "rss_kb": _rss_kb()})
    try:
        while True:
            job_dir = make_job_dir(uid, parent=str(work_root))
            pid = os.fork()
            if pid == 0:
                _spare_child(sock, job_dir, uid, confinement)
            _send(sock, {"pid": pid})
            _, status = os.waitpid(pid, 0)
            if os.WIFEXITED(status) and os.WEXITSTATUS(status) == NO_JOB:
                break
            # The verdict need not wait for the clean-up; the next job does.
            _send(sock, {"status": status, "rss_kb": _rss_kb()})
            if uid is not None:
                reap_uid(uid)
            _reap_children()
            shutil.rmtree(job_dir, ignore_errors=True)
            _send(sock, {"clean": True})
    except OSError:
        pass  # the pool closed its end
    finally:
        shutil.rmtree(work_root, ignore_errors=True)
        if lease:
            lease.release()


def main() -> None:
    sock = socket.socket(fileno=int(sys.argv[1]))
    config = json.loads(sys.argv[2])
    for name in config["preload"]:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    keep = sorted({0, 1, 2, sock.fileno()})
    low = 3
    for fd in keep:
        if fd >= low:
            os.closerange(low, fd)
            low = fd + 1
    os.closerange(low, 65536)
    serve(sock, config)


if __name__ == "__main__":
    main()
