"""`mltrail placement`: test out of what you know, so the coach starts where you are."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable, List, Optional

import typer

from mltrail.cli.common import Failure, JsonOption, _app, _read_source, _run

HELP = """Test out of what you know: an adaptive placement test over the skill graph.

Each question is the one that tells the coach most (a right answer is evidence for what the
skill builds on, a wrong one against what builds on it); the test stops when the coach is
confident about every skill in scope, or after --max questions. The result seeds your
mastery, so `mltrail next` starts where you are.

Answer a choice with its letter (b), several with letters (a, c), a number or an expression
as asked; "?" or an empty answer means "I don't know". Some skills have no quiz item: the
test then offers a function exercise, which you may skip (a skip counts as "don't know").

Without a terminal (scripts, tests), answers are read instead of asked:

\b
  --answers FILE   a JSON object {item_id: answer}, e.g. {"python/quiz#q3": "b"}; for a
                   function exercise (item id "module/exercise") the answer is the path of
                   your .py file, relative to FILE's folder. A question not in FILE is a
                   "don't know".

\b
  stdin            one line per question, in the order asked ("?" or empty: don't know; a
                   function exercise's line is the path of your .py file); the test ends
                   when the input does.

With --json, the questions go to stderr and stdout holds one JSON object: skills (the
p_known stored, for the skills some answer told about), beliefs (every skill in scope),
known, to_learn, questions (item, correct, skipped), stop and next.
"""

AnswerSource = Callable[[object, int], Optional[str]]  # (question, number) -> text, None: end of input


def _quiz_prompt(out, item, number: int, budget: int, titles: str) -> str:
    from rich.markup import escape

    out.print(f"\n[bold]Question {number}[/] (at most {budget}) · {escape(titles)}")
    out.print(escape(item.prompt), soft_wrap=True)
    if item.kind in ("choice", "multiple"):
        for index, choice in enumerate(item.choices):
            out.print(f"  [bold]{chr(ord('a') + index)})[/] {escape(choice)}", soft_wrap=True)
    return {"choice": "one letter", "multiple": "letters, e.g. a, c", "numeric": "a number",
            "expression": "an expression in " + ", ".join(getattr(item, "variables", []))}[item.kind]


def _function_prompt(out, exercise, number: int, budget: int, titles: str) -> None:
    from rich.markup import escape

    out.print(f"\n[bold]Question {number}[/] (at most {budget}, optional) · {escape(titles)}")
    out.print(f"No quiz item covers this skill. Write `{escape(exercise.entry or '')}` for the exercise "
              f"[bold]{escape(exercise.id)}[/] ({escape(exercise.title)}; `mltrail show {escape(exercise.id)}` "
              "prints its prompt) and give the path of your file, or press Enter to skip.", soft_wrap=True)


def _answers_from_file(path: Path) -> Callable:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise Failure(f"cannot read {path}: there is no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise Failure(f"cannot read {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise Failure(f"{path} is not JSON ({exc.msg}, line {exc.lineno}); write an object "
                      '{"module/quiz#q3": "b", ...}') from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, (str, int, float))
                                             for k, v in data.items()):
        raise Failure(f'{path} must hold one JSON object of item ids to answers, e.g. {{"python/quiz#q3": "b"}}')
    return lambda question, number: str(data.get(question.item.id, ""))


def _answers_from_lines(stream) -> Callable:
    def read(question, number):
        line = stream.readline()
        return None if line == "" else line.rstrip("\n")

    return read


def _answers_from_terminal(out) -> Callable:
    def read(question, number):
        try:
            return out.input("[bold]Your answer[/] (? = I don't know): ")
        except EOFError:
            return None

    return read


def _function_source(text: str, base: Path) -> bytes | None:
    if text.strip() in ("", "?"):
        return None
    path = Path(text.strip()).expanduser()
    return _read_source(path if path.is_absolute() else base / path)


def _ask_all(app, learner, placement, read, out, base: Path) -> None:
    from rich.markup import escape

    from mltrail.service import coach_placement as service

    graph = app.skill_graph
    while True:
        question = placement.next_question()
        if question is None:
            return
        number = len(placement.answers) + 1
        titles = ", ".join(graph.skills[s].title for s in question.item.skills)
        if question.item.kind == "quiz":
            _quiz_prompt(out, service.quiz_item(app, question), number, placement.max_questions, titles)
        else:
            _function_prompt(out, app.exercise(question.item.exercise), number, placement.max_questions, titles)
        text = read(question, number)
        if text is None:
            out.print("\n[yellow]No more answers: the test stops here.[/]")
            return
        if question.item.kind == "quiz":
            correct = service.grade_quiz_answer(app, learner, question, text)
        else:
            correct = service.grade_function_answer(app, learner, question, _function_source(text, base))
        service.record_answer(app, learner, placement, question, correct)
        word = {True: "[green]right[/]", False: "[red]not right[/]", None: "[yellow]don't know[/]"}[correct]
        out.print(f"{word} · {escape(question.item.id)}")


def _summary(out, graph, outcome) -> None:
    from rich.markup import escape

    out.print(f"\n[bold]Placed as known[/] ({len(outcome.known)}):", soft_wrap=True)
    if outcome.known:
        out.print("  " + escape(", ".join(graph.skills[s].title for s in outcome.known)), soft_wrap=True)
    out.print(f"[bold]To learn[/] ({len(outcome.to_learn)}):", soft_wrap=True)
    if outcome.to_learn:
        shown = outcome.to_learn[:12]
        more = f" and {len(outcome.to_learn) - len(shown)} more (`mltrail path`)" if len(outcome.to_learn) > 12 else ""
        out.print("  " + escape(", ".join(graph.skills[s].title for s in shown)) + more, soft_wrap=True)
    step = outcome.next_step
    if step is not None and step.exercise is not None:
        out.print(f"\n[bold]Next:[/] {escape(step.exercise.id)} — {escape(step.reason)}. "
                  f"Run `mltrail next`.", soft_wrap=True)


def placement(ctx: typer.Context,
              module: Optional[List[str]] = typer.Option(None, "--module", help="Only the skills of this module "
                                                         "(repeatable; default: every skill)."),
              max_questions: int = typer.Option(20, "--max", help="Ask at most this many questions."),
              answers: Optional[Path] = typer.Option(None, "--answers", help="Read answers from this JSON file "
                                                     "{item_id: answer} instead of asking (see above)."),
              as_json: bool = JsonOption) -> None:
    def body():
        from mltrail.cli.render import console
        from mltrail.service import coach_placement as service

        if max_questions < 1:
            raise Failure(f"--max must be at least 1, got {max_questions}")
        from_file = _answers_from_file(answers) if answers is not None else None  # a bad file fails first
        app, learner = _app(ctx)
        try:
            test = service.start(app, learner, module, max_questions)
        except ValueError as exc:
            raise Failure(str(exc)) from None
        out = console(stderr=as_json)
        if from_file is not None:
            read, base = from_file, answers.resolve().parent
        elif sys.stdin.isatty():
            read, base = _answers_from_terminal(out), Path.cwd()
        else:
            read, base = _answers_from_lines(sys.stdin), Path.cwd()
        _ask_all(app, learner, test, read, out, base)
        outcome = service.finish(app, learner, test, module)
        if as_json:
            print(json.dumps(outcome.to_json(), ensure_ascii=False))
        else:
            _summary(out, app.skill_graph, outcome)

    _run(body)


placement.__doc__ = HELP


def register(app: typer.Typer) -> None:
    """Add `placement` to the `mltrail` command."""
    app.command("placement", help=HELP)(placement)
