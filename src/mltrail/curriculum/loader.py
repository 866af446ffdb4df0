"""Load content folders into a `Curriculum`, collecting every problem on the way.

Loading never stops at the first problem: each one is recorded with the file and
the field it concerns, and the broken piece is left out, so `content check` can
report everything at once and the learner CLI still works on the rest.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import TypeAdapter, ValidationError

from mltrail.curriculum.datasets import BUILTIN_DATASETS, DatasetSpec, read_registry
from mltrail.curriculum.graph import order_modules
from mltrail.curriculum.problems import Problem
from mltrail.curriculum.schema import (
    FUTURE_KINDS,
    DatasetExercise,
    ExerciseManifest,
    FunctionExercise,
    LessonMeta,
    ModuleManifest,
    QuizExercise,
    is_slug,
)

BUILTIN_MODULES = Path(__file__).resolve().parent.parent / "content" / "modules"
IGNORED_NAMES = {"__pycache__", ".DS_Store"}
FUNCTION_FILES = ("exercise.toml", "prompt.md", "starter.py", "solution.py", "check.py")
QUIZ_FILES = ("exercise.toml", "prompt.md")
DATASET_FILES = ("exercise.toml", "prompt.md", "starter.py", "solution.py")
REQUIRED_FILES = {"function": FUNCTION_FILES, "quiz": QUIZ_FILES, "dataset": DATASET_FILES}
_EXERCISE_ADAPTER = TypeAdapter(ExerciseManifest)
ITEM_KINDS = ("choice", "multiple", "numeric", "expression")


_VERSIONS: dict[tuple, str] = {}  # exercise folder and its files' (name, mtime, size, inode) -> content version


@dataclass
class Lesson:
    id: str
    module: str
    path: Path
    meta: LessonMeta
    body: str
    skills: list[str]  # qualified skill ids

    @property
    def title(self) -> str:
        return self.meta.title


def _listing(folder: str, prefix: str) -> list[tuple[str, str, int, int, int]]:
    """Every file under `folder` but the ignored names: (path, relative posix path, mtime, size, inode)."""
    import os

    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name in IGNORED_NAMES:
                continue
            relative = prefix + entry.name
            if entry.is_dir(follow_symlinks=True):
                found += _listing(entry.path, relative + "/")
            elif entry.is_file(follow_symlinks=True):
                stat = entry.stat()
                found.append((entry.path, relative, stat.st_mtime_ns, stat.st_size, stat.st_ino))
    return found


@dataclass
class Exercise:
    id: str
    module: str
    path: Path
    manifest: FunctionExercise | QuizExercise | DatasetExercise
    skills: list[str]  # qualified skill ids
    dataset: DatasetSpec | None = None  # for a dataset exercise: its entry of datasets.toml

    @property
    def kind(self) -> str:
        return self.manifest.kind

    @property
    def title(self) -> str:
        return self.manifest.title

    @property
    def entry(self) -> str | None:
        return getattr(self.manifest, "entry", None)

    @property
    def prompt(self) -> str:
        text = (self.path / "prompt.md").read_text(encoding="utf-8")
        if self.kind == "dataset" and self.dataset is not None:
            text = text.rstrip("\n") + "\n\n" + dataset_card(self)
        from mltrail.curriculum.extras import missing_extra

        missing = missing_extra(self)
        if missing:
            text = f"> **Not gradable on this machine yet:** this exercise {missing}.\n\n" + text
        return text

    def file(self, name: str) -> Path:
        return self.path / name

    def mistakes(self) -> list[Path]:
        folder = self.path / "mistakes"
        return sorted(folder.glob("*.py")) if folder.is_dir() else []

    def content_version(self) -> str:
        """A hash of every file of the exercise folder: which version of it a verdict was given against."""
        import hashlib

        files = sorted(_listing(str(self.path), ""), key=lambda f: f[1].split("/"))  # os.scandir: pathlib's rglob was a
        key = (str(self.path), tuple(f[1:] for f in files))  # tenth of a busy server's time
        cached = _VERSIONS.get(key)
        if cached is not None:  # the same files, unchanged since they were hashed
            return cached
        digest = hashlib.sha256()
        for path, relative, *_ in files:
            digest.update(relative.encode() + b"\0" + Path(path).read_bytes() + b"\0")
        version = digest.hexdigest()[:16]
        if len(_VERSIONS) > 4096:
            _VERSIONS.clear()
        _VERSIONS[key] = version
        return version

    def mistake_explanation(self, mistake: Path) -> str | None:
        """The Markdown explanation kept beside a recorded mistake (`mistakes/<name>.md`), if any."""
        text = mistake.with_suffix(".md")
        return text.read_text(encoding="utf-8").strip() if text.is_file() else None


@dataclass
class Module:
    id: str
    path: Path
    manifest: ModuleManifest
    lessons: list[Lesson] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.manifest.title

    def skill_ids(self) -> list[str]:
        return [f"{self.id}/{s.id}" for s in self.manifest.skills]


@dataclass
class Curriculum:
    """Everything there is to learn, in path order."""

    modules: list[Module]
    problems: list[Problem]
    datasets: dict[str, DatasetSpec] = field(default_factory=dict)

    def exercises(self) -> list[Exercise]:
        return [ex for module in self.modules for ex in module.exercises]

    def lessons(self) -> list[Lesson]:
        return [lesson for module in self.modules for lesson in module.lessons]

    def exercise(self, exercise_id: str) -> Exercise | None:
        return next((ex for ex in self.exercises() if ex.id == exercise_id), None)

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((le for le in self.lessons() if le.id == lesson_id), None)

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def skills(self) -> dict[str, str]:
        """Qualified skill id -> title, for every declared skill."""
        return {
            f"{m.id}/{s.id}": s.title for m in self.modules for s in m.manifest.skills
        }


def dataset_card(exercise: Exercise) -> str:
    """What a dataset exercise's prompt ends with: the data, how it is split and scored, its source."""
    from mltrail.curriculum.schema import METRICS

    spec, manifest = exercise.dataset, exercise.manifest
    higher = METRICS[manifest.metric][1]
    if manifest.task == "policy":
        split = (f"`fit_policy(transitions, n_states, n_actions)` gets the logged transitions (columns episode, state, "
                 f"action, reward, next_state, terminated: {spec.episodes:,} episodes of a uniformly random policy, "
                 f"at most {spec.horizon} steps each) and returns one action per state. Your policy is then judged "
                 "by its exact expected return in the real environment, from the start, over the same number of "
                 "steps; the environment itself is not available to your code.")
        baseline = "the uniformly random policy that logged the data"
    elif manifest.task == "clustering":
        split = ("`fit_transform(X)` gets every row's features and returns one cluster label per row; the "
                 "labels are compared with the true classes, which never reach your code.")
        baseline = "one cluster for every row"
    else:
        split = (f"The rows are split once, the same for everyone: {1 - manifest.test_size:.0%} for training "
                 f"(`X_train`, `y_train`), {manifest.test_size:.0%} held out (`X_test`)"
                 + (", with the classes in the same proportions" if manifest.task == "classification" else "")
                 + ". The held-out labels never reach your code.")
        baseline = ("always predicting the most common training class" if manifest.task == "classification"
                    else "always predicting the mean of the training targets")
    kind = "pandas DataFrames" if manifest.as_frame else "numpy arrays"
    goal = f"beat the baseline ({baseline}) by {manifest.margin:g}"
    if manifest.threshold is not None:
        goal += f" and reach {'at least' if higher else 'at most'} {manifest.threshold:g}"
    return "\n".join([
        "## The data",
        "",
        f"**{spec.title}.** {spec.description}",
        "",
        f"{split} " + (f"The transitions arrive as {'a pandas DataFrame' if manifest.as_frame else 'a numpy array'}."
                       if manifest.task == "policy" else f"Features arrive as {kind}"
                       + (", targets as a numpy array." if manifest.task != "clustering" else ".")),
        f"Scored by **{manifest.metric}**: to pass, {goal}.",
        "",
        f"Source: {spec.citation} Licence: {spec.licence}. <{spec.url}>",
        "",
    ])


def modules_folder(directory: Path) -> Path:
    """A content directory may hold `modules/` or be the folder of modules itself."""
    return directory / "modules" if (directory / "modules").is_dir() else directory


def _qualify(ref: str, module_id: str) -> str:
    return ref if "/" in ref else f"{module_id}/{ref}"


def _validation_problems(path: Path, error: ValidationError) -> list[Problem]:
    problems = []
    for err in error.errors():
        parts = list(err["loc"])
        # pydantic adds the union tags to the location ("quiz", "items", 0, "expression"); authors never write them
        loc = ".".join(str(part) for i, part in enumerate(parts) if not (
            part in ("function", "quiz", "dataset") or (i and isinstance(parts[i - 1], int) and part in ITEM_KINDS)))
        problems.append(Problem(path, loc, err["msg"].removeprefix("Value error, ")))
    return problems


def _read_toml(path: Path, problems: list[Problem]) -> dict | None:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(Problem(path, "", "file is missing"))
    except UnicodeDecodeError:
        problems.append(Problem(path, "", "file is not UTF-8 text"))
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(path, "", f"not valid TOML: {exc}"))
    return None


def split_front_matter(text: str) -> tuple[str, str] | None:
    """(front matter, body) of a Markdown text that starts with a '---' block."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :])
    return None


def _load_lesson(path: Path, module_id: str, problems: list[Problem]) -> Lesson | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.append(Problem(path, "", "file is not UTF-8 text"))
        return None
    parts = split_front_matter(text)
    if parts is None:
        problems.append(Problem(path, "front matter", "must start with a '---' YAML block"))
        return None
    try:
        raw = yaml.safe_load(parts[0]) or {}
        meta = LessonMeta.model_validate(raw)
    except yaml.YAMLError as exc:
        problems.append(Problem(path, "front matter", f"not valid YAML: {exc}"))
        return None
    except ValidationError as exc:
        problems.extend(_validation_problems(path, exc))
        return None
    if not parts[1].strip():
        problems.append(Problem(path, "body", "the lesson has no text"))
    skills = [_qualify(s, module_id) for s in meta.skills]
    return Lesson(f"{module_id}/{path.stem}", module_id, path, meta, parts[1], skills)


def _load_exercise(folder: Path, module_id: str, problems: list[Problem]) -> Exercise | None:
    manifest_path = folder / "exercise.toml"
    raw = _read_toml(manifest_path, problems)
    if raw is None:
        return None
    if raw.get("kind") in FUTURE_KINDS:
        problems.append(
            Problem(manifest_path, "kind", f"kind '{raw['kind']}' is not supported yet; use 'function', 'quiz' or 'dataset'")
        )
        return None
    try:
        manifest = _EXERCISE_ADAPTER.validate_python(raw)
    except ValidationError as exc:
        problems.extend(_validation_problems(manifest_path, exc))
        return None
    required = REQUIRED_FILES[manifest.kind]
    missing = [name for name in required if not (folder / name).is_file()]
    for name in missing:
        problems.append(Problem(folder / name, "", f"file is missing (a {manifest.kind} exercise needs {', '.join(required)})"))
    if missing:
        return None
    skills = [_qualify(s, module_id) for s in manifest.skills]
    return Exercise(f"{module_id}/{folder.name}", module_id, folder, manifest, skills)


def _load_module(folder: Path, problems: list[Problem]) -> Module | None:
    raw = _read_toml(folder / "module.toml", problems)
    if raw is None:
        return None
    try:
        manifest = ModuleManifest.model_validate(raw)
    except ValidationError as exc:
        problems.extend(_validation_problems(folder / "module.toml", exc))
        return None
    module = Module(folder.name, folder, manifest)
    lessons_dir = folder / "lessons"
    if lessons_dir.is_dir():
        for path in sorted(lessons_dir.glob("*.md")):
            lesson = _load_lesson(path, module.id, problems)
            if lesson is not None:
                module.lessons.append(lesson)
    exercises_dir = folder / "exercises"
    if exercises_dir.is_dir():
        for sub in sorted(p for p in exercises_dir.iterdir() if p.is_dir() and p.name not in IGNORED_NAMES):
            if not is_slug(sub.name):
                problems.append(Problem(sub, "", "exercise folder names use lower-case letters, digits and hyphens"))
                continue
            exercise = _load_exercise(sub, module.id, problems)
            if exercise is not None:
                module.exercises.append(exercise)
    skill_rank = {s.id: i for i, s in enumerate(manifest.skills)}

    def path_position(ex: Exercise) -> tuple:
        first = ex.manifest.skills[0]
        rank = skill_rank.get(first, len(skill_rank)) if "/" not in first else -1
        return (ex.kind == "quiz", rank, ex.manifest.difficulty, ex.id)

    module.exercises.sort(key=path_position)
    return module


def _looks_like_a_module(folder: Path) -> bool:
    return (folder / "lessons").is_dir() or (folder / "exercises").is_dir() or any(folder.glob("*.toml"))


def _not_a_module(folder: Path) -> Problem:
    """Why a folder among the modules does not load, and how to fix it."""
    manifests = sorted(p.name for p in folder.glob("*") if p.is_file() and p.name.lower().startswith("module"))
    if manifests:
        fix = f"found {', '.join(manifests)}: rename it to module.toml (lower case, exactly)"
    else:
        fix = "add a module.toml (title, summary, order, estimated_hours, skills; see docs/content-format.md)"
    return Problem(folder, "", f"this module is not loaded because it has no module.toml; {fix}")


def _course_problems(directory: Path, folder: Path) -> list[Problem]:
    """A content directory that looks like content but would load nothing, or load less than it holds."""
    if (directory / "module.toml").is_file():
        return [Problem(directory, "", (
            "this is a module folder, not a course folder; a course holds its modules as "
            f"COURSE/modules/{directory.name}/module.toml: move it there and pass --content COURSE"))]
    problems = []
    strict = folder != directory  # a `modules/` folder holds modules only; a bare course root may hold more
    for sub in sorted(folder.iterdir()):
        if sub.name in IGNORED_NAMES or sub.name.startswith(".") or (sub / "module.toml").is_file():
            continue
        if sub.is_dir() and (strict or _looks_like_a_module(sub)):
            problems.append(_not_a_module(sub))
        elif strict and sub.is_file():
            problems.append(Problem(sub, "", "stray file: modules/ holds one folder per module, each with its module.toml"))
    if not any((sub / "module.toml").is_file() for sub in folder.iterdir() if sub.is_dir()) and not problems:
        problems.append(Problem(directory, "", (
            "no module found: a course folder holds modules/<module>/module.toml; "
            "check that --content names the course folder")))
    return problems


def module_folders(content_dirs: list[Path], problems: list[Problem] | None = None) -> dict[str, Path]:
    """Module id -> folder; later directories replace earlier ones with the same id.

    Custom directories that look like content but would not load are added to `problems`.
    """
    found: dict[str, Path] = {}
    for directory in [BUILTIN_MODULES, *(Path(d) for d in content_dirs)]:
        folder = modules_folder(directory) if directory != BUILTIN_MODULES else directory
        if not folder.is_dir():
            continue
        if directory != BUILTIN_MODULES and problems is not None:
            problems.extend(_course_problems(directory, folder))
        for sub in sorted(folder.iterdir()):
            if sub.is_dir() and sub.name not in IGNORED_NAMES and (sub / "module.toml").exists():
                found[sub.name] = sub
    return found


def load_curriculum(content_dirs: list[Path] | None = None) -> Curriculum:
    """Load the built-in course plus any custom content directories."""
    problems: list[Problem] = []
    dirs = [Path(d) for d in (content_dirs or [])]
    for directory in dirs:
        if not directory.is_dir():
            problems.append(Problem(directory, "", "content directory does not exist"))
    folders = module_folders(dirs, problems)
    modules = []
    for module_id, folder in folders.items():
        if not is_slug(module_id):
            problems.append(Problem(folder, "", "module folder names use lower-case letters, digits and hyphens"))
            continue
        module = _load_module(folder, problems)
        if module is not None:
            modules.append(module)
    ordered, graph_problems = order_modules(modules)
    datasets = read_registry(BUILTIN_DATASETS, problems)
    for directory in dirs:
        datasets.update(read_registry(directory / "datasets.toml", problems))
    for module in ordered:
        for exercise in module.exercises:
            if exercise.kind == "dataset":
                exercise.dataset = datasets.get(exercise.manifest.dataset)
                if exercise.dataset is None:
                    problems.append(Problem(exercise.file("exercise.toml"), "dataset", (
                        f"no dataset '{exercise.manifest.dataset}' in datasets.toml; declared: {', '.join(sorted(datasets))}")))
    return Curriculum(ordered, problems + graph_problems, datasets)
