"""Career roles and how ready a learner is for each.

`content/careers.toml` declares the roles a learner can aim for, each a weighted set of the
course's skills (weights 1-5 = importance) with the occupations it corresponds to. Readiness
for a role is importance-weighted mastery; the gap is the shortest path of skills (the role's
unmastered skills and every unmastered prerequisite of theirs), each with the exercise to do
first. Pure: plain mastery states in, plain data out.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Callable, Iterable, Literal, Mapping

from pydantic import Field, ValidationError, field_validator

from mltrail.curriculum.schema import Slug, Strict

BUILTIN_CAREERS = Path(__file__).resolve().parent.parent / "content" / "careers.toml"
QUALIFIED_SKILL = r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$"


class ContentFileError(ValueError):
    """careers.toml or personas.toml cannot be used; the message names the file, entry and field."""


class Source(Strict):
    """An occupation of a public taxonomy that the role corresponds to."""

    scheme: Literal["O*NET-SOC", "ESCO"]
    code: str = Field(min_length=1, description="The occupation's code, e.g. '15-2051.00'.")
    title: str = Field(min_length=1, description="The occupation's title in that taxonomy.")
    url: str = Field(pattern=r"^https://", description="Its page.")


class RoleSkill(Strict):
    id: Annotated[str, Field(pattern=QUALIFIED_SKILL)] = Field(description="A qualified skill id: 'module/skill'.")
    weight: int = Field(ge=1, le=5, description="Importance for the role: 1 (useful to have met) to 5 (central).")


class Role(Strict):
    """A job a learner can aim for: what it is, and which skills it needs how much."""

    id: Slug
    title: str = Field(min_length=1)
    description: str = Field(min_length=40, max_length=600)
    sources: list[Source] = Field(min_length=1)
    skills: list[RoleSkill] = Field(min_length=12, max_length=30)

    @field_validator("skills")
    @classmethod
    def _unique_skills(cls, skills: list[RoleSkill]) -> list[RoleSkill]:
        seen: set[str] = set()
        for skill in skills:
            if skill.id in seen:
                raise ValueError(f"skill '{skill.id}' is listed twice")
            seen.add(skill.id)
        return skills

    @property
    def weights(self) -> dict[str, float]:
        """{skill: weight}: the goal the next step and the plan steer toward."""
        return {skill.id: float(skill.weight) for skill in self.skills}


class Careers(Strict):
    attribution: str = Field(min_length=1, description="Whose facts the sources are, and under which licence.")
    method: str = Field(min_length=1, description="How the weights were chosen.")
    roles: list[Role] = Field(min_length=1)

    def role(self, role_id: str) -> Role | None:
        return next((role for role in self.roles if role.id == role_id), None)

    @property
    def ids(self) -> list[str]:
        return [role.id for role in self.roles]


# ---------------------------------------------------------------- loading


def read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentFileError(f"{path}: file is missing") from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentFileError(f"{path}: not valid TOML: {exc}") from None


def describe_errors(path: Path, data: dict, listing: str, error: ValidationError) -> str:
    """One line per problem, naming the entry (by its id) and the field, e.g.
    `careers.toml: role 'data-scientist', skill 'x/y': weight: Input should be ...`."""
    entries = data.get(listing) if isinstance(data.get(listing), list) else []
    noun = listing.rstrip("s")
    lines = []
    for err in error.errors():
        loc = list(err["loc"])
        where: list[str] = []
        if len(loc) >= 2 and loc[0] == listing and isinstance(loc[1], int):
            entry = entries[loc[1]] if loc[1] < len(entries) and isinstance(entries[loc[1]], dict) else {}
            where.append(f"{noun} '{entry.get('id', f'#{loc[1] + 1}')}'")
            loc = loc[2:]
            if len(loc) >= 2 and loc[0] == "skills" and isinstance(loc[1], int):
                skills = entry.get("skills") if isinstance(entry.get("skills"), list) else []
                skill = skills[loc[1]] if loc[1] < len(skills) and isinstance(skills[loc[1]], dict) else {}
                where.append(f"skill '{skill.get('id', f'#{loc[1] + 1}')}'")
                loc = loc[2:]
        field_name = ".".join(str(part) for part in loc)
        prefix = ", ".join(where)
        message = err["msg"].removeprefix("Value error, ")
        lines.append(f"{path}: " + ": ".join(part for part in (prefix, field_name, message) if part))
    return "\n".join(lines)


def _close(name: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=3, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def load_careers(skills: Iterable[str], path: Path = BUILTIN_CAREERS) -> Careers:
    """The roles of `path`, checked against the course's qualified skill ids; a
    ContentFileError naming the file, role and skill for anything wrong."""
    data = read_toml(path)
    try:
        careers = Careers.model_validate(data)
    except ValidationError as exc:
        raise ContentFileError(describe_errors(path, data, "roles", exc)) from None
    known = set(skills)
    problems = []
    seen: set[str] = set()
    for role in careers.roles:
        if role.id in seen:
            problems.append(f"{path}: role '{role.id}' is declared twice")
        seen.add(role.id)
        for skill in role.skills:
            if skill.id not in known:
                problems.append(f"{path}: role '{role.id}': unknown skill '{skill.id}'{_close(skill.id, known)}; "
                                "`mltrail path --json` lists the course's skills")
    if problems:
        raise ContentFileError("\n".join(problems))
    return careers


# ---------------------------------------------------------------- readiness


@dataclass
class GapStep:
    """A skill to master on the way to a role."""

    skill: str
    title: str
    module: str
    p_known: float
    weight: int | None  # the role's weight; None for a prerequisite the role does not list itself
    exercise: str | None  # the exercise to do first for it (None: no exercise left)

    def to_json(self) -> dict:
        return {"skill": self.skill, "title": self.title, "module": self.module, "p_known": round(self.p_known, 4),
                "weight": self.weight, "exercise": self.exercise}


@dataclass
class Readiness:
    """How ready a learner is for a role."""

    role: Role
    score: float  # sum(w * P(known)) / sum(w)
    mastered_share: float  # share of the role's weight on skills mastered outright
    mastered: list[str]
    gap: list[GapStep] = field(default_factory=list)

    def to_json(self, with_gap: bool = True) -> dict:
        data = {"role": self.role.id, "title": self.role.title, "readiness": round(self.score, 4),
                "mastered_share": round(self.mastered_share, 4), "skills": len(self.role.skills),
                "mastered": self.mastered, "gap_size": len(self.gap)}
        if with_gap:
            data["gap"] = [step.to_json() for step in self.gap]
        return data


def readiness_for(role: Role, p_known: Mapping[str, float], mastered: set[str]) -> tuple[float, float]:
    """(importance-weighted P(known), share of the weight mastered outright) for a role.
    A role skill missing from `p_known` (no longer in the course) counts as not known."""
    total = sum(skill.weight for skill in role.skills)
    known = sum(skill.weight * p_known.get(skill.id, 0.0) for skill in role.skills)
    done = sum(skill.weight for skill in role.skills if skill.id in mastered)
    return known / total, done / total


def assess(role: Role, graph, p_known: Mapping[str, float], mastered: set[str],
           first_exercise: Callable[[str], str | None]) -> Readiness:
    """Readiness for `role` and its gap: `graph.path_to` the role's unmastered skills,
    prerequisites first, each with `first_exercise(skill)`."""
    score, share = readiness_for(role, p_known, mastered)
    weights = {skill.id: skill.weight for skill in role.skills}
    targets = [s for s in weights if s not in mastered]
    gap = [GapStep(s, graph.skills[s].title, graph.skills[s].module, p_known.get(s, 0.0), weights.get(s),
                   first_exercise(s))
           for s in graph.path_to(targets, mastered)]
    return Readiness(role, score, share, [s for s in weights if s in mastered], gap)
