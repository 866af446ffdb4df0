"""Commands about the machine and the store: `doctor` and `db upgrade`."""

from __future__ import annotations

import json

import typer

from mltrail.cli.common import Failure, JsonOption, _app, _run, _state


def doctor(ctx: typer.Context, as_json: bool = JsonOption) -> None:
    """Check this machine: Python, packages, store, content and every sandbox layer."""

    def body():
        from rich.markup import escape

        from mltrail.cli.render import console

        app, _ = _app(ctx)
        results = [check.to_json() for check in app.doctor()]
        if as_json:
            print(json.dumps(results))
        else:
            out = console()
            marks = {"ok": "[green]ok[/]", "warning": "[yellow]missing[/]", "error": "[red]FAIL[/]"}
            for row in results:
                out.print(f"{marks[row['status']]:>20}  [bold]{escape(row['check'])}[/]: {escape(row['detail'])}")
            missing = [r for r in results if r["status"] == "warning" and r["check"].startswith("sandbox")]
            if missing:
                out.print(f"[yellow]warning:[/] {len(missing)} sandbox layers are missing on this host; "
                          "do not grade code from people you do not trust here.")
        if any(r["status"] == "error" for r in results):
            raise typer.Exit(1)

    _run(body)


def db_upgrade(ctx: typer.Context) -> None:
    """Bring the store's schema up to date (every command also does it once at start-up)."""

    def body():
        from mltrail.service import App, Settings

        try:
            settings = Settings.resolve(home=_state(ctx).get("home"))
        except ValueError as exc:
            raise Failure(str(exc)) from None
        before, after = App(settings).upgrade_store()
        where = settings.home / "mltrail.db"
        print(f"{where}: schema already at {after}" if before == after else f"{where}: schema {before or 'none'} -> {after}")

    _run(body)


def register(app: typer.Typer) -> None:
    """Add `doctor` and the `db` group to the `mltrail` command."""
    app.command("doctor")(doctor)
    db_app = typer.Typer(help="The store where attempts and events are kept.", no_args_is_help=True)
    db_app.command("upgrade")(db_upgrade)
    app.add_typer(db_app, name="db")
