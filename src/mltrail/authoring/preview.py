"""`mltrail show ID`: what a learner of an exercise sees, for its author to read first."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from mltrail.curriculum.loader import Curriculum, Exercise


@dataclass
class Preview:
    """An exercise as a learner meets it: prompt, workspace file, hints and the lesson to read."""

    exercise: str
    title: str
    kind: str
    prompt: str
    file: str  # the path inside a workspace
    file_text: str  # exactly what `mltrail init` writes there
    hints: int
    lesson: str | None
    lesson_title: str | None

    def to_json(self) -> dict:
        return asdict(self)


def preview(curriculum: Curriculum, exercise: Exercise) -> Preview:
    """What `mltrail next` and `mltrail init` show a learner who has read no lesson yet."""
    from mltrail.coach.next_step import lesson_before
    from mltrail.workspace import starter_text, workspace_path

    lesson = lesson_before(curriculum, exercise, read=set())
    return Preview(
        exercise=exercise.id,
        title=exercise.title,
        kind=exercise.kind,
        prompt=exercise.prompt,
        file=workspace_path(exercise).as_posix(),
        file_text=starter_text(exercise),
        hints=len(exercise.manifest.hints),
        lesson=lesson.id if lesson else None,
        lesson_title=lesson.title if lesson else None,
    )
