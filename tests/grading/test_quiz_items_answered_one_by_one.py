"""answer_items: the answers a learner types one at a time (placement, reviews), graded in the sandbox."""

from __future__ import annotations

import pytest

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.quiz import answer_items
from mltrail.sandbox.pool import ZygotePool

QUIZ = load_curriculum().exercise("calculus/quiz")


@pytest.fixture(scope="module")
def pool():
    with ZygotePool(size=1) as pool:
        yield pool


def right_answer(item) -> str:
    if item.kind == "multiple":
        return ", ".join(item.answer)
    return str(item.answer)


def test_right_answers_pass_and_keep_their_place_in_the_quiz(pool):
    items = QUIZ.manifest.items
    chosen = items[1::3]
    verdict = answer_items(QUIZ, {item.id: right_answer(item) for item in chosen}, pool)
    assert verdict.passed, verdict.message
    assert [case.index for case in verdict.cases] == [items.index(item) for item in chosen]
    assert [case.label for case in verdict.cases] == [item.id for item in chosen]


def test_a_wrong_or_hostile_answer_fails_as_a_string(pool):
    item = QUIZ.manifest.items[0]
    wrong = next(letter for letter in "abcd" if letter != getattr(item, "answer", "a"))
    assert answer_items(QUIZ, {item.id: wrong}, pool).status == "failed"
    hostile = "b'); import os; os.system('echo owned"  # stays one string literal in the file
    verdict = answer_items(QUIZ, {item.id: hostile}, pool)
    assert verdict.status == "failed" and "owned" not in verdict.output


def test_an_unknown_item_is_named_with_the_valid_ones(pool):
    with pytest.raises(ValueError, match="has no item nope; its items are"):
        answer_items(QUIZ, {"nope": "a"}, pool)
