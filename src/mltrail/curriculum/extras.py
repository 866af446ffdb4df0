"""Optional extras an exercise may need (`extra = "deep"` in exercise.toml): PyTorch.

Without the extra installed, such an exercise is listed with the command that installs it,
skipped by `mltrail content check` (with the reason) and not graded: the learner is told
what to install instead of seeing an import error from the sandbox.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass


@dataclass(frozen=True)
class Extra:
    name: str
    modules: tuple[str, ...]  # what must be importable
    what: str  # said to the learner
    note: str = ""


EXTRAS = {
    "deep": Extra("deep", ("torch",), "PyTorch",
                  "on a machine without an NVIDIA GPU, install the CPU build of torch first: "
                  "pip install torch --index-url https://download.pytorch.org/whl/cpu"),
}


@functools.lru_cache(maxsize=None)
def importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def install_command(name: str) -> str:
    return f"pip install 'mltrail[{name}]'"


def missing_extra(exercise) -> str | None:
    """Why the exercise cannot be graded here (its extra is not installed), or None."""
    name = getattr(exercise.manifest, "extra", None)
    if name is None:
        return None
    extra = EXTRAS[name]
    if all(importable(module) for module in extra.modules):
        return None
    note = f" ({extra.note})" if extra.note else ""
    return f"needs {extra.what}, the `{name}` extra: {install_command(name)}{note}"
