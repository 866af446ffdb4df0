"""The built-in lessons: figures up to date and shown, and 2-3 self-check questions at the end."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import types
from pathlib import Path

import pytest

from mltrail.authoring import figures
from mltrail.authoring.figures import module_scripts, run_script, stale_figures
from mltrail.curriculum.figures import figure_problems, image_refs
from mltrail.curriculum.loader import load_curriculum

CURRICULUM = load_curriculum()
AFTER_CHECK = {"Practice", "What comes next"}  # the only sections a lesson may have after its self-check


def self_check(body: str) -> tuple[list[str], str, list[str]]:
    """The questions of the `## Check yourself` section, its text, and the headings after it."""
    parts = re.split(r"^## +(.+?)\s*$", body, flags=re.M)
    headings = parts[1::2]
    if "Check yourself" not in headings:
        return [], "", []
    index = headings.index("Check yourself")
    section = parts[2 + 2 * index]
    outside = re.sub(r"<details>.*?</details>", "", section, flags=re.S)
    questions = re.findall(r"^\d+\. +(.+)$", outside, flags=re.M)
    return questions, section, headings[index + 1:]


# Every figure script imports matplotlib.pyplot (and most numpy), which is nearly all of what a
# script costs. `content figures` runs each in a fresh interpreter; here each runs in a fresh
# fork of one interpreter that has imported them already (started with the same environment),
# through the product's own run_script: the same temporary copy, the same figure read back
# and compared. The fresh interpreter itself: test_one_builtin_figure_in_a_fresh_interpreter,
# and tests/authoring/test_figures_command.py.
FORK_SERVER = r"""
import json, os, runpy, signal, socket, sys, traceback
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot
import numpy

server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(sys.argv[1])
server.listen(64)
signal.signal(signal.SIGCHLD, signal.SIG_IGN)
print("ready", flush=True)
while True:
    conn, _ = server.accept()
    if os.fork():
        conn.close()
        continue
    server.close()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # as in a fresh interpreter
    request = json.loads(conn.makefile("r").readline())
    conn.sendall(f"{os.getpid()}\n".encode())
    for fd, name, flags in ((0, os.devnull, os.O_RDONLY), (1, request["stdout"], os.O_WRONLY | os.O_CREAT),
                            (2, request["stderr"], os.O_WRONLY | os.O_CREAT)):
        os.dup2(os.open(name, flags, 0o600), fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = [request["script"]]
    sys.path[0] = request["cwd"]
    code = 0
    try:
        runpy.run_path(os.path.join(request["cwd"], request["script"]), run_name="__main__")
    except SystemExit as exc:
        if isinstance(exc.code, int) or exc.code is None:
            code = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    except BaseException:
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    conn.sendall(f"{code}\n".encode())
    os._exit(code)
"""


@pytest.fixture(scope="module")
def warm_interpreter(tmp_path_factory):
    """`subprocess.run([python, script], ...)` for run_script, answered by a fork of a warm interpreter."""
    folder = tmp_path_factory.mktemp("figure-server")
    address = str(folder / "socket")
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "0",
           "MPLCONFIGDIR": str(folder / "mplconfig"), "PYTHONDONTWRITEBYTECODE": "1"}
    server = subprocess.Popen([sys.executable, "-c", FORK_SERVER, address], env=env, stdout=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, text=True)
    try:
        assert server.stdout.readline().strip() == "ready"

        def run(command, cwd, env, capture_output, text, timeout, stdin):
            assert command[0] == sys.executable and len(command) == 2 and capture_output and text
            with tempfile.TemporaryDirectory() as logs, socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
                out, err = Path(logs, "stdout"), Path(logs, "stderr")
                conn.connect(address)
                conn.settimeout(timeout)
                conn.sendall(json.dumps({"cwd": str(cwd), "script": command[1], "env": env,
                                         "stdout": str(out), "stderr": str(err)}).encode() + b"\n")
                answer = conn.makefile("r")
                pid = int(answer.readline())
                try:
                    code = answer.readline().strip()
                except TimeoutError:
                    os.kill(pid, signal.SIGKILL)
                    raise subprocess.TimeoutExpired(command, timeout)
                stdout = out.read_text(errors="replace") if out.exists() else ""
                stderr = err.read_text(errors="replace") if err.exists() else ""
                return subprocess.CompletedProcess(command, int(code) if code else -9, stdout,
                                                   stderr or ("" if code else "the script's process died"))

        yield types.SimpleNamespace(run=run, TimeoutExpired=subprocess.TimeoutExpired, DEVNULL=subprocess.DEVNULL)
    finally:
        server.kill()
        server.wait()


def test_one_builtin_figure_in_a_fresh_interpreter():
    script = module_scripts()[0]
    run = run_script(script)
    assert run.problem is None and run.figure is not None and not run.changed, (run.error, script)


def test_the_warm_interpreter_reports_failures_like_a_fresh_one(warm_interpreter, tmp_path, monkeypatch):
    monkeypatch.setattr(figures, "subprocess", warm_interpreter)
    folder = tmp_path / "figures"
    folder.mkdir()
    (folder / "broken.py").write_text("import matplotlib.pyplot as plt\nraise ValueError('no data')\n")
    (folder / "quits.py").write_text("import sys\nsys.exit(3)\n")
    (folder / "nothing.py").write_text("x = 1\n")
    (folder / "dots.py").write_text("import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.savefig('dots.svg')\n")
    broken, quits, nothing, dots = (run_script(folder / f"{name}.py") for name in ("broken", "quits", "nothing", "dots"))
    assert "failed (exit 1)" in broken.error and "ValueError: no data" in broken.error
    assert "failed (exit 3)" in quits.error
    assert "exactly one figure" in nothing.error
    assert dots.error == "" and dots.changed and dots.data.startswith(b"<?xml")


def test_every_committed_figure_is_what_its_script_writes_now(warm_interpreter, monkeypatch):
    monkeypatch.setattr(figures, "subprocess", warm_interpreter)
    report = stale_figures(module_scripts())
    assert len(report.runs) == len(module_scripts()) >= 50
    assert report.problems == [], "\n".join(str(p) for p in report.problems)
    assert report.stale == [], "out of date (run `mltrail content figures` and commit them): " + ", ".join(
        str(p) for p in report.stale)


@pytest.mark.parametrize("module", CURRICULUM.modules, ids=lambda m: m.id)
def test_figures_follow_the_rules(module):
    assert figure_problems(module) == []


@pytest.mark.parametrize("lesson", CURRICULUM.lessons(), ids=lambda le: le.id)
def test_every_lesson_shows_a_figure_and_says_what_to_look_at(lesson):
    refs = image_refs(lesson.body)
    assert refs, f"{lesson.id}: no figure; add lessons/figures/<name>.py and show it with ![alt](figures/<name>.svg)"
    for ref in refs:
        assert len(ref.alt.split()) >= 5, f"{lesson.id}: the alt text of {ref.src} should say what it shows"
        after = lesson.body.split(f"]({ref.src})", 1)[1].split("\n\n", 2)[1]
        assert "figure" in after.lower() or "panel" in after.lower(), (
            f"{lesson.id}: the paragraph after {ref.src} should tell the reader what to look at")


@pytest.mark.parametrize("lesson", CURRICULUM.lessons(), ids=lambda le: le.id)
def test_every_lesson_ends_with_two_or_three_self_check_questions_with_folded_answers(lesson):
    questions, section, later = self_check(lesson.body)
    assert 2 <= len(questions) <= 3, f"{lesson.id}: {len(questions)} self-check questions under '## Check yourself'"
    assert "<details><summary>Answer</summary>" in section, f"{lesson.id}: answers must be folded in <details>"
    assert section.count("<details>") == section.count("</details>"), lesson.id
    assert set(later) <= AFTER_CHECK, f"{lesson.id}: the self-check comes last, but {later} follow it"


def test_the_self_check_parser_can_fail():
    body = "## Check yourself\n\n1. Only one?\n\n<details><summary>Answer</summary>\n\n1. Yes.\n2. Sure.\n</details>\n"
    assert self_check(body)[0] == ["Only one?"]
    assert self_check("## Summary\n\nNo questions.\n")[0] == []
