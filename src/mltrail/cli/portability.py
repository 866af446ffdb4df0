"""`mltrail export` and `mltrail import`: your progress as one JSON file, to move it between homes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from mltrail.cli.common import Failure, JsonOption, _app, _run


def export(ctx: typer.Context,
           file: Optional[Path] = typer.Argument(None, metavar="[FILE]", help="Where to write the file "
                                                 "(default: print it to standard output).")) -> None:
    """Write your progress as JSON: attempts (code, seed, status, times), lessons read, hints,
    placement, reviews and your profile. `mltrail import FILE` reads it into another home."""

    def body():
        from mltrail.service.portability import export_learner

        app, learner = _app(ctx)
        text = json.dumps(export_learner(app, learner), ensure_ascii=False, indent=1)
        if file is None:
            print(text)
            return
        try:
            file.write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise Failure(f"cannot write {file}: {exc.strerror or exc}") from None
        from mltrail.cli.render import console

        data = json.loads(text)
        console(stderr=True).print(f"Wrote {len(data['attempts'])} attempts and {len(data['events'])} other records "
                                   f"to {file}.", soft_wrap=True, markup=False)

    _run(body)


def import_(ctx: typer.Context,
            file: Path = typer.Argument(..., metavar="FILE", help="A file from `mltrail export` (or the web app's download)."),
            as_json: bool = JsonOption) -> None:
    """Add a progress file to your records. Every attempt in it is graded again here, in the
    sandbox, with its own seed (the file's verdicts are not trusted); nothing is stored if the
    file is invalid; what you already have is skipped, so importing twice changes nothing."""

    def body():
        from mltrail.service.portability import MAX_FILE_BYTES, import_learner, loads

        try:
            size = file.stat().st_size
            if size > MAX_FILE_BYTES:
                raise Failure(f"{file} is {size:,} bytes; a progress file is at most {MAX_FILE_BYTES // (1024 * 1024)} MiB")
            raw = file.read_bytes()
        except OSError as exc:
            raise Failure(f"cannot read {file}: {exc.strerror or exc}") from None
        from mltrail.service.errors import Invalid

        try:
            parsed = loads(raw)  # validated before the store is opened
            app, learner = _app(ctx)
            result = import_learner(app, learner, parsed)
        except Invalid as exc:
            raise Failure(f"{file}: {exc.ident}: {exc.problem}. Nothing was imported.") from None
        if as_json:
            print(json.dumps(result.to_json()))
            return
        from mltrail.cli.render import console

        out = console()
        out.print(f"Imported {result.attempts_added} attempts ({result.passed} pass when graded here"
                  + (f", {result.changed} graded differently from the file" if result.changed else "")
                  + f") and {result.events_added} other records; {result.attempts_known + result.events_known} "
                  "you already had were skipped.", soft_wrap=True, markup=False)
        if result.events_not_imported:
            out.print(f"{result.events_not_imported} placement or review records were left out: they cannot be "
                      "checked here (take the placement test again).", soft_wrap=True, markup=False)
        if result.not_in_course:
            out.print("Not in this course (skipped): " + ", ".join(result.not_in_course), soft_wrap=True, markup=False)
        if result.not_graded:
            out.print("Not gradable here, an optional extra is missing (skipped): " + ", ".join(result.not_graded),
                      soft_wrap=True, markup=False)

    _run(body)


def register(app: typer.Typer) -> None:
    """Add `export` and `import` to the `mltrail` command."""
    app.command("export")(export)
    app.command("import")(import_)
