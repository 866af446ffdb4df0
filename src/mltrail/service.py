"""The one façade every interface calls: grade, next step, hints, solutions, progress.

Interfaces (CLI today, web and notebook later) never reach into the grader, the
store or the coach themselves; they call a `Service` and render what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from mltrail.config import Settings
from mltrail.curriculum.loader import Curriculum, Exercise, Lesson, load_curriculum


class UserError(Exception):
    """Something the user asked for that cannot be done; the message says what to do."""


@dataclass
class HintStep:
    exercise: Exercise
    shown: list[str]
    total: int


class Service:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    # ------------------------------------------------------------ content

    @cached_property
    def curriculum(self) -> Curriculum:
        return load_curriculum(self.settings.content_dirs)

    def exercise(self, exercise_id: str) -> Exercise:
        exercise = self.curriculum.exercise(exercise_id)
        if exercise is None:
            close = [ex.id for ex in self.curriculum.exercises() if exercise_id.split("/")[-1] in ex.id]
            suggestion = f" Did you mean {', '.join(close[:3])}?" if close else " `mltrail list` shows them all."
            raise UserError(f"Unknown exercise '{exercise_id}'.{suggestion}")
        return exercise

    def lesson(self, lesson_id: str, record: bool = True) -> Lesson:
        lesson = self.curriculum.lesson(lesson_id)
        if lesson is None:
            raise UserError(f"Unknown lesson '{lesson_id}'. `mltrail lessons` lists them.")
        if record:
            self.store.record_event(self.learner_id, "lesson_read", lesson.id)
        return lesson

    def list_exercises(self) -> list[dict]:
        return [
            {
                "id": ex.id,
                "module": ex.module,
                "title": ex.title,
                "kind": ex.kind,
                "entry": ex.entry,
                "skills": ex.skills,
                "difficulty": ex.manifest.difficulty,
                "minutes": ex.manifest.minutes,
            }
            for ex in self.curriculum.exercises()
        ]

    # ------------------------------------------------------------ store

    @cached_property
    def store(self):
        from mltrail.store.db import Store

        return Store.at_home(self.settings.home)

    @cached_property
    def learner_id(self) -> int:
        return self.store.learner_id(self.settings.learner)

    def passed_ids(self) -> set[str]:
        return {a.exercise_id for a in self.store.attempts(self.learner_id) if a.passed}

    # ------------------------------------------------------------ grading

    @cached_property
    def sandbox(self):
        """Where learner code runs: fresh confined interpreters, a warm zygote pool, or (debug) none."""
        from mltrail.curriculum.loader import BUILTIN_MODULES
        from mltrail.sandbox.process import FreshSandbox

        forbidden = [BUILTIN_MODULES, *self.settings.content_dirs, self.settings.home]
        if self.settings.sandbox == "none":
            return FreshSandbox(confined=False)
        if self.settings.sandbox == "pool":
            from mltrail.sandbox.pool import ZygotePool

            return ZygotePool(size=self.settings.pool_size, forbidden=forbidden)
        return FreshSandbox(forbidden=forbidden)

    def sandbox_warnings(self) -> list[str]:
        """What confinement this host lacks, said before any grading (never a silent gap)."""
        if self.settings.sandbox == "none":
            return ["the sandbox is OFF (--no-sandbox): learner code runs unconfined, with your rights"]
        from mltrail.sandbox.probe import missing_layers

        return [f"sandbox layer missing: {reason}" for reason in missing_layers()]

    def use_pool(self) -> None:
        """Grade through warm zygotes from now on (for long-running commands), unless unconfined."""
        if self.settings.sandbox == "fresh" and "sandbox" not in self.__dict__:
            self.settings.sandbox = "pool"

    def close(self) -> None:
        sandbox = self.__dict__.get("sandbox")
        if sandbox is not None and hasattr(sandbox, "close"):
            sandbox.close()

    def grade(self, exercise_id: str, source: bytes, record: bool = True, seed: int | None = None):
        """Grade a submission; with `record`, the attempt is stored before grading."""
        import secrets

        from mltrail.grading.grader import ContentError, grade_source
        from mltrail.grading.verdict import Verdict

        exercise = self.exercise(exercise_id)
        seed = secrets.randbits(32) if seed is None else seed
        attempt_id = None
        if record:
            code = source.decode("utf-8", errors="replace")
            attempt_id = self.store.start_attempt(self.learner_id, exercise.id, code, seed)
        try:
            verdict = grade_source(exercise, source, seed=seed, runner=self.sandbox, tenant=self.settings.learner)
        except ContentError as exc:
            verdict = Verdict(exercise.id, "error", f"This exercise is broken, not your code: {exc}. Please report it to the course author.", seed=seed)
        if attempt_id is not None:
            self.store.finish_attempt(attempt_id, verdict.to_record())
        return verdict

    def grade_file(self, exercise_id: str, path: Path, record: bool = True, seed: int | None = None):
        """Grade a file; an unreadable file is a UserError that says why."""
        self.exercise(exercise_id)
        try:
            source = path.read_bytes()
        except FileNotFoundError:
            raise UserError(f"cannot read {path}: there is no such file") from None
        except IsADirectoryError:
            raise UserError(f"cannot read {path}: it is a folder; give the path of your .py file") from None
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
        return self.grade(exercise_id, source, record=record, seed=seed)

    def regrade_pending(self) -> int:
        """Grade attempts left pending by a crash; returns how many were graded."""
        from mltrail.grading.grader import grade_source

        count = 0
        for attempt in self.store.iter_pending():
            exercise = self.curriculum.exercise(attempt.exercise_id)
            if exercise is None:
                self.store.finish_attempt(attempt.id, {"status": "error", "passed": False, "message": "exercise no longer exists"})
                continue
            verdict = grade_source(exercise, attempt.code.encode("utf-8"), seed=attempt.seed, runner=self.sandbox)
            self.store.finish_attempt(attempt.id, verdict.to_record())
            count += 1
        return count

    # ------------------------------------------------------------ workspace

    def init_workspace(self, root: Path) -> tuple[list[Path], list[Path]]:
        from mltrail.workspace import init_workspace

        return init_workspace(root, self.curriculum, self.settings.content_dirs)

    def workspace(self, start: Path | None = None):
        from mltrail.workspace import Workspace

        try:
            found = Workspace.find((start or Path.cwd()).resolve())
        except ValueError as exc:
            raise UserError(str(exc)) from None
        if found is None:
            raise UserError("This folder is not inside an mltrail workspace. Run `mltrail init DIR` first, then `cd DIR`.")
        return found

    def next_exercise(self) -> Exercise | None:
        from mltrail.coach.next_step import next_exercise

        return next_exercise(self.curriculum, self.passed_ids())

    def lesson_to_read(self, exercise: Exercise) -> Lesson | None:
        from mltrail.coach.next_step import lesson_before

        read = {e.subject for e in self.store.events(self.learner_id, kind="lesson_read")}
        return lesson_before(self.curriculum, exercise, read)

    # ------------------------------------------------------------ help

    def hint(self, exercise_id: str) -> HintStep:
        """The next hint of the ladder (and the ones already taken); records the event."""
        exercise = self.exercise(exercise_id)
        hints = exercise.manifest.hints
        taken = len(self.store.events(self.learner_id, kind="hint", subject=exercise.id))
        level = min(taken + 1, len(hints))
        self.store.record_event(self.learner_id, "hint", exercise.id, {"level": level})
        return HintStep(exercise, hints[:level], len(hints))

    def solution(self, exercise_id: str, reveal: bool = False) -> str:
        """The reference solution, once passed or when revealed (recorded either way)."""
        exercise = self.exercise(exercise_id)
        passed = exercise.id in self.passed_ids()
        if not passed and not reveal:
            raise UserError(
                f"You have not passed {exercise.id} yet. Try `mltrail hint {exercise.id}`, "
                f"or use `mltrail solution {exercise.id} --reveal` to see it anyway (this is recorded)."
            )
        self.store.record_event(self.learner_id, "solution", exercise.id, {"revealed_before_pass": not passed})
        if exercise.kind == "quiz":
            from mltrail.curriculum.quiz_file import solution_file

            return solution_file(exercise)
        return exercise.file("solution.py").read_text(encoding="utf-8")

    # ------------------------------------------------------------ progress

    def progress(self) -> dict:
        from mltrail.coach.progress import summarise

        attempts = self.store.attempts(self.learner_id)
        events = self.store.events(self.learner_id)
        return summarise(self.curriculum, attempts, events)

    def doctor(self) -> list[dict]:
        from mltrail.doctor import diagnose

        return diagnose(self)


def default_service(home: Path | None = None, content: list[Path] | None = None) -> Service:
    return Service(Settings.resolve(home=home, content=content))


__all__ = ["Service", "UserError", "HintStep", "default_service"]
