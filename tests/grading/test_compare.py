"""The default comparison: strict where confusion is a real mistake, tolerant on floats."""

from __future__ import annotations

import numpy as np
import pytest

from mltrail.sandbox.codec import SELF, Iterated
from mltrail.grading.compare import common_mistake, compare_values


@pytest.mark.parametrize(
    "expected, got",
    [
        (3, 3), (3, 3.0), (0.1 + 0.2, 0.3), (float("nan"), float("nan")), ("a", "a"), (None, None),
        ([1, 2], (1, 2)), ({"a": [1.0]}, {"a": [1.0000000001]}), ({1, 2}, {2, 1}),
        (np.array([[1.0, 2.0]]), [[1.0, 2.0]]), (Iterated([1, 2]), Iterated([1, 2])), (SELF, SELF), (True, True),
    ],
)
def test_equal_values_match(expected, got):
    assert compare_values(expected, got) is None


@pytest.mark.parametrize(
    "expected, got, fragment",
    [
        (True, 1, "expected True or False"),
        (1, True, "expected a number"),
        (3, 4, "expected 3, got 4"),
        (0.5, 0.51, "expected 0.5"),
        ("a", "A", "expected 'a'"),
        ([1, 2], [1, 2, 3], "expected 2 elements"),
        ({"a": 1}, {"b": 1}, "key 'a' is missing"),
        (np.zeros((2, 3)), np.zeros((3, 2)), "expected shape (2, 3)"),
        (np.array([1.0, 2.0]), np.array([1.0, 2.5]), "at index 1"),
        (Iterated([1]), [1], "expected a generator"),
        (Iterated([1]), Iterated([1, 2], truncated=True), "did not stop"),
        ([1], None, "expected a list"),
        (None, 0, "expected None"),
    ],
)
def test_different_values_are_explained(expected, got, fragment):
    message = compare_values(expected, got)
    assert message is not None and fragment in message


def test_common_mistakes_are_named():
    assert "returned None" in common_mistake(None, {"x": [1]}, [2])
    assert "equal to the input `xs`: did you return it unchanged?" in common_mistake([3, 1], {"xs": [3, 1]}, [1, 3])
    assert common_mistake([1, 3], {"xs": [3, 1]}, [1, 2]) is None


def test_a_generator_returned_is_named_for_the_learner():
    from mltrail.sandbox.codec import Iterated

    message = compare_values([1, 2], Iterated([1, 2]))
    assert "got a generator" in message and "Iterated" not in message
    assert "got a generator" in compare_values({"a": 1}, Iterated([("a", 1)]))
    assert type(Iterated([])).__name__ == "generator"  # what checks that print type(got).__name__ show
