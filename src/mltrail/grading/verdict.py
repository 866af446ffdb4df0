"""Verdicts: what the grader says about one submission, as data any interface renders."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from mltrail.sandbox.codec import SELF, Iterated

STATUSES = ("passed", "failed", "error", "timeout", "memory_limit", "rejected")


@dataclass
class CaseResult:
    index: int
    passed: bool
    hidden: bool
    label: str | None = None
    input: Any = None
    expected: Any = None
    got: Any = None
    message: str = ""

    def to_json(self) -> dict:
        data = {"index": self.index, "passed": self.passed, "hidden": self.hidden}
        if self.label:
            data["label"] = self.label
        if not self.hidden:
            data.update(
                input=display(self.input), expected=display(self.expected), got=display(self.got), message=self.message
            )
        return data


@dataclass
class Verdict:
    exercise: str
    status: str
    message: str
    cases: list[CaseResult] = field(default_factory=list)
    elapsed_ms: float = 0.0
    seed: int | None = None
    output: str = ""
    hint: str | None = None

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    @property
    def first_failure(self) -> CaseResult | None:
        return next((c for c in self.cases if not c.passed), None)

    def to_json(self) -> dict:
        """Everything, with the input, expected value and output of every visible case."""
        return self._as_dict([c.to_json() for c in self.cases])

    def to_record(self) -> dict:
        """What the store keeps: the verdict with details of the first failing case only.

        The seed reproduces every case, so the inputs need not be stored.
        """
        first = self.first_failure
        return self._as_dict([
            c.to_json() if c is first else {"index": c.index, "passed": c.passed, "hidden": c.hidden}
            for c in self.cases
        ])

    def _as_dict(self, cases: list[dict]) -> dict:
        return {
            "exercise": self.exercise,
            "status": self.status,
            "passed": self.passed,
            "message": self.message,
            "cases": cases,
            "elapsed_ms": round(self.elapsed_ms, 2),
            "seed": self.seed,
            "output": self.output,
            "hint": self.hint,
            "passed_cases": sum(c.passed for c in self.cases),
            "total_cases": len(self.cases),
        }


def display(value: Any, depth: int = 0) -> Any:
    """A JSON-ready view of a value, for feedback (not for comparison)."""
    if depth > 20:
        return "..."
    kind = type(value)
    if value is None or kind in (bool, int, str):
        return value
    if kind is float:
        return value if math.isfinite(value) else repr(value)
    if kind is complex:
        return repr(value)
    if kind in (list, tuple):
        if all(type(v) in (int, str, bool) or (type(v) is float and math.isfinite(v)) for v in value):
            return list(value)
        return [display(v, depth + 1) for v in value]
    if kind in (set, frozenset):
        return sorted((display(v, depth + 1) for v in value), key=repr)
    if kind is dict:
        return {k if type(k) is str else repr(k): display(v, depth + 1) for k, v in value.items()}
    if value is SELF:
        return "self"
    if kind is Iterated:
        return {"generator yields": display(value.items, depth + 1)}
    module = kind.__module__.split(".")[0]
    if module == "numpy":
        if getattr(value, "dtype", None) is not None and value.dtype.kind in "biu":
            return value.tolist()
        return display(value.tolist(), depth + 1)
    if module == "pandas":
        if hasattr(value, "columns"):
            return {str(c): display(value[c].tolist(), depth + 1) for c in value.columns}
        return display(value.tolist(), depth + 1)
    return repr(value)


__all__ = ["STATUSES", "CaseResult", "Verdict", "display"]
