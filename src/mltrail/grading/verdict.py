"""Verdicts: what the grader says about one submission, as data any interface renders."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from mltrail.sandbox.codec import SELF, Iterated

STATUSES = ("passed", "failed", "error", "timeout", "memory_limit", "rejected", "skipped")
MAX_TEXT = 4000  # characters of a message or a shown string kept: feedback, not a copy of the output
MAX_ITEMS = 1000  # elements of a shown list or dict
MAX_INT_DIGITS = 100


def cap_text(text: str, limit: int = MAX_TEXT) -> str:
    """`text` cut to `limit` characters, saying how much was left out, and safe to print as UTF-8."""
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates cannot be printed or stored
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text) - limit:,} more characters)"


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
    raised: bool = False  # the learner's code raised (or sent nothing readable) on this case
    files: dict[str, str] | None = None  # the files this case wrote into the working folder
    changed: list[str] | None = None  # the inputs the learner's code modified, where the exercise forbids it
    raised_type: str | None = None  # on a case that must raise, what the learner's code raised ("": unknown)

    def to_json(self) -> dict:
        data = {"index": self.index, "number": self.index + 1, "passed": self.passed, "hidden": self.hidden}
        if self.label:
            data["label"] = self.label
        if not self.hidden:
            data.update(
                input=display(self.input), expected=display(self.expected), got=display(self.got), message=cap_text(self.message)
            )
            if self.files:
                data["files"] = {cap_text(name, 200): cap_text(text) for name, text in self.files.items()}
        return data

    @classmethod
    def from_json(cls, data: dict) -> "CaseResult":
        """A case rebuilt from `to_json` (values as shown, not as returned)."""
        return cls(
            index=int(data["index"]), passed=bool(data["passed"]), hidden=bool(data.get("hidden", False)),
            label=data.get("label"), input=data.get("input"), expected=data.get("expected"),
            got=data.get("got"), message=data.get("message", ""), files=data.get("files"),
        )


@dataclass
class Mistake:
    """A recorded mistake (`mistakes/<name>.py`) whose outputs the learner's outputs match."""

    name: str  # the file's name without .py
    explanation: str  # mistakes/<name>.md, written to the learner

    def to_json(self) -> dict:
        return {"name": self.name, "explanation": self.explanation}


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
    content_version: str | None = None  # hash of the exercise folder the verdict was given against
    mistake: Mistake | None = None  # the recorded mistake the learner's outputs match, if any
    report: dict | None = None  # a dataset exercise's score card: metric, score, baseline, confusion matrix

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

    @classmethod
    def from_json(cls, data: dict) -> "Verdict":
        """The verdict rebuilt from `to_json` or `to_record` (as stored), for workers and history."""
        mistake = data.get("mistake")
        return cls(
            exercise=data["exercise"], status=data["status"], message=data.get("message", ""),
            cases=[CaseResult.from_json(c) for c in data.get("cases", [])],
            elapsed_ms=float(data.get("elapsed_ms") or 0.0), seed=data.get("seed"),
            output=data.get("output", ""), hint=data.get("hint"),
            content_version=data.get("content_version"),
            mistake=Mistake(mistake["name"], mistake["explanation"]) if mistake else None,
            report=data.get("report"),
        )

    def _as_dict(self, cases: list[dict]) -> dict:
        return {
            "exercise": self.exercise,
            "status": self.status,
            "passed": self.passed,
            "message": cap_text(self.message),
            "cases": cases,
            "elapsed_ms": round(self.elapsed_ms, 2),
            "seed": self.seed,
            "output": cap_text(self.output),
            "hint": self.hint,
            "passed_cases": sum(c.passed for c in self.cases),
            "total_cases": len(self.cases),
            "content_version": self.content_version,
            "mistake": self.mistake.to_json() if self.mistake else None,
            "report": self.report,
        }


def display(value: Any, depth: int = 0) -> Any:
    """A JSON-ready view of a value, for feedback (not for comparison)."""
    if depth > 20:
        return "..."
    kind = type(value)
    if value is None or kind is bool:
        return value
    if kind is int:
        if value.bit_length() > MAX_INT_DIGITS * 3.33:  # str() of a huge int is refused, and useless to read
            return f"<an integer of about {int(value.bit_length() * 0.30103) + 1:,} digits>"
        return value
    if kind is str:
        return cap_text(value)
    if kind is float:
        return value if math.isfinite(value) else repr(value)
    if kind is complex:
        return repr(value)
    if kind in (list, tuple):
        shown = [display(v, depth + 1) for v in value[:MAX_ITEMS]]
        return shown + [f"... ({len(value) - MAX_ITEMS:,} more)"] if len(value) > MAX_ITEMS else shown
    if kind in (set, frozenset):
        return sorted((display(v, depth + 1) for v in value), key=repr)
    if kind is dict:
        shown = {cap_text(k, 200) if type(k) is str else cap_text(repr(k), 200): display(v, depth + 1)
                 for k, v in list(value.items())[:MAX_ITEMS]}
        if len(value) > MAX_ITEMS:
            shown["..."] = f"{len(value) - MAX_ITEMS:,} more keys"
        return shown
    if value is SELF:
        return "self"
    if kind is Iterated:
        return {"generator yields": display(value.items, depth + 1)}
    module = kind.__module__.split(".")[0]
    if module == "numpy":
        return display(value.tolist(), depth + 1)
    if module == "pandas":
        if hasattr(value, "columns"):
            return {str(c): display(value[c].tolist(), depth + 1) for c in value.columns}
        return display(value.tolist(), depth + 1)
    return cap_text(repr(value))


__all__ = ["STATUSES", "CaseResult", "Mistake", "Verdict", "cap_text", "display"]
