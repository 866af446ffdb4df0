"""Quizzes, graded item by item (the learner's file itself is written by curriculum.quiz_file).

The learner's file is Python (`q1 = "b"`) and runs only in the sandbox. An
expression answer is evaluated there at points drawn here; the reference
expression is the author's (trusted) text, evaluated here at the same points.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from mltrail.curriculum.loader import Exercise
from mltrail.curriculum.quiz_file import LETTERS
from mltrail.curriculum.schema import ChoiceItem, ExpressionItem, MultipleItem
from mltrail.sandbox import codec, process as sandbox
from mltrail.sandbox.runner import evaluate_expression
from mltrail.grading.grader import job_limits, library_needs, not_run_verdict, time_limit
from mltrail.sandbox.reply import AnswerReply, Ran
from mltrail.grading.verdict import CaseResult, Verdict, cap_text, display

POINTS = 8


def _points(item: ExpressionItem, rng: np.random.Generator) -> list[list[float]]:
    low, high = item.domain
    if item.integers:
        draw = lambda: rng.integers(math.ceil(low), math.floor(high) + 1, size=len(item.variables))  # noqa: E731
    else:
        draw = lambda: rng.uniform(low, high, size=len(item.variables))  # noqa: E731
    return [[float(v) for v in draw()] for _ in range(POINTS)]


def _letters(value: Any) -> set[str] | None:
    if isinstance(value, str):
        parts = value.replace(",", " ").split()
    elif type(value) in (list, tuple, set):
        parts = list(value)
    else:
        return None
    if not all(isinstance(p, str) for p in parts):
        return None
    return {p.strip().strip("()").lower() for p in parts}


def _judge_item(item, answer: AnswerReply, expected_values: list[float | None] | None) -> str | None:
    """None if correct, else a message (never revealing the right answer)."""
    if answer.missing:
        return f"`{item.id}` is not in your file"
    if answer.error is not None:
        return f"your answer could not be read: {answer.error}"
    if isinstance(item, ExpressionItem):
        got = answer.values
        if got is None:
            return "write the expression as a string, e.g. \"2*x + 1\""
        if len(got) != len(expected_values):
            return "your answer could not be read: the sandbox sent back the wrong number of values"
        for value, want in zip(got, expected_values):
            if value is None or want is None:
                if value is not want:
                    return "your expression gives different values"
            elif not math.isclose(value, want, rel_tol=item.tolerance, abs_tol=item.tolerance):
                return "your expression gives different values"
        return None
    try:
        value = codec.decode((answer.ok or "").encode("utf-8"), 1 << 20)
    except codec.CodecError as exc:
        return f"your answer could not be read: {exc}"
    if value is None:
        return "not answered yet"
    if isinstance(item, ChoiceItem):
        letters = _letters(value)
        if not letters or len(letters) != 1:
            return f"answer with one letter between a and {LETTERS[len(item.choices) - 1]}"
        return None if letters == {item.answer} else f"{next(iter(letters))!r} is not the right choice"
    if isinstance(item, MultipleItem):
        letters = _letters(value)
        if letters is None:
            return 'answer with a list of letters, e.g. ["a", "c"]'
        return None if letters == set(item.answer) else "not the right set of choices"
    if type(value) is str:
        try:
            value = float(value)
        except ValueError:
            return "answer with a number"
    if type(value) not in (int, float):
        return "answer with a number"
    return None if abs(float(value) - item.answer) <= item.tolerance else f"{display(value)} is not correct"


def judge_answer(item, answer: AnswerReply | None, expected_values: list[float | None] | None) -> str | None:
    """None if the answer is right, else a message; whatever the learner's file holds, never raises."""
    if answer is None:
        return "no answer came back"
    try:
        return _judge_item(item, answer, expected_values)
    except Exception as exc:  # e.g. an int too large for a float: a wrong answer, said as such
        return cap_text(f"your answer could not be read ({type(exc).__name__}: {exc})", 300)


def grade_quiz(exercise: Exercise, text: str, seed: int, runner: sandbox.Sandbox, tenant: str = "",
               only: set[str] | None = None) -> Verdict:
    """Grade a learner's quiz file; with `only`, just those items (placement and reviews ask one at a time)."""
    rng = np.random.default_rng(seed)
    items = [item for item in exercise.manifest.items if only is None or item.id in only]
    specs, expected = [], {}
    for item in items:
        spec = {"id": item.id, "kind": item.kind}
        if isinstance(item, ExpressionItem):
            spec.update(variables=item.variables, points=_points(item, rng))
            expected[item.id] = evaluate_expression(item.answer, item.variables, spec["points"])
        specs.append(spec)
    time_s = time_limit(exercise, 0.0)  # reading a few names and evaluating expressions
    request = {
        "mode": "quiz",
        "code": text,
        "items": specs,
        "limits": job_limits(exercise, time_s),
        "max_bytes": 1 << 20,
        "needs": library_needs(text),
    }
    run = runner.run(request, time_s, tenant)
    if not isinstance(run.reply, Ran):
        return not_run_verdict(exercise, run, seed, time_s)
    answers = run.reply.answers or {}
    outcomes = []
    position = {item.id: index for index, item in enumerate(exercise.manifest.items)}
    for item in items:
        index = position[item.id]  # the item's place in the quiz, also when only some are asked
        answer = answers.get(item.id)
        message = judge_answer(item, answer, expected.get(item.id))
        outcomes.append(CaseResult(
            index=index, passed=message is None, hidden=False, label=item.id, input=item.prompt,
            message=item.explanation if message is None else message,
        ))
    right = sum(c.passed for c in outcomes)
    if right == len(items):
        return Verdict(exercise.id, "passed", f"All {len(items)} answers are right.", outcomes, seed=seed, output=run.output)
    wrong = ", ".join(c.label for c in outcomes if not c.passed)
    return Verdict(exercise.id, "failed", f"{right} of {len(items)} answers are right; look again at {wrong}.", outcomes, seed=seed, output=run.output)


def answer_items(exercise: Exercise, answers: dict[str, str], runner: sandbox.Sandbox, tenant: str = "",
                 seed: int | None = None) -> Verdict:
    """Grade answers typed one by one (placement, reviews): item id -> the text the learner typed.

    The text becomes a string literal in a quiz file (`q3 = '5'`), graded like any quiz file, in
    the sandbox: a number typed for a numeric item, letters for a choice ("b", or "a, c"), an
    expression for an expression item. Unknown item ids are a ValueError naming the valid ones.
    """
    import secrets

    known = {item.id for item in exercise.manifest.items}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise ValueError(f"{exercise.id} has no item {', '.join(unknown)}; its items are {', '.join(sorted(known))}")
    text = "".join(f"{item_id} = {str(answer)!r}\n" for item_id, answer in answers.items())
    seed = secrets.randbits(32) if seed is None else seed
    return grade_quiz(exercise, text, seed, runner, tenant, only=set(answers))
