"""Name the learner's mistake: which recorded `mistakes/*.py` gives the same wrong outputs.

When a function submission fails, each recorded mistake of the exercise is run on
the failing cases and compared with what the learner returned, by the same
comparison as grading. The first mistake that matches on every failing case is
named, with its `mistakes/<name>.md` explanation.

The mistakes run here, in the trusted process, like `solution.py`: they are
authored content checked by the author's gate, never learner input, and running
them in the sandbox would add a second sandbox job to every failed submission.
Their outputs go through the wire codec, so they are compared exactly as a
learner's outputs are.
"""

from __future__ import annotations

import contextvars
import threading
import warnings
from pathlib import Path
from typing import Any, Callable

from mltrail.curriculum.loader import Exercise
from mltrail.grading.contract import Case
from mltrail.grading.grader import WIRE_CAP, ContentError, call_watching, judge_value, load_trusted, raise_mismatch
from mltrail.grading.verdict import CaseResult, Mistake
from mltrail.sandbox import codec

MAX_CASES = 30  # failing cases a mistake is tried on: enough to tell mistakes apart, cheap to run
BUDGET_S = 3.0  # past this, the learner gets their verdict without a named mistake
# Off while the author's gate grades: it is where a mistake that never ends is found and reported.
NAMING = contextvars.ContextVar("name_mistakes", default=True)
_RAISED = object()
# A mistake is wrong on purpose, often numerically (a division by zero, an overflow): its warnings
# are expected and must not reach the learner's terminal. Filtered by the content modules' names,
# because warnings.catch_warnings is not safe with threads grading at once.
warnings.filterwarnings("ignore", module=r"mltrail_content_")


def _as_sent(value: Any) -> Any:
    """`value` as the learner's would arrive from the sandbox (through the codec)."""
    return codec.decode(codec.encode(value, WIRE_CAP), WIRE_CAP)


def _output(entry: Callable, protocol: str, case: Case, watch: bool) -> tuple[Any, bool, BaseException | None]:
    """What a mistake returns on a case (or _RAISED), whether it modified the case's inputs, and
    what it raised."""
    import numpy as np

    try:
        with np.errstate(all="ignore"):  # numpy's error state is per thread
            value, changed = call_watching(entry, protocol, case.args, case.files, watch=watch)
            return _as_sent(value), bool(changed), None
    except Exception as exc:
        return _RAISED, False, exc


def _same_raise(case: Case, outcome: CaseResult, exc: BaseException | None) -> bool:
    """On a case that must raise, which the learner failed by raising: whether the mistake failed
    it the same way. A mistake that raises what the case asks for passes it, so it is not the
    learner's mistake; one that raises another type than the learner's is not either."""
    if case.raises is None or exc is None:
        return True
    if raise_mismatch(case.raises, [c.__name__ for c in type(exc).__mro__], str(exc)) is None:
        return False
    # (None: the learner's code sent nothing readable, so no type to compare)
    return outcome.raised_type is None or outcome.raised_type == type(exc).__name__


def _matches(entry: Callable, protocol: str, cases: list[Case], outcomes: list[CaseResult], custom, watch: bool) -> bool:
    for case, outcome in zip(cases, outcomes):
        theirs, changed, exc = _output(entry, protocol, case, watch)
        if watch and changed != bool(outcome.changed):
            return False  # modifying the inputs, or not, is part of the mistake
        if outcome.raised or theirs is _RAISED:
            if not (outcome.raised and theirs is _RAISED and _same_raise(case, outcome, exc)):
                return False
        elif not _same(theirs, outcome.got, case, custom):
            return False
    return True


def _same(theirs: Any, got: Any, case: Case, custom: Callable | None) -> bool:
    """Equal by the default comparison, or by the check's own (which may demand a type of the answer)."""
    if judge_value(theirs, got, case, None) is None:
        return True
    return custom is not None and judge_value(theirs, got, case, custom) is None


def _entry(exercise: Exercise, path: Path) -> Callable | None:
    try:
        return getattr(load_trusted(path), exercise.entry or "", None)
    except ContentError:
        return None  # a broken mistake file is the gate's business, not the learner's


def name_mistake(
    exercise: Exercise, cases: list[Case], outcomes: list[CaseResult], protocol: str, custom: Callable | None
) -> Mistake | None:
    """The recorded mistake whose outputs equal the learner's on every failing case, if any.

    The search runs in a thread of its own for at most BUDGET_S: trusted code cannot be
    stopped, but a mistake the gate never saw (a course used without `content check`)
    must not hold the learner's verdict. The gate refuses mistakes that do not finish.
    """
    failing = [o for o in outcomes if not o.passed][:MAX_CASES]
    if not failing or not NAMING.get():
        return None
    return search_within_budget(lambda: _search(exercise, cases, failing, protocol, custom))


def search_within_budget(search: Callable[[], list[Mistake]]) -> Mistake | None:
    """The first mistake `search` finds, run in a thread of its own for at most BUDGET_S; else None."""
    found: list[Mistake] = []
    thread = threading.Thread(target=lambda: found.extend(search()), name="mltrail-mistakes", daemon=True)
    thread.start()
    thread.join(BUDGET_S)
    return found[0] if found else None


def _search(exercise: Exercise, cases: list[Case], failing: list[CaseResult], protocol: str, custom) -> list[Mistake]:
    failing_cases = [cases[o.index] for o in failing]
    for path in exercise.mistakes():
        explanation = exercise.mistake_explanation(path)
        entry = _entry(exercise, path) if explanation else None
        watch = bool(getattr(exercise.manifest, "inputs_unchanged", False))
        if entry is not None and _matches(entry, protocol, failing_cases, failing, custom, watch):
            return [Mistake(path.stem, explanation)]
    return []


__all__ = ["BUDGET_S", "MAX_CASES", "NAMING", "name_mistake", "search_within_budget"]
