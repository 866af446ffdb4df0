"""`mltrail review` (due reviews of mastered skills) and `mltrail coach fit` (refit the mastery model)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from mltrail.cli.common import Failure, JsonOption, _app, _run

KIND_HELP = {
    "choice": "one letter",
    "multiple": "letters, e.g. a, c",
    "numeric": "a number",
    "expression": "an expression, e.g. 2*x + 1",
}


def _read_answers(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise Failure(f"cannot read {path}: there is no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Failure(f"{path}: not a JSON file ({exc}); write an object {{\"module/quiz#q3\": \"b\", ...}}") from None
    if not isinstance(data, dict) or not all(isinstance(v, (str, int, float)) for v in data.values()):
        raise Failure(f"{path}: write one JSON object mapping each quiz item id to the answer text, "
                      "e.g. {\"python/quiz#q1\": \"b\"}")
    return {str(k): str(v) for k, v in data.items()}


def _exercise_file(app, exercise_id: str) -> str:
    from mltrail.workspace import Workspace, workspace_path

    relative = workspace_path(app.exercise(exercise_id))
    try:
        found = Workspace.find(Path.cwd().resolve())
    except ValueError:
        found = None
    return str(found.root / relative) if found is not None else f"{relative} (in your workspace)"


def _ask(out, app, learner: str, review) -> dict | None:
    """Ask one due review on the terminal; the answer's JSON, or None if skipped."""
    from rich.markup import escape

    from mltrail.curriculum.quiz_file import LETTERS
    from mltrail.service.coach_reviews import answer_review, quiz_item

    title = app.skill_graph.skills[review.skill].title
    out.print(f"\n[bold]{escape(title)}[/] ({escape(review.skill)}), due {review.due:%Y-%m-%d}")
    if review.item.item is None:
        path = _exercise_file(app, review.item.exercise)
        out.print(f"  Solve [bold]{escape(review.item.exercise)}[/] again in {escape(path)},\n"
                  f"  then run `mltrail check {escape(review.item.exercise)}`; that attempt is the review.")
        return None
    _, _, content = quiz_item(app, review.item.id)
    out.print(f"  {escape(content.prompt)}")
    for letter, choice in zip(LETTERS, getattr(content, "choices", [])):
        out.print(f"    ({letter}) {escape(choice)}")
    try:
        text = input(f"  Your answer ({KIND_HELP.get(content.kind, 'text')}; empty to skip): ").strip()
    except EOFError:
        return None
    if not text:
        return None
    result = answer_review(app, learner, review.skill, review.item.id, text)
    mark = "[green]right[/]" if result.correct else "[red]not right[/]"
    out.print(f"  {mark}: {escape(result.message)}")
    if result.next_due:
        out.print(f"  next review of this skill: {result.next_due:%Y-%m-%d}")
    return result.to_json()


def review(ctx: typer.Context, as_json: bool = JsonOption,
           limit: int = typer.Option(None, "--limit", min=1, help="Ask at most this many reviews."),
           answers: Path = typer.Option(None, "--answers", help="A JSON file {\"module/quiz#q3\": \"b\", ...}: "
                                        "answer these due quiz items without asking (for scripts).")) -> None:
    """Review mastered skills when FSRS says they are due, most overdue first.

    A quiz item is asked here and graded at once; for a skill without quiz items you are
    shown the exercise file to solve again and `mltrail check`. Each answer reschedules the
    skill (wrong: soon; right after a hint: a little later; right: later still). With
    --json and no --answers, nothing is asked: the due reviews are listed ("due" counts them).
    """

    def body():
        from mltrail.service.coach_reviews import answer_review, review_queue

        app, learner = _app(ctx)
        queue = review_queue(app, learner, limit=limit)
        answered = []
        if answers is not None:
            given = _read_answers(answers)
            due_items = {r.item.id: r for r in queue.reviews if r.item.item is not None}
            unknown = sorted(set(given) - set(due_items))
            if unknown:
                raise Failure(f"{answers}: {', '.join(unknown)} is not a quiz item due for review now; "
                              f"due: {', '.join(due_items) or 'none'}")
            answered = [answer_review(app, learner, due_items[i].skill, i, text).to_json() for i, text in given.items()]
        if as_json:
            print(json.dumps(dict(queue.to_json(), **({"answered": answered} if answers is not None else {}))))
            return
        _print_queue(app, learner, queue, answered, interactive=answers is None)

    _run(body)


def _print_queue(app, learner: str, queue, answered: list[dict], interactive: bool) -> None:
    from rich.markup import escape

    from mltrail.cli.render import console

    out = console()
    later = f"; next one due {queue.next_due:%Y-%m-%d %H:%M} UTC" if queue.next_due else ""
    out.print(f"{queue.due} review{'s' if queue.due != 1 else ''} due ({queue.cards} mastered skills scheduled){later}")
    for row in answered:
        mark = "[green]right[/]" if row["correct"] else "[red]not right[/]"
        out.print(f"  {escape(row['item'])}: {mark} ({row['rating']}): {escape(row['message'])}")
    if interactive:
        asked: set[str] = set()
        for review in queue.reviews:
            if review.item.id not in asked:  # an item practising two due skills reviews both at once
                asked.add(review.item.id)
                _ask(out, app, learner, review)


def fit(ctx: typer.Context, as_json: bool = JsonOption,
        min_sequences: int = typer.Option(30, "--min-sequences", min=1,
                                          help="Fit a skill on its own from this many (learner, skill) sequences; "
                                               "thinner skills are pooled per difficulty.")) -> None:
    """Re-estimate the mastery model (BKT) by EM from every learner's stored answers.

    One sequence per learner and skill; a skill with enough sequences gets its own
    parameters, the rest are pooled per exercise difficulty, and thinner pools keep the
    defaults. Also fitted: how strongly a right answer counts for the skills it builds on
    (the strength, 0 to 1, that best predicts the learners' next answers; 0.4 until fitted).
    The result replaces the previous fit in the store. Prints, per key, the fitted values,
    the sequences used and the log-likelihood gain over the defaults, and the strength.
    """

    def body():
        from mltrail.service.coach_reviews import fit_params

        app, _ = _app(ctx)
        report = fit_params(app, min_sequences=min_sequences)
        if as_json:
            print(json.dumps(report.to_json()))
            return
        _print_fit(report)

    _run(body)


def _print_fit(report) -> None:
    from rich.table import Table

    from mltrail.cli.render import console

    out = console()
    out.print(f"{report.learners} learners; a key needs {report.min_sequences} sequences to be fitted")
    if report.fitted:
        table = Table(box=None, header_style="bold")
        for name in ("key", "prior", "learn", "guess", "slip", "forget", "seqs", "loglik", "gain"):
            table.add_column(name, justify="left" if name == "key" else "right", no_wrap=name == "key")
        for row in report.fitted:
            p = row.params
            table.add_row(row.key, *(f"{getattr(p, n):.3f}" for n in ("prior", "learn", "guess", "slip", "forget")),
                          str(row.sequences), f"{row.log_likelihood:.1f}", f"{row.gain:+.1f}")
        out.print(table)
    else:
        out.print("Nothing fitted: too few answers yet; the defaults stay in use.")
    for key, count in report.kept_defaults.items():
        out.print(f"{key}: {count} sequences, defaults kept")
    spread = report.propagation
    if spread is not None:
        tried = ", ".join(f"{strength:g}: {total:.1f}" for strength, total in spread.log_likelihoods.items())
        out.print(f"Spreading to prerequisites: strength {spread.strength:g} (log-likelihood of {spread.answers} "
                  f"answers per strength tried: {tried})")
    else:
        out.print("Spreading to prerequisites: no answers to fit it on; the default strength stays in use.")


def register(app: typer.Typer) -> None:
    """Add `review` and the `coach` group (`coach fit`) to the `mltrail` command."""
    app.command("review")(review)
    coach_app = typer.Typer(help="The coach's model: refit it from the stored answers.", no_args_is_help=True)
    coach_app.command("fit")(fit)
    app.add_typer(coach_app, name="coach")
