"""How far a learner is: per module, per skill, and what they did."""

from __future__ import annotations

from typing import Sequence

from mltrail.coach.records import AttemptLike, EventLike
from mltrail.curriculum.loader import Curriculum


def hints_taken(events: Sequence[EventLike]) -> int:
    """Distinct hints seen: asking again for the last one of a ladder is not another hint."""
    return len({(e.subject, e.detail.get("level", id(e))) for e in events if e.kind == "hint"})


def summarise(curriculum: Curriculum, attempts: Sequence[AttemptLike], events: Sequence[EventLike]) -> dict:
    """Progress as plain data (the `progress --json` output)."""
    passed = {a.exercise_id for a in attempts if a.passed}
    tried = {a.exercise_id for a in attempts}
    read = {e.subject for e in events if e.kind == "lesson_read"}
    hints = hints_taken(events)
    revealed = {e.subject for e in events if e.kind == "solution" and e.detail.get("revealed_before_pass")}
    modules = []
    for module in curriculum.modules:
        ids = [ex.id for ex in module.exercises]
        modules.append({
            "id": module.id,
            "title": module.title,
            "exercises": len(ids),
            "passed": sum(i in passed for i in ids),
            "attempted": sum(i in tried for i in ids),
            "lessons": len(module.lessons),
            "lessons_read": sum(lesson.id in read for lesson in module.lessons),
        })
    every = curriculum.exercises()
    by_skill: dict[str, list[str]] = {}
    for ex in every:  # once over the exercises, not once per skill (the dashboard asks on every view)
        for skill_id in dict.fromkeys(ex.skills):
            by_skill.setdefault(skill_id, []).append(ex.id)
    skills = {}
    for skill_id, title in curriculum.skills().items():
        exercises = by_skill.get(skill_id, [])
        skills[skill_id] = {
            "title": title,
            "exercises": len(exercises),
            "passed": sum(i in passed for i in exercises),
        }
    total = len(every)
    done = len(passed & {ex.id for ex in every})
    return {
        "exercises": total,
        "passed": done,
        "percent": round(100 * done / total, 1) if total else 0.0,
        "attempts": len(attempts),
        "hints_taken": hints,
        "solutions_revealed": sorted(revealed),
        "modules": modules,
        "skills": skills,
        "passed_ids": sorted(passed),
    }
