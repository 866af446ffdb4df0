"""Commands for course authors: `content check [ID]`, `content schema` and `show ID`.

Thin: the gate, the one-exercise report and the preview live in `mltrail.authoring`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from mltrail.cli.common import Failure, JsonOption, _app, _run, _state, _warn_about_sandbox


def content_check(
    ctx: typer.Context,
    exercise_id: Optional[str] = typer.Argument(None, metavar="[ID]", help="Check one exercise, with a verbose report."),
    content: Optional[List[Path]] = typer.Option(None, "--content", help="Check this course directory (repeatable)."),
    no_grading: bool = typer.Option(False, "--no-grading", help="Only the static checks; skip grading."),
    as_json: bool = JsonOption,
) -> None:
    """The author's gate: schema, ids, cycles, skills, files, hints, and solutions/starters graded."""

    def body():
        dirs = list(_state(ctx).get("content") or []) + list(content or [])
        for directory in dirs:
            if not directory.is_dir():
                raise Failure(f"content directory {directory} does not exist")
        app, learner = _app(ctx, content=content)
        if not no_grading:
            app.use_pool()
            _warn_about_sandbox(app)
        if exercise_id is not None:
            _check_one(app, exercise_id, grade=not no_grading, as_json=as_json)
        else:
            _check_all(app, dirs, grade=not no_grading, as_json=as_json)

    _run(body)


def _check_all(app, dirs: list[Path], grade: bool, as_json: bool) -> None:
    from rich.markup import escape
    from rich.progress import Progress

    from mltrail.authoring.content_check import check_content, skipped
    from mltrail.cli.render import console

    err = console(stderr=True)
    with Progress(console=err, transient=True, disable=as_json or not err.is_terminal) as bar:
        task = bar.add_task("grading solutions, starters and mistakes", total=None)
        curriculum, problems = check_content(
            dirs, only_custom=bool(dirs), grade=grade,
            on_progress=lambda done, total: bar.update(task, completed=done, total=total),
            runner=app.sandbox if grade else None,
        )
    checked = {m.id for m in curriculum.modules if not dirs or any(
        m.path.resolve().is_relative_to(Path(d).resolve()) for d in dirs)}
    not_graded = skipped(curriculum, checked) if grade else []
    if as_json:
        print(json.dumps({"ok": not problems, "problems": [
            {"path": str(p.path), "field": p.field, "message": p.message} for p in problems],
            "skipped": [{"exercise": ex.id, "reason": reason} for ex, reason in not_graded]}))
    else:
        out = console()
        for problem in problems:
            out.print(f"[red]✗[/] {escape(str(problem))}", soft_wrap=True)
        for exercise, reason in not_graded:
            out.print(f"[yellow]–[/] {escape(exercise.id)}: not graded here: it {escape(reason)}", soft_wrap=True)
        exercises = len(curriculum.exercises())
        if problems:
            out.print(f"[red]{len(problems)} problem(s)[/] in {len(curriculum.modules)} modules, {exercises} exercises.")
        else:
            out.print(f"[green]Content OK:[/] {len(curriculum.modules)} modules, {len(curriculum.lessons())} lessons, {exercises} exercises.")
    if problems:
        raise typer.Exit(1)


def _check_one(app, exercise_id: str, grade: bool, as_json: bool) -> None:
    from mltrail.authoring.report import exercise_report
    from mltrail.cli.render import console, exercise_report_view

    exercise = app.exercise(exercise_id)
    report = exercise_report(app.curriculum, exercise, runner=app.sandbox if grade else None, grade=grade)
    if as_json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        console().print(exercise_report_view(report), soft_wrap=True)
    if not report.ok:
        raise typer.Exit(1)


def content_figures(
    ctx: typer.Context,
    content: Optional[List[Path]] = typer.Option(None, "--content", help="Only this course directory (repeatable)."),
    check: bool = typer.Option(False, "--check", help="Change nothing; exit 1 naming every figure that is out of date."),
) -> None:
    """Run every lesson figure script (lessons/figures/*.py) and write its figure, or --check them."""

    def body():
        from rich.markup import escape
        from rich.progress import Progress

        from mltrail.authoring.figures import build_figures, module_scripts, stale_figures
        from mltrail.cli.render import console

        dirs = list(_state(ctx).get("content") or []) + list(content or [])
        for directory in dirs:
            if not directory.is_dir():
                raise Failure(f"content directory {directory} does not exist")
        scripts = module_scripts(dirs, only_custom=bool(dirs))
        err, out = console(stderr=True), console()
        with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("checking figures" if check else "making figures", total=len(scripts))
            report = (stale_figures if check else build_figures)(
                scripts, on_progress=lambda done, total: bar.update(task, completed=done, total=total))
        for problem in report.problems:
            out.print(f"[red]✗[/] {escape(str(problem))}", soft_wrap=True)
        if check:
            for figure in report.stale:
                out.print(f"[red]✗[/] {escape(str(figure))}: out of date; run `mltrail content figures` "
                          "and commit the figure", soft_wrap=True)
            if report.problems or report.stale:
                out.print(f"[red]{len(report.stale)} stale figure(s), {len(report.problems)} failing script(s)[/] "
                          f"of {len(scripts)}.")
                raise typer.Exit(1)
            out.print(f"[green]Figures up to date:[/] {len(scripts)} scripts.")
            return
        for figure in report.stale:
            out.print(f"wrote {escape(str(figure))}", soft_wrap=True)
        if report.problems:
            out.print(f"[red]{len(report.problems)} failing script(s)[/] of {len(scripts)}.")
            raise typer.Exit(1)
        out.print(f"[green]Figures made:[/] {len(scripts)} scripts, {len(report.stale)} figure(s) changed.")

    _run(body)


def content_schema() -> None:
    """Print the content schema (module.toml, exercise.toml, lesson front matter) as JSON Schema."""
    from mltrail.authoring.schema_export import content_schema as build

    print(json.dumps(build(), indent=2))


def show(
    ctx: typer.Context,
    exercise_id: str = typer.Argument(..., metavar="ID"),
    as_json: bool = JsonOption,
) -> None:
    """Preview an exercise as a learner sees it: prompt, workspace file, hints, lesson to read."""

    def body():
        from mltrail.authoring.preview import preview
        from mltrail.cli.render import code, console, preview_head

        app, learner = _app(ctx)
        seen = preview(app.curriculum, app.exercise(exercise_id))
        if as_json:
            print(json.dumps(seen.to_json(), ensure_ascii=False))
            return
        out = console()
        for part in preview_head(seen):
            out.print(part)
        code(seen.file_text)

    _run(body)


def register(app: typer.Typer, content_app: typer.Typer) -> None:
    """Add the authors' commands to the `mltrail` command."""
    content_app.command("check")(content_check)
    content_app.command("schema")(content_schema)
    content_app.command("figures")(content_figures)
    app.command("show")(show)
