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
    from mltrail.grading.sandbox import layers

    for layer in layers():
        results.append(_check(f"sandbox: {layer.name}", layer.active, layer.detail, level="warning"))
    results.append(_probe(service))
    return results


def _probe(service: "Service") -> dict:
    """Grade a reference solution end to end, to show the grader works here."""
    from mltrail.grading.grader import grade_source

    exercise = next((ex for ex in service.curriculum.exercises() if ex.kind == "function"), None)
    if exercise is None:
        return _check("grading", False, "no function exercise to try", level="warning")
    started = time.perf_counter()
    verdict = grade_source(exercise, exercise.file("solution.py").read_bytes())
    elapsed = (time.perf_counter() - started) * 1000
    return _check("grading", verdict.passed, f"{exercise.id} reference solution: {verdict.status} in {elapsed:.0f} ms")
