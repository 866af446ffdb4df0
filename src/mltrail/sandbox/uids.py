"""Unprivileged uids for jobs when mltrail runs as root, leased so no two zygotes share one.

The range is configurable (`MLTRAIL_JOB_UIDS=START-END`) and by default lies clear of
every range systemd hands out (dynamic users 61184-65519, containers 524288-1879048191,
the foreign range from 2147352576). With every uid taken, leasing fails: a job never
falls back to root.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

DEFAULT_RANGE = (2_000_000_000, 2_000_009_999)
SYSTEMD_RANGES = ((61184, 65519), (65534, 65535), (524288, 1879048191), (2147352576, 2147418111))  # and nobody
LOCK_DIR = Path("/run/mltrail-uids")


class SandboxUnavailable(RuntimeError):
    """A confinement layer that this host supports could not be set up; the job must not run."""


def job_uid_range() -> tuple[int, int]:
    """The inclusive range of job uids, from MLTRAIL_JOB_UIDS or the default."""
    text = os.environ.get("MLTRAIL_JOB_UIDS", "").strip()
    if not text:
        return DEFAULT_RANGE
    try:
        start, end = (int(part) for part in text.split("-"))
    except ValueError:
        raise SandboxUnavailable(f"MLTRAIL_JOB_UIDS={text!r} is not a range like 2000000000-2000009999") from None
    if not 1000 <= start <= end < 2**32 - 1:
        raise SandboxUnavailable(f"MLTRAIL_JOB_UIDS={text!r}: use unprivileged uids, start <= end")
    for low, high in SYSTEMD_RANGES:
        if start <= high and end >= low:
            raise SandboxUnavailable(f"MLTRAIL_JOB_UIDS={text!r} overlaps systemd's uids {low}-{high}; pick another range")
    return start, end


class UidLease:
    """An unprivileged uid that no other mltrail zygote on this host uses meanwhile.

    Raises SandboxUnavailable when none is free or the lock folder cannot be made.
    """

    def __init__(self) -> None:
        start, end = job_uid_range()
        count = end - start + 1
        try:
            LOCK_DIR.mkdir(mode=0o700, exist_ok=True)
        except OSError as exc:
            raise SandboxUnavailable(f"cannot make {LOCK_DIR} to lease job uids: {exc}") from None
        first = (os.getpid() * 7919) % count
        for offset in range(count):
            uid = start + (first + offset) % count
            fd = os.open(LOCK_DIR / f"{uid}.lock", os.O_CREAT | os.O_RDWR | os.O_CLOEXEC, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                continue
            self.uid, self._fd = uid, fd
            return
        raise SandboxUnavailable(f"every job uid in {start}-{end} is in use; widen MLTRAIL_JOB_UIDS")

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
