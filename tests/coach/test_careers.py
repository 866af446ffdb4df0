"""Career roles and personas: the shipped files, their validation, readiness and the gap path, the profile."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone

import pytest

from mltrail.coach.careers import BUILTIN_CAREERS, ContentFileError, Role, assess, load_careers, readiness_for
from mltrail.coach.mastery import PLACEMENT
from mltrail.coach.profile import BUILTIN_PERSONAS, DEFAULT_HOURS, latest_profile, load_personas, new_profile
from mltrail.coach.skills import SkillGraph
from mltrail.curriculum.loader import load_curriculum

CURRICULUM = load_curriculum()
GRAPH = SkillGraph.from_curriculum(CURRICULUM)
MODULES = [m.id for m in CURRICULUM.modules]
TITLES = ["Machine Learning Researcher", "AI Engineer", "Data Mining & Analysis", "Machine Learning Engineer",
          "Data Scientist", "BI (Business Intelligence) Developer"]


@dataclass
class E:  # an event record, as the store gives it
    kind: str
    subject: str
    created_at: datetime
    detail: dict = field(default_factory=dict)


def careers_with(tmp_path, old: str, new: str):
    text = BUILTIN_CAREERS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "careers.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# ---------------------------------------------------------------- the shipped files


def test_the_shipped_careers_validate_against_the_real_course():
    careers = load_careers(GRAPH.skills)
    assert [role.title for role in careers.roles] == TITLES
    assert "CC BY 4.0" in careers.attribution and "judgement" in careers.method
    for role in careers.roles:
        assert 12 <= len(role.skills) <= 30
        assert all(1 <= s.weight <= 5 and s.id in GRAPH for s in role.skills)
        assert len({s.id.split("/")[0] for s in role.skills}) >= 5  # drawn from across the course
        assert all(s.url.startswith("https://www.onetonline.org/link/summary/") and s.code in s.url for s in role.sources)
        assert 2 <= role.description.count(". ") + 1 <= 3


def test_the_shipped_personas_validate_and_name_real_roles_and_modules():
    careers = load_careers(GRAPH.skills)
    personas = load_personas(careers.ids, MODULES)
    assert len(personas.personas) == 8
    assert {p.goal for p in personas.personas} <= set(careers.ids)
    assert all(set(p.starting_point) <= set(MODULES) and len(p.starting_point) <= 2 for p in personas.personas)
    assert personas.persona("developer").starting_point == ["python"]


# ---------------------------------------------------------------- bad files


def test_an_unknown_skill_names_the_file_the_role_and_the_skill(tmp_path):
    path = careers_with(tmp_path, '{ id = "statistics/ab-testing", weight = 5 }', '{ id = "statistics/ab-tests", weight = 5 }')
    with pytest.raises(ContentFileError) as error:
        load_careers(GRAPH.skills, path)
    message = str(error.value)
    assert str(path) in message and "role 'data-scientist'" in message and "unknown skill 'statistics/ab-tests'" in message
    assert "did you mean statistics/ab-testing" in message


def test_a_weight_out_of_range_names_the_role_and_the_skill(tmp_path):
    path = careers_with(tmp_path, '{ id = "ml-engineering/model-serving", weight = 5 }',
                        '{ id = "ml-engineering/model-serving", weight = 6 }')
    with pytest.raises(ContentFileError, match=r"role 'ai-engineer', skill 'ml-engineering/model-serving': weight: "
                                               r"Input should be less than or equal to 5"):
        load_careers(GRAPH.skills, path)


def test_a_skill_listed_twice_and_a_role_declared_twice_are_errors(tmp_path):
    path = careers_with(tmp_path, '{ id = "python/errors", weight = 2 },', '{ id = "python/errors", weight = 2 },\n'
                        '  { id = "python/errors", weight = 3 },')
    with pytest.raises(ContentFileError, match=r"role 'bi-developer': skills: skill 'python/errors' is listed twice"):
        load_careers(GRAPH.skills, path)
    path = careers_with(tmp_path, 'id = "bi-developer"', 'id = "data-scientist"')
    with pytest.raises(ContentFileError, match=r"role 'data-scientist' is declared twice"):
        load_careers(GRAPH.skills, path)


def test_a_persona_with_an_unknown_goal_or_module_lists_the_valid_ones(tmp_path):
    text = BUILTIN_PERSONAS.read_text(encoding="utf-8")
    path = tmp_path / "personas.toml"
    path.write_text(text.replace('goal = "bi-developer"', 'goal = "bi-analyst"')
                    .replace('starting_point = ["python"]', 'starting_point = ["pyhton"]'), encoding="utf-8")
    with pytest.raises(ContentFileError) as error:
        load_personas(load_careers(GRAPH.skills).ids, MODULES, path)
    message = str(error.value)
    assert "persona 'business-analyst': goal: unknown role 'bi-analyst'" in message and "bi-developer" in message
    assert "persona 'developer': starting_point: unknown module 'pyhton' (did you mean python?)" in message


# ---------------------------------------------------------------- readiness and the gap


def role_of(weights: dict[str, int]) -> Role:
    skills = [{"id": s, "weight": w} for s, w in weights.items()]
    return Role.model_validate({"id": "test-role", "title": "Test", "description": "A role made up for this test only, from a few skills.",
                                "sources": [{"scheme": "O*NET-SOC", "code": "15-2051.00", "title": "Data Scientists",
                                             "url": "https://www.onetonline.org/link/summary/15-2051.00"}],
                                "skills": skills})


SOME = [s for s in GRAPH.order if s.startswith("statistics/")][:6] + [s for s in GRAPH.order if s.startswith("python/")][:7]


def test_readiness_is_importance_weighted_mastery():
    role = role_of({s: (5 if i == 0 else 1) for i, s in enumerate(SOME)})  # weights 5 + 12 x 1 = 17
    p_known = {s: 0.5 for s in SOME} | {SOME[0]: 1.0}
    score, share = readiness_for(role, p_known, mastered={SOME[0]})
    assert score == pytest.approx((5 * 1.0 + 12 * 0.5) / 17)
    assert share == pytest.approx(5 / 17)
    score, _ = readiness_for(role, {}, mastered=set())  # skills the learner has no state for count as unknown
    assert score == 0.0


def test_the_gap_is_the_shortest_path_prerequisites_first_each_with_an_exercise():
    target = "statistics/confidence-intervals"
    missing = {target, "statistics/sampling-distributions"}
    mastered = set(GRAPH.skills) - missing
    role = role_of({target: 4, **{s: 2 for s in SOME if s not in missing}})
    result = assess(role, GRAPH, {s: 0.99 for s in mastered}, mastered, lambda skill: f"first-for-{skill}")
    assert [step.skill for step in result.gap] == ["statistics/sampling-distributions", target]
    assert [step.weight for step in result.gap] == [None, 4]  # a prerequisite the role does not list: no weight
    assert result.gap[1].exercise == f"first-for-{target}"
    assert result.mastered_share == pytest.approx(1 - 4 / role_weight(role))
    assert assess(role, GRAPH, {}, set(GRAPH.skills), lambda s: None).gap == []


def role_weight(role: Role) -> int:
    return sum(s.weight for s in role.skills)


# ---------------------------------------------------------------- the profile


def test_the_latest_profile_wins_and_a_goal_change_keeps_the_rest():
    personas = load_personas(load_careers(GRAPH.skills).ids, MODULES)
    graduate = personas.persona("graduate")
    first = new_profile(None, date(2026, 3, 1), graduate)
    assert (first.persona, first.goal, first.hours_per_week, first.started) == ("graduate", "ml-engineer", 12, date(2026, 3, 1))
    second = new_profile(first, date(2026, 4, 1), goal="data-scientist")
    assert (second.persona, second.goal, second.hours_per_week, second.started) == ("graduate", "data-scientist", 12,
                                                                                     date(2026, 3, 1))
    moment = datetime(2026, 4, 1, tzinfo=timezone.utc)
    events = [E("profile", "graduate", moment, first.to_detail()), E("hint", "python/clamp", moment, {"level": 1}),
              E("profile", "graduate", moment, second.to_detail())]
    assert latest_profile(events) == second
    assert latest_profile(events[1:2]) is None
    bare = new_profile(None, date(2026, 3, 1), goal="bi-developer")
    assert (bare.persona, bare.hours_per_week) == (None, DEFAULT_HOURS)


def test_next_step_follows_the_profile_goal(app):
    from mltrail.service import coach_profile

    learner_id = app.learner_id("ada")
    python = {s: 0.99 for s in GRAPH.skills if s.startswith("python/")}
    app.store.record_event(learner_id, PLACEMENT, "placement", {"skills": python})
    assert app.next_step("ada").skill == "trigonometry/radians"  # no profile: course order
    coach_profile.set_profile(app, "ada", goal="ml-engineer")
    assert app.next_step("ada").skill == "linear-algebra/vectors"  # the goal's way first
    assert coach_profile.goal_weights(app, "ada")["ml-engineering/model-serving"] == 5.0
    app.store.record_event(learner_id, "profile", "", {"persona": None, "goal": "a-role-since-removed",
                                                       "hours_per_week": 5, "started": "2026-01-01"})
    assert coach_profile.goal_weights(app, "ada") is None  # changed content never breaks a stored learner
    assert app.next_step("ada").skill == "trigonometry/radians"
    with pytest.raises(coach_profile.ServiceError, match="'a-role-since-removed' is no longer a role"):
        coach_profile.plan(app, "ada")


def test_unknown_persona_or_role_lists_the_valid_ones(app):
    from mltrail.service.coach_profile import UnknownChoice, set_profile

    with pytest.raises(UnknownChoice, match="the personas are: curious-learner, developer"):
        set_profile(app, "ada", persona_id="wizard")
    with pytest.raises(UnknownChoice, match="the roles are: ml-researcher, ai-engineer"):
        set_profile(app, "ada", goal="wizard")
