"""What every mltrail command shares: options, the service, and one way to fail."""

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


def _service(ctx: typer.Context, content: Optional[List[Path]] = None, in_workspace: bool = False):
    from mltrail.config import Settings
    from mltrail.service import Service

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
    service = Service(settings)
    if settings.sandbox == "none":
        from mltrail.cli.render import console

        console(stderr=True).print(
            "[bold red]WARNING: the sandbox is OFF.[/] Learner code runs unconfined, with your rights. "
            "Use this only to debug your own content."
        )
    _state(ctx)["service"] = service
    return service


def _warn_about_sandbox(service) -> None:
    """Before grading: name every confinement layer this host lacks."""
    from rich.markup import escape

    from mltrail.cli.render import console

    if service.settings.sandbox == "none":
        return  # already said loudly when the service was made
    for warning in service.sandbox_warnings():
        console(stderr=True).print(f"[yellow]warning:[/] {escape(warning)}")


def _fail(message: str) -> None:
    from mltrail.cli.render import console

    from rich.markup import escape

    console(stderr=True).print(f"[red]error:[/] {escape(message)}", soft_wrap=True)
    raise typer.Exit(2)


def _run(action):
    """Run a command body, turning user errors into a one-line message and exit code 2."""
    from mltrail.service import UserError

    try:
        return action()
    except (UserError, Failure) as exc:
        _fail(str(exc))
