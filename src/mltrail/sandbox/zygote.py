"""A zygote: a warm interpreter that prepares one confined job after another.

It runs inside the world layout.py builds, imports numpy, pandas, scipy,
scikit-learn and gymnasium once (BLAS threads at 1), makes itself non-dumpable,
keeps only its two sockets, and holds no check, solution or expected output: only
the learner's code and the inputs ever reach a job, through pipes handed over
with it.

Per job it clones the job's process straight into new namespaces (PID 1 there; see
confine.py) when mltrail runs as root, or else forks a keeper that makes them, starts a
tiny PID 1 and forks the learner's process. Confinement happens before the job arrives;
the job's process says so on a ready pipe, and only then does the zygote announce the
spare, so a job is never handed to a process that failed to confine itself.

Control socket (SOCK_SEQPACKET, JSON): the zygote says {"ready": ...} once, then per
spare {"spare": n} (confined and waiting) or {"unavailable": why} (confinement failed:
nothing may run), and {"status": s, "rss_kb": k} once that spare's job is over. The
job message itself ({"job": n} with three descriptors) is read by the spare. Kill
socket: the pool sends {"kill": n} to end spare n's job at its wall-clock limit.
"""

from __future__ import annotations

import ctypes
import gc
import importlib
import json
import os
import select
import shutil
import signal
import socket
import sys
import tempfile
import warnings
from pathlib import Path

PR_SET_DUMPABLE, PR_SET_PDEATHSIG, PR_SET_CHILD_SUBREAPER = 4, 1, 36
NO_JOB = 75  # a spare that found the control socket closed: the pool is shutting down
UNAVAILABLE = 71  # a confinement step failed: the job must not run


def _rss_kb() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def _send(sock: socket.socket, message: dict) -> None:
    sock.send(json.dumps(message).encode("utf-8"))


def _exit_code(status: int) -> int:
    """A wait status as an exit code, a signal n as 128+n."""
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1


def _fail(ready_w: int, step: str, exc: BaseException) -> None:
    """Tell the zygote which confinement step failed, and stop: the job must not run."""
    try:
        os.write(ready_w, f"F{step}: {type(exc).__name__}: {exc}"[:500].encode("utf-8", "replace"))
    finally:
        os._exit(UNAVAILABLE)


def _learner(sock: socket.socket, ready_w: int, confinement, keeper: int) -> None:
    """The learner's process: confined first, then it takes the next job itself. Never returns."""
    from mltrail.sandbox.confine import Limits, mount_job_proc
    from mltrail.sandbox.runner import read_all, run_request

    try:
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() not in (0, keeper):  # 0: our parent is outside our PID namespace
            raise OSError("the keeper died before the learner's process could follow it")
        proc = b""
        if confinement.uses("job namespaces") and not confinement.proc_refused:
            proc = b"" if mount_job_proc() else b"P"
        confinement.apply((0, 1, 2, sock.fileno(), ready_w))
    except BaseException as exc:
        _fail(ready_w, "confining the learner's process", exc)
    try:
        os.write(ready_w, b"R" + proc)  # "RP": ready, and this host refuses a /proc of the job's own
        os.close(ready_w)
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
        if request.get("nice"):
            os.setpriority(os.PRIO_PROCESS, 0, int(request["nice"]))
    except BaseException:
        os._exit(UNAVAILABLE)
    run_request(request, res_w)


def _keeper(sock: socket.socket, ready_w: int, uid: int | None, confinement, disk_bytes: int, init_program: str) -> None:
    """Outside the job's namespaces: make them, start the job, end its namespace, exit as it did.

    The job's PID 1 is a tiny program started without copying this interpreter (an idle
    `sleep`): the learner's process is PID 2 with ordinary signals, and killing PID 1
    ends everything the learner started. Only the learner's process is a copy of the
    warm interpreter.
    """
    from mltrail.sandbox.confine import become, enter_job_namespaces

    init = None
    try:
        if uid is not None and confinement.uses("uid"):
            become(uid)
        if confinement.uses("job namespaces"):
            enter_job_namespaces(disk_bytes, confinement.under_tmp())
            init = os.posix_spawn(init_program, ["mltrail-job-init", "infinity"], {})
        me = os.getpid()
        learner = os.fork()
    except BaseException as exc:
        _fail(ready_w, "making the job's namespaces", exc)
    if learner == 0:
        _learner(sock, ready_w, confinement, me)
    sock.close()
    os.close(ready_w)
    code = _exit_code(os.waitpid(learner, 0)[1])
    if init is not None:
        os.kill(init, signal.SIGKILL)  # the kernel kills the rest of the namespace with it
        os.waitpid(init, 0)
    if code > 128:  # the learner died of a signal: die of it too
        signal.signal(code - 128, signal.SIG_DFL)
        os.kill(os.getpid(), code - 128)
    os._exit(code)


def _cloned_learner(sock: socket.socket, ready_w: int, uid: int, gid: int, confinement, disk_bytes: int) -> None:
    """A job's process made by clone(): PID 1 of its own namespaces. Builds its world, then is the learner."""
    from mltrail.sandbox.confine import build_job_world

    try:
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != 0:  # our parent, the zygote, is outside our PID namespace
            raise OSError("the job's process is not alone in its PID namespace")
        build_job_world(uid, gid, disk_bytes, confinement.under_tmp())
    except BaseException as exc:
        _fail(ready_w, "making the job's namespaces", exc)
    _learner(sock, ready_w, confinement, None)


def warm_up(preload: tuple[str, ...] | list[str] = ("numpy", "pandas", "sklearn")) -> None:
    """Run common code paths of the preloaded libraries once, so each forked job finds them imported and cached."""
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
    roots = {name.split(".")[0] for name in preload}
    steps = steps[:3] + ([steps[3]] if "pandas" in roots else []) + (steps[4:] if "sklearn" in roots else [])
    if "matplotlib" in roots:
        steps.append(lambda: _draw_once(X))
    if "fastapi" in roots:
        steps.append(_serve_once)
    if "torch" in roots:
        steps.append(lambda: _train_once(X, y))
    for step in steps:
        try:
            step()
        except Exception:
            pass  # a missing package only means a colder start


def _draw_once(X) -> None:
    """A figure drawn and summarised once: pyplot, its fonts and the codec's path are loaded."""
    import matplotlib.pyplot as plt

    from mltrail.sandbox import codec

    fig, ax = plt.subplots()
    ax.plot(X[:, 0], X[:, 1], label="a")
    ax.scatter(X[:, 0], X[:, 2])
    ax.bar([0, 1], [1.0, 2.0])
    ax.set(title="t", xlabel="x", ylabel="y")
    ax.legend()
    fig.canvas.draw()
    codec.encode(fig, 1 << 24)
    plt.close("all")


def _train_once(X, y) -> None:
    """A small network trained a few steps with each common optimiser and a DataLoader: PyTorch
    initialises much on first use (dispatch tables, autograd, optimisers), once here, not per job."""
    import torch
    from torch.utils.data import DataLoader, TensorDataset

    torch.manual_seed(0)
    inputs = torch.tensor(X, dtype=torch.float32)
    targets = torch.tensor(y, dtype=torch.float32).reshape(-1, 1)
    for optimiser in (torch.optim.SGD, torch.optim.Adam):
        model = torch.nn.Sequential(torch.nn.Linear(3, 8), torch.nn.ReLU(), torch.nn.Dropout(0.1),
                                    torch.nn.Linear(8, 1), torch.nn.Sigmoid())
        step = optimiser(model.parameters(), lr=0.01)
        for batch, target in DataLoader(TensorDataset(inputs, targets), batch_size=8, shuffle=True):
            step.zero_grad()
            loss = torch.nn.functional.mse_loss(model(batch), target)
            loss.backward()
            step.step()
        with torch.no_grad():
            model.eval()
            logits = model(inputs)
        torch.nn.functional.cross_entropy(torch.cat([logits, -logits], 1), (targets[:, 0] > 0).long())
        torch.softmax(logits, dim=0).numpy()
    torch.tensor(X, requires_grad=True).pow(2).sum().backward()


def _serve_once() -> None:
    """A small FastAPI app built and asked twice through the test client, as the http protocol does."""
    from fastapi import FastAPI
    from pydantic import BaseModel

    from mltrail.sandbox.runner import serve_requests

    class Row(BaseModel):
        x: list[float]

    def create_app():
        app = FastAPI()

        @app.get("/health")
        def health():
            return {"status": "ok"}

        @app.post("/predict")
        def predict(row: Row):
            return {"score": sum(row.x)}

        return app

    serve_requests(create_app, {"init": {}, "requests": [{"method": "GET", "path": "/health"},
                                                         {"method": "POST", "path": "/predict", "json": {"x": [1.0]}}]})


def _wait_spare(keeper: int, kill: socket.socket, number: int) -> int:
    """Wait for the spare's job to end, killing it on the pool's word; its wait status."""
    pidfd = os.pidfd_open(keeper)
    try:
        while True:
            readable, _, _ = select.select([pidfd, kill], [], [])
            if kill in readable:
                data = kill.recv(4096)
                if not data:
                    os.kill(keeper, signal.SIGKILL)  # the pool is gone
                elif json.loads(data).get("kill") == number:
                    os.kill(keeper, signal.SIGKILL)  # its init follows (PDEATHSIG), then the namespace
            if pidfd in readable:
                return os.waitpid(keeper, 0)[1]
    finally:
        os.close(pidfd)


def _open_files() -> list[str]:
    """What this zygote holds open, as the kernel names it (for the pool's own checks)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            found.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            pass  # the descriptor listdir itself used
    return found


def _reap_all(kill: bool) -> None:
    """Reap every child left until none is; with `kill`, kill them first, again and again.

    A keeper's job init, or (without job namespaces) a learner's orphans, come to the zygote
    as their subreaper; killing before each wait also catches those orphaned meanwhile.
    """
    while True:
        if kill:
            for task in os.listdir("/proc/self/task"):
                with open(f"/proc/self/task/{task}/children") as handle:
                    for pid in handle.read().split():
                        try:
                            os.kill(int(pid), signal.SIGKILL)
                        except ProcessLookupError:
                            pass
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return
        except InterruptedError:
            continue


def serve(sock: socket.socket, kill: socket.socket, config: dict) -> None:
    import mltrail.sandbox.runner  # noqa: F401  (imported once here, not in every job)
    from mltrail.sandbox.confine import JOB_DIR, Confinement
    from mltrail.sandbox.layout import landlock_read_roots

    confined = bool(config["confined"])
    uid = config.get("uid")
    forbidden = [Path(p) for p in config["forbidden"]]
    init_program = shutil.which("sleep") or "/bin/sleep"
    confinement = Confinement(landlock_read_roots(), forbidden, enabled=confined,
                              off=frozenset(config.get("off", ()))).prepare()
    ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    cloner = None
    # Cloned jobs are used where mltrail runs as root (each zygote with its leased uid); a
    # plain user's zygotes keep the keeper, the layout their hostile suites were proven on.
    if confinement.uses("job namespaces") and config.get("clone", True) and uid is not None:
        from mltrail.sandbox.confine import JobClone

        cloner = JobClone()
        if not cloner.available:
            cloner = None
    if config.get("warm_up", True):
        warm_up(config["preload"])
    sys.stdout.flush()
    gc.collect()
    gc.freeze()
    _send(sock, {"ready": True, "pid": os.getpid(), "uid": uid, "landlock": confinement.ruleset is not None,
                 "clone": cloner is not None,
                 "seccomp": confinement.seccomp_program is not None, "errors": confinement.errors, "rss_kb": _rss_kb(),
                 "fds": _open_files()})
    number = 0
    try:
        while True:
            number += 1
            ready_r, ready_w = os.pipe()
            if not confinement.uses("job namespaces"):  # no tmpfs of its own: a folder in ours
                confinement.job_dir = Path(tempfile.mkdtemp(prefix="mltrail-job-"))
                os.chmod(confinement.job_dir, 0o777)
            if cloner is not None:
                as_uid = uid if uid is not None and confinement.uses("uid") else None
                # Read before the clone: inside the new namespaces every id reads as the overflow id.
                outer_uid, outer_gid = (os.geteuid(), os.getegid()) if as_uid is None else (as_uid, as_uid)
                keeper = cloner.start(as_uid)  # the job's own process, PID 1 of its namespaces
                if keeper == 0:
                    kill.close()
                    os.close(ready_r)
                    _cloned_learner(sock, ready_w, outer_uid, outer_gid, confinement, int(config["disk_bytes"]))
            else:
                keeper = os.fork()
                if keeper == 0:
                    kill.close()
                    os.close(ready_r)
                    _keeper(sock, ready_w, uid, confinement, int(config["disk_bytes"]), init_program)
            os.close(ready_w)
            said = os.read(ready_r, 1024)
            os.close(ready_r)
            ready = said in (b"R", b"RP")
            if said == b"RP":  # the host refuses the job's own /proc (and logs each try): stop trying
                confinement.proc_refused = True
            why = said[1:].decode("utf-8", "replace") or "a confinement step failed"
            _send(sock, {"spare": number} if ready else {"unavailable": why})
            status = _wait_spare(keeper, kill, number)
            _reap_all(confinement.uses("reaper"))  # the job is over once nothing of it is left
            if confinement.job_dir != JOB_DIR:
                shutil.rmtree(confinement.job_dir, ignore_errors=True)
            if os.WIFEXITED(status) and os.WEXITSTATUS(status) == NO_JOB:
                break
            _send(sock, {"status": status, "rss_kb": _rss_kb()})
            if not ready:
                break
    except OSError:
        pass  # the pool closed its end


def main() -> None:
    sock = socket.socket(fileno=int(sys.argv[1]))
    kill = socket.socket(fileno=int(sys.argv[2]))
    config = json.loads(sys.argv[3])
    for name in config["preload"]:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # e.g. Starlette's about httpx: nothing a learner did
                importlib.import_module(name)
        except ImportError:
            pass
    ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    from mltrail.sandbox.confine import close_other_fds

    close_other_fds((0, 1, 2, sock.fileno(), kill.fileno()))
    serve(sock, kill, config)


if __name__ == "__main__":
    main()
