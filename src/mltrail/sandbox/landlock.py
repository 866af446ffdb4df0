"""Landlock through raw system calls: read-only paths, one writable folder, no TCP.

A ruleset is built once (its paths opened once) and applied in each child with a
single landlock_restrict_self call. Paths are granted as whole hierarchies, so a
folder that contains something forbidden (mltrail's content, a course directory)
is granted entry by entry around it.
"""

from __future__ import annotations

import ctypes
import os
from pathlib import Path

SYS_CREATE_RULESET, SYS_ADD_RULE, SYS_RESTRICT_SELF = 444, 445, 446
CREATE_RULESET_VERSION = 1
RULE_PATH_BENEATH = 1

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
REMOVE_DIR, REMOVE_FILE, MAKE_CHAR, MAKE_DIR, MAKE_REG = 1 << 4, 1 << 5, 1 << 6, 1 << 7, 1 << 8
MAKE_SOCK, MAKE_FIFO, MAKE_BLOCK, MAKE_SYM, REFER, TRUNCATE, IOCTL_DEV = (1 << i for i in range(9, 16))
NET_BIND_TCP, NET_CONNECT_TCP = 1 << 0, 1 << 1
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1 << 0, 1 << 1

_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64), ("scoped", ctypes.c_uint64)]


class _PathBeneath(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def abi_version() -> int:
    """The kernel's Landlock ABI version, or 0 where Landlock is missing or disabled."""
    version = _libc.syscall(SYS_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(CREATE_RULESET_VERSION))
    return int(version) if version > 0 else 0


def _fs_access(abi: int) -> int:
    access = (1 << 13) - 1  # EXECUTE .. MAKE_SYM
    if abi >= 2:
        access |= REFER
    if abi >= 3:
        access |= TRUNCATE
    if abi >= 5:
        access |= IOCTL_DEV
    return access


def split_around(roots: list[Path], forbidden: list[Path]) -> list[Path]:
    """The largest folders and files under `roots` that contain nothing in `forbidden`.

    Every path is resolved before it is granted: Landlock follows a symlink when its rule
    is made, so a link (a venv's lib64 -> lib) would grant its whole target. A link is
    granted as its target, and only when that target lies inside a root; a link that
    leads out of the roots is left out.
    """
    forbidden = [f.resolve() for f in forbidden]
    tops = [r.resolve() for r in roots if r.exists()]
    granted: list[Path] = []
    seen: set[Path] = set()

    def visit(path: Path) -> None:
        path = path.resolve()
        if path in seen or not any(path.is_relative_to(top) for top in tops):
            return
        seen.add(path)
        if any(path.is_relative_to(f) for f in forbidden):
            return
        if not any(f.is_relative_to(path) for f in forbidden):
            granted.append(path)
            return
        try:
            children = sorted(path.iterdir())
        except OSError:
            return
        for child in children:
            visit(child)

    for top in tops:
        visit(top)
    return granted


class Ruleset:
    """Landlock rules, prepared once; each child builds its own ruleset from them and applies it.

    The paths are opened once (O_PATH) where the ruleset is prepared; a child adds its own
    extra paths (its /proc entry) when it restricts itself.
    """

    def __init__(self, read_only: list[Path], writable: list[Path], read_write_devices: list[Path] | None = None) -> None:
        self.abi = abi_version()
        if self.abi == 0:
            raise OSError("Landlock is not available on this kernel")
        self.handled = _fs_access(self.abi)
        self.net = self.abi >= 4
        self.scoped = self.abi >= 6
        self.rules: list[tuple[int, int]] = []
        for path in read_only:
            self._open(path, EXECUTE | READ_FILE | READ_DIR)
        for path in writable:
            self._open(path, self.handled)
        for path in read_write_devices or []:
            self._open(path, READ_FILE | WRITE_FILE | (TRUNCATE if self.abi >= 3 else 0))
        self.fd = None  # no ruleset exists until a child builds one

    def _open(self, path: Path, access: int) -> None:
        try:
            fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
        except OSError:
            return
        if not Path(path).is_dir():
            access &= EXECUTE | READ_FILE | WRITE_FILE | TRUNCATE | IOCTL_DEV
        self.rules.append((fd, access))

    def descriptors(self) -> tuple[int, ...]:
        return tuple(fd for fd, _ in self.rules)

    def restrict_self(self, extra_read: list[Path] | None = None, extra_write: list[Path] | None = None) -> None:
        """Build a ruleset with every rule (plus the extra paths, opened now) and apply it here.

        Paths mounted in the job's own namespace (its tmpfs) are opened here, after the
        mounts, so that the rule names the job's folder and not what lies beneath it.
        """
        for path in extra_read or []:
            self._open(path, EXECUTE | READ_FILE | READ_DIR)
        for path in extra_write or []:
            self._open(path, self.handled)
        attr = _RulesetAttr(self.handled, (NET_BIND_TCP | NET_CONNECT_TCP) if self.net else 0,
                            (SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL) if self.scoped else 0)
        size = ctypes.sizeof(_RulesetAttr) if self.scoped else 16
        ruleset = _libc.syscall(SYS_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0))
        if ruleset < 0:
            raise OSError(ctypes.get_errno(), "landlock_create_ruleset failed")
        for fd, access in self.rules:
            rule = _PathBeneath(access, fd)
            if _libc.syscall(SYS_ADD_RULE, int(ruleset), RULE_PATH_BENEATH, ctypes.byref(rule), 0) != 0:
                raise OSError(ctypes.get_errno(), "landlock_add_rule failed")
        if _libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
            raise OSError(ctypes.get_errno(), "PR_SET_NO_NEW_PRIVS failed")
        if _libc.syscall(SYS_RESTRICT_SELF, int(ruleset), 0) != 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
        os.close(int(ruleset))
        for fd, _ in self.rules:
            os.close(fd)
        self.rules = []
