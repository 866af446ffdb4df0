"""`mltrail doctor`: is this machine ready, and how confined is the grader here?"""

from __future__ import annotations

import importlib
import os
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mltrail.service import Service


def _check(name: str, ok: bool, detail: str, level: str = "error") -> dict:
    return {"check": name, "status": "ok" if ok else level, "detail": detail}


def diagnose(service: "Service") -> list[dict]:
    """Every check as {check, status: ok|warning|error, detail}."""
    results = [_check("python", sys.version_info >= (3, 11), sys.version.split()[0] + " (3.11 or newer needed)")]
    for package in ("numpy", "pandas", "sklearn", "scipy"):
        try:
            module = importlib.import_module(package)
            results.append(_check(package, True, getattr(module, "__version__", "installed")))
        except ImportError as exc:
            results.append(_check(package, False, f"cannot import: {exc}"))
    home = service.settings.home
    try:
        home.mkdir(parents=True, exist_ok=True)
        service.store.learner_id(service.settings.learner)
        results.append(_check("store", os.access(home, os.W_OK), f"{home / 'mltrail.db'}"))
    except Exception as exc:
        results.append(_check("store", False, f"{home}: {exc}"))
    curriculum = service.curriculum
    problems = len(curriculum.problems)
    results.append(_check(
        "content", problems == 0,
        f"{len(curriculum.modules)} modules, {len(curriculum.exercises())} exercises, {len(curriculum.lessons())} lessons"
        + (f"; {problems} problems (run `mltrail content check`)" if problems else ""),
        level="warning",
    ))
    results += sandbox_layers(service)
    results.append(_probe(service))
    return results


LAYER_DETAILS = {
    "filesystem view": "a world built by bubblewrap: Python and its packages read-only; no mltrail content, "
                       "course folder, store, home or working folder",
    "user namespace": "its own user namespace: a process count and capabilities of its own",
    "pid namespace": "its own PID namespace: it signals nothing outside, and everything it starts ends with it",
    "ipc namespace": "its own IPC namespace: no shared memory or semaphores outlive the job",
    "mount namespace": "its own mounts: a private /tmp and working folder",
    "network namespace": "an empty network namespace: no interface, no connection, no abstract sockets of the host",
    "no capabilities": "no capability at all, in any namespace",
    "not root": "never root (as root, jobs run as a leased uid from MLTRAIL_JOB_UIDS)",
    "disk quota": "one size-limited tmpfs for /tmp, the working folder and /dev/shm together",
    "rlimits": "CPU time, address space, file size, open files, processes, no core dumps",
    "landlock": "reads only Python and its packages; writes only its job folder; no TCP",
    "seccomp": "no network sockets, ptrace, mounts, namespaces or kernel interfaces; foreign architectures killed",
    "new session": "its own session and process group",
    "job directory": "a fresh working folder on its own tmpfs, gone with the job",
}


def sandbox_layers(service: "Service") -> list[dict]:
    """Each confinement layer, tested from inside a job: active or missing."""
    from mltrail.sandbox.probe import probe_layers

    if service.settings.sandbox == "none":
        return [_check("sandbox", False, "--no-sandbox: learner code runs UNCONFINED", level="warning")]
    try:
        found = probe_layers(service.sandbox)
    except RuntimeError as exc:
        return [_check("sandbox", False, str(exc))]
    details = dict(LAYER_DETAILS)
    return [
        _check(f"sandbox: {name}", found.get(name, False), detail if found.get(name) else f"MISSING: {detail}", level="warning")
        for name, detail in details.items()
    ]


def _probe(service: "Service") -> dict:
    """Grade a reference solution end to end, to show the grader works here."""
    from mltrail.grading.grader import grade_source

    exercise = next((ex for ex in service.curriculum.exercises() if ex.kind == "function"), None)
    if exercise is None:
        return _check("grading", False, "no function exercise to try", level="warning")
    started = time.perf_counter()
    verdict = grade_source(exercise, exercise.file("solution.py").read_bytes(), runner=service.sandbox)
    elapsed = (time.perf_counter() - started) * 1000
    return _check("grading", verdict.passed, f"{exercise.id} reference solution: {verdict.status} in {elapsed:.0f} ms")
