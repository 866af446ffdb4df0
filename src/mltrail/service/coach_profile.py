"""The learner's profile, career readiness and study plan, over the App's content and store.

Functions taking the `App` and the learner's name; the engine logic is in coach.careers,
coach.profile and coach.plan. A profile is a "profile" event (see coach.profile).
"""

from __future__ import annotations

import weakref
from datetime import date, datetime, tzinfo

from mltrail.coach.careers import Careers, ContentFileError, Readiness, Role, assess, load_careers
from mltrail.coach.plan import Plan, activity_days, make_plan
from mltrail.coach.profile import PROFILE, Persona, Personas, Profile, latest_profile, load_personas, new_profile
from mltrail.service.errors import ServiceError


class UnknownChoice(ServiceError):
    """A role or persona id that does not exist; `str()` lists the valid ones."""

    def __init__(self, kind: str, ident: str, valid: list[str]) -> None:
        self.kind, self.ident, self.valid = kind, ident, list(valid)
        super().__init__(f"unknown {kind} '{ident}'; the {kind}s are: {', '.join(valid)}")


class CoachContentError(ServiceError):
    """careers.toml or personas.toml does not load; `str()` names the file, entry and field."""


class NoGoal(ServiceError):
    """The learner has no goal role yet, and none was given."""

    def __init__(self, roles: list[str]) -> None:
        self.roles = roles
        super().__init__("you have no goal yet: choose one with `mltrail goal ROLE` (the roles are: "
                         f"{', '.join(roles)}), or run `mltrail init --persona ID`")


GRADED = {"passed", "failed", "timeout", "memory_limit", "error"}


_loaded: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # skill graph -> (file stamp, Careers)


def careers(app) -> Careers:
    """The roles of content/careers.toml, checked against the course's skills (read again when the file changes)."""
    from mltrail.coach.careers import BUILTIN_CAREERS

    graph = app.skill_graph
    try:
        stamp = BUILTIN_CAREERS.stat().st_mtime_ns
    except OSError:
        stamp = None
    cached = _loaded.get(graph)
    if cached is not None and stamp is not None and cached[0] == stamp:
        return cached[1]
    try:
        found = load_careers(graph.skills)
    except ContentFileError as exc:
        raise CoachContentError(str(exc)) from None
    _loaded[graph] = (stamp, found)
    return found


def personas(app) -> Personas:
    """The personas of content/personas.toml, checked against the roles and modules."""
    try:
        return load_personas(careers(app).ids, [m.id for m in app.curriculum.modules])
    except ContentFileError as exc:
        raise CoachContentError(str(exc)) from None


def role(app, role_id: str) -> Role:
    found = careers(app)
    chosen = found.role(role_id)
    if chosen is None:
        raise UnknownChoice("role", role_id, found.ids)
    return chosen


def persona(app, persona_id: str) -> Persona:
    found = personas(app)
    chosen = found.persona(persona_id)
    if chosen is None:
        raise UnknownChoice("persona", persona_id, found.ids)
    return chosen


def profile(app, learner: str) -> Profile | None:
    """The learner's latest profile, or None if they never gave one."""
    return latest_profile(app.store.events(app.learner_id(learner), kind=PROFILE))


def set_profile(app, learner: str, persona_id: str | None = None, goal: str | None = None,
                hours_per_week: float | None = None, today: date | None = None) -> Profile:
    """Record the learner's profile: a persona (bringing its goal and pace), and/or a new goal
    or pace; what is not given is kept. Unknown persona or role: UnknownChoice."""
    if hours_per_week is not None and not 0 < hours_per_week <= 80:
        raise ServiceError(f"hours per week must be between 0 and 80, not {hours_per_week:g}")
    chosen = persona(app, persona_id) if persona_id is not None else None
    if goal is not None:
        role(app, goal)
    updated = new_profile(profile(app, learner), today or date.today(), chosen, goal, hours_per_week)
    app.store.record_event(app.learner_id(learner), PROFILE, updated.persona or "", updated.to_detail())
    return updated


def goal_weights(app, learner: str) -> dict[str, float] | None:
    """The learner's goal as {skill: weight} for the next step; None without a goal, or when the
    goal role is no longer in careers.toml (a stored learner never breaks on changed content)."""
    current = profile(app, learner)
    if current is None or current.goal is None:
        return None
    chosen = careers(app).role(current.goal)
    return chosen.weights if chosen is not None else None


def _first_exercise(app, passed: set[str]):
    from mltrail.coach.next_step import exercise_for
    from mltrail.curriculum.extras import missing_extra

    def first(skill: str) -> str | None:
        args = (app.curriculum, app.skill_graph, skill, passed, lambda ex: missing_extra(ex) is None)
        exercise = exercise_for(*args) or exercise_for(*args, quiz=True)
        return exercise.id if exercise is not None else None

    return first


def readiness(app, learner: str, role_id: str | None = None) -> list[Readiness]:
    """Readiness for every role (or only `role_id`), with the gap path of each."""
    from mltrail.coach.mastery import mastered

    roles = [role(app, role_id)] if role_id is not None else careers(app).roles
    states = app.mastery(learner)
    p_known = {skill: state.p_known for skill, state in states.items()}
    known = mastered(states)
    first = _first_exercise(app, app.passed_ids(learner))
    return [assess(r, app.skill_graph, p_known, known, first) for r in roles]


def _local_zone() -> tzinfo:
    return datetime.now().astimezone().tzinfo


def plan(app, learner: str, hours_per_week: float | None = None, role_id: str | None = None,
         today: date | None = None, tz: tzinfo | None = None) -> Plan:
    """The study plan toward the learner's goal (or `role_id`), at their pace (or `hours_per_week`)."""
    current = profile(app, learner)
    goal_id = role_id or (current.goal if current else None)
    if goal_id is None:
        raise NoGoal(careers(app).ids)
    if role_id is None and careers(app).role(goal_id) is None:
        raise ServiceError(f"your goal '{goal_id}' is no longer a role of this course; choose another with "
                           f"`mltrail goal ROLE` (the roles are: {', '.join(careers(app).ids)})")
    if hours_per_week is not None and not 0 < hours_per_week <= 80:
        raise ServiceError(f"hours per week must be between 0 and 80, not {hours_per_week:g}")
    ready = readiness(app, learner, goal_id)[0]
    tz = tz or _local_zone()
    today = today or datetime.now(tz).date()
    learner_id = app.learner_id(learner)
    attempts = app.store.attempts(learner_id)
    events = app.store.events(learner_id, kind="lesson_read")
    days = activity_days([a.created_at for a in attempts if a.status in GRADED] + [e.created_at for e in events], tz)
    passed = {a.exercise_id for a in attempts if a.passed}
    starting = []
    if current is not None and current.persona is not None:
        found = personas(app).persona(current.persona)
        starting = found.starting_point if found is not None else []
    pace = hours_per_week or (current.hours_per_week if current else None) or 5.0
    try:
        return make_plan(app.curriculum, app.skill_graph, goal_id, [step.skill for step in ready.gap], passed,
                         {e.subject for e in events}, pace, today, days, starting)
    except OverflowError:  # a pace so slow (0.0001 hours a week) that a target date is past any calendar
        raise ServiceError(f"at {pace:g} hours a week this plan would end after the year 9999; "
                           "give more hours a week") from None
