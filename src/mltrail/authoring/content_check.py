"""`mltrail content check`: the author's gate.

Schema, ids, prerequisite cycles, declared skills, required files, hint ladders and
stray files are checked statically; then every reference solution must PASS, and
every starter and every recorded mistake must FAIL, graded by the real grader.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from mltrail.curriculum.extras import missing_extra
from mltrail.curriculum.figures import FIGURES_DIR, figure_problems, figures_folder_problems
from mltrail.curriculum.graph import reference_problems
from mltrail.curriculum.loader import (
    DATASET_FILES,
    FUNCTION_FILES,
    IGNORED_NAMES,
    QUIZ_FILES,
    Curriculum,
    Exercise,
    Problem,
    load_curriculum,
)
from mltrail.curriculum.schema import is_slug

SOLUTION_SEEDS = (1, 2)
MISTAKE_SEED = 3
MIN_CASES = 21  # edge cases first, then at least 20 random ones
MIN_DIFFERING = 20  # cases that must change between the two seeds, so hard-coded answers fail
# Every recorded mistake needs its mistakes/<name>.md explanation. Off until the built-in
# course has one for every mistake; then switch it on so new mistakes cannot lack one.
REQUIRE_MISTAKE_EXPLANATIONS = True


@dataclass
class GradingJob:
    exercise: Exercise
    label: str  # solution.py, starter.py, mistakes/x.py
    source: bytes
    must_pass: bool
    seed: int


def stray_file_problems(folder: Path, kinds: dict[str, str]) -> list[Problem]:
    """Files and folders in a module that the format does not know.

    `kinds` maps an exercise folder name to its kind, for the exercises that loaded.
    """
    problems = []

    def stray(path: Path, why: str) -> None:
        problems.append(Problem(path, "", f"stray {'folder' if path.is_dir() else 'file'}: {why}"))

    for path in sorted(folder.iterdir()):
        if path.name not in IGNORED_NAMES | {"module.toml", "lessons", "exercises"}:
            stray(path, "a module holds module.toml, lessons/ and exercises/ only")
    lessons = folder / "lessons"
    for path in sorted(lessons.iterdir()) if lessons.is_dir() else []:
        if path.name == FIGURES_DIR:
            problems += figures_folder_problems(path)
        elif path.name not in IGNORED_NAMES and (path.suffix != ".md" or not path.is_file() or not is_slug(path.stem)):
            stray(path, "lessons/ holds Markdown files named like 01-vectors.md, and figures/")
    exercises = folder / "exercises"
    for sub in sorted(exercises.iterdir()) if exercises.is_dir() else []:
        if sub.name in IGNORED_NAMES:
            continue
        if not sub.is_dir():
            stray(sub, "exercises/ holds one folder per exercise")
            continue
        kind = kinds.get(sub.name)
        allowed = set(QUIZ_FILES) if kind == "quiz" else set(DATASET_FILES if kind == "dataset" else FUNCTION_FILES) | {"mistakes"}
        for path in sorted(sub.iterdir()):
            if path.name in IGNORED_NAMES:
                continue
            if path.name not in allowed:
                stray(path, f"an exercise folder holds {', '.join(sorted(allowed))}")
            elif path.name == "mistakes":
                for mistake in sorted(path.iterdir()):
                    if mistake.name in IGNORED_NAMES:
                        continue
                    if mistake.suffix not in (".py", ".md") or not mistake.is_file():
                        stray(mistake, "mistakes/ holds wrong solutions (name.py) and their explanations (name.md)")
                    elif mistake.suffix == ".md" and not mistake.with_suffix(".py").is_file():
                        stray(mistake, f"an explanation needs its mistake beside it: {mistake.stem}.py")
    return problems


def explanation_problems(exercises: list[Exercise]) -> list[Problem]:
    """Recorded mistakes without an explanation beside them (`mistakes/<name>.md`)."""
    problems = []
    for exercise in exercises:
        for mistake in exercise.mistakes():
            text = exercise.mistake_explanation(mistake)
            if not text:
                state = "is empty" if text == "" else "is missing"
                problems.append(Problem(mistake.with_suffix(".md"), "", (
                    f"the explanation of mistakes/{mistake.name} {state}: write, to the learner who made this "
                    "mistake, what they did, why it is wrong and how to put it right (two to five sentences)")))
    return problems


def _fingerprint(case) -> bytes:
    # Trusted author data, only ever dumped to compare two draws, never loaded.
    import pickle

    try:
        return pickle.dumps((case.args, case.files, case.hidden))
    except Exception:
        return repr((case.args, case.files, case.hidden)).encode()


def case_problems(exercise: Exercise) -> list[Problem]:
    """A check must yield enough cases and draw them from `rng`, or a hard-coded answer passes.

    A check that cannot run at all is left to grading, which reports it with its error.
    """
    from collections import Counter

    import numpy as np

    from mltrail.grading.contract import Case
    from mltrail.grading.grader import load_trusted

    path = exercise.file("check.py")
    try:
        check = load_trusted(path)
        draws = [[Case.of(item) for item in check.cases(np.random.default_rng(seed))] for seed in SOLUTION_SEEDS]
    except Exception:
        return []
    problems = []
    for seed, cases in zip(SOLUTION_SEEDS, draws):
        if len(cases) < MIN_CASES:
            problems.append(Problem(path, "cases", (
                f"cases(rng) yields {len(cases)} cases with seed {seed}; yield at least {MIN_CASES}: "
                f"edge cases first, then at least {MIN_DIFFERING} random ones drawn from rng")))
            return problems
    first, second = (Counter(_fingerprint(case) for case in cases) for cases in draws)
    differing = sum((second - first).values())
    if differing < MIN_DIFFERING:
        what = "the cases are the same for every seed: cases(rng) never uses rng" if differing == 0 else (
            f"only {differing} cases differ between seeds {SOLUTION_SEEDS[0]} and {SOLUTION_SEEDS[1]}")
        problems.append(Problem(path, "cases", (
            f"{what}; draw at least {MIN_DIFFERING} cases from rng (the numpy Generator passed to cases), "
            "so that an answer hard-coded for the visible cases cannot pass")))
    return problems


def exercise_jobs(exercise: Exercise) -> list[GradingJob]:
    """What the gate grades for one exercise: the reference twice, the starter and each mistake once."""
    if exercise.kind == "quiz":
        from mltrail.curriculum.quiz_file import quiz_file, solution_file

        answers = solution_file(exercise).encode()
        return [GradingJob(exercise, "generated answers", answers, True, seed) for seed in SOLUTION_SEEDS] + [
            GradingJob(exercise, "generated quiz file", quiz_file(exercise).encode(), False, MISTAKE_SEED)]
    jobs = [GradingJob(exercise, "solution.py", exercise.file("solution.py").read_bytes(), True, seed) for seed in SOLUTION_SEEDS]
    jobs.append(GradingJob(exercise, "starter.py", exercise.file("starter.py").read_bytes(), False, MISTAKE_SEED))
    for mistake in exercise.mistakes():
        jobs.append(GradingJob(exercise, f"mistakes/{mistake.name}", mistake.read_bytes(), False, MISTAKE_SEED))
    return jobs


def grading_jobs(curriculum: Curriculum, modules: set[str] | None = None) -> list[GradingJob]:
    """Every file to grade; exercises whose optional extra is not installed are left out (see `skipped`)."""
    return [job for ex in curriculum.exercises() if (modules is None or ex.module in modules) and not missing_extra(ex)
            for job in exercise_jobs(ex)]


def skipped(curriculum: Curriculum, modules: set[str] | None = None) -> list[tuple[Exercise, str]]:
    """The exercises the gate cannot grade here, each with the reason and the install command."""
    return [(ex, reason) for ex in curriculum.exercises() if modules is None or ex.module in modules
            for reason in [missing_extra(ex)] if reason]


def job_path(job: GradingJob) -> Path:
    """The file a job grades (a quiz's generated files come from its exercise.toml)."""
    return job.exercise.path / (job.label if not job.label.startswith("generated") else "exercise.toml")


def grade_job(job: GradingJob, runner=None):
    """The verdict of a job, or a Problem when the exercise's own check could not run."""
    from mltrail.grading.grader import CHECK_REFERENCE, ContentError, grade_source
    from mltrail.grading.mistakes import NAMING

    naming = NAMING.set(False)  # the gate judges files; naming a learner's mistake is not its job
    checking = CHECK_REFERENCE.set(True)  # and it holds the reference to the exercise's own rules
    try:
        # One tenant per exercise: the pool runs one job per tenant at a time, and the gate runs many.
        return grade_source(job.exercise, job.source, seed=job.seed, runner=runner, tenant=f"content-check:{job.exercise.id}")
    except ContentError as exc:
        return Problem(job_path(job), "", f"the check could not run: {exc}")
    finally:
        NAMING.reset(naming)
        CHECK_REFERENCE.reset(checking)


def judge_job(job: GradingJob, verdict) -> Problem | None:
    """What is wrong with a job's verdict for the gate, if anything."""
    path = job_path(job)
    if job.must_pass and not verdict.passed:
        return Problem(path, "", f"must PASS its check but got '{verdict.status}' (seed {job.seed}): {verdict.message}")
    if not job.must_pass and verdict.passed:
        return Problem(path, "", f"must FAIL its check but passed (seed {job.seed})")
    if not job.must_pass and job.label == "starter.py" and verdict.status != "failed":
        return Problem(path, "", f"a starter must run and fail its cases, but got '{verdict.status}': {verdict.message}")
    if not job.must_pass and job.label.startswith("mistakes/") and verdict.status != "failed":
        # Feedback runs recorded mistakes beside solution.py, in the trusted process, to name a
        # learner's mistake: one that never ends or cannot run would stall or break that.
        return Problem(path, "", f"a recorded mistake must run and return wrong answers, but got "
                       f"'{verdict.status}': {verdict.message}")
    return None


def _run_job(job: GradingJob, runner=None) -> Problem | None:
    verdict = grade_job(job, runner)
    return verdict if isinstance(verdict, Problem) else judge_job(job, verdict)


def check_content(
    content_dirs: list[Path],
    only_custom: bool = False,
    grade: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
    runner=None,
    require_explanations: bool | None = None,
) -> tuple[Curriculum, list[Problem]]:
    """Every problem in the content, each naming its file (and field where there is one).

    `runner` is the sandbox to grade in (default: a fresh confined interpreter per job).
    `require_explanations` overrides REQUIRE_MISTAKE_EXPLANATIONS.

    With `only_custom`, the built-in course is loaded (custom modules may build on it)
    but only the modules of `content_dirs` are checked and graded.
    """
    curriculum = load_curriculum(content_dirs)
    custom_roots = [Path(d).resolve() for d in content_dirs]

    def concerned(path: Path) -> bool:
        return not only_custom or any(Path(path).resolve().is_relative_to(root) for root in custom_roots)

    problems = list(curriculum.problems) + reference_problems(curriculum) + coach_problems(curriculum)
    checked = [m for m in curriculum.modules if concerned(m.path)]
    for module in checked:
        kinds = {ex.path.name: ex.kind for ex in module.exercises}
        problems += stray_file_problems(module.path, kinds)
        problems += figure_problems(module)
        if not module.exercises:
            problems.append(Problem(module.path / "exercises", "", "the module has no exercise"))
    exercises = [ex for module in checked for ex in module.exercises]
    if REQUIRE_MISTAKE_EXPLANATIONS if require_explanations is None else require_explanations:
        problems += explanation_problems(exercises)
    problems = [p for p in problems if concerned(p.path)]
    if grade:
        problems += [p for ex in exercises if ex.kind == "function" and not missing_extra(ex) for p in case_problems(ex)]
        problems += _graded_problems(grading_jobs(curriculum, {m.id for m in checked}), runner, on_progress)
    return curriculum, problems


def coach_problems(curriculum: Curriculum) -> list[Problem]:
    """The coach's files (careers.toml, personas.toml) must name skills, roles and modules the
    course has; a skill graph with a cycle is reported by reference_problems already."""
    from mltrail.coach.careers import BUILTIN_CAREERS, ContentFileError, load_careers
    from mltrail.coach.profile import BUILTIN_PERSONAS, load_personas
    from mltrail.coach.skills import SkillGraph, SkillGraphError

    if curriculum.problems:
        return []  # the course itself does not load: those problems come first
    try:
        graph = SkillGraph.from_curriculum(curriculum)
    except SkillGraphError:
        return []
    try:
        roles = load_careers(graph.skills)
    except ContentFileError as exc:
        return [Problem(BUILTIN_CAREERS, "roles", str(exc))]
    try:
        load_personas(roles.ids, [m.id for m in curriculum.modules])
    except ContentFileError as exc:
        return [Problem(BUILTIN_PERSONAS, "personas", str(exc))]
    return []


def _graded_problems(jobs: list[GradingJob], runner, on_progress) -> list[Problem]:
    """Grade every job on all cores; a broken check is said once, not once per graded file."""
    problems, said, done = [], set(), 0
    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        for result in pool.map(lambda job: _run_job(job, runner), jobs):
            done += 1
            if on_progress:
                on_progress(done, len(jobs))
            if result is not None and result.message not in said:
                said.add(result.message)
                problems.append(result)
    return problems
