"""The study plan: from the goal role's gap to dated milestones, a finish date and a streak.

Hours are counted from the course's own estimates: the `minutes` of every exercise that
practises a skill of the gap and of every lesson that teaches one, each counted once and
left out once passed (exercises) or read (lessons). They are the authors' time for a
first go; a learner who retries often will need more. The module's `estimated_hours`
is not used. At the learner's hours per week, the plan dates one milestone per module
of the gap path (in path order), and the finish is the last milestone's date.

The streak counts days with a graded attempt or a lesson read, in the learner's time
zone: the current streak ends today or yesterday (a day not yet practised does not
break it), the longest is the longest run ever.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Iterable

from mltrail.coach.skills import SkillGraph
from mltrail.curriculum.loader import Curriculum


@dataclass
class Milestone:
    """The skills of one module on the way to the goal, and when they should be done."""

    module: str
    title: str
    skills: list[str]
    exercises: list[str]  # still to pass
    lessons: list[str]  # still to read
    minutes: int
    target: date
    likely_known: bool = False  # a module of the persona's starting point: placement may skip it

    def to_json(self) -> dict:
        return {"module": self.module, "title": self.title, "skills": self.skills, "exercises": self.exercises,
                "lessons": self.lessons, "hours": round(self.minutes / 60, 2), "target": self.target.isoformat(),
                "likely_known": self.likely_known}


@dataclass
class Streak:
    current: int
    longest: int
    last_day: date | None

    def to_json(self) -> dict:
        return {"current": self.current, "longest": self.longest,
                "last_day": self.last_day.isoformat() if self.last_day else None}


@dataclass
class Plan:
    goal: str
    hours_per_week: float
    today: date
    milestones: list[Milestone]
    hours_left: float
    hours_done: float
    streak: Streak
    placement_modules: list[str] = field(default_factory=list)

    @property
    def finish(self) -> date:
        return self.milestones[-1].target if self.milestones else self.today

    @property
    def weeks_left(self) -> float:
        return self.hours_left / self.hours_per_week

    def to_json(self) -> dict:
        return {"goal": self.goal, "hours_per_week": self.hours_per_week, "today": self.today.isoformat(),
                "hours_left": round(self.hours_left, 2), "weeks_left": round(self.weeks_left, 2),
                "finish": self.finish.isoformat(), "hours_done": round(self.hours_done, 2),
                "streak": self.streak.to_json(), "milestones": [m.to_json() for m in self.milestones],
                "placement_modules": self.placement_modules,
                "hours_from": "exercise and lesson minutes"}


def target_date(today: date, hours: float, hours_per_week: float) -> date:
    """The day by which `hours` of work are done at `hours_per_week` (rounded up to a whole day)."""
    return today + timedelta(days=math.ceil(round(hours / hours_per_week * 7, 9)))


def activity_days(moments: Iterable[datetime], tz: tzinfo = timezone.utc) -> set[date]:
    """The calendar days (in `tz`) of some moments; naive moments are taken as UTC."""
    days = set()
    for moment in moments:
        aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)
        days.add(aware.astimezone(tz).date())
    return days


def streak(days: set[date], today: date) -> Streak:
    """Consecutive days of practice ending today or yesterday, and the longest run ever."""
    if not days:
        return Streak(0, 0, None)
    current = 0
    day = today if today in days else today - timedelta(days=1)
    while day in days:
        current += 1
        day -= timedelta(days=1)
    longest, run, previous = 0, 0, None
    for day in sorted(days):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest, previous = max(longest, run), day
    return Streak(current, longest, max(days))


def work_minutes(curriculum: Curriculum, passed: set[str], read: set[str]) -> float:
    """Minutes of the course already done: exercises passed and lessons read."""
    exercises = sum(ex.manifest.minutes for ex in curriculum.exercises() if ex.id in passed)
    lessons = sum(lesson.meta.minutes for lesson in curriculum.lessons() if lesson.id in read)
    return exercises + lessons


def group_work(curriculum: Curriculum, graph: SkillGraph, gap: list[str], passed: set[str],
               read: set[str]) -> dict[str, dict]:
    """The gap's skills by module (in path order), each module with the exercises still to pass
    and lessons still to read for its skills, and their minutes; each exercise and lesson once."""
    lessons_by_skill: dict[str, list] = {}
    for lesson in curriculum.lessons():
        for skill in lesson.skills:
            lessons_by_skill.setdefault(skill, []).append(lesson)
    taken: set[str] = set()
    groups: dict[str, dict] = {}
    for skill in gap:
        group = groups.setdefault(graph.skills[skill].module, {"skills": [], "exercises": [], "lessons": [], "minutes": 0})
        group["skills"].append(skill)
        for lesson in lessons_by_skill.get(skill, []):
            if lesson.id not in read and lesson.id not in taken:
                taken.add(lesson.id)
                group["lessons"].append(lesson.id)
                group["minutes"] += lesson.meta.minutes
        for item in graph.items(skill):
            exercise = curriculum.exercise(item.exercise)
            if exercise is not None and exercise.id not in passed and exercise.id not in taken:
                taken.add(exercise.id)
                group["exercises"].append(exercise.id)
                group["minutes"] += exercise.manifest.minutes
    return groups


def make_plan(curriculum: Curriculum, graph: SkillGraph, goal: str, gap: list[str], passed: set[str], read: set[str],
              hours_per_week: float, today: date, days: set[date], likely_known: Iterable[str] = ()) -> Plan:
    """The plan to master `gap` (skills, prerequisites first) at `hours_per_week` from `today`."""
    if hours_per_week <= 0:
        raise ValueError("hours per week must be more than 0")
    known = set(likely_known)
    milestones, elapsed = [], 0.0
    for module, group in group_work(curriculum, graph, gap, passed, read).items():
        elapsed += group["minutes"] / 60
        found = curriculum.module(module)
        milestones.append(Milestone(module, found.title if found else module, group["skills"], group["exercises"],
                                    group["lessons"], group["minutes"], target_date(today, elapsed, hours_per_week),
                                    module in known))
    return Plan(goal, hours_per_week, today, milestones, elapsed, work_minutes(curriculum, passed, read) / 60,
                streak(days, today), [m.module for m in milestones if m.likely_known])
