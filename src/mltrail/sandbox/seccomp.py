"""A seccomp filter for learner processes, assembled as classic BPF.

It kills the process on a foreign architecture (and on x32 system calls), refuses
network sockets (an AF_UNIX socket or socketpair stays allowed, as asyncio needs
one), ptrace, mounts, namespaces, kernel modules, io_uring and similar calls with
EPERM, and allows everything else. The program is built once and installed in
each child with two prctl calls.
"""

from __future__ import annotations

import ctypes
import errno
import platform
import struct

AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
AF_UNIX = 1
CLONE_NAMESPACES = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000 | 0x00000080

# Calls refused with EPERM, by name; numbers per architecture below.
DENIED = (
    "ptrace", "mount", "umount2", "pivot_root", "chroot", "unshare", "setns", "bpf", "perf_event_open",
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module", "process_vm_readv",
    "process_vm_writev", "keyctl", "add_key", "request_key", "userfaultfd", "open_by_handle_at",
    "name_to_handle_at", "swapon", "swapoff", "reboot", "io_uring_setup", "io_uring_enter",
    "io_uring_register", "open_tree", "move_mount", "fsopen", "fsconfig", "fsmount", "fspick",
    "mount_setattr", "personality", "acct", "quotactl", "syslog", "settimeofday", "clock_settime",
    "adjtimex", "clock_adjtime", "lookup_dcookie", "vhangup", "pidfd_getfd",
)

SYSCALLS = {
    "x86_64": {
        "socket": 41, "socketpair": 53, "clone": 56, "clone3": 435, "ptrace": 101, "mount": 165, "umount2": 166,
        "pivot_root": 155, "chroot": 161, "unshare": 272, "setns": 308, "bpf": 321, "perf_event_open": 298,
        "kexec_load": 246, "kexec_file_load": 320, "init_module": 175, "finit_module": 313, "delete_module": 176,
        "process_vm_readv": 310, "process_vm_writev": 311, "keyctl": 250, "add_key": 248, "request_key": 249,
        "userfaultfd": 323, "open_by_handle_at": 304, "name_to_handle_at": 303, "swapon": 167, "swapoff": 168,
        "reboot": 169, "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427, "open_tree": 428,
        "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433, "mount_setattr": 442,
        "personality": 135, "acct": 163, "quotactl": 179, "syslog": 103, "settimeofday": 164,
        "clock_settime": 227, "adjtimex": 159, "clock_adjtime": 305, "lookup_dcookie": 212, "vhangup": 153,
        "pidfd_getfd": 438,
    },
    "aarch64": {
        "socket": 198, "socketpair": 199, "clone": 220, "clone3": 435, "ptrace": 117, "mount": 40, "umount2": 39,
        "pivot_root": 41, "chroot": 51, "unshare": 97, "setns": 268, "bpf": 280, "perf_event_open": 241,
        "kexec_load": 104, "kexec_file_load": 294, "init_module": 105, "finit_module": 273, "delete_module": 106,
        "process_vm_readv": 270, "process_vm_writev": 271, "keyctl": 219, "add_key": 217, "request_key": 218,
        "userfaultfd": 282, "open_by_handle_at": 265, "name_to_handle_at": 264, "swapon": 224, "swapoff": 225,
        "reboot": 142, "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427, "open_tree": 428,
        "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433, "mount_setattr": 442,
        "personality": 92, "acct": 89, "quotactl": 60, "syslog": 116, "settimeofday": 170,
        "clock_settime": 112, "adjtimex": 171, "clock_adjtime": 266, "lookup_dcookie": 18, "vhangup": 58,
        "pidfd_getfd": 438,
    },
}

LD_W_ABS, JEQ_K, JGE_K, JSET_K, RET_K = 0x20, 0x15, 0x35, 0x45, 0x06
RET_KILL_PROCESS = 0x80000000
RET_ALLOW = 0x7FFF0000
OFFSET_NR, OFFSET_ARCH, OFFSET_ARG0 = 0, 4, 16


def _errno(code: int) -> int:
    return 0x00050000 | (code & 0xFFFF)


class _Program:
    """A tiny assembler: instructions whose jump targets are labels, resolved at the end."""

    def __init__(self) -> None:
        self.code: list[tuple] = []
        self.labels: dict[str, int] = {}

    def label(self, name: str) -> None:
        self.labels[name] = len(self.code)

    def load(self, offset: int) -> None:
        self.code.append((LD_W_ABS, None, None, offset))

    def jump(self, op: int, k: int, true: str | None, false: str | None) -> None:
        self.code.append((op, true, false, k))

    def ret(self, value: int) -> None:
        self.code.append((RET_K, None, None, value))

    def assemble(self) -> bytes:
        out = bytearray()
        for index, (op, true, false, k) in enumerate(self.code):
            jt = self.labels[true] - index - 1 if true else 0
            jf = self.labels[false] - index - 1 if false else 0
            if not (0 <= jt < 256 and 0 <= jf < 256):
                raise ValueError("seccomp jump out of range")
            out += struct.pack("<HBBI", op, jt, jf, k)
        return bytes(out)


def build_filter(arch: str | None = None) -> bytes:
    """The BPF program for this machine's architecture, as raw sock_filter bytes."""
    arch = arch or platform.machine()
    if arch not in SYSCALLS:
        raise OSError(f"no seccomp filter for architecture {arch}")
    numbers = SYSCALLS[arch]
    p = _Program()
    p.load(OFFSET_ARCH)
    p.jump(JEQ_K, AUDIT_ARCH[arch], "native", "kill")
    p.label("native")
    p.load(OFFSET_NR)
    if arch == "x86_64":
        p.jump(JGE_K, 0x40000000, "kill", "nr")  # x32 ABI calls
    p.label("nr")
    p.jump(JEQ_K, numbers["socket"], "domain", "next1")
    p.label("next1")
    p.jump(JEQ_K, numbers["socketpair"], "domain", "next2")
    p.label("next2")
    p.jump(JEQ_K, numbers["clone"], "clone_flags", "next3")
    p.label("next3")
    p.jump(JEQ_K, numbers["clone3"], "nosys", "next4")
    p.label("next4")
    for i, name in enumerate(DENIED):
        p.jump(JEQ_K, numbers[name], "eperm", f"d{i}")
        p.label(f"d{i}")
    p.ret(RET_ALLOW)
    p.label("domain")
    p.load(OFFSET_ARG0)
    p.jump(JEQ_K, AF_UNIX, "allow", "eperm")
    p.label("clone_flags")
    p.load(OFFSET_ARG0)
    p.jump(JSET_K, CLONE_NAMESPACES, "eperm", "allow")
    p.label("allow")
    p.ret(RET_ALLOW)
    p.label("eperm")
    p.ret(_errno(errno.EPERM))
    p.label("nosys")
    p.ret(_errno(errno.ENOSYS))  # glibc then falls back to clone(), which is filtered
    p.label("kill")
    p.ret(RET_KILL_PROCESS)
    return p.assemble()


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2


def install(program: bytes) -> None:
    """Install the filter on the calling thread's process (irreversible)."""
    libc = ctypes.CDLL(None, use_errno=True)
    buffer = ctypes.create_string_buffer(program, len(program))
    prog = _SockFprog(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "PR_SET_NO_NEW_PRIVS failed")
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "seccomp filter refused")
