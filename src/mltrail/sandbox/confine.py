"""Confinement of one job, layer by layer, inside a zygote's world (see layout.py).

A job's process is made before the job arrives. The zygote starts it with clone()
straight into new user, mount, PID and IPC namespaces (JobClone: one copy of the zygote
per job), as the job's uid when mltrail runs as root. It is PID 1 of its namespace, so
when it ends the kernel kills every process it started: nothing outlives the job. It
maps its own uid only, mounts the job's size-limited tmpfs (its /tmp, its working
folder and /dev/shm: one disk quota for all three) and a /proc that shows only the job,
drops every capability, closes every descriptor it does not need, applies Landlock and
seccomp, says it is ready, and only then takes a job.

As a plain user, or where clone() cannot be used (another architecture or C library), a *keeper* copy of the
zygote makes the namespaces instead, starts an idle `sleep` as PID 1 without copying the
zygote, and forks the learner's process (PID 2); killing that init ends the namespace.

Every step is required where the host supports it: a step that fails stops the job
(fail closed) and the verdict says the sandbox is unavailable.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
from dataclasses import dataclass, field
from pathlib import Path

CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWIPC = 0x20000, 0x10000000, 0x20000000, 0x08000000
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_BIND = 2, 4, 8, 4096
PR_SET_DUMPABLE, PR_SET_PDEATHSIG, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS = 4, 1, 24, 38
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
SYS_OPEN_TREE, SYS_MOVE_MOUNT = 428, 429  # the same on x86_64 and aarch64
CLONE_CHILD_SETTID = 0x01000000
JOB_NAMESPACES = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC
AT_FDCWD, AT_RECURSIVE, OPEN_TREE_CLONE, O_CLOEXEC, MOVE_MOUNT_F_EMPTY_PATH = -100, 0x8000, 1, 0o2000000, 4
JOB_ROOT = Path("/tmp")
JOB_DIR = JOB_ROOT / "job"
SYSTEM_FACTS = [Path(p) for p in ("/proc/cpuinfo", "/proc/meminfo", "/proc/stat", "/sys/devices/system/cpu",
                                  "/sys/fs/cgroup")]
_libc = ctypes.CDLL(None, use_errno=True)


@dataclass
class Limits:
    memory_mb: int = 1024
    cpu_s: int = 6
    file_bytes: int = 16 * 1024 * 1024
    disk_bytes: int = 64 * 1024 * 1024
    processes: int = 64
    open_files: int = 64


def _check(result: int, what: str) -> None:
    if result != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"{what}: {os.strerror(error)}")


def _mount(source: str, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    _check(_libc.mount(source.encode(), target.encode(), fstype.encode() if fstype else None, flags,
                       data.encode() if data else None), f"mount {target}")


def become(uid: int) -> None:
    """Drop from root to the job's uid (and gid), with no supplementary groups."""
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)
    if os.getuid() != uid or os.geteuid() != uid:
        raise OSError("the uid did not change")


def _detach(path: Path) -> int:
    """A detached copy of the mounts at `path`, to put back after something covers them."""
    fd = _libc.syscall(SYS_OPEN_TREE, AT_FDCWD, str(path).encode(), OPEN_TREE_CLONE | AT_RECURSIVE | O_CLOEXEC)
    if fd < 0:
        raise OSError(ctypes.get_errno(), f"open_tree {path}: {os.strerror(ctypes.get_errno())}")
    return fd


def _attach(fd: int, path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    if _libc.syscall(SYS_MOVE_MOUNT, fd, b"", AT_FDCWD, str(path).encode(), MOVE_MOUNT_F_EMPTY_PATH) != 0:
        raise OSError(ctypes.get_errno(), f"move_mount {path}: {os.strerror(ctypes.get_errno())}")
    os.close(fd)


def enter_job_namespaces(disk_bytes: int, keep_under_tmp: list[Path] = ()) -> None:
    """New user, mount, PID (for children) and IPC namespaces, and the job's own tmpfs.

    `keep_under_tmp`: read-only roots (a venv made under /tmp) that the job's /tmp
    would otherwise hide; they are put back on top of it.
    """
    uid, gid = os.geteuid(), os.getegid()
    _libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)  # to write our own id maps after a uid change
    _check(_libc.unshare(JOB_NAMESPACES), "unshare")
    build_job_world(uid, gid, disk_bytes, keep_under_tmp)


def build_job_world(uid: int, gid: int, disk_bytes: int, keep_under_tmp: list[Path] = ()) -> None:
    """In fresh job namespaces: id maps of our outside uid and gid only, the job's tmpfs and /dev/shm.

    `uid` and `gid` are what we were outside, read before the namespaces were made (inside,
    until the maps are written, every id reads as the overflow id).
    """
    _libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)
    for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
        try:
            with open(f"/proc/self/{name}", "w") as handle:
                handle.write(text)
        except OSError as exc:
            raise OSError(exc.errno, f"writing {name} ({text}): {exc.strerror}") from None
    _libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    os.setresgid(gid, gid, gid)  # a saved id of the outside world (root's, after a clone) is gone now
    os.setresuid(uid, uid, uid)
    kept = [(_detach(path), path) for path in keep_under_tmp]
    _mount("mltrail-job", str(JOB_ROOT), "tmpfs", MS_NOSUID | MS_NODEV,
           f"size={disk_bytes},nr_inodes=4096,mode=0700,uid={uid},gid={gid}")
    for fd, path in kept:
        _attach(fd, path)
    JOB_DIR.mkdir(mode=0o700)
    shm = JOB_ROOT / ".shm"
    shm.mkdir(mode=0o700)
    if Path("/dev/shm").is_dir():
        _mount(str(shm), "/dev/shm", None, MS_BIND)


class JobClone:
    """Start a job's process straight into new namespaces: one copy of the zygote per job.

    `clone()` with namespace flags is `fork()` whose child is PID 1 of a new PID namespace,
    in new user, mount and IPC namespaces: no keeper process, no second copy. Python's
    own fork hooks run around it (PyOS_BeforeFork and the after-fork calls), and the
    kernel writes the child's thread id into glibc's thread block, as glibc's fork does,
    so `raise()` and thread functions see the right id. Where any of that cannot be
    found (another architecture, another C library), `available` is False and the
    zygote uses a keeper instead.

    As root, the clone runs with the job's uid as real and effective uid (the zygote
    keeps root as saved uid and takes it back right after), so the job's user namespace
    belongs to the job's uid and maps only it; the child then drops the saved root id.
    """

    SYSCALLS = {"x86_64": (56, 186, 3), "aarch64": (220, 178, 4)}  # clone, gettid, index of child_tid

    def __init__(self) -> None:
        self.available = False
        numbers = self.SYSCALLS.get(os.uname().machine)
        if numbers is None:
            return
        self.clone_nr, gettid_nr, self.child_tid_index = numbers
        libc = ctypes.CDLL(None)
        libc.pthread_self.restype = ctypes.c_void_p
        libc.syscall.restype = ctypes.c_long

        def tid_offsets() -> set[int]:
            base, tid = libc.pthread_self(), libc.syscall(gettid_nr)
            return {off for off in range(0, 4096, 4) if ctypes.c_int.from_address(base + off).value == tid}

        # In a small PID namespace a thread id is a small number that may occur elsewhere in
        # the thread block: where the field is, is where it holds the id in two threads.
        import threading

        other: list[set[int]] = []
        helper = threading.Thread(target=lambda: other.append(tid_offsets()))
        helper.start()
        helper.join()
        offsets = tid_offsets() & (other[0] if other else set())
        if len(offsets) != 1:
            return
        self.tid_address = libc.pthread_self() + offsets.pop()
        self._syscall = ctypes.PyDLL(None, use_errno=True).syscall  # keeps the GIL: nothing runs meanwhile
        self._syscall.restype = ctypes.c_long
        self.available = True

    def start(self, uid: int | None) -> int:
        """The child's pid in the parent, 0 in the child (PID 1 of its namespace); OSError on failure."""
        args = [ctypes.c_void_p(0)] * 4
        args[self.child_tid_index - 1] = ctypes.c_void_p(self.tid_address)
        flags = ctypes.c_ulong(JOB_NAMESPACES | CLONE_CHILD_SETTID | signal.SIGCHLD)
        if uid is not None:
            os.setgroups([])
            os.setresgid(uid, uid, 0)
            os.setresuid(uid, uid, 0)
        ctypes.pythonapi.PyOS_BeforeFork()
        pid = self._syscall(ctypes.c_long(self.clone_nr), flags, *args)
        error = ctypes.get_errno()
        if pid == 0:
            ctypes.pythonapi.PyOS_AfterFork_Child()
            return 0
        ctypes.pythonapi.PyOS_AfterFork_Parent()
        if uid is not None:
            os.setresuid(0, 0, 0)
            os.setresgid(0, 0, 0)
        if pid < 0:
            raise OSError(error, f"clone: {os.strerror(error)}")
        return pid


def mount_job_proc() -> bool:
    """In the learner's process: a /proc that shows the job's own processes only, where the host allows.

    A kernel refuses it when the zygote's /proc has covered parts (bubblewrap run as root
    covers /proc/sys); the job then keeps that /proc, of which Landlock grants it only its
    own entry, so this step may be skipped without opening anything.
    """
    try:
        _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    except PermissionError:
        return False  # the kernel logs each refusal: the zygote stops asking (see zygote.py)
    return True


def drop_capabilities() -> None:
    """No capability at all, now or after any exec, in any namespace.

    The bounding set can only be emptied by a process that may (in its own user
    namespace it can); one that may not already holds no capability, and with
    no_new_privs no exec can give it one, so its bounding set is inert.
    """
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "PR_SET_NO_NEW_PRIVS")
    bounding_dropped = True
    for cap in range(64):
        if _libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            error = ctypes.get_errno()
            if error == 22:  # EINVAL: past the last capability
                break
            if error != 1:  # EPERM: not ours to drop, see above
                raise OSError(error, "PR_CAPBSET_DROP failed")
            bounding_dropped = False
            break
    _libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)
    data = (ctypes.c_uint32 * 6)()
    _check(_libc.capset(header, data), "capset")
    checked = ("CapEff:", "CapPrm:", "CapInh:", "CapAmb:") + (("CapBnd:",) if bounding_dropped else ())
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(checked) and int(line.split()[1], 16):
                raise OSError(f"a capability is left: {line.strip()}")


# Layers a sandbox can be built without, to measure what each costs and to show that the
# hostile suite fails without them. Never read from the environment or a user's options.
SWITCHABLE = frozenset({"filesystem view", "network namespace", "job namespaces", "uid", "capabilities",
                        "landlock", "seccomp", "rlimits", "reaper"})


@dataclass
class Confinement:
    """The layers a zygote applies to each job, prepared once in the zygote.

    `off` names layers left out on purpose (see SWITCHABLE); `enabled=False` is the
    unconfined mode for authors (--no-sandbox).
    """

    read_only: list[Path]
    forbidden: list[Path]
    enabled: bool = True
    off: frozenset = frozenset()
    ruleset: object = None
    seccomp_program: bytes | None = None
    errors: dict[str, str] = field(default_factory=dict)
    job_dir: Path = JOB_DIR
    proc_refused: bool = False  # the host refused a job's own /proc once: later jobs keep the zygote's

    def under_tmp(self) -> list[Path]:
        """Read-only roots that live under the folder each job's tmpfs covers."""
        return [p for p in self.read_only if p.is_relative_to(JOB_ROOT) and p != JOB_ROOT]

    def uses(self, layer: str) -> bool:
        return self.enabled and layer not in self.off

    def prepare(self) -> "Confinement":
        from mltrail.sandbox import landlock, seccomp

        if self.uses("landlock"):
            try:
                granted = landlock.split_around(self.read_only, self.forbidden)
                devices = [Path("/dev/null"), Path("/dev/urandom"), Path("/dev/zero")]
                self.ruleset = landlock.Ruleset(granted, [], devices)
            except OSError as exc:
                self.errors["landlock"] = str(exc)
        if self.uses("seccomp"):
            try:
                self.seccomp_program = seccomp.build_filter()
            except OSError as exc:
                self.errors["seccomp"] = str(exc)
        return self

    def apply(self, keep_fds: tuple[int, ...]) -> None:
        """In the learner's process, before its code runs: every layer but the job's rlimits."""
        with open("/proc/self/statm") as handle:
            self.mapped_bytes = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        if os.getpid() != os.getsid(0):
            os.setsid()
        os.chdir(self.job_dir if self.enabled else os.getcwd())
        close_other_fds(keep_fds + (self.ruleset.descriptors() if self.ruleset is not None else ()))
        if not self.enabled:
            return
        if self.uses("capabilities"):
            drop_capabilities()
        _libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        if self.ruleset is not None:
            # Its own /proc entry and read-only CPU and memory facts: scikit-learn (through
            # threadpoolctl and joblib) reads them.
            writable = [JOB_ROOT, Path("/dev/shm")] if self.uses("job namespaces") else [self.job_dir]
            self.ruleset.restrict_self([Path("/proc/self").resolve(), *SYSTEM_FACTS], writable)
        if self.seccomp_program is not None:
            from mltrail.sandbox import seccomp

            seccomp.install(self.seccomp_program)

    def limit(self, limits: Limits) -> None:
        """The job's rlimits; only lowers limits, so it works without privilege."""
        if self.enabled and not self.uses("rlimits"):
            return
        values = [
            (resource.RLIMIT_AS, self.mapped_bytes + limits.memory_mb * 1024 * 1024),
            (resource.RLIMIT_CPU, limits.cpu_s),
            (resource.RLIMIT_FSIZE, limits.file_bytes),
            (resource.RLIMIT_NOFILE, limits.open_files),
            (resource.RLIMIT_CORE, 0),
        ]
        if self.uses("job namespaces"):
            # Counted per user namespace: the job's own, so this bounds the job alone.
            values.append((resource.RLIMIT_NPROC, limits.processes))
        for which, value in values:
            # The CPU hard limit sits a second above the soft one, so the process gets
            # SIGXCPU (a time-out) before the kernel's SIGKILL.
            hard = value + 1 if which == resource.RLIMIT_CPU else value
            resource.setrlimit(which, (value, hard))


def close_other_fds(keep: tuple[int, ...]) -> None:
    low = 3
    for fd in sorted(set(keep)):
        if fd >= low:
            os.closerange(low, fd)
            low = fd + 1
    os.closerange(low, 65536)
