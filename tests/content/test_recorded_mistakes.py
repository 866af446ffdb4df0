"""The recorded mistakes of the python and linear-algebra modules can be recognised and are explained.

When a learner fails, the grader runs the recorded mistakes on the failing cases and shows
the explanation of the one whose outputs match. So every mistake needs an explanation of
two to five sentences, must go wrong on random cases (not only on one edge case), and must
not be confused with another mistake of the same exercise.
"""

from __future__ import annotations

import copy
import inspect
import math
import os
import pickle
import re
import sys
import tempfile
import types
import warnings
from pathlib import Path

import numpy as np
import pytest

from mltrail.grading.contract import Case
from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import build_cases

MODULES = ("python", "linear-algebra")  # the other modules test their mistakes in their own reference tests
SEEDS = (0, 1)
CURRICULUM = load_curriculum()
EXERCISES = [ex for module in MODULES for ex in CURRICULUM.module(module).exercises if ex.kind == "function"]
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z`]|\s*$)")


@pytest.fixture(autouse=True)
def _no_bytecode_in_content(monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)


def _entry(path: Path, name: str):
    namespace = {"__name__": "mistake"}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    return namespace[name]


RAISED = object()


def _run(entry, case, watch=False):
    """What the entry returns on a case (a generator is listed); RAISED if it raises.

    With `watch` (an exercise declaring `inputs_unchanged`), a call that modifies its
    inputs gives ("modified", value): that is a wrong answer of its own.
    """
    if watch:
        args = copy.deepcopy(case.args)
        before = pickle.dumps(args)
        value = _run(entry, Case(args=args, files=case.files), watch=None)
        return ("modified", value) if pickle.dumps(args) != before else value
    with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        for name, text in (case.files or {}).items():
            Path(folder, name).write_text(text, encoding="utf-8")
        home = os.getcwd()
        os.chdir(folder)
        try:
            args = case.args if watch is None else copy.deepcopy(case.args)
            if inspect.isclass(entry):
                instance = entry(**args["init"])
                value = []
                for method, kwargs in args["calls"]:
                    if kwargs is None:  # an attribute read
                        value.append(getattr(instance, method))
                        continue
                    result = getattr(instance, method)(**kwargs)
                    value.append("self" if result is instance else result)
                return value
            value = entry(**args)
            return ("generator", list(value)) if isinstance(value, types.GeneratorType) else value
        except Exception:  # a mistake may raise anything
            return RAISED
        finally:
            os.chdir(home)


def _same(a, b) -> bool:
    """Equal as the grader would see them: same kinds, numbers within rtol 1e-6 / atol 1e-9."""
    if a is RAISED or b is RAISED:
        return a is b
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        try:
            a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
        except (TypeError, ValueError):
            return False
        return a.shape == b.shape and bool(np.allclose(a, b, rtol=1e-6, atol=1e-9, equal_nan=True))
    if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None:
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if type(a) is not type(b) and not (isinstance(a, float) and isinstance(b, float)):
            return False
        return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda ex: ex.id)
def test_every_mistake_is_explained_in_two_to_five_sentences(exercise):
    mistakes = exercise.mistakes()
    assert len(mistakes) >= 2, "record at least two common mistakes"
    for path in mistakes:
        explanation = path.with_suffix(".md")
        assert explanation.is_file(), f"{path.name} has no explanation {explanation.name}"
        text = explanation.read_text(encoding="utf-8").strip()
        sentences = len(SENTENCE_END.findall(text))
        assert 2 <= sentences <= 5, f"{explanation.name}: {sentences} sentences"
        assert text.startswith("You") or text.startswith("When") or text.startswith("A ") or "you" in text[:80].lower()
        assert "$" not in text, f"{explanation.name}: explanations are plain text, no TeX"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda ex: ex.id)
@pytest.mark.parametrize("seed", SEEDS)
def test_mistakes_go_wrong_at_random_and_are_told_apart(exercise, seed):
    cases, _, _ = build_cases(exercise, seed)
    solution = _entry(exercise.file("solution.py"), exercise.entry)
    watch = exercise.manifest.inputs_unchanged
    reference = [_run(solution, case, watch) for case in cases]
    outputs = {path.stem: [_run(_entry(path, exercise.entry), case, watch) for case in cases] for path in exercise.mistakes()}
    for name, got in outputs.items():
        failing = [i for i in range(len(cases)) if not _same(got[i], reference[i])]
        random_failing = [i for i in failing if cases[i].label is None and not cases[i].hidden]
        assert random_failing, f"{name} goes wrong only on edge cases: its explanation would rarely be matched"
        for other, other_got in outputs.items():
            if other != name:
                assert any(not _same(got[i], other_got[i]) for i in failing), f"{name} cannot be told apart from {other}"
