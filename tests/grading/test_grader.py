"""The grader end to end: verdicts for right, wrong, broken and hostile submissions."""

from __future__ import annotations

import json
import os
import textwrap
import time
from pathlib import Path

import pytest
from conftest import write

from mltrail.curriculum.loader import load_curriculum
from mltrail.sandbox import process as sandbox
from mltrail.grading.grader import grade_source


@pytest.fixture
def add(tiny_course):
    return load_curriculum([tiny_course]).exercise("tiny/add")


def grade(exercise, code, seed=5):
    return grade_source(exercise, textwrap.dedent(code), seed=seed)


def test_solution_passes_and_starter_fails(add):
    assert grade(add, "def add(a, b):\n    return a + b\n").status == "passed"
    verdict = grade(add, "def add(a, b):\n    ...\n")
    assert verdict.status == "failed"
    assert "returned None" in verdict.message


def test_verdict_names_first_failing_case_with_input_expected_and_got(add):
    verdict = grade(add, "def add(a, b):\n    return a - b\n")
    first = verdict.first_failure
    assert verdict.status == "failed"
    assert first.input == {"a": 1, "b": 2} and first.expected == 3 and first.got == -1
    assert "Case 1 of 21" in verdict.message


def test_hard_coded_answer_for_the_visible_example_fails(add):
    verdict = grade(add, "def add(a, b):\n    return 3\n")
    assert verdict.status == "failed"
    assert verdict.cases[0].passed and not all(c.passed for c in verdict.cases)


def test_same_seed_gives_same_cases_and_verdict(add):
    code = "def add(a, b):\n    return a - b\n"
    first, second = grade(add, code, seed=42), grade(add, code, seed=42)
    assert [c.input for c in first.cases] == [c.input for c in second.cases]
    assert [c.input for c in grade(add, code, seed=43).cases] != [c.input for c in first.cases]


def test_only_inputs_and_code_cross_into_the_sandbox(add):
    seen = []

    class Spy(sandbox.FreshSandbox):
        def run(self, request, time_s, tenant=""):
            seen.append(request)
            return super().run(request, time_s, tenant)

    assert grade_source(add, "def add(a, b):\n    return a + b\n", seed=5, runner=Spy()).passed
    request = seen[0]
    assert set(request) == {"mode", "code", "entry", "protocol", "inputs_unchanged", "cases", "limits", "max_bytes",
                            "needs"}
    assert request["needs"] == []  # names of libraries to have loaded, nothing of the exercise
    assert all(set(case) == {"args", "files"} for case in request["cases"])
    assert "a + b" not in json.dumps(request["cases"])


@pytest.mark.parametrize(
    "code, fragment",
    [
        ("def add(a, b)\n    return a + b\n", "syntax error on line 1"),
        ("def plus(a, b):\n    return a + b\n", "does not define `add`"),
        ("add = 3\n", "not a function"),
        ("raise ValueError('at import')\n", "ValueError: at import"),
        ("import sys\nsys.exit(0)\n", "sys.exit()"),
    ],
)
def test_broken_files_get_an_error_that_says_what_to_fix(add, code, fragment):
    verdict = grade(add, code)
    assert verdict.status == "error"
    assert fragment in verdict.message


@pytest.mark.parametrize("source", [b"", b"   \n\n", b"\xff\xfedef add(a, b): pass", b"def add(a, b):\x00"])
def test_empty_and_non_text_files_are_errors(add, source):
    verdict = grade_source(add, source)
    assert verdict.status == "error"
    assert "Traceback" not in verdict.message


def test_oversized_file_is_rejected(add):
    verdict = grade_source(add, b"# " + b"x" * 300_000 + b"\ndef add(a, b): return a + b\n")
    assert verdict.status == "rejected"


def test_exception_in_a_case_fails_that_case_with_the_learners_traceback(add):
    verdict = grade(add, "def add(a, b):\n    if a < 0:\n        raise KeyError('neg')\n    return a + b\n")
    assert verdict.status == "failed"
    failing = [c for c in verdict.cases if not c.passed]
    assert failing and "KeyError" in failing[0].message and "line 3, in add" in failing[0].message
    assert "mltrail" not in failing[0].message


def test_infinite_loop_times_out_and_the_next_submission_is_graded(add):
    started = time.monotonic()
    verdict = grade(add, "def add(a, b):\n    while True:\n        pass\n")
    assert verdict.status == "timeout"
    assert time.monotonic() - started < add.manifest.limits.time_s + 3
    assert grade(add, "def add(a, b):\n    return a + b\n").passed


def test_top_level_sleep_times_out(add):
    assert grade(add, "import time\ntime.sleep(60)\n").status == "timeout"


def test_memory_bomb_hits_the_memory_limit(add):
    verdict = grade(add, "def add(a, b):\n    x = bytearray(10**11)\n    return a + b\n")
    assert verdict.status == "memory_limit"


def test_os_exit_without_results_is_an_error(add):
    verdict = grade(add, "import os\ndef add(a, b):\n    os._exit(0)\n")
    assert verdict.status == "error" and "before it returned" in verdict.message


def test_output_flood_is_capped_and_still_graded(add):
    verdict = grade(add, "def add(a, b):\n    print('x' * 100000)\n    return a + b\n")
    assert verdict.passed
    assert len(verdict.output) <= sandbox.OUTPUT_CAP


def test_deep_recursion_fails_the_case_not_the_grader(add):
    verdict = grade(add, "def add(a, b):\n    return add(a, b)\n")
    assert verdict.status == "failed" and "RecursionError" in verdict.first_failure.message


def test_unreturnable_value_fails_with_a_message(add):
    verdict = grade(add, "def add(a, b):\n    return object()\n")
    assert verdict.status == "failed" and "cannot be returned" in verdict.first_failure.message


def test_lying_eq_object_cannot_pass(add):
    code = """
    class Anything(int):
        def __eq__(self, other):
            return True
    def add(a, b):
        return Anything(0)
    """
    assert grade(add, code).status == "failed"


def test_process_left_behind_is_killed(add):
    name = f"mlt-left-{os.getpid() % 10000}".encode()
    code = f"""
    import ctypes, os, time
    if os.fork() == 0:
        ctypes.CDLL(None).prctl(15, {name!r}, 0, 0, 0)  # a name the host can see
        time.sleep(30)
        os._exit(0)
    def add(a, b):
        return a + b
    """
    assert grade(add, code).passed

    def named() -> list[str]:
        found = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                if Path(f"/proc/{pid}/comm").read_bytes().strip() == name:
                    found.append(pid)
            except OSError:
                pass
        return found

    deadline = time.monotonic() + 3
    while named() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert named() == []


def test_what_a_job_writes_is_gone_for_the_next_job(add):
    writer = "import os\nopen('scratch.txt', 'w').write('x')\nopen('/tmp/left.txt', 'w').write('y')\n"
    verdict = grade(add, writer + "print(os.getcwd(), sorted(os.listdir('.')))\ndef add(a, b):\n    return a + b\n")
    assert verdict.passed and "scratch.txt" in verdict.output
    reader = "import os\nprint(sorted(os.listdir('.')), os.path.exists('/tmp/left.txt'))\ndef add(a, b):\n    return a + b\n"
    assert grade(add, reader).output.strip().splitlines()[0] == "[] False"


def test_generator_class_and_file_protocols(tmp_path):
    module = tmp_path / "course" / "modules" / "proto"
    write(module / "module.toml", 'title = "P"\nsummary = "P"\norder = 1\nestimated_hours = 1\n[[skills]]\nid = "p"\ntitle = "P"\n')
    hints = 'hints = ["one", "two"]\n'
    specs = {
        "gen": ("evens", "def evens(n):\n    for i in range(n):\n        if i % 2 == 0:\n            yield i\n",
                "def cases(rng):\n    for n in range(21):\n        yield {'n': n}\n"),
        "obj": ("Counter", "class Counter:\n    def __init__(self, start):\n        self.n = start\n    def add(self, k):\n        self.n += k\n        return self\n    def value(self):\n        return self.n\n",
                "def cases(rng):\n    for s in range(21):\n        yield {'init': {'start': s}, 'calls': [['add', {'k': 2}], ['value', {}]]}\n"),
        "readfile": ("first_line", "def first_line(path):\n    with open(path) as f:\n        return f.readline().strip()\n",
                     "from mltrail.grading.contract import Case\ndef cases(rng):\n    for i in range(21):\n        yield Case({'path': 'in.txt'}, files={'in.txt': f'line {i}\\nrest'})\n"),
    }
    for slug, (entry, solution, check) in specs.items():
        ex = module / "exercises" / slug
        write(ex / "exercise.toml", f'title = "{slug}"\nkind = "function"\nentry = "{entry}"\nskills = ["p"]\ndifficulty = 1\nminutes = 1\n{hints}')
        write(ex / "prompt.md", "x\n")
        write(ex / "starter.py", "x = 1\n")
        write(ex / "solution.py", solution)
        write(ex / "check.py", check)
    curriculum = load_curriculum([tmp_path / "course"])
    gen, obj, readfile = (curriculum.exercise(f"proto/{s}") for s in ("gen", "obj", "readfile"))
    assert grade_source(gen, gen.file("solution.py").read_bytes()).passed
    as_list = grade_source(gen, b"def evens(n):\n    return [i for i in range(n) if i % 2 == 0]\n")
    assert as_list.status == "failed" and "expected a generator" in as_list.message
    assert grade_source(obj, obj.file("solution.py").read_bytes()).passed
    no_self = obj.file("solution.py").read_text().replace("return self\n", "return None\n")
    assert "return self" in grade_source(obj, no_self).message
    assert grade_source(readfile, readfile.file("solution.py").read_bytes()).passed
    assert not grade_source(readfile, b"def first_line(path):\n    return 'line 0'\n").passed


def test_time_limit_follows_the_reference_cost(add, monkeypatch):
    from mltrail.grading import grader
    from mltrail.grading.grader import MIN_TIME_S, time_limit

    assert time_limit(add, 0.001) == MIN_TIME_S
    assert MIN_TIME_S < time_limit(add, 0.02) <= add.manifest.limits.time_s
    assert time_limit(add, 60.0) == add.manifest.limits.time_s
    # the reference's cost is timed, and a loaded machine times it slower: given one cost, the
    # job's limit is the one derived from it, far below the exercise's own
    monkeypatch.setattr(grader, "_reference_cost", lambda key: 0.001)
    verdict = grade(add, "import time\ntime.sleep(10)\ndef add(a, b):\n    return a + b\n")
    assert verdict.status == "timeout" and "within 0.5 s" in verdict.message, verdict.message
    monkeypatch.setattr(grader, "_reference_cost", lambda key: 0.02)
    verdict = grade(add, "import time\ntime.sleep(10)\ndef add(a, b):\n    return a + b\n")
    assert verdict.status == "timeout" and f"within {time_limit(add, 0.02):.2g} s" in verdict.message, verdict.message


@pytest.mark.parametrize("body", [
    "from collections import Counter\ndef word_counts(text):\n    return Counter(text.lower().split())\n",
    "from collections import defaultdict\ndef word_counts(text):\n    counts = defaultdict(int)\n"
    "    for word in text.lower().split():\n        counts[word] += 1\n    return counts\n",
])
def test_a_counter_or_defaultdict_passes_where_a_dict_is_asked_for(body):
    exercise = load_curriculum().exercise("python/word-counts")
    assert grade_source(exercise, body, seed=2).passed


def test_scikit_learn_in_the_sandbox_prints_no_warning_of_the_sandbox_s_own(add):
    code = (
        "import numpy as np\nfrom joblib import Parallel, delayed\nfrom sklearn.ensemble import RandomForestRegressor\n"
        "X = np.random.default_rng(0).normal(size=(40, 3))\n"
        "RandomForestRegressor(n_estimators=4, n_jobs=2).fit(X, X[:, 0])\n"
        "Parallel(n_jobs=2)(delayed(abs)(-i) for i in range(4))\n"
        "def add(a, b):\n    return a + b\n"
    )
    verdict = grade(add, code)
    assert verdict.passed and verdict.output == ""


def test_a_failing_file_case_shows_the_file_it_read():
    exercise = load_curriculum().exercise("python/csv-column-mean")
    verdict = grade_source(exercise, "def column_mean(path, column):\n    return -1.0\n", seed=3)
    failure = verdict.first_failure
    assert verdict.status == "failed" and failure.files
    (name, text), = failure.files.items()
    assert name in str(failure.input) and text.startswith("x\n")
    assert failure.to_json()["files"] == {name: text}
    from mltrail.cli.render import verdict_panel
    from rich.console import Console

    console = Console(width=120, record=True)
    console.print(verdict_panel(verdict))
    shown = console.export_text()
    assert f"file {name}" in shown and "x" in shown.split(f"file {name}", 1)[1]


def test_a_submission_importing_what_the_sandbox_has_not_loaded_gets_time_for_the_import(add):
    from mltrail.grading.grader import IMPORT_ALLOWANCE_S, imports_beyond_preload, time_limit

    assert not imports_beyond_preload("import numpy as np\nfrom sklearn.linear_model import Ridge\nimport math, json\n")
    assert imports_beyond_preload("import networkx as nx\n")
    assert imports_beyond_preload("def f():\n    from sklearn.neighbors import KNeighborsClassifier\n")
    assert not imports_beyond_preload("def broken(:\n")
    plain = time_limit(add, 0.001, "def add(a, b):\n    return a + b\n")
    assert time_limit(add, 0.001, "import networkx\ndef add(a, b):\n    return a + b\n") == plain + IMPORT_ALLOWANCE_S
