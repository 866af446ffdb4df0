"""The engine every interface calls: one `App` per process, the learner passed on every call.

An `App` holds what is shared and costly: the content (loaded once), the store
(its schema brought up to date once, under a lock) and the grading sandbox. It is
safe to call from many threads at once; nothing in it belongs to one learner.
Results are typed (`Verdict`, `HintStep`, `ExerciseSummary`, `Progress`, `Check`); errors are
typed (`NotFound`, `Invalid`, `Forbidden`, `Conflict`) and each interface words
them. Nothing here reads files on a learner's behalf: interfaces pass the source.
"""

from __future__ import annotations

import secrets
import threading
from pathlib import Path

from mltrail.config import Settings
from mltrail.curriculum.loader import Curriculum, Exercise, Lesson, load_curriculum
from mltrail.service.errors import Conflict, Forbidden, Invalid, NotFound
from mltrail.service.results import Check, ExerciseSummary, HintStep, Progress


class App:
    """The application: content, store and grading sandbox, shared by every learner of a process."""

    def __init__(self, settings: Settings, curriculum: Curriculum | None = None, sandbox=None, store=None) -> None:
        self.settings = settings
        given = {"curriculum": curriculum, "sandbox": sandbox, "store": store, "skill_graph": None}
        self._parts = {name: value for name, value in given.items() if value is not None}
        # One lock per shared part, so making one never waits for another (no lock-order deadlock),
        # and a part is made once however many threads ask for it first.
        self._part_locks = {name: threading.Lock() for name in given}
        self._lock = threading.Lock()  # the learner-id cache and the sandbox choice
        self._learner_ids: dict[str, int] = {}
        self._memo: dict = {}  # (kind, learner id) -> (records' stamp, value): see `memo`

    @classmethod
    def open(cls, settings: Settings) -> "App":
        """An App with its store opened and brought up to date (the one migration of the process)."""
        app = cls(settings)
        app.store  # noqa: B018  (migrate now, at start-up, not on a learner's first call)
        return app

    # ------------------------------------------------------------ shared parts

    def _once(self, name: str, make):
        with self._part_locks[name]:
            if name not in self._parts:
                self._parts[name] = make()
            return self._parts[name]

    @property
    def curriculum(self) -> Curriculum:
        """The content, loaded once."""
        return self._once("curriculum", lambda: load_curriculum(self.settings.content_dirs))

    @property
    def skill_graph(self):
        """The coach's skill graph of the content, built once (SkillGraphError for a cycle)."""
        from mltrail.coach.skills import SkillGraph

        return self._once("skill_graph", lambda: SkillGraph.from_curriculum(self.curriculum))

    @property
    def store(self):
        """The store, its schema brought up to date once (under a lock shared with other processes)."""
        from mltrail.store.db import Store

        return self._once("store", lambda: Store.at_home(self.settings.home, upgrade=True))

    @property
    def sandbox(self):
        """Where learner code runs: fresh confined interpreters, a warm zygote pool, or (debug) none."""
        return self._once("sandbox", self._make_sandbox)

    def _make_sandbox(self):
        from mltrail.sandbox.process import FreshSandbox

        forbidden = self._forbidden()
        if self.settings.sandbox == "none":
            return FreshSandbox(confined=False)
        if self.settings.sandbox == "pool":
            from mltrail.sandbox.pool import ZygotePool

            return ZygotePool(size=self.settings.pool_size, forbidden=forbidden)
        fresh = FreshSandbox(forbidden=forbidden)
        from mltrail.service.shared_pool import RemoteSandbox, pool_available

        if pool_available(self.settings.home, [str(Path(p).resolve()) for p in forbidden if Path(p).exists()]):
            return RemoteSandbox(self.settings.home, fresh)  # a `watch` of this home keeps a pool warm: use it
        return fresh

    def _forbidden(self) -> list:
        from mltrail.curriculum.loader import BUILTIN_MODULES

        return [BUILTIN_MODULES, *self.settings.content_dirs, self.settings.home]

    def serve_pool(self) -> bool:
        """Share this process's warm pool with one-shot commands of the same user and home.

        False when the sandbox is not a pool, or another process already serves this home.
        """
        from mltrail.sandbox.pool import ZygotePool
        from mltrail.service.shared_pool import PoolServer

        sandbox = self.sandbox
        if not isinstance(sandbox, ZygotePool) or "pool_server" in self._parts:
            return False
        forbidden = [p for p in self._forbidden() if Path(p).exists()]
        try:
            self._parts["pool_server"] = PoolServer(sandbox, self.settings.home, forbidden)
        except OSError:
            return False
        return True

    def upgrade_store(self) -> tuple[str | None, str]:
        """Bring the store's schema up to date now (`mltrail db upgrade`): the revisions before and after."""
        from mltrail.store.db import Store

        store = Store.at_home(self.settings.home, upgrade=False)
        before = store.revision()
        return before, store.upgrade(force=True)

    def use_pool(self) -> None:
        """Grade through warm zygotes from now on (for long-running processes), unless unconfined."""
        with self._part_locks["sandbox"]:
            if self.settings.sandbox == "fresh" and "sandbox" not in self._parts:
                self.settings.sandbox = "pool"

    def close(self) -> None:
        server = self._parts.pop("pool_server", None)
        if server is not None:
            server.close()
        sandbox = self._parts.get("sandbox")
        if sandbox is not None and hasattr(sandbox, "close"):
            sandbox.close()

    def learner_id(self, learner: str) -> int:
        """The store's id of a learner, created on first use."""
        store = self.store  # outside self._lock: opening the store takes a lock of its own
        with self._lock:
            if learner not in self._learner_ids:
                self._learner_ids[learner] = store.learner_id(learner)
            return self._learner_ids[learner]

    # ------------------------------------------------------------ content

    def exercise(self, exercise_id: str) -> Exercise:
        """The exercise; NotFound (with close ids) or Invalid (its folder does not load)."""
        exercise = self.curriculum.exercise(exercise_id)
        if exercise is not None:
            return exercise
        problem = self._load_problem(exercise_id)
        if problem is not None:
            raise Invalid(exercise_id, problem)
        close = [ex.id for ex in self.curriculum.exercises() if exercise_id.split("/")[-1] in ex.id]
        raise NotFound("exercise", exercise_id, close[:3])

    def _load_problem(self, exercise_id: str) -> str | None:
        """Why the folder of `exercise_id` did not load, if there is such a folder."""
        module, _, name = exercise_id.partition("/")
        if not module or not name:
            return None
        for problem in self.curriculum.problems:
            parts = problem.path.parts
            if "exercises" in parts:
                at = len(parts) - 1 - parts[::-1].index("exercises")
                if at >= 1 and parts[at - 1] == module and at + 1 < len(parts) and parts[at + 1] == name:
                    return str(problem)
        return None

    def exercises(self) -> list[ExerciseSummary]:
        """Every exercise in path order."""
        from mltrail.curriculum.extras import missing_extra

        return [
            ExerciseSummary(ex.id, ex.module, ex.title, ex.kind, ex.entry, ex.skills, ex.manifest.difficulty,
                            ex.manifest.minutes, missing_extra(ex))
            for ex in self.curriculum.exercises()
        ]

    def lesson(self, learner: str, lesson_id: str, record: bool = True) -> Lesson:
        """A lesson, recorded as read by `learner` unless `record` is False."""
        found = self.curriculum.lesson(lesson_id)
        if found is None:
            raise NotFound("lesson", lesson_id)
        if record:
            self.store.record_event(self.learner_id(learner), "lesson_read", found.id)
        return found

    def lessons_read(self, learner: str) -> set[str]:
        """The ids of the lessons `learner` has read."""
        return {e.subject for e in self.store.events(self.learner_id(learner), kind="lesson_read")}

    # ------------------------------------------------------------ grading

    def passed_ids(self, learner: str) -> set[str]:
        """The exercises `learner` has passed."""
        return {a.exercise_id for a in self.store.attempts(self.learner_id(learner)) if a.passed}

    def grade(self, learner: str, exercise_id: str, source: bytes, record: bool = True, seed: int | None = None):
        """`learner`'s submission graded: a Verdict; with `record`, the attempt is stored before grading.

        A submission over the size limit is refused with a 'rejected' verdict and never stored; an
        exercise whose optional extra (PyTorch) is not installed gives a 'skipped' one, not stored.
        """
        return self.submit(learner, exercise_id, source, record, seed)[1]

    def submit(self, learner: str, exercise_id: str, source: bytes, record: bool = True, seed: int | None = None):
        """Like `grade`, and the stored attempt's id with the verdict: (attempt id or None, Verdict)."""
        from mltrail.curriculum.extras import missing_extra
        from mltrail.grading.grader import grade_source, size_problem
        from mltrail.grading.verdict import Verdict

        exercise = self.exercise(exercise_id)
        seed = secrets.randbits(32) if seed is None else seed
        too_big = size_problem(source)
        if too_big:
            return None, Verdict(exercise.id, "rejected", too_big, seed=seed)
        missing = missing_extra(exercise)
        if missing is not None:  # not an attempt: nothing is stored
            return None, Verdict(exercise.id, "skipped", f"This exercise {missing}. Nothing was graded.", seed=seed)
        attempt_id = None
        if record:
            code = source.decode("utf-8", errors="replace")
            attempt_id = self.store.start_attempt(self.learner_id(learner), exercise.id, code, seed, exercise.content_version())
        try:
            verdict = grade_source(exercise, source, seed=seed, runner=self.sandbox, tenant=learner)
        except Exception as exc:  # the exercise is broken, or the grader is: never leave the attempt pending
            verdict = _broken_verdict(exercise, exc, seed)
        if attempt_id is not None:
            self.store.finish_attempt(attempt_id, verdict.to_record())
        return attempt_id, verdict

    def attempts(self, learner: str, exercise_id: str | None = None) -> list:
        """`learner`'s attempts (store.db.AttemptRecord), oldest first, of one exercise or all."""
        return self.store.attempts(self.learner_id(learner), exercise_id)

    def attempt(self, learner: str, attempt_id: int):
        """One of `learner`'s attempts; NotFound when it is not theirs (or does not exist)."""
        found = self.store.attempt(self.learner_id(learner), attempt_id)
        if found is None:
            raise NotFound("attempt", str(attempt_id))
        return found

    def regrade_stale(self, learner: str | None = None) -> int:
        """Grade attempts whose grader stopped (their lease ran out), each once; returns how many.

        An attempt that cannot be graded, or whose grading was already interrupted once,
        is finished with an error verdict, so one bad attempt never blocks the others.
        """
        from mltrail.grading.grader import grade_source
        from mltrail.grading.verdict import Verdict

        claimed = self.store.claim_stale(None if learner is None else self.learner_id(learner))
        for attempt in claimed:
            exercise = self.curriculum.exercise(attempt.exercise_id)
            if exercise is None:
                verdict = Verdict(attempt.exercise_id, "error", "This exercise no longer exists.", seed=attempt.seed)
            elif attempt.regrades > 1:
                verdict = Verdict(exercise.id, "error", "Grading this attempt was interrupted twice; "
                                  "it was not graded. Submit it again.", seed=attempt.seed)
            else:
                try:
                    verdict = grade_source(exercise, attempt.code.encode("utf-8"), seed=attempt.seed, runner=self.sandbox)
                except Exception as exc:
                    verdict = _broken_verdict(exercise, exc, attempt.seed)
                if attempt.content_version and attempt.content_version != verdict.content_version:
                    # the seed reproduces the cases of the version recorded, not of this one: say so
                    verdict.message += " (Graded against a newer version of the exercise than the one you submitted to.)"
            self.store.finish_attempt(attempt.id, verdict.to_record())
        return len(claimed)

    # ------------------------------------------------------------ next step

    def request_scope(self):
        """A context in which each learner's records are fingerprinted once (one web request):
        the engine's calls inside it share the reading, and a write inside it is seen at once."""
        from mltrail.store.db import stamp_scope

        return stamp_scope()

    def memo(self, kind: str, learner: str, compute, reads_matter: bool = True):
        """`compute()` for `learner`, computed again only when their records or the fitted
        parameters changed (a page asks for mastery and reviews several times). With
        `reads_matter=False` (what the coach derives from answers, help and profile), reading a
        lesson is not a change."""
        learner_id = self.learner_id(learner)
        key = (kind, learner_id)
        history = self.store.history_stamp(learner_id)
        if history[0] is None:  # the records changed while they were read: trust no copy
            return compute()
        if not reads_matter:
            kept = [e.id for e in self.store.events(learner_id) if e.kind != "lesson_read"]
            history = (history[0], len(kept), kept[-1] if kept else None)
        stamp = (history, self.store.coach_params_stamp())
        with self._lock:
            cached = self._memo.get(key)
            if cached is not None and cached[0] == stamp:
                return cached[1]
        value = compute()
        with self._lock:
            self._memo[key] = (stamp, value)
            if len(self._memo) > 2048:
                self._memo.pop(next(iter(self._memo)))
        return value

    def mastery(self, learner: str) -> dict:
        """Every skill's state for `learner` (coach.mastery.SkillState), replayed from their records."""
        from mltrail.coach.mastery import mastery
        from mltrail.service.coach_reviews import param_source

        learner_id = self.learner_id(learner)
        return dict(self.memo("mastery", learner, lambda: mastery(
            self.skill_graph, self.store.attempts(learner_id), self.store.events(learner_id),
            params=param_source(self)), reads_matter=False))  # `mltrail coach fit`'s parameters where stored

    def next_step(self, learner: str, goal: dict[str, float] | None = None):
        """The coach's next step for `learner` (coach.next_step.NextStep): a skill of the outer
        fringe, their goal's first (by default the goal role of their profile), and the exercise
        that practises it."""
        from mltrail.coach.mastery import mastered
        from mltrail.coach.next_step import recommend
        from mltrail.curriculum.extras import missing_extra
        from mltrail.service.coach_profile import goal_weights

        from mltrail.service.coach_reviews import review_queue

        from dataclasses import replace

        from mltrail.coach.next_step import struggling_with

        def compute(goal=goal):
            goal = goal if goal is not None else goal_weights(self, learner)  # the profile's goal role's skill weights
            states = self.mastery(learner)
            attempts = self.store.attempts(self.learner_id(learner))
            return recommend(self.curriculum, self.skill_graph, mastered(states),
                             {a.exercise_id for a in attempts if a.passed},
                             goal=goal, usable=lambda exercise: missing_extra(exercise) is None,
                             struggling=struggling_with(attempts), p_known={s: st.p_known for s, st in states.items()},
                             answered={s for s, st in states.items() if st.answers})

        # the profile is one of the learner's records: with no goal given, the step is remembered until they change
        step = compute() if goal is not None else self.memo("next_step", learner, compute, reads_matter=False)
        return replace(step, fringe=list(step.fringe), reviews_due=review_queue(self, learner).due)  # reviews come first

    def missing_first(self, learner: str, exercise_id: str) -> list[str]:
        """The skills `learner` has not mastered that an exercise builds on (its skills'
        unmastered prerequisites, prerequisites first): nothing is locked, but the coach says."""
        from mltrail.coach.mastery import mastered
        from mltrail.coach.next_step import practised, practisable

        exercise = self.exercise(exercise_id)
        graph = self.skill_graph
        known = practisable(graph, mastered(self.mastery(learner)) | practised(graph, self.passed_ids(learner)))
        wanted: set[str] = set()
        for skill in exercise.skills:
            if skill in graph:
                wanted |= graph.ancestors(skill) - known - set(exercise.skills)
        return [skill for skill in graph.order if skill in wanted]

    def next_exercise(self, learner: str) -> Exercise | None:
        """The exercise the coach advises next (see `next_step`)."""
        return self.next_step(learner).exercise

    def lesson_to_read(self, learner: str, exercise: Exercise) -> Lesson | None:
        """The lesson `learner` should read before `exercise`, if they have not read it."""
        from mltrail.coach.next_step import lesson_before

        return lesson_before(self.curriculum, exercise, self.lessons_read(learner))

    # ------------------------------------------------------------ help

    def hint(self, learner: str, exercise_id: str) -> HintStep:
        """The next hint of the ladder and the ones already taken; only a new hint is recorded."""
        exercise = self.exercise(exercise_id)
        hints = exercise.manifest.hints
        learner_id = self.learner_id(learner)
        taken = len(self.store.events(learner_id, kind="hint", subject=exercise.id))
        new = taken < len(hints)
        level = min(taken + 1, len(hints))
        if new:
            self.store.record_event(learner_id, "hint", exercise.id, {"level": level})
        return HintStep(exercise, hints[:level], len(hints), new)

    def solution(self, learner: str, exercise_id: str, reveal: bool = False) -> str:
        """The reference solution, once passed or when revealed (recorded either way); else Forbidden."""
        exercise = self.exercise(exercise_id)
        passed = exercise.id in self.passed_ids(learner)
        if not passed and not reveal:
            raise Forbidden("solution", exercise.id)
        self.store.record_event(self.learner_id(learner), "solution", exercise.id, {"revealed_before_pass": not passed})
        if exercise.kind == "quiz":
            from mltrail.curriculum.quiz_file import solution_file

            return solution_file(exercise)
        return exercise.file("solution.py").read_text(encoding="utf-8")

    def progress(self, learner: str) -> Progress:
        """How far `learner` is: exercises and lessons per module, skills, attempts, hints."""
        from mltrail.coach.progress import summarise

        learner_id = self.learner_id(learner)
        return self.memo("progress", learner, lambda: Progress.from_summary(
            summarise(self.curriculum, self.store.attempts(learner_id), self.store.events(learner_id))))

    # ------------------------------------------------------------ health

    def sandbox_warnings(self) -> list[str]:
        """What confinement this host lacks, said before any grading (never a silent gap)."""
        if self.settings.sandbox == "none":
            return ["the sandbox is OFF (--no-sandbox): learner code runs unconfined, with your rights"]
        from mltrail.sandbox.probe import missing_layers

        return [f"sandbox layer missing: {reason}" for reason in missing_layers()]

    def layer_probe(self) -> dict[str, bool]:
        """Each confinement layer, tested from inside a job: held or not (RuntimeError if no job runs)."""
        from mltrail.sandbox.probe import probe_layers

        return probe_layers(self.sandbox)

    def store_check(self) -> Check:
        """Whether the store opens, is writable and its schema is this version's (else Conflict's advice)."""
        import os

        from mltrail.store.db import HEAD

        home = self.settings.home
        try:
            home.mkdir(parents=True, exist_ok=True)
            revision = self.store.revision()
            if revision != HEAD:
                raise Conflict("store", f"schema at {revision}, this mltrail needs {HEAD}; run `mltrail db upgrade`")
            self.store.learner_id(self.settings.learner)
        except Exception as exc:
            return Check("store", "error", f"{home}: {exc}")
        writable = os.access(home, os.W_OK)
        return Check("store", "ok" if writable else "error", f"{home / 'mltrail.db'} (schema {revision})")

    def grading_probe(self) -> Check:
        """A reference solution graded end to end, to show grading works on this host."""
        import time

        from mltrail.grading.grader import grade_source

        exercise = next((ex for ex in self.curriculum.exercises() if ex.kind == "function"), None)
        if exercise is None:
            return Check("grading", "warning", "no function exercise to try")
        started = time.perf_counter()
        verdict = grade_source(exercise, exercise.file("solution.py").read_bytes(), runner=self.sandbox)
        elapsed = (time.perf_counter() - started) * 1000
        return Check("grading", "ok" if verdict.passed else "error",
                     f"{exercise.id} reference solution: {verdict.status} in {elapsed:.0f} ms")

    def doctor(self) -> list[Check]:
        """Every check of `mltrail doctor`: Python, packages, store, content, sandbox layers, grading."""
        from mltrail.doctor import diagnose

        return diagnose(self)


def _broken_verdict(exercise: Exercise, exc: Exception, seed: int):
    from mltrail.grading.grader import ContentError
    from mltrail.grading.verdict import Verdict, cap_text

    if isinstance(exc, ContentError):
        message = f"This exercise is broken, not your code: {exc}. Please report it to the course author."
    else:
        message = f"Your submission could not be graded ({type(exc).__name__}: {exc}); please report it."
    return Verdict(exercise.id, "error", cap_text(message), seed=seed)


__all__ = ["App"]
