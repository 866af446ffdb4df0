"""The study plan: hours from the gap, dated milestones, the finish, and streaks (fixed dates throughout)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from mltrail.coach.plan import activity_days, make_plan, streak, target_date, work_minutes
from mltrail.coach.skills import SkillGraph
from mltrail.curriculum.loader import load_curriculum

CURRICULUM = load_curriculum()
GRAPH = SkillGraph.from_curriculum(CURRICULUM)
TODAY = date(2026, 3, 2)  # a Monday
GAP = ["statistics/sampling-distributions", "statistics/confidence-intervals", "tools/pandas-groupby"]


def minutes_of(skills: list[str], passed: set[str] = frozenset(), read: set[str] = frozenset()) -> int:
    """The work for some skills, each exercise and lesson once: what the plan must count."""
    exercises = {item.exercise for s in skills for item in GRAPH.items(s)} - set(passed)
    lessons = {lesson.id for lesson in CURRICULUM.lessons() if set(lesson.skills) & set(skills)} - set(read)
    return (sum(CURRICULUM.exercise(e).manifest.minutes for e in exercises)
            + sum(CURRICULUM.lesson(l).meta.minutes for l in lessons))


def days(*offsets: int) -> set[date]:
    return {TODAY - timedelta(days=n) for n in offsets}


def test_streak_counts_days_ending_today_or_yesterday():
    assert streak(days(0, 1, 2, 5, 6), TODAY).current == 3
    assert streak(days(1, 2, 5, 6), TODAY).current == 2  # today not practised yet: still a streak
    assert streak(days(2, 3, 4), TODAY).current == 0  # yesterday missed: broken
    assert streak(days(0, 1, 2, 5, 6, 7, 8, 9), TODAY).longest == 5
    assert (streak(set(), TODAY).current, streak(set(), TODAY).longest) == (0, 0)
    assert streak(days(3, 0), TODAY).last_day == TODAY


def test_activity_days_are_calendar_days_in_the_learners_time_zone():
    late = datetime(2026, 3, 1, 23, 30, tzinfo=timezone.utc)
    assert activity_days([late]) == {date(2026, 3, 1)}
    assert activity_days([late], timezone(timedelta(hours=2))) == {date(2026, 3, 2)}
    assert activity_days([late.replace(tzinfo=None)]) == {date(2026, 3, 1)}  # naive: UTC, as the store writes


def test_target_date_follows_the_pace():
    assert target_date(TODAY, 8, 4) == TODAY + timedelta(days=14)
    assert target_date(TODAY, 1, 4) == TODAY + timedelta(days=2)  # 1.75 days, rounded up
    assert target_date(TODAY, 0, 4) == TODAY


def test_a_plan_has_one_milestone_per_module_with_dates_and_hours():
    plan = make_plan(CURRICULUM, GRAPH, "data-scientist", GAP, set(), set(), 5, TODAY, set(), likely_known=["tools"])
    assert [m.module for m in plan.milestones] == ["statistics", "tools"]
    assert plan.milestones[0].skills == GAP[:2] and plan.milestones[1].skills == GAP[2:]
    first, second = minutes_of(GAP[:2]), minutes_of(GAP[2:])
    assert [m.minutes for m in plan.milestones] == [first, second]
    assert plan.hours_left == pytest.approx((first + second) / 60)
    assert plan.milestones[0].target == target_date(TODAY, first / 60, 5)
    assert plan.finish == plan.milestones[1].target == target_date(TODAY, (first + second) / 60, 5)
    assert plan.milestones[1].likely_known and plan.placement_modules == ["tools"]
    slower = make_plan(CURRICULUM, GRAPH, "data-scientist", GAP, set(), set(), 2.5, TODAY, set())
    assert (slower.finish - TODAY).days == pytest.approx(2 * (plan.finish - TODAY).days, abs=1)


def test_work_done_leaves_the_plan_and_counts_as_hours_done():
    passed, read = {"statistics/t-confidence-interval"}, {"statistics/02-sampling-and-confidence"}
    plan = make_plan(CURRICULUM, GRAPH, "data-scientist", GAP[:2], passed, read, 5, TODAY, days(0, 1))
    assert "statistics/t-confidence-interval" not in plan.milestones[0].exercises
    assert plan.milestones[0].lessons == []
    assert plan.milestones[0].minutes == minutes_of(GAP[:2], passed, read)
    done = CURRICULUM.exercise("statistics/t-confidence-interval").manifest.minutes + \
        CURRICULUM.lesson("statistics/02-sampling-and-confidence").meta.minutes
    assert plan.hours_done == pytest.approx(done / 60) == pytest.approx(work_minutes(CURRICULUM, passed, read) / 60)
    assert plan.streak.current == 2
    data = plan.to_json()
    assert data["finish"] == plan.finish.isoformat() and data["streak"]["current"] == 2


def test_no_gap_means_nothing_left_and_finish_today():
    plan = make_plan(CURRICULUM, GRAPH, "data-scientist", [], set(), set(), 5, TODAY, set())
    assert plan.milestones == [] and plan.hours_left == 0 and plan.finish == TODAY
    with pytest.raises(ValueError):
        make_plan(CURRICULUM, GRAPH, "data-scientist", GAP, set(), set(), 0, TODAY, set())


def test_the_service_plan_reads_the_profile_and_the_store(app):
    from mltrail.service import coach_profile

    with pytest.raises(coach_profile.NoGoal, match="mltrail goal ROLE"):
        coach_profile.plan(app, "ada", today=TODAY)
    coach_profile.set_profile(app, "ada", persona_id="analytics-professional", today=TODAY)
    app.lesson("ada", "python/01-values-and-control-flow")  # read now: a day of practice
    now = datetime.now(timezone.utc).date()
    plan = coach_profile.plan(app, "ada", today=now, tz=timezone.utc)
    assert plan.goal == "data-scientist" and plan.hours_per_week == 6
    assert plan.streak.current == 1 and plan.hours_done > 0
    assert set(plan.placement_modules) <= {"python", "statistics"} and plan.placement_modules
    assert coach_profile.plan(app, "ada", hours_per_week=12, today=now, tz=timezone.utc).finish < plan.finish
    with pytest.raises(coach_profile.UnknownChoice):
        coach_profile.plan(app, "ada", role_id="astronaut", today=now)
