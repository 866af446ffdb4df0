"""Career commands: `careers` (readiness per role, the gap to one) and `goal` (choose the role to aim for)."""

from __future__ import annotations

import json
from typing import Optional

import typer

from mltrail.cli.common import JsonOption, _app, _run


def careers(ctx: typer.Context, as_json: bool = JsonOption,
            role: Optional[str] = typer.Option(None, "--role", help="One role (its id): readiness and the "
                                               "shortest path of skills that closes its gap.")) -> None:
    """How ready you are for each career role: importance-weighted mastery of the role's skills.

    Readiness is sum(weight x P(known)) / sum(weight) over the role's skills (weights 1-5 from
    content/careers.toml, which cites the occupations behind each role); "mastered" is the share
    of the weight on skills you master outright. With --role, the gap: every skill still to master
    for that role, prerequisites first, with the exercise to do first for each.
    """

    def body():
        from mltrail.service import coach_profile

        app, learner = _app(ctx)
        results = coach_profile.readiness(app, learner, role)
        current = coach_profile.profile(app, learner)
        goal = current.goal if current else None
        if as_json:
            rows = [dict(r.to_json(with_gap=role is not None), description=r.role.description,
                         sources=[s.model_dump() for s in r.role.sources], goal=r.role.id == goal) for r in results]
            print(json.dumps({"goal": goal, "roles": rows}, ensure_ascii=False))
            return
        from mltrail.cli.render import console

        out = console()
        out.print(_readiness_table(results, goal), soft_wrap=True)
        if role is None:
            out.print("Details and the path to a role: [cyan]mltrail careers --role ID[/]; aim for one: "
                      "[cyan]mltrail goal ID[/].")
            return
        out.print(_gap_view(results[0]), soft_wrap=True)

    _run(body)


def goal(ctx: typer.Context,
         role: Optional[str] = typer.Argument(None, metavar="[ROLE]", help="The role to aim for (`mltrail careers` lists them)."),
         hours: Optional[float] = typer.Option(None, "--hours", help="Hours a week you mean to study (kept for `mltrail plan`)."),
         as_json: bool = JsonOption) -> None:
    """Choose the career role the coach aims at (your next step and plan follow it); without ROLE, show it."""

    def body():
        from mltrail.service import coach_profile

        app, learner = _app(ctx)
        if role is None and hours is None:
            current = coach_profile.profile(app, learner)
        else:
            current = coach_profile.set_profile(app, learner, goal=role, hours_per_week=hours)
        if as_json:
            print(json.dumps({"profile": current.to_json() if current else None}))
            return
        from rich.markup import escape

        from mltrail.cli.render import console

        out = console()
        if current is None or current.goal is None:
            roles = coach_profile.careers(app)
            out.print("You have no goal yet. Choose one with [cyan]mltrail goal ROLE[/]; the roles are: "
                      + ", ".join(escape(r.id) for r in roles.roles) + ".")
            return
        chosen = coach_profile.careers(app).role(current.goal)
        title = chosen.title if chosen else f"{current.goal} (no longer in the course)"
        out.print(f"Your goal: [bold]{escape(title)}[/], at {current.hours_per_week:g} hours a week. "
                  "[cyan]mltrail plan[/] dates the way there; [cyan]mltrail next[/] follows it.")

    _run(body)


def _bar(share: float, width: int = 10) -> str:
    full = round(share * width)
    return "█" * full + "░" * (width - full)


def _readiness_table(results, goal: str | None):
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold", padding=(0, 1))
    table.add_column("role", ratio=1, overflow="fold")
    table.add_column("id", no_wrap=True)
    table.add_column("readiness", no_wrap=True)
    for name in ("", "mastered", "to learn"):
        table.add_column(name, justify="right", no_wrap=True)
    for result in results:
        mark = " (your goal)" if result.role.id == goal else ""
        table.add_row(Text(result.role.title + mark, style="bold" if mark else ""), Text(result.role.id),
                      Text(_bar(result.score), style="green"), f"{100 * result.score:.0f}%",
                      f"{100 * result.mastered_share:.0f}%", f"{len(result.gap)} skills")
    return table


def _gap_view(result):
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    role = result.role
    parts: list = [Text(""), Text(role.description), Text("Sources: " + "; ".join(
        f"{s.scheme} {s.code} {s.title} ({s.url})" for s in role.sources), style="dim")]
    if not result.gap:
        return Group(*parts, Text(""), Text(f"You master every skill of {role.title}.", style="green"))
    table = Table(box=None, header_style="bold", padding=(0, 1),
                  title=f"The path to {role.title}: {len(result.gap)} skills, prerequisites first", title_justify="left")
    for name in ("#", "skill", "weight", "P(known)", "do first"):
        table.add_column(name, overflow="fold", justify="right" if name in ("#", "P(known)") else "left")
    for number, step in enumerate(result.gap, 1):
        weight = str(step.weight) if step.weight is not None else Text("prereq", style="dim")
        table.add_row(str(number), Text(step.skill), weight, f"{step.p_known:.2f}", Text(step.exercise or "—"))
    return Group(*parts, Text(""), table)


def register(app: typer.Typer) -> None:
    """Add `careers` and `goal` to the `mltrail` command."""
    app.command("careers")(careers)
    app.command("goal")(goal)




# ---------------------------------------------------------------- `mltrail init`: who the learner is


def ask_persona(app, learner: str, persona_id: str | None) -> None:
    """For `mltrail init`: record the learner's persona (`--persona ID`, or chosen from a numbered
    menu when run in a terminal) and say what it implies. Without either, the learner keeps
    their profile, or has none and follows the path in course order."""
    import sys

    from rich.markup import escape

    from mltrail.cli.render import console
    from mltrail.service import coach_profile

    out = console()
    if persona_id is None:
        if not (sys.stdin.isatty() and sys.stdout.isatty()) or coach_profile.profile(app, learner) is not None:
            return
        persona_id = _persona_menu(coach_profile.personas(app).personas, out)
        if persona_id is None:
            out.print("No profile: the path follows the course order. [cyan]mltrail init --persona ID[/] or "
                      "[cyan]mltrail goal ROLE[/] sets one later.")
            return
    profile = coach_profile.set_profile(app, learner, persona_id=persona_id)
    persona = coach_profile.persona(app, persona_id)
    goal = coach_profile.role(app, profile.goal)
    out.print(f"Profile: [bold]{escape(persona.title)}[/]; goal [bold]{escape(goal.title)}[/] "
              f"([cyan]mltrail goal ROLE[/] changes it), {profile.hours_per_week:g} hours a week.")
    if persona.starting_point:
        modules = " ".join(f"--module {m}" for m in persona.starting_point)
        out.print(f"You may know some of {', '.join(persona.starting_point)} already: "
                  f"[cyan]mltrail placement {modules}[/] tests you out of what you know.")


def _persona_menu(personas, out) -> str | None:
    from rich.markup import escape

    out.print("[bold]Who are you?[/] (the coach picks your goal and pace from it; you can change both later)")
    for number, persona in enumerate(personas, 1):
        out.print(f"  {number}. {escape(persona.title)}")
    out.print("  0. None of these: follow the course in order")
    while True:
        answer = typer.prompt("Your choice", default="0").strip()
        if answer.isdigit() and 0 <= int(answer) <= len(personas):
            return personas[int(answer) - 1].id if int(answer) else None
        out.print(f"Type a number from 0 to {len(personas)}.")
