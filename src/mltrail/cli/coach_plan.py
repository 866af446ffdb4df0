"""`mltrail plan`: the study plan toward your goal role, with dated milestones and your streak."""

from __future__ import annotations

import json
from typing import Optional

import typer

from mltrail.cli.common import JsonOption, _app, _run


def plan(ctx: typer.Context, as_json: bool = JsonOption,
         hours: Optional[float] = typer.Option(None, "--hours", help="Plan at this many hours a week, this once "
                                               "(`mltrail goal --hours N` keeps a new pace)."),
         role: Optional[str] = typer.Option(None, "--role", help="Plan toward this role instead of your goal, this once.")) -> None:
    """Your study plan: the skills between you and your goal role, grouped into one milestone per
    module with a target date, the expected finish, hours done so far and your streak.

    Hours are the course's own minutes for each exercise still to pass and each lesson still to
    read on the way (a first go at each; retries take longer). Dates follow your hours a week
    (from `mltrail init --persona` or `mltrail goal --hours`). The streak counts consecutive days
    with a graded attempt or a lesson read, ending today or yesterday.
    """

    def body():
        from mltrail.service import coach_profile

        app, learner = _app(ctx)
        result = coach_profile.plan(app, learner, hours_per_week=hours, role_id=role)
        if as_json:
            print(json.dumps(result.to_json(), ensure_ascii=False))
            return
        from mltrail.cli.render import console

        title = coach_profile.role(app, result.goal).title
        console().print(_plan_view(result, title), soft_wrap=True)

    _run(body)


def _plan_view(result, title: str):
    from rich.console import Group
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    streak = result.streak
    head = [Text.assemble(("Plan to ", "bold"), (title, "bold cyan"), f" at {result.hours_per_week:g} hours a week")]
    if not result.milestones:
        head.append(Text("You master every skill of this role: nothing left to plan.", style="green"))
    else:
        head.append(Text(f"{result.hours_left:.1f} hours of exercises and lessons left: about {result.weeks_left:.1f} "
                         f"weeks; expected finish {result.finish:%a %d %b %Y}."))
    head.append(Text(f"Done so far: {result.hours_done:.1f} hours. Streak: {streak.current} day"
                     f"{'s' if streak.current != 1 else ''} (longest {streak.longest})."))
    if not result.milestones:
        return Group(*head)
    table = Table(box=None, header_style="bold", padding=(0, 1))
    table.add_column("target", no_wrap=True)
    table.add_column("milestone", overflow="fold")
    table.add_column("skills", justify="right")
    table.add_column("exercises", justify="right")
    table.add_column("lessons", justify="right")
    table.add_column("hours", justify="right")
    for milestone in result.milestones:
        name = milestone.title + (" (you may know it: placement can tell)" if milestone.likely_known else "")
        table.add_row(f"{milestone.target:%d %b %Y}", Text(name), str(len(milestone.skills)),
                      str(len(milestone.exercises)), str(len(milestone.lessons)), f"{milestone.minutes / 60:.1f}")
    parts = [*head, Text(""), table]
    if result.placement_modules:
        modules = " ".join(f"--module {escape(m)}" for m in result.placement_modules)
        parts += [Text(""), Text.from_markup(f"Test out of what you know: [cyan]mltrail placement {modules}[/]")]
    return Group(*parts)


def register(app: typer.Typer) -> None:
    """Add `plan` to the `mltrail` command."""
    app.command("plan")(plan)
