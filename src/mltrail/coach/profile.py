"""Who the learner is: the personas the course serves, and the learner's profile.

`content/personas.toml` declares the audiences (each with a default goal role, a
conservative starting point and a pace). A learner's profile is kept as store events of
kind "profile" (subject: the persona id, or "" without one) with detail
{"persona": id | None, "goal": role id | None, "hours_per_week": float, "started": "YYYY-MM-DD"};
the latest event wins, so changing the goal is one more event and the history stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Sequence

from pydantic import Field, ValidationError

from mltrail.coach.careers import ContentFileError, _close, describe_errors, read_toml
from mltrail.curriculum.schema import Slug, Strict

BUILTIN_PERSONAS = Path(__file__).resolve().parent.parent / "content" / "personas.toml"
PROFILE = "profile"  # the event kind
DEFAULT_HOURS = 5.0  # a learner who names no persona and no pace


class Persona(Strict):
    """An audience of the course and what the coach assumes for it until told otherwise."""

    id: Slug
    title: str = Field(min_length=1)
    description: str = Field(min_length=20, max_length=600)
    goal: Slug = Field(description="The default career goal: a role id of careers.toml.")
    starting_point: list[Slug] = Field(description="Modules such a learner has probably met (placement's first scope).")
    hours_per_week: float = Field(gt=0, le=60)


class Personas(Strict):
    personas: list[Persona] = Field(min_length=1)

    def persona(self, persona_id: str) -> Persona | None:
        return next((p for p in self.personas if p.id == persona_id), None)

    @property
    def ids(self) -> list[str]:
        return [p.id for p in self.personas]


def load_personas(roles: Iterable[str], modules: Iterable[str], path: Path = BUILTIN_PERSONAS) -> Personas:
    """The personas of `path`, their goals checked against the role ids and their starting
    points against the module ids; a ContentFileError naming the file, persona and field."""
    data = read_toml(path)
    try:
        personas = Personas.model_validate(data)
    except ValidationError as exc:
        raise ContentFileError(describe_errors(path, data, "personas", exc)) from None
    roles, modules = list(roles), list(modules)
    problems, seen = [], set()
    for persona in personas.personas:
        if persona.id in seen:
            problems.append(f"{path}: persona '{persona.id}' is declared twice")
        seen.add(persona.id)
        if persona.goal not in roles:
            problems.append(f"{path}: persona '{persona.id}': goal: unknown role '{persona.goal}'"
                            f"{_close(persona.goal, roles)}; the roles are: {', '.join(roles)}")
        for module in persona.starting_point:
            if module not in modules:
                problems.append(f"{path}: persona '{persona.id}': starting_point: unknown module '{module}'"
                                f"{_close(module, modules)}; the modules are: {', '.join(modules)}")
    if problems:
        raise ContentFileError("\n".join(problems))
    return personas


@dataclass(frozen=True)
class Profile:
    """The learner's latest profile."""

    persona: str | None
    goal: str | None
    hours_per_week: float
    started: date

    def to_detail(self) -> dict:
        return {"persona": self.persona, "goal": self.goal, "hours_per_week": self.hours_per_week,
                "started": self.started.isoformat()}

    def to_json(self) -> dict:
        return self.to_detail()


def latest_profile(events: Sequence[Any]) -> Profile | None:
    """The profile of the latest "profile" event (records need kind, detail, created_at), or None."""
    found = [e for e in events if e.kind == PROFILE and isinstance(e.detail, dict)]
    if not found:
        return None
    detail = found[-1].detail  # the store returns events in the order they were recorded
    try:
        started = date.fromisoformat(str(detail.get("started")))
    except ValueError:
        started = found[0].created_at.date()
    hours = detail.get("hours_per_week")
    return Profile(detail.get("persona") or None, detail.get("goal") or None,
                   float(hours) if isinstance(hours, (int, float)) and hours > 0 else DEFAULT_HOURS, started)


def new_profile(current: Profile | None, today: date, persona: Persona | None = None, goal: str | None = None,
                hours_per_week: float | None = None) -> Profile:
    """The profile after a change: a persona brings its goal and pace unless they are given;
    what is not changed is kept; `started` is kept from the first profile."""
    started = current.started if current else today
    if persona is not None:
        return Profile(persona.id, goal or persona.goal, hours_per_week or persona.hours_per_week, started)
    return Profile(current.persona if current else None, goal or (current.goal if current else None),
                   hours_per_week or (current.hours_per_week if current else DEFAULT_HOURS), started)
