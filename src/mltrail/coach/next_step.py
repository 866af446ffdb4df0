"""The next exercise: the first one on the path that the learner has not passed yet."""

from __future__ import annotations

from mltrail.curriculum.loader import Curriculum, Exercise, Lesson


def next_exercise(curriculum: Curriculum, passed: set[str]) -> Exercise | None:
    return next((ex for ex in curriculum.exercises() if ex.id not in passed), None)


def lesson_before(curriculum: Curriculum, exercise: Exercise, read: set[str]) -> Lesson | None:
    """An unread lesson of the exercise's module that teaches one of its skills."""
    module = curriculum.module(exercise.module)
    if module is None:
        return None
    for lesson in module.lessons:
        if lesson.id not in read and set(lesson.skills) & set(exercise.skills):
            return lesson
    return None
