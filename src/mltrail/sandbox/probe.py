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

def probe(parent_uid, forbidden_file):
    found = {}
    def denied(action):
        try:
            action()
        except OSError:
            return True
        return False
    try:
        names = [name for _, name in socket.if_nameindex()]
    except OSError:
        names = []
    found["network namespace"] = names in ([], ["lo"]) and denied(lambda: socket.create_connection(("127.0.0.1", 9), 0.2))
    found["unprivileged uid"] = os.getuid() not in (0, parent_uid)
    limits = [resource.getrlimit(r)[0] for r in (resource.RLIMIT_AS, resource.RLIMIT_CPU, resource.RLIMIT_FSIZE)]
    found["rlimits"] = all(v != resource.RLIM_INFINITY for v in limits) and resource.getrlimit(resource.RLIMIT_CORE)[0] == 0
    found["landlock"] = denied(lambda: open(forbidden_file).read()) and denied(lambda: open("/tmp/mltrail-probe", "w"))
    found["seccomp"] = ctypes.CDLL(None).prctl(21, 0, 0, 0, 0) == 2 and denied(lambda: socket.socket(socket.AF_INET6))
    found["new session"] = os.getsid(0) == os.getpid()
    found["job directory"] = os.path.basename(os.getcwd()).startswith("mltrail-job-") and os.listdir(".") == []
    return found
'''


def probe_layers(runner: Sandbox, forbidden_file: Path | None = None) -> dict[str, bool]:
    """Layer name -> whether it held in a job run through `runner`."""
    import mltrail

    target = forbidden_file or Path(mltrail.__file__).resolve()
    args = {"parent_uid": os.getuid(), "forbidden_file": str(target)}
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
