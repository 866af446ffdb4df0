"""The `mltrail` command: a thin shell over `mltrail.service`.

Heavy modules (numpy, the grader, the store) are imported inside commands, so
`mltrail --help` stays fast.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(
    name="mltrail",
    help="mltrail: a self-hostable, offline-first learning path to machine learning engineering.\n\n"
    "Start with `mltrail init` to make a workspace, then `mltrail next` and `mltrail check`.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
content_app = typer.Typer(help="Tools for course authors: check content, print the schema.", no_args_is_help=True)
app.add_typer(content_app, name="content")

from mltrail.cli.common import (  # noqa: F401  (Failure and _fail are part of the CLI's surface)
    ContentOption,
    Failure,
    HomeOption,
    JsonOption,
    NoSandboxOption,
    _fail,
    _run,
    _app,
    _init_workspace,
    _read_source,
    _workspace,
    _state,
    _warn_about_sandbox,
)

@app.callback()
def main_options(
    ctx: typer.Context,
    home: Optional[Path] = HomeOption,
    content: Optional[List[Path]] = ContentOption,
    no_sandbox: bool = NoSandboxOption,
) -> None:
    state = _state(ctx)
    state.update(home=home, content=content, no_sandbox=no_sandbox)
    ctx.call_on_close(lambda: state["app"].close() if "app" in state else None)


@app.command()
def init(ctx: typer.Context, directory: Path = typer.Argument(Path("mltrail-workspace"), help="Folder to create."),
         persona: Optional[str] = typer.Option(None, "--persona", help="Who you are (a persona id of personas.toml): "
                                               "sets your goal role and pace. In a terminal, init asks.")) -> None:
    """Create a workspace: one file per exercise from its starter, grouped by module; and say who you are."""

    def body():
        from rich.markup import escape

        from mltrail.cli.coach_careers import ask_persona
        from mltrail.cli.render import console

        app, learner = _app(ctx)
        if persona is not None:
            from mltrail.service.coach_profile import persona as find_persona

            find_persona(app, persona)  # an unknown id fails before anything is made
        if app.curriculum.problems:
            console(stderr=True).print(f"[yellow]warning:[/] the content has {len(app.curriculum.problems)} problems; run `mltrail content check`.")
        try:
            created, kept = _init_workspace(app, directory)
        except ValueError as exc:
            raise Failure(f"cannot make a workspace in {directory}: {exc}") from None
        out = console()
        where = escape(str(directory))
        out.print(f"Workspace ready in [bold]{where}[/]: {len(created)} exercise files created, {len(kept)} kept as they were.")
        ask_persona(app, learner, persona)
        out.print(f"Next: [cyan]cd {where}[/] and run [cyan]mltrail next[/].")

    _run(body)


@app.command("list")
def list_exercises(ctx: typer.Context, as_json: bool = JsonOption) -> None:
    """List every exercise in path order."""

    def body():
        app, learner = _app(ctx)
        rows = [row.to_json() for row in app.exercises()]
        if as_json:
            print(json.dumps(rows, ensure_ascii=False))
            return
        from mltrail.cli.render import console, exercise_table

        out = console()
        out.print(exercise_table(rows, app.passed_ids(learner), out.width), soft_wrap=True)

    _run(body)


@app.command("next")
def next_step(ctx: typer.Context, as_json: bool = JsonOption) -> None:
    """Show the next exercise to work on, and the lesson to read first."""

    def body():
        from rich.markup import escape

        from mltrail.cli.render import console, markdown

        app, learner = _app(ctx)
        step = app.next_step(learner)
        exercise = step.exercise
        out = console()
        if exercise is None:
            if as_json:
                print(json.dumps({"exercise": None, "reviews_due": step.reviews_due}))
            else:
                out.print("[green]You have passed every exercise. Well done![/]")
            return
        lesson = app.lesson_to_read(learner, exercise)
        path = None
        try:
            path = _workspace().file_for(exercise)
        except Failure:
            pass
        if as_json:
            print(json.dumps({"exercise": exercise.id, "title": exercise.title, "file": str(path) if path else None,
                              "lesson": lesson.id if lesson else None, "skill": step.skill, "why": step.reason,
                              "reviews_due": step.reviews_due}))
            return
        if step.reviews_due:
            out.print(f"[yellow]{step.reviews_due} review(s) due first:[/] run [cyan]mltrail review[/] "
                      "(a few minutes keeps what you mastered from fading).")
        out.rule(f"[bold]{escape(exercise.title)}[/]  ({exercise.id})")
        out.print(f"[dim]Why this one: {escape(step.reason)}. (mltrail path shows the whole map.)[/]")
        if lesson is not None:
            out.print(f"Read first: [cyan]mltrail lesson {lesson.id}[/]  ({escape(lesson.title)}, {lesson.meta.minutes} min)")
        out.print(markdown(exercise.prompt))
        if path is not None:
            out.print(f"Edit [bold]{escape(str(path))}[/], then run [cyan]mltrail check[/] (or keep [cyan]mltrail watch[/] running).")
        else:
            out.print(f"Grade a file with [cyan]mltrail grade {exercise.id} FILE[/], or make a workspace with [cyan]mltrail init[/].")

    _run(body)


def _print_verdict(verdict, exercise) -> None:
    from mltrail.cli.render import console, quiz_table, verdict_panel

    out = console()
    out.print(verdict_panel(verdict))
    if exercise.kind == "quiz" and verdict.cases:
        out.print(quiz_table(verdict))
    if not verdict.passed:
        out.print(f"Stuck? [cyan]mltrail hint {exercise.id}[/]")


@app.command()
def check(
    ctx: typer.Context,
    exercise_id: Optional[str] = typer.Argument(None, metavar="[ID]", help="Exercise id; default: the next one."),
    as_json: bool = JsonOption,
) -> None:
    """Grade your workspace file for an exercise and record the attempt."""

    def body():
        app, learner = _app(ctx, in_workspace=True)
        workspace = _workspace()
        _warn_about_sandbox(app)
        app.regrade_stale(learner)
        exercise = app.exercise(exercise_id) if exercise_id else app.next_exercise(learner)
        if exercise is None:
            from mltrail.cli.render import console

            console().print("[green]You have passed every exercise.[/] Name one to check it again: mltrail check ID")
            return
        path = workspace.file_for(exercise)
        if not path.exists():
            raise Failure(f"{path} does not exist; run `mltrail init {workspace.root}` to add missing files")
        verdict = app.grade(learner, exercise.id, _read_source(path))
        if as_json:
            print(json.dumps(verdict.to_json(), ensure_ascii=False))
        else:
            _print_verdict(verdict, exercise)
            missing = [] if verdict.passed else app.missing_first(learner, exercise.id)
            if missing:
                from rich.markup import escape

                from mltrail.cli.render import console

                titles = ", ".join(f"{s} ({app.skill_graph.skills[s].title})" for s in missing[:4])
                more = f" and {len(missing) - 4} more" if len(missing) > 4 else ""
                console().print(f"[yellow]This exercise builds on skills the coach has not seen you master yet:[/] "
                                f"{escape(titles)}{more}. `mltrail path` shows where they are.", soft_wrap=True)
            if verdict.passed:
                following = app.next_exercise(learner)
                if following is not None:
                    from mltrail.cli.render import console

                    console().print(f"Next: [cyan]{following.id}[/] — run [cyan]mltrail next[/].")
        if not verdict.passed:
            raise typer.Exit(1)

    _run(body)


@app.command()
def grade(
    ctx: typer.Context,
    exercise_id: str = typer.Argument(..., metavar="ID"),
    file: Path = typer.Argument(..., help="The Python file to grade."),
    as_json: bool = JsonOption,
    seed: Optional[int] = typer.Option(None, help="Reproduce a verdict with its seed."),
    no_record: bool = typer.Option(False, "--no-record", help="Do not record the attempt (progress stays as it is)."),
) -> None:
    """Grade any file against an exercise, without a workspace, and record the attempt (unless --no-record).

    Exit 0 whenever a verdict is given.
    """

    def body():
        app, learner = _app(ctx)
        exercise = app.exercise(exercise_id)
        _warn_about_sandbox(app)
        verdict = app.grade(learner, exercise.id, _read_source(file), record=not no_record, seed=seed)
        if as_json:
            print(json.dumps(verdict.to_json(), ensure_ascii=False))
        else:
            _print_verdict(verdict, exercise)

    _run(body)


@app.command()
def watch(ctx: typer.Context) -> None:
    """Re-grade the current exercise every time you save; move on when it passes.

    While it runs, `check` and `grade` of the same home (in another terminal) run their
    jobs in its warm sandbox instead of starting a fresh one.
    """

    def body():
        from rich.markup import escape
        from watchfiles import watch as watch_files

        from mltrail.cli.render import console

        app, learner = _app(ctx, in_workspace=True)
        app.use_pool()  # warm zygotes: every save is graded in milliseconds
        app.serve_pool()  # and one-shot `check` / `grade` of this home use them too
        workspace = _workspace()
        _warn_about_sandbox(app)
        out = console()
        exercise = app.next_exercise(learner)

        def announce(ex) -> None:
            done = len(app.passed_ids(learner))
            total = len(app.curriculum.exercises())
            out.rule(f"[bold]{escape(ex.title)}[/] ({ex.id}) · {done}/{total} passed")
            out.print(f"Edit [bold]{escape(str(workspace.file_for(ex)))}[/] and save; Ctrl-C to stop.", highlight=False)

        if exercise is None:
            out.print("[green]You have passed every exercise.[/]")
            return
        announce(exercise)
        try:
            for changes in watch_files(workspace.root, debounce=150, step=50):
                target = workspace.file_for(exercise).resolve()
                if not any(Path(p).resolve() == target for _, p in changes):
                    continue
                verdict = app.grade(learner, exercise.id, _read_source(target))
                _print_verdict(verdict, exercise)
                if verdict.passed:
                    exercise = app.next_exercise(learner)
                    if exercise is None:
                        out.print("[green]You have passed every exercise. Well done![/]")
                        return
                    announce(exercise)
        except KeyboardInterrupt:
            out.print("Stopped watching.")

    _run(body)


@app.command()
def hint(ctx: typer.Context, exercise_id: Optional[str] = typer.Argument(None, metavar="[ID]")) -> None:
    """Show the next hint of the ladder for an exercise (default: the next one)."""

    def body():
        from rich.markup import escape

        from mltrail.cli.render import console

        app, learner = _app(ctx)
        exercise = app.exercise(exercise_id) if exercise_id else app.next_exercise(learner)
        if exercise is None:
            raise Failure("there is no next exercise; name one: mltrail hint ID")
        step = app.hint(learner, exercise.id)
        out = console()
        for number, text in enumerate(step.shown, start=1):
            style = "bold cyan" if number == len(step.shown) else "dim"
            out.print(f"[{style}]Hint {number}/{step.total}:[/] {escape(text)}")
        if len(step.shown) == step.total:
            out.print(f"That was the last hint. The solution: [cyan]mltrail solution {exercise.id}[/] once you pass.")

    _run(body)


@app.command()
def solution(
    ctx: typer.Context,
    exercise_id: str = typer.Argument(..., metavar="ID"),
    reveal: bool = typer.Option(False, "--reveal", help="Show it before passing (recorded)."),
) -> None:
    """Show the reference solution, after you pass (or with --reveal)."""

    def body():
        from mltrail.cli.render import code

        app, learner = _app(ctx)
        code(app.solution(learner, exercise_id, reveal=reveal))

    _run(body)


@app.command()
def progress(ctx: typer.Context, as_json: bool = JsonOption) -> None:
    """How far you are: exercises passed per module, lessons read, hints taken."""

    def body():
        from mltrail.cli.render import console, progress_view

        app, learner = _app(ctx)
        data = app.progress(learner).to_json()
        if as_json:
            print(json.dumps(data, ensure_ascii=False))
            return
        following = app.next_exercise(learner)
        console().print(progress_view(data, f"{following.title} ({following.id})" if following else None))

    _run(body)


@app.command()
def lessons(ctx: typer.Context, module: Optional[str] = typer.Argument(None)) -> None:
    """List the lessons (of one module, or all)."""

    def body():
        from mltrail.cli.render import console, lesson_table

        app, learner = _app(ctx)
        read = app.lessons_read(learner)
        shown = [lesson for lesson in app.curriculum.lessons() if module is None or lesson.module == module]
        out = console()
        out.print(lesson_table(shown, read, out.width), soft_wrap=True)

    _run(body)


@app.command()
def lesson(
    ctx: typer.Context,
    lesson_id: str = typer.Argument(..., metavar="ID"),
    as_html: bool = typer.Option(False, "--html", help="Write the lesson as a local HTML page, with its figures, and print its path."),
    open_page: bool = typer.Option(False, "--open", help="With --html: open the page in the web browser."),
) -> None:
    """Read a lesson in the terminal, or as a local HTML page with --html (recorded as read)."""

    def body():
        from mltrail.cli.render import console, markdown

        app, learner = _app(ctx)
        found = app.lesson(learner, lesson_id)
        if not as_html:
            if open_page:
                raise Failure("--open opens the HTML page: use it with --html")
            console().print(markdown(found.body, base=found.path.parent))
            return
        import webbrowser

        from mltrail.cli.lesson_html import write_lesson_page

        page = write_lesson_page(found, Path(app.settings.home) / "lessons")
        print(page)
        if open_page:
            webbrowser.open(page.resolve().as_uri())

    _run(body)


from mltrail.cli.admin import register as _register_admin_commands  # noqa: E402

_register_admin_commands(app)

from mltrail.cli.author import register as _register_author_commands  # noqa: E402
from mltrail.cli.coach import register as _register_coach_commands  # noqa: E402

_register_author_commands(app, content_app)
_register_coach_commands(app)

from mltrail.cli.web import register as _register_web_commands  # noqa: E402

_register_web_commands(app)

from mltrail.cli.portability import register as _register_portability_commands  # noqa: E402

_register_portability_commands(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
