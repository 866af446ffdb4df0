"""A quiz as the learner's Python file: every question as a comment, then its answer line.

Pure text from the exercise's items, so the workspace and the author's preview can
write it without the grader.
"""

from __future__ import annotations

import textwrap
from typing import Any

from mltrail.curriculum.schema import ChoiceItem, MultipleItem, NumericItem

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _comment(text: str, width: int = 88) -> list[str]:
    lines = []
    for paragraph in text.strip().splitlines():
        wrapped = textwrap.wrap(paragraph, width - 2) or [""]
        lines.extend(f"# {line}".rstrip() for line in wrapped)
    return lines


def _how_to_answer(item) -> str:
    if isinstance(item, ChoiceItem):
        return f'one letter, e.g. {item.id} = "a"'
    if isinstance(item, MultipleItem):
        return f'a list of every right letter, e.g. {item.id} = ["a", "c"]'
    if isinstance(item, NumericItem):
        return f"a number, e.g. {item.id} = 0.5"
    whole = " (whole numbers)" if item.integers else ""
    return (f'an expression in {", ".join(item.variables)}{whole} as a string, e.g. {item.id} = "2*{item.variables[0]} + 1"; '
            "use + - * / // ** (or ^), parentheses, sqrt exp log sin cos tan abs, pi and e")


def quiz_file(exercise, answers: dict[str, Any] | None = None) -> str:
    """The learner's quiz file: every question as a comment, then its answer line."""
    lines = [f'"""{exercise.title}: answer each question by setting its variable."""', ""]
    for item in exercise.manifest.items:
        lines.append(f"# --- {item.id} ({item.kind}) ---")
        lines.extend(_comment(item.prompt))
        for letter, choice in zip(LETTERS, getattr(item, "choices", [])):
            lines.extend(_comment(f"  ({letter}) {choice}"))
        lines.append(f"# Answer with {_how_to_answer(item)}.")
        value = None if answers is None else answers[item.id]
        lines.append(f"{item.id} = {value!r}")
        lines.append("")
    return "\n".join(lines)


def reference_answers(exercise) -> dict[str, Any]:
    """The author's answers, item id -> value as the learner would write it."""
    answers: dict[str, Any] = {}
    for item in exercise.manifest.items:
        if isinstance(item, NumericItem):
            answers[item.id] = int(item.answer) if float(item.answer).is_integer() else item.answer
        else:
            answers[item.id] = item.answer
    return answers


def solution_file(exercise) -> str:
    """The quiz file filled in with the reference answers."""
    return quiz_file(exercise, reference_answers(exercise))
