"""Confinement of a learner process, layer by layer, and the clean-up after it.

`Confinement` is prepared once in a trusted process (a zygote, or the parent of a
fresh child): the Landlock ruleset is built and the seccomp program assembled.
`apply` runs in the child before any learner code: new session, network
namespace, rlimits, closed descriptors, an unprivileged uid of its own, Landlock,
seccomp. A layer that the host lacks is skipped; `probe_layers` finds out which
ones really hold, by testing their effect in a child.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import resource
import signal
import sys
import sysconfig
import time
from dataclasses import dataclass, field
from pathlib import Path

import mltrail

CLONE_NEWNET, CLONE_NEWUSER = 0x40000000, 0x10000000
PR_SET_DUMPABLE = 4
UID_BASE, UID_COUNT = 61000, 4000
UID_LOCK_DIR = Path("/run/mltrail-uids") if os.geteuid() == 0 and Path("/run").is_dir() else None
_libc = ctypes.CDLL(None, use_errno=True)

SYSTEM_FACTS = [Path(p) for p in ("/proc/cpuinfo", "/proc/meminfo", "/proc/stat", "/sys/devices/system/cpu",
                                  "/sys/fs/cgroup")]


@dataclass
class Limits:
    memory_mb: int = 1024
    cpu_s: int = 6
    file_bytes: int = 16 * 1024 * 1024
    processes: int = 64
    open_files: int = 64


def forbidden_paths(extra: list[Path] | None = None) -> list[Path]:
    """What a learner must never read: mltrail itself (its content and checks) and course dirs."""
    return [Path(mltrail.__file__).resolve().parent, *(extra or [])]


def python_roots() -> list[Path]:
    """The folders Python needs to import the standard library and installed packages."""
    roots = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.exec_prefix)}
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        value = sysconfig.get_paths().get(key)
        if value:
            roots.add(Path(value))
    roots.update(Path(p) for p in sys.path if p and Path(p).is_dir())
    for system in ("/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/share/zoneinfo", "/etc/ld.so.cache", "/etc/localtime"):
        if Path(system).exists():
            roots.add(Path(system))
    # Keep only the outermost of nested roots.
    resolved = sorted({r.resolve() for r in roots if r.exists()}, key=lambda p: len(p.parts))
    outer: list[Path] = []
    for root in resolved:
        if not any(root.is_relative_to(o) for o in outer):
            outer.append(root)
    return outer


class UidLease:
    """An unprivileged uid that no other mltrail job on this host uses meanwhile."""

    def __init__(self) -> None:
        self.uid: int | None = None
        self._fd: int | None = None
        if UID_LOCK_DIR is None:
            return
        UID_LOCK_DIR.mkdir(mode=0o700, exist_ok=True)
        start = (os.getpid() * 7919) % UID_COUNT
        for offset in range(UID_COUNT):
            uid = UID_BASE + (start + offset) % UID_COUNT
            fd = os.open(UID_LOCK_DIR / f"{uid}.lock", os.O_CREAT | os.O_RDWR | os.O_CLOEXEC, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                continue
            self.uid, self._fd = uid, fd
            return

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def processes_of(uid: int) -> list[int]:
    """Live processes whose real uid is `uid` (zombies are already dead and are left out)."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/status", "rb") as handle:
                state = b""
                for line in handle:
                    if line.startswith(b"State:"):
                        state = line.split()[1]
                    elif line.startswith(b"Uid:"):
                        if int(line.split()[1]) == uid and state != b"Z":
                            found.append(int(name))
                        break
        except (OSError, ValueError):
            continue
    return found


def reap_uid(uid: int) -> None:
    """Kill every process left running under a job's uid (daemons, fork bombs)."""
    if not processes_of(uid):
        return
    # kill(-1) from a process with that uid reaches all of them at once, even a fork bomb.
    pid = os.fork()
    if pid == 0:
        try:
            os.setgroups([])
            os.setresgid(uid, uid, uid)
            os.setresuid(uid, uid, uid)
            os.kill(-1, signal.SIGKILL)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        left = processes_of(uid)
        if not left:
            return
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.01)


def missing_layers() -> list[str]:
    """Layers this host cannot provide, found without starting a job (cheap, for start-up warnings)."""
    import platform

    from mltrail.sandbox import landlock, seccomp

    missing = []
    if landlock.abi_version() == 0:
        missing.append("landlock: the kernel has no Landlock (Linux 5.13+ with Landlock enabled)")
    if platform.machine() not in seccomp.SYSCALLS:
        missing.append(f"seccomp: no filter for the {platform.machine()} architecture")
    if os.geteuid() != 0:
        missing.append("unprivileged uid: mltrail is not running as root, so jobs share your uid")
        try:
            allowed = int(Path("/proc/sys/user/max_user_namespaces").read_text())
        except (OSError, ValueError):
            allowed = 0
        if allowed == 0:
            missing.append("network namespace: user namespaces are disabled, so jobs keep the network")
    if UID_LOCK_DIR is None and os.geteuid() == 0:
        missing.append("unprivileged uid: /run is missing, so uids cannot be leased")
    return missing


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


CAP_DAC_READ_SEARCH = 2
PR_SET_KEEPCAPS = 8


def python_is_private() -> bool:
    """True when other users cannot read the Python installation (e.g. pyenv under /root)."""
    import stat

    for root in {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}:
        for folder in [root, *root.parents]:
            try:
                if not folder.stat().st_mode & stat.S_IXOTH:
                    return True
            except OSError:
                return True
    return False


def _keep_only_read_search_capability() -> None:
    header = _CapHeader(0x20080522, 0)
    data = (_CapData * 2)()
    data[0].effective = data[0].permitted = 1 << CAP_DAC_READ_SEARCH
    if _libc.capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset failed")


def drop_to_uid(uid: int, keep_read_search: bool) -> None:
    """Become `uid`; optionally keep only the right to read and search (still bounded by Landlock)."""
    if keep_read_search:
        _libc.prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0)
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)
    if keep_read_search:
        _keep_only_read_search_capability()


def enter_network_namespace() -> bool:
    """Move the calling process into a new, empty network namespace (no interface is up)."""
    flags = CLONE_NEWNET if os.geteuid() == 0 else CLONE_NEWUSER | CLONE_NEWNET
    return _libc.unshare(flags) == 0


@dataclass
class Confinement:
    """The layers to apply in a child, prepared once."""

    writable: Path
    forbidden: list[Path] = field(default_factory=list)
    enabled: bool = True
    network_in_child: bool = True
    ruleset: object = None
    seccomp_program: bytes | None = None
    errors: dict[str, str] = field(default_factory=dict)

    def prepare(self) -> "Confinement":
        if not self.enabled:
            return self
        from mltrail.sandbox import landlock, seccomp

        try:
            granted = landlock.split_around(python_roots(), forbidden_paths(self.forbidden))
            devices = [Path("/dev/null"), Path("/dev/urandom"), Path("/dev/zero")]
            self.ruleset = landlock.Ruleset(granted, [self.writable], devices)
        except OSError as exc:
            self.errors["landlock"] = str(exc)
        try:
            self.seccomp_program = seccomp.build_filter()
        except OSError as exc:
            self.errors["seccomp"] = str(exc)
        return self

    def apply(self, uid: int | None, job_dir: Path, keep_fds: tuple[int, ...]) -> None:
        """In the child, before learner code runs: every layer but the job's rlimits. Irreversible."""
        with open("/proc/self/statm") as handle:
            self.mapped_bytes = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        if os.getpid() != os.getpgid(0):
            os.setsid()
        if self.enabled and self.network_in_child:
            enter_network_namespace()
        os.chdir(job_dir)
        _close_other_fds(keep_fds + (self.ruleset.descriptors() if self.ruleset is not None else ()))
        self.own_uid = False
        if not self.enabled:
            return
        private = python_is_private()
        if uid is not None and os.geteuid() == 0 and (self.ruleset is not None or not private):
            # A private Python (under /root) is unreadable for a plain uid; the read-search
            # capability is kept then, but only where Landlock bounds what it can reach.
            drop_to_uid(uid, keep_read_search=self.ruleset is not None and private)
            self.own_uid = True
        _libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        if self.ruleset is not None:
            # Its own /proc entry and read-only CPU and memory facts: scikit-learn (through
            # threadpoolctl and joblib) reads them.
            self.ruleset.restrict_self([Path(f"/proc/{os.getpid()}"), *SYSTEM_FACTS])
        if self.seccomp_program is not None:
            from mltrail.sandbox import seccomp

            seccomp.install(self.seccomp_program)

    def limit(self, limits: Limits) -> None:
        """The job's rlimits; only lowers limits, so it works after the uid is dropped."""
        values = [
            (resource.RLIMIT_AS, self.mapped_bytes + limits.memory_mb * 1024 * 1024),
            (resource.RLIMIT_CPU, limits.cpu_s),
            (resource.RLIMIT_FSIZE, limits.file_bytes),
            (resource.RLIMIT_NOFILE, limits.open_files),
            (resource.RLIMIT_CORE, 0),
        ]
        if self.own_uid:
            values.append((resource.RLIMIT_NPROC, limits.processes))
        for which, value in values:
            # The CPU hard limit sits a second above the soft one, so the process gets
            # SIGXCPU (a time-out) before the kernel's SIGKILL.
            hard = value + 1 if which == resource.RLIMIT_CPU else value
            try:
                resource.setrlimit(which, (value, hard))
            except (ValueError, OSError):
                pass  # a limit the host refuses is reported by the layer probe


def _close_other_fds(keep: tuple[int, ...]) -> None:
    low = 3
    for fd in sorted(set(keep)):
        if fd >= low:
            os.closerange(low, fd)
            low = fd + 1
    os.closerange(low, 65536)
