"""`mltrail serve` (the web app) and `mltrail admin` (accounts of the multi-user mode)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from mltrail.cli.common import Failure, JsonOption, _app, _run, _state

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (personal mode: loopback only)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    home: Optional[Path] = typer.Option(None, "--home", help="Where mltrail keeps its data (as the global --home)."),
    multi_user: Optional[bool] = typer.Option(
        None, "--multi-user/--personal",
        help="Accounts, sign-in and teams (default: [web] multi_user in <home>/mltrail.toml, else personal)."),
    open_browser: Optional[bool] = typer.Option(None, "--open/--no-open", help="Open the dashboard in a browser "
                                                "(default: when run in a terminal, personal mode)."),
    allow_weak_sandbox: bool = typer.Option(
        False, "--allow-weak-sandbox",
        help="Multi-user mode even though this host lacks a confinement layer (each is named at start-up)."),
) -> None:
    """Serve the web app: the dashboard, skill map, lessons, exercises with an editor, the coach.

    Personal mode (the default) is one local learner with no sign-in, on 127.0.0.1 only.
    Multi-user mode has accounts (create the first admin with `mltrail admin create-user`),
    teams for leads, and an admin page; it grades every learner's code in the full sandbox.
    """
    if home is not None:
        _state(ctx)["home"] = home

    def body():
        import uvicorn

        from mltrail.cli.render import console
        from mltrail.service.accounts import WebOptions
        from mltrail.service.errors import Invalid

        app, _learner = _app(ctx)
        out = console(stderr=True)
        try:
            options = WebOptions.load(app.settings.home)
        except Invalid as exc:
            raise Failure(str(exc)) from None
        multi = options.multi_user if multi_user is None else multi_user
        if not multi and host not in LOOPBACK:
            raise Failure(f"personal mode serves on loopback only, not {host}: it has no sign-in. "
                          "Use --multi-user to serve other people (accounts, sessions, CSRF protection).")
        if multi:
            if app.settings.sandbox == "none":
                raise Failure("--no-sandbox cannot be used with --multi-user: other people's code must run confined.")
            missing = app.sandbox_warnings()
            if missing and not allow_weak_sandbox:
                raise Failure("multi-user mode needs every confinement layer; this host lacks: "
                              + "; ".join(missing) + ". Fix the host (`mltrail doctor`), or pass "
                              "--allow-weak-sandbox to accept the risk.")
            for warning in missing:
                out.print(f"[yellow]warning:[/] {warning}")
        app.use_pool()
        from mltrail.web.server import create_app

        web = create_app(app, options, multi_user=multi)
        with out.status("Starting the grader (warm sandboxed interpreters)…"):
            # every warm interpreter is started before the first request: started in the
            # background instead, they took the CPU from the first learners' pages for seconds
            ready = getattr(app.sandbox, "wait_ready", None)
            if callable(ready):
                ready()
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{shown}:{port}/"
        out.print(f"mltrail is serving on [bold]{url}[/] ({'multi-user' if multi else 'personal'} mode). "
                  "Press Ctrl-C to stop.")
        if multi:
            from mltrail.service.accounts import Accounts

            if Accounts(app).rows.count_accounts() == 0:
                out.print("No accounts yet: create the first admin with "
                          "[bold]mltrail admin create-user NAME --role admin[/].")
        wants_browser = open_browser if open_browser is not None else (not multi and sys.stdout.isatty())
        if wants_browser:
            import threading
            import webbrowser

            threading.Timer(1.0, lambda: webbrowser.open(url)).start()
        import gc

        # What is loaded by now (the course, the skill graph, the libraries) lives as long as the
        # server: kept out of the collector's full passes, which otherwise walked it all and
        # paused every request for 0.2 to 0.4 s a few times a minute under load.
        gc.collect()
        gc.freeze()
        try:
            uvicorn.run(web, host=host, port=port, log_level="warning", access_log=False, workers=1)
        finally:
            app.close()

    _run(body)


admin_app = typer.Typer(help="Accounts of the web app's multi-user mode.", no_args_is_help=True)


def _accounts(ctx):
    from mltrail.service.accounts import Accounts

    app, _learner = _app(ctx)
    return Accounts(app)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        raise Failure("no terminal to ask the password on: pass --password-stdin and pipe it in")
    first = typer.prompt("Password (at least 10 characters)", hide_input=True)
    second = typer.prompt("Again", hide_input=True)
    if first != second:
        raise Failure("the two passwords differ; nothing was created")
    return first


def _words(exc) -> str:
    from mltrail.service.errors import Conflict, Invalid

    if isinstance(exc, Invalid):
        return f"{exc.ident}: {exc.problem}"
    if isinstance(exc, Conflict):
        return f"{exc.what}: {exc.detail}"
    return str(exc)


@admin_app.command("create-user")
def create_user(
    ctx: typer.Context,
    username: str = typer.Argument(..., help="2 to 32 characters: lower-case letters, digits, '.', '_', '-'."),
    role: str = typer.Option("learner", "--role", help="learner, lead or admin."),
    display_name: str = typer.Option("", "--name", help="The name shown to others (default: the username)."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
    as_json: bool = JsonOption,
) -> None:
    """Create an account (the first admin of a multi-user server, or anyone later)."""

    def body():
        from mltrail.service.errors import ServiceError

        accounts = _accounts(ctx)
        password = _read_password(password_stdin)
        try:
            account = accounts.create_user(username, password, display_name, role)
        except ServiceError as exc:
            raise Failure(_words(exc)) from None
        if as_json:
            print(json.dumps(account.public()))
        else:
            print(f"Created {account.role} '{account.username}'.")

    _run(body)


@admin_app.command("users")
def users(ctx: typer.Context, as_json: bool = JsonOption) -> None:
    """List the accounts."""

    def body():
        rows = [a.public() for a in _accounts(ctx).rows.accounts()]
        if as_json:
            print(json.dumps(rows))
            return
        if not rows:
            print("No accounts yet. `mltrail admin create-user NAME --role admin` makes the first admin.")
        for row in rows:
            print(f"{row['username']:<32} {row['role']:<8} {'active' if row['active'] else 'disabled':<8} {row['display_name']}")

    _run(body)


@admin_app.command("set-role")
def set_role(ctx: typer.Context, username: str = typer.Argument(...),
             role: str = typer.Argument(..., help="learner, lead or admin.")) -> None:
    """Change an account's role (from the server's own shell: no sign-in needed)."""

    def body():
        from mltrail.service.accounts import ROLES

        accounts = _accounts(ctx)
        found = accounts.rows.by_username(username.strip().lower())
        if found is None:
            names = [a.username for a in accounts.rows.accounts()]
            raise Failure(f"no account '{username}'" + (f"; the accounts are {', '.join(names[:20])}" if names else ""))
        if role not in ROLES:
            raise Failure(f"role must be one of {', '.join(ROLES)}, not {role!r}")
        accounts.rows.update_account(found.id, role=role)
        print(f"'{found.username}' is now {role}.")

    _run(body)


@admin_app.command("invite")
def invite(ctx: typer.Context,
           role: str = typer.Option("learner", "--role", help="The role of whoever signs up with it."),
           uses: int = typer.Option(1, "--uses", help="How many sign-ups it allows (1-1000)."),
           days: int = typer.Option(14, "--days", help="Days until it expires (1-365)."),
           as_json: bool = JsonOption) -> None:
    """Make a sign-up invite code (for registration = "invite")."""

    def body():
        from mltrail.service.errors import ServiceError
        from mltrail.store.accounts import AccountRecord
        from datetime import datetime, timezone

        accounts = _accounts(ctx)
        console_admin = AccountRecord(0, 0, "admin-cli", "admin-cli", "admin", True, datetime.now(timezone.utc))
        try:
            code = accounts.create_invite(console_admin, role, uses, days)
        except ServiceError as exc:
            raise Failure(_words(exc)) from None
        if as_json:
            print(json.dumps({"code": code, "role": role, "uses": uses, "days": days}))
        else:
            print(f"Invite code: {code}  ({role}, {uses} use{'s' if uses != 1 else ''}, {days} days)")

    _run(body)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(admin_app, name="admin")
