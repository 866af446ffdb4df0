"""The trusted grader: cases and expected outputs here, learner code in the sandbox.

For a function exercise it draws a seed, builds the cases with `check.cases(rng)`,
computes each expected output with `solution.py` in this process, sends only the
inputs and the learner's code to the sandbox, decodes what comes back strictly
and compares it here. A quiz is graded the same way: the learner's file runs in
the sandbox, expressions are evaluated there at points drawn here.
"""

from __future__ import annotations

import ast
import contextvars
import copy
import functools
import inspect
import math
import re
import secrets
import sys
import tempfile
import threading
import time
import traceback
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from mltrail.curriculum.extras import missing_extra
from mltrail.curriculum.loader import Exercise
from mltrail.sandbox import codec, process as sandbox
from mltrail.sandbox.reply import CaseReply, OutOfMemory, Ran, Refused
from mltrail.sandbox.runner import changed_inputs, input_snapshots, run_case  # the same protocol as in the sandbox
from mltrail.grading.compare import common_mistake, compare_values
from mltrail.grading.contract import Case, Raises
from mltrail.grading.forbidden import forbidden_uses
from mltrail.grading.verdict import CaseResult, Verdict, cap_text

MIN_TIME_S, REFERENCE_FACTOR, TIME_MARGIN_S = 0.5, 100, 0.25
MAX_SOURCE_BYTES = 256 * 1024
WIRE_CAP = 16 * 1024 * 1024
_cache: dict[tuple, types.ModuleType] = {}
_cache_lock = threading.Lock()
BOM = "\ufeff"


CHECK_REFERENCE = contextvars.ContextVar("check_reference", default=False)


class ContentError(Exception):
    """The exercise itself is broken (its check or solution failed); not the learner's fault."""


def content_line(exc: BaseException, path: Path) -> str:
    """' (line N)' for the deepest frame of `exc` in the content file `path`, so authors can find it."""
    if isinstance(exc, SyntaxError) and exc.filename == str(path) and exc.lineno:
        return f" (line {exc.lineno})"
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == str(path)]
    return f" (line {frames[-1].lineno})" if frames else ""


def load_trusted(path: Path) -> types.ModuleType:
    """Execute a trusted content file (check.py, solution.py) as a module, cached by mtime."""
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    module = types.ModuleType(f"mltrail_content_{path.parent.name.replace('-', '_')}_{path.stem}")
    module.__file__ = str(path)
    try:
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), module.__dict__)
    except Exception as exc:
        raise ContentError(f"{path}{content_line(exc, path)} could not be loaded: {type(exc).__name__}: {exc}") from exc
    with _cache_lock:
        _cache[key] = module
    return module


def _with_paths(value: Any, folder: Path, names: set[str]) -> Any:
    """`value` with every string naming one of the case's files replaced by its absolute path."""
    if type(value) is str and value in names:
        return str(folder / value)
    if type(value) in (list, tuple):
        return type(value)(_with_paths(v, folder, names) for v in value)
    if type(value) is dict:
        return {k: _with_paths(v, folder, names) for k, v in value.items()}
    return value


def call_trusted(function: Callable, protocol: str, args: dict, files: dict, progress: list | None = None,
                 unchanged: bool = False) -> Any:
    """Run trusted content code (a solution, a recorded mistake) on one case, in this process.

    A case's files are written to a private temporary folder and the arguments that name
    them are passed as absolute paths: the process's working folder is shared by every
    thread, so it is never changed (a learner sees relative names in the sandbox, where
    the job's own folder is the working folder; `open(path)` behaves the same). With
    `unchanged`, a call that modifies its inputs raises InputsChanged.
    """
    value, changed = call_watching(function, protocol, args, files, progress, unchanged)
    if changed:
        raise InputsChanged(f"it modified {', '.join(changed)}, which the exercise declares unchanged")
    return value


def call_watching(function: Callable, protocol: str, args: dict, files: dict, progress: list | None = None,
                  watch: bool = False) -> tuple[Any, list[str] | None]:
    """The value of a trusted call and, with `watch`, the inputs it modified (None: none)."""
    args = copy.deepcopy(args)
    before = input_snapshots(args, protocol, WIRE_CAP) if watch else None
    # One trusted call at a time: content code may seed a process-wide generator
    # (torch.manual_seed, np.random.seed, random.seed) and draw from it, and two gradings in
    # two threads must not draw from each other's sequence.
    with TRUSTED_CALLS:
        if not files:
            value = run_case(function, protocol, args, progress)
        else:
            with tempfile.TemporaryDirectory(prefix="mltrail-expected-") as folder:
                for name, text in files.items():
                    Path(folder, name).write_text(text, encoding="utf-8")
                value = run_case(function, protocol, _with_paths(args, Path(folder), set(files)), progress)
        value = codec.as_plain(value)  # a returned figure as the learner's arrives: its summary
    return value, (changed_inputs(args, protocol, before, WIRE_CAP) if before is not None else None)


TRUSTED_CALLS = threading.RLock()


class InputsChanged(Exception):
    """Trusted content (a reference) modified a case's inputs in an exercise that forbids it."""


@dataclass(frozen=True)
class ExpectedRaise:
    """The expected outcome of a case that must raise: what the reference raised, and where."""

    raises: Raises
    step: int | None  # the object protocol's call where the reference raised (0: the constructor)
    message: str

    def describe(self, calls: list | None = None, verb: str = "raises") -> str:
        where = ""
        if self.step is not None and calls is not None:
            where = " from the constructor" if self.step == 0 else f" from call {self.step} (`{calls[self.step - 1][0]}`)"
        return self.raises.describe(verb) + where


def expected_raise(function: Callable, protocol: str, case: Case, unchanged: bool) -> ExpectedRaise:
    """Run the reference on a case that must raise; ContentError unless it raises what the case says."""
    progress: list = []
    try:
        value = call_trusted(function, protocol, case.args, case.files, progress, unchanged)
    except InputsChanged:
        raise
    except Exception as exc:
        problem = raise_mismatch(case.raises, [c.__name__ for c in type(exc).__mro__], str(exc))
        if problem:
            raise ContentError(f"the case expects it to {case.raises.describe('raise')}, but it {problem}") from exc
        return ExpectedRaise(case.raises, len(progress) if protocol == "object" else None, str(exc))
    raise ContentError(f"the case expects it to {case.raises.describe('raise')}, but it returned {value!r:.200}")


def raise_mismatch(expected: Raises, types: list[str], message: str) -> str | None:
    """None if an exception of these types (MRO names) and message is what `expected` asks for, else why not."""
    if expected.type not in types:
        return f"raised {types[0] if types else 'an exception'}: {cap_text(message, 300)}"
    if expected.match is not None:
        try:
            found = re.search(expected.match, message[:2000]) is not None
        except re.error:
            found = False
        if not found:
            return f"raised {types[0]} with the message {cap_text(message, 300)!r}, which does not match {expected.match!r}"
    return None


def draw_cases(exercise: Exercise, seed: int) -> tuple[list[Case], Callable, str]:
    """The cases of a function exercise for one seed, the reference's entry and the protocol."""
    import numpy as np

    check = load_trusted(exercise.file("check.py"))
    solution = load_trusted(exercise.file("solution.py"))
    entry = getattr(solution, exercise.entry, None)
    if entry is None:
        raise ContentError(f"{exercise.file('solution.py')} does not define `{exercise.entry}`")
    if not hasattr(check, "cases"):
        raise ContentError(f"{exercise.file('check.py')} does not define cases(rng)")
    protocol = getattr(exercise.manifest, "protocol", None) or ("object" if inspect.isclass(entry) else "call")
    path = exercise.file("check.py")
    try:
        cases = [Case.of(item) for item in check.cases(np.random.default_rng(seed))]
    except Exception as exc:
        raise ContentError(f"{path}{content_line(exc, path)}: cases() failed: {type(exc).__name__}: {exc}") from exc
    if not cases:
        raise ContentError(f"{exercise.file('check.py')}: cases() yielded no case")
    return cases, entry, protocol


def expected_outputs(exercise: Exercise, cases: list[Case], entry: Callable, protocol: str) -> list[Any]:
    """What the reference gives on each case (or the exception it raises), in this process."""
    expected = []
    # Whether the reference itself leaves its inputs alone is the author's gate's question (it
    # sets CHECK_REFERENCE); a learner's grading need not pay for the snapshots every time.
    unchanged = getattr(exercise.manifest, "inputs_unchanged", False) and CHECK_REFERENCE.get()
    for index, case in enumerate(cases):
        try:
            if case.raises is not None:
                expected.append(expected_raise(entry, protocol, case, unchanged))
            else:
                expected.append(call_trusted(entry, protocol, case.args, case.files, unchanged=unchanged))
        except ContentError as exc:
            raise ContentError(f"{exercise.file('solution.py')} on case {index + 1}: {exc}") from exc
        except Exception as exc:
            where = exercise.file("solution.py")
            raise ContentError(
                f"{where}{content_line(exc, where)} failed on case {index + 1}: {type(exc).__name__}: {exc}"
            ) from exc
    return expected


def build_cases(exercise: Exercise, seed: int) -> tuple[list[Case], list[Any], str]:
    """The cases of a function exercise for one seed, their expected outputs and the protocol."""
    cases, entry, protocol = draw_cases(exercise, seed)
    return cases, expected_outputs(exercise, cases, entry, protocol), protocol


# What building the cases and running the reference took lately, per exercise version: the
# time limit is derived from it, and once it is known a grading runs the reference here
# while the learner's job runs in the sandbox, instead of before it.
_REFERENCE_COST: dict[tuple[str, str | None], list[float]] = {}
_REFERENCE_LOCK = threading.Lock()
_JOB_THREADS = None


def _reference_cost(key: tuple[str, str | None]) -> float | None:
    with _REFERENCE_LOCK:
        costs = _REFERENCE_COST.get(key)
        return sorted(costs)[len(costs) // 2] if costs else None  # the median: one cold or crowded run is not the rule


def _remember_cost(key: tuple[str, str | None], seconds: float) -> None:
    with _REFERENCE_LOCK:
        costs = _REFERENCE_COST.setdefault(key, [])
        costs.append(seconds)
        del costs[:-5]  # the last five


def _job_threads():
    global _JOB_THREADS
    with _REFERENCE_LOCK:
        if _JOB_THREADS is None:
            from concurrent.futures import ThreadPoolExecutor

            _JOB_THREADS = ThreadPoolExecutor(max_workers=64, thread_name_prefix="mltrail-job")
        return _JOB_THREADS


def size_problem(source: bytes) -> str | None:
    """Why a submission is refused for its size (checked before anything is recorded), or None."""
    if len(source) > MAX_SOURCE_BYTES:
        return f"Your file is {len(source):,} bytes; the limit is {MAX_SOURCE_BYTES:,}. Submit only your solution."
    return None


def submission_text(source: bytes) -> str:
    """The submission as text: UTF-8, with a leading byte-order mark (some editors add one) dropped."""
    return source.decode("utf-8").removeprefix(BOM)


def _source_problem(exercise: Exercise, source: bytes) -> Verdict | None:
    too_big = size_problem(source)
    if too_big:
        return Verdict(exercise.id, "rejected", too_big)
    if b"\x00" in source:
        return Verdict(exercise.id, "error", "Your file contains NUL bytes; is it a text file? Save it as UTF-8 Python source.")
    try:
        text = submission_text(source)
    except UnicodeDecodeError as exc:
        return Verdict(exercise.id, "error", f"Your file is not UTF-8 text (bad byte at position {exc.start}). Save it with UTF-8 encoding.")
    if not text.strip():
        return Verdict(exercise.id, "error", "Your file is empty. Start from the starter code: `mltrail init` writes one for each exercise.")
    return None


def not_run_verdict(exercise: Exercise, run: sandbox.SandboxRun, seed: int, time_s: float | None = None) -> Verdict:
    """The verdict for code that did not run to the end: never a pass, whatever the child said."""
    if isinstance(run.reply, Refused):
        return Verdict(exercise.id, "error", run.reply.message, seed=seed, output=run.output)
    if isinstance(run.reply, OutOfMemory):
        return Verdict(exercise.id, "memory_limit", run.reply.message, seed=seed, output=run.output)
    return sandbox_failure(exercise, run, seed, time_s)


def sandbox_failure(exercise: Exercise, run: sandbox.SandboxRun, seed: int, time_s: float | None = None) -> Verdict:
    limits = exercise.manifest.limits
    time_s = limits.time_s if time_s is None else time_s
    if run.status == "unavailable":
        return Verdict(exercise.id, "error", f"The sandbox is unavailable, so your code was not run: {run.detail}. "
                       "`mltrail doctor` shows which layer is missing.", seed=seed, output=run.output)
    if run.status == "timeout" or run.detail == "cpu":
        return Verdict(exercise.id, "timeout", f"Your code did not finish within {time_s:.2g} s (a limit set from what the reference solution needs). Look for a loop that never ends or work that grows too fast.", seed=seed, output=run.output)
    if run.detail == "killed":
        return Verdict(exercise.id, "memory_limit", f"Your code was stopped while using too much memory (limit {limits.memory_mb} MiB).", seed=seed, output=run.output)
    return Verdict(exercise.id, "error", f"Your program stopped before it returned its results: {run.detail}.", seed=seed, output=run.output)


IMPORT_ALLOWANCE_S = 2.0


@functools.lru_cache(maxsize=256)
def imported_names(text: str) -> tuple[str, ...]:
    """The modules a submission imports, as dotted names: `import` and `from ... import`
    statements, and `__import__` or `importlib.import_module` called with a literal name."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return ()
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)  # what it imports from a loaded module is (almost always) loaded with it
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)
              and ((isinstance(node.func, ast.Name) and node.func.id == "__import__")
                   or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module"))):
            names.append(node.args[0].value)
    return tuple(names)


def library_needs(text: str, *encoded: str) -> list[str]:
    """The libraries beyond the standard library that a job needs loaded: those the
    submission imports and those its inputs decode to (pandas frames). The pool forks the
    job from the smallest zygote that has them all."""
    needs = {name.split(".")[0] for name in imported_names(text)} - set(sys.stdlib_module_names)
    for value in encoded:
        needs |= codec.libraries(value)
    return sorted(needs)


def imports_beyond_preload(text: str) -> bool:
    """Whether the submission imports a library the warm sandbox has not loaded (it may take a second)."""
    preloaded = set(sandbox.PRELOAD)
    return any(name not in preloaded and name.split(".")[0] not in sys.stdlib_module_names
               for name in imported_names(text))


def time_limit(exercise: Exercise, reference_s: float, text: str = "") -> float:
    """The seconds a job may take: from what the reference needs, at most the exercise's own limit.

    A loop that never ends then holds a job slot for a fraction of a second rather than the
    exercise's whole limit, while a plain-Python solution may still be a hundred times
    slower than a vectorised reference.
    """
    derived = max(MIN_TIME_S, REFERENCE_FACTOR * reference_s + TIME_MARGIN_S)
    if text and imports_beyond_preload(text):
        derived += IMPORT_ALLOWANCE_S  # the first import of networkx or sklearn.neighbors is not the learner's loop
    return min(exercise.manifest.limits.time_s, derived)


def job_limits(exercise: Exercise, time_s: float) -> dict:
    return {"memory_mb": exercise.manifest.limits.memory_mb, "cpu_s": max(1, math.ceil(time_s))}


def default_sandbox(exercise: Exercise) -> sandbox.Sandbox:
    """A fresh confined interpreter, with the exercise's course folder out of reach."""
    return sandbox.FreshSandbox(forbidden=[exercise.path.parent.parent.parent])


def forbidden_verdict(exercise: Exercise, text: str, seed: int) -> Verdict | None:
    """A failed verdict naming the forbidden calls the submission uses, read from its syntax tree; or None."""
    uses = forbidden_uses(text, list(getattr(exercise.manifest, "forbid", [])))
    if not uses:
        return None
    lines = [use.message() for use in uses[:3]]
    if len(uses) > 3:
        lines.append(f"({len(uses) - 3} more like these.)")
    return Verdict(exercise.id, "failed", "\n".join(lines), seed=seed)


def grade_function(exercise: Exercise, text: str, seed: int, runner: sandbox.Sandbox, tenant: str) -> Verdict:
    forbidden = forbidden_verdict(exercise, text, seed)
    if forbidden is not None:
        return forbidden
    started = time.perf_counter()
    cases, entry, protocol = draw_cases(exercise, seed)
    key = (exercise.id, exercise.content_version())
    known = _reference_cost(key)
    expected = None
    if known is None:  # the first grading of this version: the reference first, to time it
        expected = expected_outputs(exercise, cases, entry, protocol)
        known = time.perf_counter() - started
        _remember_cost(key, known)
    time_s = time_limit(exercise, known, text)
    request = {
        "mode": "function",
        "code": text,
        "entry": exercise.entry,
        "protocol": protocol,
        "inputs_unchanged": bool(getattr(exercise.manifest, "inputs_unchanged", False)),
        "cases": [{"args": codec.encode(c.args, WIRE_CAP).decode("utf-8"), "files": c.files} for c in cases],
        "limits": job_limits(exercise, time_s),
        "max_bytes": WIRE_CAP,
    }
    request["needs"] = library_needs(text, *(case["args"] for case in request["cases"]))
    if protocol == "http":  # the sandbox's side of the protocol uses Starlette's test client
        request["needs"] = sorted(set(request["needs"]) | {"starlette"})
    if expected is not None:
        run = runner.run(request, time_s, tenant)
    else:  # the learner's job in the sandbox while the reference runs here
        job = _job_threads().submit(runner.run, request, time_s, tenant)
        expected = expected_outputs(exercise, cases, entry, protocol)
        _remember_cost(key, time.perf_counter() - started)
        run = job.result()
    if not isinstance(run.reply, Ran):
        return not_run_verdict(exercise, run, seed, time_s)
    results = run.reply.results
    if results is None or len(results) != len(cases):
        return Verdict(exercise.id, "error", "Your program sent back something that is not a result.", seed=seed, output=run.output)
    check = load_trusted(exercise.file("check.py"))
    custom = getattr(check, "compare", None)
    outcomes = [_judge_case(i, case, exp, res, custom) for i, (case, exp, res) in enumerate(zip(cases, expected, results))]
    verdict = _function_verdict(exercise, outcomes, seed, run.output)
    if verdict.status == "failed" and exercise.mistakes():
        from mltrail.grading.mistakes import name_mistake  # it builds on this module's trusted calls

        verdict.mistake = name_mistake(exercise, cases, outcomes, protocol, custom)
    return verdict


def _judge_case(index: int, case: Case, expected: Any, result: CaseReply, custom: Callable | None) -> CaseResult:
    outcome = CaseResult(index=index, passed=False, hidden=case.hidden, label=case.label, input=case.args, expected=expected,
                         files=dict(case.files) or None)
    outcome.raised = True
    outcome.changed = list(result.changed) if result.changed else None
    if isinstance(expected, ExpectedRaise):
        return _judge_raise(outcome, case, expected, result)
    if result.error is not None:
        outcome.message = cap_text(result.error)
        return outcome
    if result.ok is None:
        outcome.message = "no result for this case"
        return outcome
    try:
        got = codec.decode(result.ok.encode("utf-8"), WIRE_CAP)
    except codec.CodecError as exc:
        outcome.message = cap_text(f"the returned value could not be read: {exc}")
        return outcome
    outcome.raised = False
    outcome.got = got
    message = judge_value(expected, got, case, custom)
    if message is None and outcome.changed:
        message = changed_message(outcome.changed)
    outcome.passed = message is None
    outcome.message = cap_text(message or "")
    return outcome


def changed_message(changed: list[str]) -> str:
    names = ", ".join(changed[:5])
    return (f"your code modified its input ({names}); the exercise asks you to leave its inputs unchanged, "
            "so work on a copy (for example `list(values)`, `dict(d)` or `array.copy()`)")


def _judge_raise(outcome: CaseResult, case: Case, expected: ExpectedRaise, result: CaseReply) -> CaseResult:
    """A case that must raise: the type (or a subclass), the message pattern and, for a class, the call."""
    calls = case.args.get("calls") if expected.step is not None else None
    outcome.expected = expected.describe(calls)
    if result.raised is None:
        if result.error is not None:
            outcome.message = cap_text(result.error)
            return outcome
        if result.ok is None:
            outcome.message = "no result for this case"
            return outcome
        try:
            got = codec.decode(result.ok.encode("utf-8"), WIRE_CAP)
        except codec.CodecError:
            got = "a value that could not be read"
        outcome.raised = False
        outcome.got = got
        outcome.message = cap_text(f"expected your code to {expected.describe(calls, 'raise')}, but it returned a value instead")
        return outcome
    raised = result.raised
    outcome.raised_type = raised.types[0] if raised.types else ""  # "": it raised, its type unknown
    outcome.got = f"raised {outcome.raised_type or 'an exception'}: {cap_text(raised.message, 300)}"
    problem = raise_mismatch(expected.raises, list(raised.types), raised.message)
    if problem is None and expected.step is not None and raised.step != expected.step:
        def call(step):
            if step == 0 or not calls:
                return "the constructor"
            return f"call {step} (`{calls[step - 1][0]}`)" if step <= len(calls) else f"call {step}"
        problem = f"raised it from {call(raised.step or 0)} rather than from {call(expected.step)}"
    if problem is None and outcome.changed:
        problem = changed_message(outcome.changed)
    outcome.passed = problem is None
    outcome.message = "" if problem is None else cap_text(
        problem if problem.startswith("your code") else f"expected your code to {expected.describe(calls, 'raise')}, but it {problem}")
    return outcome


def judge_value(expected: Any, got: Any, case: Case, custom: Callable | None) -> str | None:
    """None if `got` is right for the case, else the learner's message; never raises.

    Whatever a submission returned (a huge int, NaN, a deep list) becomes a failed
    case with a message, never an exception out of the grader.
    """
    try:
        message = compare_values(expected, got) if custom is None else _custom_message(custom, expected, got, case)
    except Exception as exc:
        return f"your answer could not be compared with the expected one ({type(exc).__name__}: {cap_text(str(exc), 200)})"
    if message is None:
        return None
    try:
        note = common_mistake(got, case.args, expected)
    except Exception:
        return message
    if note is None:
        return message
    if got is None:
        # a check's own message knows whether None can be an answer (a graph with a cycle has
        # no order): it stands, unless it only says the check could not read the answer
        own = custom is not None and not message.startswith("your answer could not be")
        return message if own else note
    # a value equal to an input may be computed right by chance on this case: the note asks,
    # and the comparison's own message follows
    return f"{note} {message}"


def _custom_message(custom: Callable, expected: Any, got: Any, case: Case) -> str | None:
    try:
        verdict = custom(expected, got, case)
    except Exception as exc:  # a check that trips on odd output counts it as wrong
        return f"your answer could not be checked ({type(exc).__name__}: {exc})"
    if verdict is True or verdict is None:
        return None
    if isinstance(verdict, str) and verdict:
        return verdict
    return "not the expected result"


def _function_verdict(exercise: Exercise, outcomes: list[CaseResult], seed: int, output: str) -> Verdict:
    total = len(outcomes)
    failures = [c for c in outcomes if not c.passed]
    if not failures:
        return Verdict(exercise.id, "passed", f"All {total} cases passed.", outcomes, seed=seed, output=output)
    first = failures[0]
    name = f"Case {first.index + 1} of {total}" + (f" ({first.label})" if first.label else "")
    detail = "a hidden case; its input is not shown" if first.hidden else first.message
    if not detail.endswith((".", "?", "!")):
        detail += "."
    return Verdict(exercise.id, "failed", f"{name} failed: {detail} {total - len(failures)} of {total} cases passed.", outcomes, seed=seed, output=output)


def _grade_text(exercise: Exercise, text: str, seed: int, runner: sandbox.Sandbox, tenant: str) -> Verdict:
    try:
        if exercise.kind == "quiz":
            from mltrail.grading.quiz import grade_quiz

            return grade_quiz(exercise, text, seed, runner, tenant)
        if exercise.kind == "dataset":
            from mltrail.grading.dataset import grade_dataset

            return grade_dataset(exercise, text, seed, runner, tenant)
        return grade_function(exercise, text, seed, runner, tenant)
    except ContentError:
        raise
    except Exception as exc:  # a grader bug must not cost the learner their attempt or lock them out
        return Verdict(exercise.id, "error", cap_text(
            f"Your submission could not be graded ({type(exc).__name__}: {exc}). "
            "This is a fault of the grader, not your code; please report it."), seed=seed)


def grade_source(
    exercise: Exercise,
    source: bytes | str,
    seed: int | None = None,
    runner: sandbox.Sandbox | None = None,
    tenant: str = "",
) -> Verdict:
    """Grade a learner's file for an exercise; always returns a verdict for learner mistakes.

    `runner` is where the code runs (a zygote pool or fresh interpreters); `tenant`
    names whose job it is, so a pool can queue learners fairly.
    """
    started = time.perf_counter()
    source_bytes = source.encode("utf-8") if isinstance(source, str) else source
    seed = secrets.randbits(32) if seed is None else seed
    missing = missing_extra(exercise)
    if missing is not None:
        return Verdict(exercise.id, "skipped", f"This exercise {missing}. Nothing was graded.", seed=seed)
    runner = runner or default_sandbox(exercise)
    verdict = _source_problem(exercise, source_bytes)
    if verdict is None:
        verdict = _grade_text(exercise, submission_text(source_bytes), seed, runner, tenant)
    verdict.seed = seed
    verdict.content_version = exercise.content_version()
    verdict.elapsed_ms = (time.perf_counter() - started) * 1000
    return verdict


__all__ = ["ContentError", "build_cases", "grade_source", "load_trusted"]
