"""What an exercise may demand beyond values: forbidden calls, expected exceptions, unchanged inputs.

Each requirement is tested both ways: a submission that honours it passes, one that breaks
it fails with a message naming what it broke, and switching the declaration off lets the
same breaking submission pass (so it is the declaration that catches it, not something else).
"""

from __future__ import annotations

import textwrap

import pytest
from conftest import write

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.contract import Raises, raises
from mltrail.grading.forbidden import forbidden_uses
from mltrail.grading.grader import ContentError, build_cases, grade_source

TOML = """
title = "{title}"
kind = "function"
entry = "{entry}"
skills = ["adding"]
difficulty = 1
minutes = 2
hints = ["A first hint.", "A second hint."]
{extra}
"""


def exercise_folder(course, name, entry, solution, check, extra="", mistakes=None):
    folder = course / "modules" / "tiny" / "exercises" / name
    write(folder / "exercise.toml", TOML.format(title=name, entry=entry, extra=extra))
    write(folder / "prompt.md", f"Write `{entry}`.\n")
    write(folder / "starter.py", f"def {entry}(*args, **kwargs):\n    return None\n")
    write(folder / "solution.py", solution)
    write(folder / "check.py", check)
    for mistake, code in (mistakes or {}).items():
        write(folder / "mistakes" / f"{mistake}.py", code)
        write(folder / "mistakes" / f"{mistake}.md", f"The {mistake} mistake, explained to the learner in a sentence or two.")
    return folder


def grade(exercise, code, seed=3):
    return grade_source(exercise, textwrap.dedent(code), seed=seed)


# --- forbidden calls -------------------------------------------------------------------

DET_SOLUTION = """
def determinant(a):
    (p, q), (r, s) = a
    return p * s - q * r
"""
DET_CHECK = """
def cases(rng):
    yield {"a": [[1.0, 2.0], [3.0, 4.0]]}
    for _ in range(20):
        yield {"a": rng.normal(size=(2, 2)).tolist()}
"""


@pytest.fixture
def determinant(tiny_course):
    exercise_folder(tiny_course, "determinant", "determinant", DET_SOLUTION, DET_CHECK,
                    extra='forbid = ["numpy.linalg.det", "scipy.linalg.det"]')
    return load_curriculum([tiny_course]).exercise("tiny/determinant")


SHORTCUTS = {
    "alias": "import numpy as np\ndef determinant(a):\n    return float(np.linalg.det(a))\n",
    "from-import": "from numpy.linalg import det\ndef determinant(a):\n    return float(det(a))\n",
    "renamed": "from numpy.linalg import det as d\ndef determinant(a):\n    return float(d(a))\n",
    "module-alias": "import numpy.linalg as la\ndef determinant(a):\n    return float(la.det(a))\n",
    "submodule": "from numpy import linalg\ndef determinant(a):\n    return float(linalg.det(a))\n",
    "private-path": "import numpy\ndef determinant(a):\n    return float(numpy.linalg._linalg.det(a))\n",
    "import-inside": "def determinant(a):\n    import numpy\n    f = numpy.linalg.det\n    return float(f(a))\n",
    "scipy": "from scipy import linalg\ndef determinant(a):\n    return float(linalg.det(a))\n",
    "getattr-literal": "import numpy as np\ndef determinant(a):\n    return float(getattr(np.linalg, 'det')(a))\n",
    "getattr-built": "import numpy as np\ndef determinant(a):\n    return float(getattr(np.linalg, 'de' + 't')(a))\n",
    "dunder-import": "def determinant(a):\n    return float(__import__('numpy').linalg.det(a))\n",
    "importlib": "import importlib\ndef determinant(a):\n    return float(importlib.import_module('numpy.linalg').det(a))\n",
    "sys-modules": "import sys, numpy\ndef determinant(a):\n    return float(sys.modules['numpy'].linalg.det(a))\n",
    "star": "from numpy.linalg import *\ndef determinant(a):\n    return float(det(a))\n",
    "eval": "def determinant(a):\n    return eval('__import__(\"numpy\").linalg.det(a)')\n",
}


@pytest.mark.parametrize("name", sorted(SHORTCUTS))
def test_every_way_to_reach_a_forbidden_call_is_refused(determinant, name):
    verdict = grade(determinant, SHORTCUTS[name])
    assert verdict.status == "failed", verdict.message
    assert not verdict.cases, "a forbidden call is refused before anything runs"
    assert "Line " in verdict.message


def test_the_message_names_the_call_and_its_line(determinant):
    verdict = grade(determinant, SHORTCUTS["alias"])
    assert "Line 3 uses `numpy.linalg.det`" in verdict.message
    assert "write that computation yourself" in verdict.message


def test_the_same_shortcuts_pass_without_the_declaration(tiny_course):
    exercise_folder(tiny_course, "determinant", "determinant", DET_SOLUTION, DET_CHECK)
    exercise = load_curriculum([tiny_course]).exercise("tiny/determinant")
    for name in ("alias", "from-import", "private-path", "scipy"):
        assert grade(exercise, SHORTCUTS[name]).status == "passed", name


def test_hand_written_code_passes_even_when_it_names_things_like_the_forbidden_call(determinant):
    code = """
        import numpy as np

        def det(m):  # the learner's own function, not numpy's
            return m[0][0] * m[1][1] - m[0][1] * m[1][0]

        def determinant(a):
            a = np.asarray(a, dtype=float)
            assert np.linalg.norm(a) >= 0  # other numpy.linalg functions stay allowed
            return float(det(a))
    """
    verdict = grade(determinant, code)
    assert verdict.status == "passed", verdict.message


def test_forbidden_uses_reads_the_tree_and_never_runs_it(tmp_path):
    marker = tmp_path / "ran"
    source = f"open({str(marker)!r}, 'w').write('x')\nimport numpy as np\nnp.linalg.det\n"
    uses = forbidden_uses(source, ["numpy.linalg.det"])
    assert [(u.name, u.line) for u in uses] == [("numpy.linalg.det", 3)]
    assert not marker.exists()
    assert forbidden_uses("def broken(:\n", ["numpy.linalg.det"]) == []  # the sandbox reports syntax errors
    assert forbidden_uses("import numpy as np\nnp.linalg.det\n", []) == []


def test_a_bad_forbid_entry_is_a_schema_error(tiny_course):
    exercise_folder(tiny_course, "determinant", "determinant", DET_SOLUTION, DET_CHECK, extra='forbid = ["numpy.linalg.det()"]')
    curriculum = load_curriculum([tiny_course])
    assert any("forbid" in str(problem) for problem in curriculum.problems)


# --- expected exceptions ---------------------------------------------------------------

ROOT_SOLUTION = """
import math

def root(x):
    if x < 0:
        raise ValueError(f"x must not be negative, got {x}")
    return math.sqrt(x)
"""
ROOT_CHECK = """
from mltrail.grading.contract import raises

def cases(rng):
    yield {"x": 4.0}
    yield raises({"x": -1.0}, ValueError, match="negative", label="a negative number")
    for _ in range(20):
        yield {"x": float(rng.uniform(0, 100))}
    yield raises({"x": float(-rng.uniform(1, 10))}, "ValueError", match="negative")
"""


@pytest.fixture
def root(tiny_course):
    exercise_folder(tiny_course, "root", "root", ROOT_SOLUTION, ROOT_CHECK, mistakes={
        "no-check": "import math\ndef root(x):\n    return math.sqrt(abs(x))\n"})
    return load_curriculum([tiny_course]).exercise("tiny/root")


def test_raising_the_expected_exception_passes_and_a_subclass_too(root):
    assert grade(root, ROOT_SOLUTION).status == "passed"
    subclass = """
        class NegativeInput(ValueError):
            pass

        def root(x):
            if x < 0:
                raise NegativeInput("negative input")
            return x ** 0.5
    """
    assert grade(root, subclass).status == "passed"


@pytest.mark.parametrize("code, says", [
    ("import math\ndef root(x):\n    return math.sqrt(abs(x))\n", "but it returned a value instead"),
    ("def root(x):\n    if x < 0:\n        return None\n    return x ** 0.5\n", "but it returned a value instead"),
    ("def root(x):\n    if x < 0:\n        raise TypeError('negative')\n    return x ** 0.5\n", "raised TypeError"),
    ("def root(x):\n    if x < 0:\n        raise ValueError('bad x')\n    return x ** 0.5\n", "does not match 'negative'"),
    ("import math\ndef root(x):\n    return math.sqrt(x)\n", "raised ValueError with the message 'math domain error'"),
])
def test_a_missing_wrong_or_badly_worded_exception_fails(root, code, says):
    verdict = grade(root, code)
    assert verdict.status == "failed"
    failing = [c for c in verdict.cases if not c.passed]
    assert [c.index for c in failing] == [1, len(verdict.cases) - 1]
    assert "expected your code to raises ValueError" not in failing[0].message
    assert failing[0].expected == "raises ValueError with a message matching 'negative'"
    assert says in failing[0].message, failing[0].message
    assert "Case 2 of 23 (a negative number) failed" in verdict.message


def test_a_recorded_mistake_is_named_on_an_exception_case(root):
    verdict = grade_source(root, "import math\ndef root(x):\n    return math.sqrt(abs(x))\n", seed=3)
    assert verdict.mistake is not None and verdict.mistake.name == "no-check"


def test_a_reference_that_does_not_raise_is_a_content_error(tiny_course):
    exercise_folder(tiny_course, "root", "root", "def root(x):\n    return abs(x) ** 0.5\n", ROOT_CHECK)
    exercise = load_curriculum([tiny_course]).exercise("tiny/root")
    with pytest.raises(ContentError, match="case 2: the case expects it to raise ValueError"):
        build_cases(exercise, seed=0)


def test_raises_refuses_what_is_not_an_exception():
    with pytest.raises(TypeError):
        raises({"x": 1}, int)
    with pytest.raises(TypeError):
        raises({"x": 1}, "not a name")
    assert raises({"x": 1}, KeyError).raises == Raises("KeyError", None)


SCALER_SOLUTION = """
class Scaler:
    def __init__(self, factor):
        if factor == 0:
            raise ValueError("factor must not be zero")
        self.factor = factor
        self.offset_ = None

    def fit(self, values):
        self.offset_ = min(values)
        return self

    def transform(self, values):
        if self.offset_ is None:
            raise RuntimeError("call fit before transform")
        return [(v - self.offset_) * self.factor for v in values]
"""
SCALER_CHECK = """
from mltrail.grading.contract import raises

def cases(rng):
    yield raises({"init": {"factor": 2}, "calls": [["transform", {"values": [1, 2]}]]}, RuntimeError, match="fit")
    yield raises({"init": {"factor": 0}, "calls": [["fit", {"values": [1, 2]}]]}, ValueError)
    for _ in range(20):
        values = [int(v) for v in rng.integers(-9, 9, size=4)]
        yield {"init": {"factor": int(rng.integers(1, 5))}, "calls": [["fit", {"values": values}], ["transform", {"values": values}]]}
"""


@pytest.fixture
def scaler(tiny_course):
    exercise_folder(tiny_course, "scaler", "Scaler", SCALER_SOLUTION, SCALER_CHECK)
    return load_curriculum([tiny_course]).exercise("tiny/scaler")


def test_a_class_must_raise_from_the_same_call_as_the_reference(scaler):
    assert grade(scaler, SCALER_SOLUTION).status == "passed"
    early = SCALER_SOLUTION.replace("        self.offset_ = None\n", "        self.offset_ = None\n        raise RuntimeError('fit me first')\n", 1)
    verdict = grade(scaler, early)
    assert verdict.status == "failed"
    assert "rather than from call 1 (`transform`)" in verdict.cases[0].message, verdict.cases[0].message


# --- inputs left unchanged -------------------------------------------------------------

SORT_SOLUTION = "def sorted_copy(values):\n    return sorted(values)\n"
SORT_CHECK = """
def cases(rng):
    yield {"values": [3, 1, 2]}
    for _ in range(20):
        yield {"values": [int(v) for v in rng.integers(-50, 50, size=int(rng.integers(2, 9)))]}
"""
IN_PLACE = "def sorted_copy(values):\n    values.sort()\n    return values\n"


def sort_exercise(course, unchanged=True, solution=SORT_SOLUTION):
    exercise_folder(course, "sorted-copy", "sorted_copy", solution, SORT_CHECK,
                    extra="inputs_unchanged = true" if unchanged else "",
                    mistakes={"sort-in-place": IN_PLACE, "reversed": "def sorted_copy(values):\n    return sorted(values)[::-1]\n"})
    return load_curriculum([course]).exercise("tiny/sorted-copy")


def test_modifying_an_input_fails_and_names_the_input_and_the_mistake(tiny_course):
    exercise = sort_exercise(tiny_course)
    assert grade(exercise, SORT_SOLUTION).status == "passed"
    assert grade(exercise, "def sorted_copy(values):\n    out = list(values)\n    out.sort()\n    return out\n").passed
    verdict = grade_source(exercise, IN_PLACE, seed=3)
    assert verdict.status == "failed"
    assert "your code modified its input (`values`)" in verdict.cases[0].message
    assert verdict.mistake is not None and verdict.mistake.name == "sort-in-place"


def test_modifying_an_input_is_allowed_where_the_exercise_does_not_forbid_it(tiny_course):
    assert grade(sort_exercise(tiny_course, unchanged=False), IN_PLACE).status == "passed"


def test_a_class_modifying_what_it_was_given_fails(tiny_course):
    code = SCALER_SOLUTION.replace("        self.offset_ = min(values)\n", "        values.sort()\n        self.offset_ = values[0]\n")
    exercise_folder(tiny_course, "scaler", "Scaler", SCALER_SOLUTION, SCALER_CHECK, extra="inputs_unchanged = true")
    exercise = load_curriculum([tiny_course]).exercise("tiny/scaler")
    assert grade(exercise, SCALER_SOLUTION).status == "passed"
    verdict = grade(exercise, code)
    assert verdict.status == "failed"
    assert "`values` of call 1 (fit)" in next(c for c in verdict.cases if not c.passed).message


def test_a_reference_that_modifies_its_inputs_is_refused_by_the_gate(tiny_course):
    from mltrail.authoring.content_check import check_content
    from mltrail.grading.grader import CHECK_REFERENCE

    exercise = sort_exercise(tiny_course, solution=IN_PLACE)
    token = CHECK_REFERENCE.set(True)
    try:
        with pytest.raises(ContentError, match="modified `values`"):
            build_cases(exercise, seed=0)
    finally:
        CHECK_REFERENCE.reset(token)
    build_cases(exercise, seed=0)  # a learner's grading does not pay for the reference's snapshots
    _, problems = check_content([tiny_course], only_custom=True)
    assert any("modified `values`" in str(p) for p in problems), problems


# --- the notes on common mistakes, beside a check's own messages -----------------------

ORDER_SOLUTION = """
def order(edges):
    return None if ["b", "a"] in edges else ["a", "b"]
"""
ORDER_CHECK = """
def cases(rng):
    yield {"edges": [["a", "b"]]}
    yield {"edges": [["a", "b"], ["b", "a"]]}

def compare(expected, got, case):
    if expected is None:
        return got is None or "this graph has a cycle: there is no order, return None"
    if got is None:
        return "this graph has no cycle: return an order of its nodes"
    return got == expected or f"expected {expected}"
"""
STEP_SOLUTION = """
def step(b):
    return [2 * x - 1 for x in b]
"""
STEP_CHECK = """
def cases(rng):
    yield {"b": [3.0]}
    for _ in range(3):
        yield {"b": [float(rng.integers(2, 9))]}
"""


def test_where_none_is_an_answer_the_checks_own_message_says_what_a_none_means(tiny_course):
    exercise_folder(tiny_course, "order", "order", ORDER_SOLUTION, ORDER_CHECK)
    exercise = load_curriculum([tiny_course]).exercise("tiny/order")
    assert grade(exercise, ORDER_SOLUTION).status == "passed"
    verdict = grade(exercise, "def order(edges):\n    return None\n")
    assert verdict.status == "failed"
    assert "this graph has no cycle" in verdict.message and "forget a `return`" not in verdict.message
    # a check that trips on None is not a message about None: the note stands
    lax = ORDER_CHECK.replace('    if got is None:\n        return "this graph has no cycle: return an order of its nodes"\n', "")
    assert lax != ORDER_CHECK
    exercise_folder(tiny_course, "order2", "order", ORDER_SOLUTION, lax.replace("got == expected", "list(got) == expected"))
    exercise = load_curriculum([tiny_course]).exercise("tiny/order2")
    assert grade(exercise, ORDER_SOLUTION).status == "passed"
    assert "forget a `return`" in grade(exercise, "def order(edges):\n    return None\n").message


def test_an_answer_equal_to_an_input_is_asked_about_and_the_comparison_still_shown(tiny_course):
    exercise_folder(tiny_course, "step", "step", STEP_SOLUTION, STEP_CHECK)
    exercise = load_curriculum([tiny_course]).exercise("tiny/step")
    assert grade(exercise, STEP_SOLUTION).status == "passed"
    # x + 1 - 1 computed, not returned unchanged: equal to b on every case by construction here
    verdict = grade(exercise, "def step(b):\n    return [x + 1 - 1 for x in b]\n")
    assert verdict.status == "failed"
    assert "equal to the input `b`: did you return it unchanged?" in verdict.message
    assert "expected 5.0, got 3.0" in verdict.message  # the comparison's own words follow


def test_a_recorded_mistake_is_named_on_an_exception_case_only_if_it_fails_it_the_same_way(tiny_course):
    # the learner raises KeyError where ValueError is asked for, and passes every other case
    learner = "def root(x):\n    if x < 0:\n        raise KeyError('negative')\n    return x ** 0.5\n"
    exercise_folder(tiny_course, "root", "root", ROOT_SOLUTION, ROOT_CHECK, mistakes={
        # raises what the case asks for (and is wrong elsewhere): not what this learner did
        "a-raises-right": "def root(x):\n    if x < 0:\n        raise ValueError('negative')\n    return x / 2\n",
        # raises another wrong type than the learner's
        "b-type-error": "def root(x):\n    if x < 0:\n        raise TypeError('negative')\n    return x ** 0.5\n",
        "c-key-error": "def root(x):\n    if x < 0:\n        raise KeyError('no such root')\n    return x ** 0.5\n"})
    exercise = load_curriculum([tiny_course]).exercise("tiny/root")
    verdict = grade_source(exercise, learner, seed=3)
    assert verdict.status == "failed" and verdict.mistake is not None
    assert verdict.mistake.name == "c-key-error"
    # without the one it is, none is named (before, the first to raise anything was)
    exercise_folder(tiny_course, "root2", "root", ROOT_SOLUTION, ROOT_CHECK, mistakes={
        "a-raises-right": "def root(x):\n    if x < 0:\n        raise ValueError('negative')\n    return x / 2\n",
        "b-type-error": "def root(x):\n    if x < 0:\n        raise TypeError('negative')\n    return x ** 0.5\n"})
    exercise = load_curriculum([tiny_course]).exercise("tiny/root2")
    verdict = grade_source(exercise, learner, seed=3)
    assert verdict.status == "failed" and verdict.mistake is None
