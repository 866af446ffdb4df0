"""Which confinement layers really hold here: tested from inside a sandboxed job.

`probe_layers` sends a small program through a sandbox, like a submission, that
tries what each layer must prevent, and reports what it could do. `mltrail
doctor`, the pool's start-up warning and the benchmark all use it.
"""

from __future__ import annotations

import os
from pathlib import Path

from mltrail.sandbox import codec
from mltrail.sandbox.process import Sandbox

PROBE = r'''
import ctypes, json, os, resource, socket

def probe(host_ns, secret_files, quota_bytes):
    found = {}
    def denied(action):
        try:
            action()
        except OSError:
            return True
        return False
    def absent(path):
        try:
            os.stat(path)
        except FileNotFoundError:
            return True
        except OSError:
            return False
        return False
    try:
        names = [name for _, name in socket.if_nameindex()]
    except OSError:
        names = []
    found["network namespace"] = names in ([], ["lo"]) and denied(lambda: socket.create_connection(("127.0.0.1", 9), 0.2))
    for name in ("user", "pid", "ipc", "mount"):
        try:
            own = os.stat(f"/proc/self/ns/{'mnt' if name == 'mount' else name}").st_ino
        except OSError:
            own = None
        found[f"{name} namespace"] = own is not None and own != host_ns[name]
    found["pid namespace"] = found["pid namespace"] and os.getpid() <= 2
    caps = [line.split()[1] for line in open("/proc/self/status") if line.startswith(("CapEff", "CapPrm", "CapBnd", "CapAmb"))]
    found["no capabilities"] = len(caps) == 4 and all(int(c, 16) == 0 for c in caps)
    found["not root"] = os.getuid() != 0 and os.geteuid() != 0
    limits = [resource.getrlimit(r)[0] for r in (resource.RLIMIT_AS, resource.RLIMIT_CPU, resource.RLIMIT_FSIZE, resource.RLIMIT_NPROC)]
    found["rlimits"] = all(v != resource.RLIM_INFINITY for v in limits) and resource.getrlimit(resource.RLIMIT_CORE)[0] == 0
    found["filesystem view"] = all(absent(path) for path in secret_files)
    found["landlock"] = denied(lambda: open("/etc/ld.so.cache", "rb").read(1)) and denied(lambda: open("/dev/full", "w"))
    found["seccomp"] = ctypes.CDLL(None).prctl(21, 0, 0, 0, 0) == 2 and denied(lambda: socket.socket(socket.AF_INET6))
    vfs = os.statvfs("/tmp")
    found["disk quota"] = 0 < vfs.f_blocks * vfs.f_frsize <= quota_bytes
    found["new session"] = os.getsid(0) == os.getpid()
    found["job directory"] = os.getcwd() == "/tmp/job" and os.listdir(".") == []
    return found
'''


def probe_layers(runner: Sandbox, secret_files: list[Path] | None = None) -> dict[str, bool]:
    """Layer name -> whether it held in a job run through `runner`.

    `secret_files` must not exist in a job's world (a solution, the store); by default
    mltrail's own first module file under content/.
    """
    from mltrail.sandbox.layout import CONTENT
    from mltrail.sandbox.pool import DISK_BYTES

    secrets = [str(p) for p in secret_files or []] or [str(next(CONTENT.rglob("*.py"), CONTENT))]
    host_ns = {name: os.stat(f"/proc/self/ns/{'mnt' if name == 'mount' else name}").st_ino
               for name in ("user", "pid", "ipc", "mount")}
    args = {"host_ns": host_ns, "secret_files": secrets, "quota_bytes": DISK_BYTES}
    request = {
        "mode": "function", "code": PROBE, "entry": "probe", "protocol": "call",
        "cases": [{"args": codec.encode(args, 1 << 20).decode("utf-8"), "files": {}}],
        "limits": {"memory_mb": 512, "cpu_s": 10}, "max_bytes": 1 << 20,
    }
    run = runner.run(request, 30.0, "probe")
    try:
        found = codec.decode(run.reply.results[0].ok.encode("utf-8"), 1 << 20)
    except (AttributeError, TypeError, IndexError, codec.CodecError):
        raise RuntimeError(f"the sandbox probe did not run: {run.status} {run.detail} {run.output[-500:]}") from None
    return {str(name): bool(value) for name, value in found.items()}


def missing_layers() -> list[str]:
    """Layers this host cannot provide, found without starting a job (cheap, for start-up warnings)."""
    import platform

    from mltrail.sandbox import landlock, seccomp
    from mltrail.sandbox.layout import bwrap_works

    missing = []
    if landlock.abi_version() == 0:
        missing.append("landlock: the kernel has no Landlock (Linux 5.13+ with Landlock enabled)")
    if platform.machine() not in seccomp.SYSCALLS:
        missing.append(f"seccomp: no filter for the {platform.machine()} architecture")
    why = bwrap_works(os.geteuid() == 0)
    if why:
        missing.append(f"namespaces and filesystem view: {why}")
    return missing
