"""What every mltrail command shares: options, the App, and one way to fail."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

HomeOption = typer.Option(None, "--home", help="Where mltrail keeps its data (default: MLTRAIL_HOME or the user data dir).")
ContentOption = typer.Option(None, "--content", help="An extra course directory (repeatable; also MLTRAIL_CONTENT).")
JsonOption = typer.Option(False, "--json", help="Print JSON for scripts instead of text.")
NoSandboxOption = typer.Option(
    False, "--no-sandbox", help="Run learner code UNCONFINED (authors' debugging only; never for others' code)."
)


class Failure(Exception):
    """A user-facing error: printed on one line to stderr, exit code 2."""


def _state(ctx: typer.Context) -> dict:
    return ctx.ensure_object(dict)


def _app(ctx: typer.Context, content: Optional[List[Path]] = None, in_workspace: bool = False):
    """The App of this command and the learner it acts for (from --home, --content, the workspace)."""
    from mltrail.service import App, Settings

    state = _state(ctx)
    dirs = list(state.get("content") or []) + list(content or [])
    if in_workspace or not dirs:
        from mltrail.workspace import Workspace

        try:
            found = Workspace.find(Path.cwd().resolve())
        except ValueError as exc:
            raise Failure(str(exc)) from None
        if found is not None:
            dirs += [d for d in found.content_dirs if d not in dirs]
    try:
        settings = Settings.resolve(home=state.get("home"), content=dirs, sandbox="none" if state.get("no_sandbox") else None)
    except ValueError as exc:
        raise Failure(str(exc)) from None
    app = App.open(settings)
    if settings.sandbox == "none":
        from mltrail.cli.render import console

        console(stderr=True).print(
            "[bold red]WARNING: the sandbox is OFF.[/] Learner code runs unconfined, with your rights. "
            "Use this only to debug your own content."
        )
    state["app"] = app
    return app, settings.learner


def _workspace(start: Path | None = None):
    """The workspace this command runs in; a Failure that says how to make one otherwise."""
    from mltrail.workspace import Workspace

    try:
        found = Workspace.find((start or Path.cwd()).resolve())
    except ValueError as exc:
        raise Failure(str(exc)) from None
    if found is None:
        raise Failure("This folder is not inside an mltrail workspace. Run `mltrail init DIR` first, then `cd DIR`.")
    return found


def _init_workspace(app, root: Path) -> tuple[list[Path], list[Path]]:
    from mltrail.workspace import init_workspace

    return init_workspace(root, app.curriculum, app.settings.content_dirs)


def _read_source(path: Path) -> bytes:
    """The bytes of a file to grade; a Failure that says why it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise Failure(f"cannot read {path}: there is no such file") from None
    except IsADirectoryError:
        raise Failure(f"cannot read {path}: it is a folder; give the path of your .py file") from None
    except OSError as exc:
        raise Failure(f"cannot read {path}: {exc.strerror or exc}") from None


def _warn_about_sandbox(app) -> None:
    """Before grading: name every confinement layer this host lacks."""
    from rich.markup import escape

    from mltrail.cli.render import console

    if app.settings.sandbox == "none":
        return  # already said loudly when the App was made
    for warning in app.sandbox_warnings():
        console(stderr=True).print(f"[yellow]warning:[/] {escape(warning)}")


def _fail(message: str) -> None:
    from mltrail.cli.render import console

    from rich.markup import escape

    console(stderr=True).print(f"[red]error:[/] {escape(message)}", soft_wrap=True)
    raise typer.Exit(2)


def describe(error: Exception) -> str:
    """The CLI's words for a typed error of the engine."""
    from mltrail.service import Conflict, Forbidden, Invalid, NotFound

    if isinstance(error, NotFound) and error.kind == "lesson":
        return f"Unknown lesson '{error.ident}'. `mltrail lessons` lists them."
    if isinstance(error, NotFound):
        close = error.suggestions
        return f"Unknown {error.kind} '{error.ident}'." + (
            f" Did you mean {', '.join(close)}?" if close else " `mltrail list` shows them all.")
    if isinstance(error, Invalid):
        return f"{error.ident} does not load: {error.problem}; run `mltrail content check`"
    if isinstance(error, Forbidden) and error.action == "solution":
        return (f"You have not passed {error.ident} yet. Try `mltrail hint {error.ident}`, "
                f"or use `mltrail solution {error.ident} --reveal` to see it anyway (this is recorded).")
    if isinstance(error, Conflict):
        return f"{error.what}: {error.detail}"
    return str(error)


def _run(action):
    """Run a command body, turning user errors into a one-line message and exit code 2."""
    from mltrail.service import ServiceError

    try:
        return action()
    except Failure as exc:
        _fail(str(exc))
    except ServiceError as exc:
        _fail(describe(exc))
