"""Load an exercise's trusted files straight from disk, for reference tests.

Reference tests compare each solution with an independent library computation;
they import `check.py` and `solution.py` directly, without the grader.
"""

from __future__ import annotations

import copy
import importlib.util
import warnings
from pathlib import Path
from types import ModuleType

import numpy as np

from mltrail.grading.contract import Case

MODULES = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "content" / "modules"


def load_file(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_ref_{path.parent.name}_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def exercise_cases(exercise_id: str, seed: int) -> list[Case]:
    """All cases of an exercise's check for one seed."""
    folder = MODULES / exercise_id.split("/")[0] / "exercises" / exercise_id.split("/")[1]
    check = load_file(folder / "check.py")
    return [Case.of(item) for item in check.cases(np.random.default_rng(seed))]


def solution_function(exercise_id: str, entry: str):
    folder = MODULES / exercise_id.split("/")[0] / "exercises" / exercise_id.split("/")[1]
    return getattr(load_file(folder / "solution.py"), entry)


# --- what the grader sees of a call, for reference tests that judge with a check's compare ---


def plain(value):
    """What the grader's codec gives back: numpy scalars become Python numbers."""
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, tuple):
        return tuple(plain(v) for v in value)
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


RAISED = object()


def call(function, args):
    """The plain result of a call on a deep copy of the arguments, or RAISED."""
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return plain(function(**copy.deepcopy(args)))
    except Exception:  # a wrong answer may raise anything
        return RAISED


def passes(check, expected, got, case) -> bool:
    """The check's own verdict, as the grader reads it."""
    if got is RAISED:
        return False
    try:
        verdict = check.compare(expected, got, case)
    except Exception:
        return False
    return verdict is True or verdict is None
