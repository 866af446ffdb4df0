"""What runs inside the sandbox: the learner's code, on inputs only.

It receives one request on stdin (code, entry, inputs), runs the learner's code,
and writes plain data to the result descriptor. It never sees a solution, a check
or an expected output, so whatever it sends back is only "what the learner's code
returned", and the trusted side decides what that is worth.
"""

from __future__ import annotations

import math
import os
import sys
import time
import traceback
import types
from typing import Any

from mltrail.sandbox import codec
from mltrail.sandbox.reply import (
    MAX_REPLY_BYTES, AnswerReply, CaseReply, OutOfMemory, Raised, Ran, Refused, Reply, clip, encode_reply,
)

LEARNER_FILE = "<your file>"


def learner_traceback(exc: BaseException) -> str:
    """The traceback restricted to frames in the learner's file."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == LEARNER_FILE]
    lines = [f"  line {f.lineno}, in {f.name}" for f in frames[-5:]]
    message = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    return "\n".join(lines + [message])


def _consume(value: Any, max_items: int) -> Any:
    if isinstance(value, types.GeneratorType) or (
        hasattr(type(value), "__next__") and hasattr(type(value), "__iter__") and not isinstance(value, (str, bytes))
    ):
        items = []
        for item in value:
            if len(items) >= max_items:
                return codec.Iterated(items, truncated=True)
            items.append(item)
        return codec.Iterated(items)
    return value


def test_client(app: Any) -> Any:
    """Starlette's test client for an ASGI app: requests go to the app in this process, no socket."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # newer Starlette asks for httpx2; httpx works the same here
        from starlette.testclient import TestClient
    return TestClient(app, raise_server_exceptions=False)


def serve_requests(entry: Any, args: dict, progress: list | None = None) -> list[dict]:
    """The http protocol: build the app with the entry, send each request, keep status and JSON body."""
    app = entry(**args["init"])
    answers = []
    with test_client(app) as client:  # runs the app's startup and shutdown
        for request in args["requests"]:
            if progress is not None:
                progress.append(request.get("path"))
            response = client.request(
                request.get("method", "GET"), request["path"], json=request.get("json"),
                params=request.get("params"), headers=request.get("headers"),
            )
            try:
                body = response.json()
            except ValueError:
                body = None
            answers.append({"status": response.status_code, "json": body})
    return answers


def run_case(entry: Any, protocol: str, args: dict, progress: list | None = None) -> Any:
    """Call the entry on one case's arguments; `progress` counts the object protocol's calls made."""
    if protocol == "http":
        return serve_requests(entry, args, progress)
    if protocol == "object":
        instance = entry(**args["init"])
        results = []
        for method, kwargs in args["calls"]:
            if progress is not None:
                progress.append(method)
            if kwargs is None:  # [name, None] reads an attribute: what fit stored, e.g. mean_
                results.append(_consume(getattr(instance, method), codec.MAX_ITERATED))
                continue
            value = getattr(instance, method)(**kwargs)
            results.append(codec.SELF if value is instance else _consume(value, codec.MAX_ITERATED))
        return results
    return _consume(entry(**args), codec.MAX_ITERATED)


def raised_info(exc: BaseException, step: int | None) -> Raised:
    """The exception as plain data: its class's MRO by name, its message (capped), where it was raised."""
    names = [cls.__name__ for cls in type(exc).__mro__][:32]
    try:
        message = str(exc)
    except BaseException:  # a learner's __str__ may itself raise
        message = ""
    return Raised(types=[clip(n, 200) for n in names], message=clip(message), step=step)


def input_snapshots(args: dict, protocol: str, max_bytes: int) -> dict[str, bytes]:
    """Each input of a case, encoded: compared after the call to see what the code modified."""
    if protocol == "object":
        parts = {f"the constructor's `{k}`": v for k, v in args["init"].items()}
        for number, (method, kwargs) in enumerate(args["calls"], start=1):
            parts.update({f"`{k}` of call {number} ({method})": v for k, v in (kwargs or {}).items()})  # None: an attribute read
    else:
        parts = {f"`{k}`": v for k, v in args.items()}
    snapshots = {}
    for name, value in parts.items():
        try:
            snapshots[name] = codec.encode(value, max_bytes)
        except codec.CodecError as exc:  # an input the code made unencodable (a list grown past the cap)
            snapshots[name] = repr(exc).encode()
    return snapshots


def changed_inputs(args: dict, protocol: str, before: dict[str, bytes], max_bytes: int) -> list[str] | None:
    """The names of the inputs whose encoding differs from `before`: the ones the code modified."""
    after = input_snapshots(args, protocol, max_bytes)
    changed = [name for name, data in before.items() if after.get(name) != data]
    return changed[:64] or None


def write_files(index: int, files: dict) -> str | None:
    if not files:
        return None
    folder = os.path.join(os.getcwd(), f"case-{index}")
    os.makedirs(folder, exist_ok=True)
    for name, text in files.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
            handle.write(text)
    return folder


def run_function(namespace: dict, request: dict, max_bytes: int) -> Reply:
    entry_name = request["entry"]
    entry = namespace.get(entry_name)
    if entry is None:
        return Refused(f"Your file does not define `{entry_name}`. Write `def {entry_name}(...):` (keep the name from the starter).")
    if not callable(entry):
        return Refused(f"`{entry_name}` in your file is a {type(entry).__name__}, not a function.")
    results = []
    home = os.getcwd()
    budget = MAX_REPLY_BYTES // 2  # every value is escaped once more inside the reply
    for index, case in enumerate(request["cases"]):
        if budget <= 0:  # the reply would be refused whole: say why, case by case
            results.append(CaseReply(error=f"Your function's return values add up to more than "
                                           f"{MAX_REPLY_BYTES // 2:,} bytes; return smaller values."))
            continue
        args = codec.decode(case["args"].encode("utf-8"), max_bytes)
        folder = write_files(index, case.get("files") or {})
        before = input_snapshots(args, request["protocol"], max_bytes) if request.get("inputs_unchanged") else None
        progress: list = []
        started = time.perf_counter()
        try:
            if folder:
                os.chdir(folder)
            raised = None
            try:
                value = run_case(entry, request["protocol"], args, progress)
            except (MemoryError, RecursionError):
                raise
            except Exception as exc:  # the learner's exception: what it was is data the check may expect
                raised = exc
            changed = changed_inputs(args, request["protocol"], before, max_bytes) if before else None
            if raised is not None:
                step = len(progress) if request["protocol"] == "object" else None
                results.append(CaseReply(error=clip(learner_traceback(raised)), raised=raised_info(raised, step),
                                         changed=changed))
                continue
            payload = codec.encode(value, min(max_bytes, budget)).decode("utf-8")
            budget -= len(payload)
            results.append(CaseReply(ok=payload, ms=(time.perf_counter() - started) * 1000, changed=changed))
        except MemoryError:
            return OutOfMemory("Your code ran out of memory.", case=index)
        except codec.CodecError as exc:
            results.append(CaseReply(error=clip(f"Your function's return value could not be checked: {exc}.")))
        except RecursionError:
            results.append(CaseReply(error="RecursionError: maximum recursion depth exceeded (does your recursion reach a base case?)"))
        except SystemExit:
            results.append(CaseReply(error="Your code called sys.exit(); return a value instead."))
        except BaseException as exc:  # the learner's exception, shown to the learner
            results.append(CaseReply(error=clip(learner_traceback(exc))))
        finally:
            os.chdir(home)
    return Ran(results=results)


def evaluate_expression(text: str, variables: list[str], points: list[list[float]]) -> list:
    import numpy as np

    allowed = {
        "sqrt": np.sqrt, "exp": np.exp, "log": np.log, "sin": np.sin, "cos": np.cos,
        "tan": np.tan, "abs": np.abs, "pi": np.pi, "e": np.e,
    }
    code = compile(text.replace("^", "**"), "<expression>", "eval")
    for name in code.co_names:
        if name not in allowed and name not in variables:
            raise NameError(f"'{name}' is not allowed here; use {', '.join(variables)} and {', '.join(sorted(allowed))}")
    values = []
    for point in points:
        scope = dict(allowed, **dict(zip(variables, point)))
        with np.errstate(all="ignore"):
            value = float(eval(code, {"__builtins__": {}}, scope))
            values.append(value if math.isfinite(value) else None)
    return values


def run_quiz(namespace: dict, request: dict, max_bytes: int) -> Reply:
    answers = {}
    for item in request["items"]:
        name = item["id"]
        if name not in namespace:
            answers[name] = AnswerReply(missing=True)
            continue
        value = namespace[name]
        if item["kind"] == "expression" and isinstance(value, str) and value.strip():
            try:
                answers[name] = AnswerReply(values=evaluate_expression(value, item["variables"], item["points"]))
            except BaseException as exc:
                answers[name] = AnswerReply(error=clip(f"{type(exc).__name__}: {exc}"))
            continue
        try:
            answers[name] = AnswerReply(ok=codec.encode(value, max_bytes).decode("utf-8"))
        except codec.CodecError as exc:
            answers[name] = AnswerReply(error=clip(str(exc)))
    return Ran(answers=answers)


def run_request(request: dict, result_fd: int) -> None:
    """Run the learner's code on the request and write the reply; never returns."""
    max_bytes = int(request["max_bytes"])
    namespace: dict = {"__name__": "learner", "__builtins__": __builtins__}
    try:
        code = compile(request["code"], LEARNER_FILE, "exec", dont_inherit=True)
        exec(code, namespace)  # the sandbox is where learner code runs
        if request["mode"] == "quiz":
            reply = run_quiz(namespace, request, max_bytes)
        else:
            reply = run_function(namespace, request, max_bytes)
    except SyntaxError as exc:
        reply = Refused(f"Your file has a syntax error on line {exc.lineno}: {exc.msg}.")
    except MemoryError:
        reply = OutOfMemory("Your code ran out of memory.")
    except SystemExit:
        reply = Refused("Your file called sys.exit() while it was loaded; remove that call.")
    except BaseException as exc:
        reply = Refused(clip("Your file raised an error while it was loaded:\n" + learner_traceback(exc)))
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        pass
    data = encode_reply(reply)
    view = memoryview(data)
    while view:
        written = os.write(result_fd, view)
        view = view[written:]
    # Close the pipes before exiting: the grader has its answer while the process tears down.
    for fd in (result_fd, 1, 2):
        try:
            os.close(fd)
        except OSError:
            pass
    os._exit(0)


def read_all(fd: int) -> bytes:
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
