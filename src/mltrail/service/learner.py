"""`Service`: one learner's view of an `App`, for scripts written against the older one-learner façade.

New code calls an `App` and passes the learner on each call; a `Service` fixes the
learner (from its settings) and forwards to its own App.
"""

from __future__ import annotations

from functools import cached_property

from mltrail.config import Settings
from mltrail.service.app import App


class Service:
    """The engine for the learner named in `settings` (a thin adapter over `App`)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def app(self) -> App:
        # A curriculum or sandbox set on this object before first use is shared with the App.
        return App(self.settings, curriculum=self.__dict__.get("curriculum"), sandbox=self.__dict__.get("sandbox"))

    @cached_property
    def curriculum(self):
        return self.app.curriculum

    @cached_property
    def sandbox(self):
        return self.app.sandbox

    @property
    def store(self):
        return self.app.store

    @property
    def learner_id(self) -> int:
        return self.app.learner_id(self.settings.learner)

    def exercise(self, exercise_id: str):
        return self.app.exercise(exercise_id)

    def grade(self, exercise_id: str, source: bytes, record: bool = True, seed: int | None = None):
        return self.app.grade(self.settings.learner, exercise_id, source, record=record, seed=seed)

    def regrade_pending(self) -> int:
        return self.app.regrade_stale(self.settings.learner)

    def hint(self, exercise_id: str):
        return self.app.hint(self.settings.learner, exercise_id)

    def lesson(self, lesson_id: str, record: bool = True):
        return self.app.lesson(self.settings.learner, lesson_id, record=record)

    def solution(self, exercise_id: str, reveal: bool = False) -> str:
        return self.app.solution(self.settings.learner, exercise_id, reveal=reveal)

    def passed_ids(self) -> set[str]:
        return self.app.passed_ids(self.settings.learner)

    def progress(self) -> dict:
        return self.app.progress(self.settings.learner).to_json()

    def sandbox_warnings(self) -> list[str]:
        return self.app.sandbox_warnings()

    def use_pool(self) -> None:
        self.app.use_pool()

    def close(self) -> None:
        if "app" in self.__dict__:
            self.app.close()


def default_service(home=None, content=None) -> Service:
    return Service(Settings.resolve(home=home, content=content))


__all__ = ["Service", "default_service"]
