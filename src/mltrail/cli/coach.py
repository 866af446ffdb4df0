"""The coach's commands: `path` (the skill graph and where the learner stands on it).

Further coach commands live in their own modules beside this one (careers, placement,
reviews, plan), each with a `register(app)`; `register` below adds every one present.
"""

from __future__ import annotations

import importlib
import json

import typer

from mltrail.cli.common import JsonOption, _app, _run

COACH_COMMAND_MODULES = ("coach_careers", "coach_placement", "coach_reviews", "coach_plan")


def path(ctx: typer.Context, as_json: bool = JsonOption,
         module: str = typer.Option(None, "--module", help="Only the skills of this module.")) -> None:
    """The skill graph: every skill, what it builds on, and how sure the coach is that you know it."""

    def body():
        from mltrail.cli.common import Failure

        app, learner = _app(ctx)
        graph = app.skill_graph
        if module is not None and app.curriculum.module(module) is None:
            raise Failure(f"unknown module {module!r}; the modules are: "
                          + ", ".join(m.id for m in app.curriculum.modules))
        states = app.mastery(learner)
        step = app.next_step(learner)
        skills = [s for s in graph.order if module is None or graph.skills[s].module == module]
        if as_json:
            data = graph.to_json()
            data["skills"] = [dict(row, **{k: v for k, v in states[row["id"]].to_json().items() if k != "skill"})
                              for row in data["skills"] if row["id"] in skills]
            data["fringe"] = step.fringe
            data["next"] = step.to_json()
            print(json.dumps(data, ensure_ascii=False))
            return
        from mltrail.cli.render import console, skill_path_view

        console().print(skill_path_view(graph, states, skills, step), soft_wrap=True)

    _run(body)


def register(app: typer.Typer) -> None:
    """Add `path` and every coach command module present to the `mltrail` command."""
    app.command("path")(path)
    for name in COACH_COMMAND_MODULES:
        try:
            commands = importlib.import_module(f"mltrail.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"mltrail.cli.{name}":
                continue
            raise
        commands.register(app)
