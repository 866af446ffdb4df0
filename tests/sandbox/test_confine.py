"""Each confinement layer on its own, applied in a forked child of the test process."""

from __future__ import annotations

import ctypes
import errno
import json
import os
import resource
import signal
import socket
import threading
import time
from pathlib import Path

import pytest

from mltrail.sandbox import landlock, seccomp
from mltrail.sandbox.confine import Confinement, Limits, become, drop_capabilities, enter_job_namespaces
from mltrail.sandbox.layout import CONTENT, python_roots, secret_paths
from mltrail.sandbox.uids import SandboxUnavailable, UidLease, job_uid_range

ROOT = os.geteuid() == 0


def in_child(body) -> dict:
    """Run body(report_fd) in a forked child; return what it returns (or its exception).

    A body that closes descriptors must keep report_fd open.
    """
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            result = {"ok": body(write)}
        except BaseException as exc:  # reported to the test
            result = {"error": f"{type(exc).__name__}: {exc}"}
        os.write(write, json.dumps(result).encode())
        os._exit(0)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    _, status = os.waitpid(pid, 0)
    if not chunks:
        return {"signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None}
    return json.loads(b"".join(chunks))


def errno_of(action) -> int:
    try:
        action()
    except OSError as exc:
        return exc.errno
    return 0


@pytest.fixture
def listener():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    yield server.getsockname()
    server.close()


def test_seccomp_refuses_network_sockets_ptrace_and_namespaces_but_not_threads():
    def body(report_fd):
        seccomp.install(seccomp.build_filter())
        thread_ran = []
        worker = threading.Thread(target=lambda: thread_ran.append(True))
        worker.start()
        worker.join()
        libc = ctypes.CDLL(None, use_errno=True)
        return {
            "inet": errno_of(lambda: socket.socket(socket.AF_INET)),
            "inet6": errno_of(lambda: socket.socket(socket.AF_INET6)),
            "netlink": errno_of(lambda: socket.socket(socket.AF_NETLINK, socket.SOCK_RAW)),
            "unix pair": errno_of(lambda: socket.socketpair()),
            "ptrace": libc.ptrace(16, os.getppid(), 0, 0) == -1 and ctypes.get_errno(),
            "unshare": libc.unshare(0x40000000) == -1 and ctypes.get_errno(),
            "thread": thread_ran == [True],
            "mode": libc.prctl(21, 0, 0, 0, 0),
        }

    found = in_child(body)["ok"]
    assert found["inet"] == found["inet6"] == found["netlink"] == errno.EPERM
    assert found["unix pair"] == 0 and found["thread"]
    assert found["ptrace"] == errno.EPERM and found["unshare"] == errno.EPERM
    assert found["mode"] == 2


def test_seccomp_filter_is_valid_bpf_for_both_architectures():
    for arch in ("x86_64", "aarch64"):
        program = seccomp.build_filter(arch)
        assert len(program) % 8 == 0 and 20 < len(program) // 8 < 255
    with pytest.raises(OSError):
        seccomp.build_filter("sparc")


@pytest.mark.skipif(landlock.abi_version() == 0, reason="this kernel has no Landlock")
def test_landlock_allows_python_and_the_job_folder_only(tmp_path, listener):
    job = tmp_path / "job"
    job.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("hidden")
    granted = landlock.split_around(python_roots(), secret_paths([]))
    solution = next(CONTENT.rglob("solution.py"))
    ruleset = landlock.Ruleset(granted, [job], [Path("/dev/null")])

    def body(report_fd):
        ruleset.restrict_self()

        return {
            "stdlib import": __import__("fractions").Fraction(1, 2) == 0.5,
            "read secret": errno_of(lambda: secret.read_text()),
            "read mltrail": errno_of(lambda: solution.read_text()),
            "write outside": errno_of(lambda: (tmp_path / "x").write_text("x")),
            "write job": (job / "ok.txt").write_text("ok"),
            "tcp": errno_of(lambda: socket.create_connection(listener, timeout=1)) if ruleset.net else errno.EACCES,
        }

    found = in_child(body)["ok"]
    assert found["stdlib import"] and found["write job"] == 2
    assert found["read secret"] == found["read mltrail"] == found["write outside"] == errno.EACCES
    assert found["tcp"] == errno.EACCES


def test_split_around_grants_everything_but_the_forbidden(tmp_path):
    for name in ("a/x", "a/b/y", "a/b/c/secret", "d"):
        (tmp_path / name).mkdir(parents=True)
    granted = landlock.split_around([tmp_path], [tmp_path / "a/b/c"])
    assert tmp_path / "d" in granted and tmp_path / "a/x" in granted and tmp_path / "a/b/y" in granted
    assert not any(g == tmp_path / "a/b/c" or (tmp_path / "a/b/c").is_relative_to(g) for g in granted)


@pytest.mark.skipif(not ROOT, reason="switching uid needs root")
def test_unprivileged_uid_cannot_read_root_files_or_signal_others(tmp_path):
    private = tmp_path / "private.txt"
    private.write_text("root only")
    private.chmod(0o600)
    lease = UidLease()
    try:
        def body(report_fd):
            become(lease.uid)
            return {
                "uid": os.getuid(),
                "read": errno_of(lambda: private.read_text()),
                "signal parent": errno_of(lambda: os.kill(os.getppid(), 0)),
            }

        found = in_child(body)["ok"]
    finally:
        lease.release()
    assert found["uid"] == lease.uid
    assert found["read"] == errno.EACCES and found["signal parent"] == errno.EPERM


@pytest.mark.skipif(not ROOT, reason="uid leases need root")
def test_uid_leases_are_exclusive():
    first, second = UidLease(), UidLease()
    try:
        assert first.uid is not None and second.uid is not None and first.uid != second.uid
    finally:
        first.release()
        second.release()


@pytest.mark.skipif(not ROOT, reason="uid leases need root")
def test_uid_leases_fail_closed_when_every_uid_is_taken(monkeypatch):
    monkeypatch.setenv("MLTRAIL_JOB_UIDS", "2000100000-2000100000")
    only = UidLease()
    try:
        with pytest.raises(SandboxUnavailable, match="in use"):
            UidLease()
    finally:
        only.release()


@pytest.mark.parametrize("text", ["61000-64999", "0-100", "abc", "5-3", "65534-70000"])
def test_job_uid_ranges_clear_of_systemd_and_root(monkeypatch, text):
    monkeypatch.setenv("MLTRAIL_JOB_UIDS", text)
    with pytest.raises(SandboxUnavailable):
        job_uid_range()


def test_job_namespaces_quota_pid_and_ipc(tmp_path):
    host = {name: os.stat(f"/proc/self/ns/{name}").st_ino for name in ("pid", "ipc", "mnt", "user")}

    def body(report_fd):
        lease = UidLease() if ROOT else None
        if lease:
            become(lease.uid)
        enter_job_namespaces(1024 * 1024)
        child = os.fork()
        if child == 0:
            found = {"pid": os.getpid(), "tmp": errno_of(lambda: Path("/tmp/big").write_bytes(b"x" * 600_000)),
                     "shm": errno_of(lambda: Path("/dev/shm/big").write_bytes(b"x" * 600_000)),
                     "ns": {name: os.stat(f"/proc/self/ns/{name}").st_ino != ino for name, ino in host.items()}}
            drop_capabilities()
            found["caps"] = [line.split()[1] for line in open("/proc/self/status") if line.startswith("Cap")]
            os.write(report_fd, json.dumps(found).encode())
            os._exit(0)
        os.waitpid(child, 0)
        os._exit(0)

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            body(write)
        finally:
            os._exit(1)
    os.close(write)
    data = os.read(read, 65536)
    os.close(read)
    os.waitpid(pid, 0)
    found = json.loads(data)
    assert found["pid"] == 1
    assert found["tmp"] == 0 and found["shm"] == errno.ENOSPC, "one quota for /tmp and /dev/shm together"
    assert all(found["ns"].values()), found["ns"]
    assert set(found["caps"]) == {"0000000000000000"}


def test_rlimits_bound_memory_cpu_files_and_cores(tmp_path):
    def body(report_fd):
        confinement = Confinement([], [], enabled=False)
        confinement.apply((0, 1, 2, report_fd))
        confinement.limit(Limits(memory_mb=64, cpu_s=1, file_bytes=1000, open_files=32))
        found = {"core": resource.getrlimit(resource.RLIMIT_CORE)[0]}
        try:
            bytearray(200 * 1024 * 1024)
            found["memory"] = "allocated"
        except MemoryError:
            found["memory"] = "refused"
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        found["file"] = errno_of(lambda: (tmp_path / "big").write_bytes(b"x" * 5000))
        found["nofile"] = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        found["session"] = os.getsid(0) == os.getpid()
        return found

    found = in_child(body)["ok"]
    assert found == {"core": 0, "memory": "refused", "file": errno.EFBIG, "nofile": 32, "session": True}

    def burn(report_fd):
        confinement = Confinement([], [], enabled=False)
        confinement.apply((0, 1, 2))
        confinement.limit(Limits(cpu_s=1))
        while True:
            pass

    assert in_child(burn) == {"signal": signal.SIGXCPU}


def test_closed_descriptors(tmp_path):
    kept = os.open(os.devnull, os.O_RDONLY)
    dropped = os.open(os.devnull, os.O_RDONLY)

    def body(report_fd):
        confinement = Confinement([], [], enabled=False)
        confinement.apply((0, 1, 2, kept, report_fd))
        return {"kept": errno_of(lambda: os.fstat(kept)), "dropped": errno_of(lambda: os.fstat(dropped))}

    try:
        assert in_child(body)["ok"] == {"kept": 0, "dropped": errno.EBADF}
    finally:
        os.close(kept)
        os.close(dropped)


def test_missing_layers_are_warned_about(monkeypatch, home):
    from mltrail.config import Settings
    from mltrail.service import Service

    monkeypatch.setattr(landlock, "abi_version", lambda: 0)
    warnings = Service(Settings.resolve(home=home)).sandbox_warnings()
    assert any("landlock" in w for w in warnings)
    unconfined = Service(Settings.resolve(home=home, sandbox="none")).sandbox_warnings()
    assert unconfined and "OFF" in unconfined[0]


def test_split_around_resolves_links_before_granting(tmp_path):
    # A venv has lib64 -> lib: granting the link would grant all of lib, the secret included.
    (tmp_path / "lib" / "site" / "mltrail" / "content").mkdir(parents=True)
    (tmp_path / "lib" / "site" / "numpy").mkdir()
    (tmp_path / "lib64").symlink_to("lib")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (tmp_path / "lib" / "escape").symlink_to(outside)
    secret = tmp_path / "lib64" / "site" / "mltrail" / "content"
    granted = landlock.split_around([tmp_path], [secret])
    real = (tmp_path / "lib" / "site" / "mltrail" / "content").resolve()
    assert not any(real.is_relative_to(g) for g in granted), granted
    assert (tmp_path / "lib" / "site" / "numpy").resolve() in granted
    assert all(not g.is_symlink() for g in granted) and outside.resolve() not in granted
