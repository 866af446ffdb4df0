"""What the web dashboard's coach panel shows: streak, the plan's next milestone, mastery over time.

`mastery_over_time` is pure (records in, points out): it replays the learner's observations
day by day, as `coach.mastery.mastery` does in one go, and counts the skills mastered at the
end of each day (or week, for a long history). `dashboard_panel(app, learner)` puts it
together with the streak and the plan, cached per learner and the newest attempt and event,
so the dashboard does not replay the whole history on every load.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any, Sequence

DAILY_SPAN = 90  # days of history drawn one point a day; longer histories get a point a week
_CACHE_SIZE = 256


@dataclass(frozen=True)
class MasteryPoint:
    day: date  # the last day the point covers
    mastered: int  # skills mastered at the end of that day


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _signature(observation) -> tuple:
    estimates = tuple(sorted((observation.estimates or {}).items()))
    return (observation.at, observation.skills, observation.difficulty, observation.kind, observation.correct,
            observation.item, estimates)


def mastery_over_time(graph, attempts: Sequence[Any], events: Sequence[Any], params=None, today: date | None = None,
                      tz: tzinfo = timezone.utc, memo: dict | None = None) -> list[MasteryPoint]:
    """Skills mastered at the end of each day from the first activity to `today` (in `tz`), a
    point a day, or a point a week (ending on the same weekday as `today`) when that is over
    DAILY_SPAN days. No observation: no point. The last point equals `coach.mastery.mastery`'s
    count of mastered skills over the same records.

    `memo` (a dict the caller keeps between calls for one learner and one `params`) holds the replay up to the
    last point but one; when the records before it are unchanged, only the rest is replayed.
    The answer is the same with or without it."""
    from mltrail.coach.mastery import default_params, observations, replay

    params = params or default_params
    history = observations(graph, attempts, events)
    if not history:
        return []

    def day_of(observation) -> date:
        return _aware(observation.at).astimezone(tz).date()

    first = day_of(history[0])
    today = max(today or datetime.now(tz).date(), day_of(history[-1]))
    step = 1 if (today - first).days < DAILY_SPAN else 7
    ends: list[date] = []
    day = today
    while day >= first:
        ends.append(day)
        day -= timedelta(days=step)
    ends.reverse()
    at_prior = {skill: _prior_mastered(params(skill, 3).prior) for skill in graph.order}

    def count(states: dict) -> int:
        return sum(1 for skill in graph.order if (states[skill].mastered if skill in states else at_prior[skill]))

    settled_end = ends[-2] if len(ends) > 1 else None  # the points up to here do not change today
    settled = [o for o in history if settled_end is not None and day_of(o) <= settled_end]
    signature = (tuple(ends[:-1]), [_signature(o) for o in settled])
    saved = memo.get("settled") if memo is not None else None  # one tuple, replaced whole: safe across threads
    if saved is not None and saved[0] == signature:
        states, points = _copy(saved[1]), list(saved[2])
        index = len(settled)
        ends = ends[-1:]
    else:
        states, points, index = {}, [], 0
    for end in ends:
        chunk = []
        while index < len(history) and day_of(history[index]) <= end:
            chunk.append(history[index])
            index += 1
        if chunk:
            replay(graph, chunk, params, states=states)
        points.append(MasteryPoint(end, count(states)))
        if memo is not None and end == settled_end:
            memo["settled"] = (signature, _copy(states), list(points))
    return points


def _copy(states: dict) -> dict:
    from dataclasses import replace

    return {skill: replace(state) for skill, state in states.items()}


def _prior_mastered(prior: float) -> bool:
    from mltrail.coach import bkt

    return prior >= bkt.MASTERED


@dataclass
class Panel:
    """The dashboard's coach panel."""

    streak: Any  # coach.plan.Streak
    goal: str | None = None  # the goal role's id
    goal_title: str | None = None
    plan: Any = None  # coach.plan.Plan, or None without a goal
    next_milestone: Any = None  # coach.plan.Milestone
    problem: str | None = None  # why there is no plan (no goal, a goal no longer in the course)
    timeline: list[MasteryPoint] = field(default_factory=list)
    skills: int = 0

    def to_json(self) -> dict:
        return {"streak": self.streak.to_json(), "goal": self.goal, "goal_title": self.goal_title,
                "finish": self.plan.finish.isoformat() if self.plan and self.plan.milestones else None,
                "next_milestone": self.next_milestone.to_json() if self.next_milestone else None,
                "problem": self.problem, "skills": self.skills,
                "timeline": [{"day": p.day.isoformat(), "mastered": p.mastered} for p in self.timeline]}


_cache: "OrderedDict[tuple, Panel]" = OrderedDict()
_memos: "OrderedDict[tuple, dict]" = OrderedDict()  # per learner: the settled part of the mastery replay
_cache_lock = threading.Lock()


def _key(app, learner: str, today: date, tz: tzinfo) -> tuple:
    """What the panel depends on: the learner's records (their fingerprint), the fit, the day."""
    learner_id = app.learner_id(learner)
    where = (id(app), app.store.url.render_as_string(hide_password=True))  # not id() alone: ids are reused
    return (where, learner, app.store.history_stamp(learner_id), app.store.coach_params_stamp(), today, str(tz))


def dashboard_panel(app, learner: str, today: date | None = None, tz: tzinfo | None = None) -> Panel:
    """The streak, the plan's next milestone and finish (with a goal), and mastery over time."""
    from mltrail.service.coach_profile import _local_zone

    tz = tz or _local_zone()
    today = today or datetime.now(tz).date()
    key = _key(app, learner, today, tz)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    panel = _build(app, learner, today, tz, memo_key=(key[0], learner, key[3], str(tz)))
    with _cache_lock:
        _cache[key] = panel
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return panel


def _build(app, learner: str, today: date, tz: tzinfo, memo_key: tuple) -> Panel:
    from mltrail.coach.plan import activity_days, streak
    from mltrail.service import coach_profile
    from mltrail.service.coach_reviews import param_source
    from mltrail.service.errors import ServiceError

    learner_id = app.learner_id(learner)
    attempts = app.store.attempts(learner_id)
    events = app.store.events(learner_id)
    graph = app.skill_graph
    days = activity_days([a.created_at for a in attempts if a.status in coach_profile.GRADED]
                         + [e.created_at for e in events if e.kind == "lesson_read"], tz)
    panel = Panel(streak(days, today), skills=len(graph.order))
    with _cache_lock:
        memo = _memos.setdefault(memo_key, {})  # per learner and fit of the parameters
        _memos.move_to_end(memo_key)
        while len(_memos) > _CACHE_SIZE:
            _memos.popitem(last=False)
    panel.timeline = mastery_over_time(graph, attempts, events, param_source(app), today, tz, memo=memo)
    current = coach_profile.latest_profile(events)
    panel.goal = current.goal if current else None
    if panel.goal is None:
        panel.problem = "no goal yet"
        return panel
    try:
        panel.goal_title = coach_profile.role(app, panel.goal).title
        panel.plan = coach_profile.plan(app, learner, today=today, tz=tz)
    except ServiceError as exc:
        panel.problem = str(exc)
        return panel
    panel.streak = panel.plan.streak
    panel.next_milestone = panel.plan.milestones[0] if panel.plan.milestones else None
    return panel
