"""`mltrail doctor`: is this machine ready, and how confined is the grader here?"""

from __future__ import annotations

import importlib
import sys
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mltrail.service.app import App


@dataclass(frozen=True)
class Check:
    """One line of `mltrail doctor`: a check, its status (ok, warning, error) and what was found."""

    check: str
    status: str
    detail: str

    def to_json(self) -> dict:
        return asdict(self)


def _check(name: str, ok: bool, detail: str, level: str = "error") -> Check:
    return Check(name, "ok" if ok else level, detail)


def diagnose(app: "App") -> list[Check]:  # asks the App; never opens the store or the sandbox itself
    """Every check, each with a status (ok, warning or error) and what was found."""
    results = [_check("python", sys.version_info >= (3, 11), sys.version.split()[0] + " (3.11 or newer needed)")]
    for package in ("numpy", "pandas", "sklearn", "scipy"):
        try:
            module = importlib.import_module(package)
            results.append(_check(package, True, getattr(module, "__version__", "installed")))
        except ImportError as exc:
            results.append(_check(package, False, f"cannot import: {exc}"))
    results.append(app.store_check())
    curriculum = app.curriculum
    problems = len(curriculum.problems)
    results.append(_check(
        "content", problems == 0,
        f"{len(curriculum.modules)} modules, {len(curriculum.exercises())} exercises, {len(curriculum.lessons())} lessons"
        + (f"; {problems} problems (run `mltrail content check`)" if problems else ""),
        level="warning",
    ))
    results.append(dataset_check(curriculum))
    results.append(extras_check(curriculum))
    results += coach_checks(app)
    results.append(web_check(app.settings.home))
    results += sandbox_layers(app)
    results.append(app.grading_probe())
    return results


def web_check(home) -> Check:
    """The web app's settings (`<home>/mltrail.toml` [web]) and its signing key's permissions."""
    import stat

    from mltrail.service.accounts import WebOptions
    from mltrail.service.errors import Invalid

    try:
        options = WebOptions.load(home)
    except Invalid as exc:
        return _check("web", False, str(exc))
    key = home / "web-secret"
    if key.exists() and stat.S_IMODE(key.stat().st_mode) & 0o077:
        return _check("web", False, f"{key} is readable by others: run `chmod 600 {key}` (it signs CSRF tokens)")
    mode = f"multi-user, registration {options.registration}" if options.multi_user else "personal (one learner, loopback only)"
    return _check("web", True, f"`mltrail serve` starts in {mode} mode")


def extras_check(curriculum) -> Check:
    """Whether the optional extras the course's exercises use are installed (PyTorch)."""
    from mltrail.curriculum.extras import missing_extra

    skipped = [ex.id for ex in curriculum.exercises() if missing_extra(ex)]
    if not skipped:
        needing = sum(getattr(ex.manifest, "extra", None) is not None for ex in curriculum.exercises())
        return _check("extras", True, f"every optional extra the course uses is installed ({needing} exercises need one)")
    return _check("extras", False, f"{len(skipped)} exercises are skipped here: they "
                  + missing_extra(curriculum.exercise(skipped[0])), level="warning")


def coach_checks(app: "App") -> list[Check]:
    """The coach's content (skill graph, careers, personas) and stored learners whose records
    name what the content no longer has: kept as they are, and said here."""
    from mltrail.coach.profile import latest_profile
    from mltrail.coach.skills import SkillGraphError

    try:
        graph = app.skill_graph
    except SkillGraphError as exc:
        return [_check("coach", False, str(exc))]
    found = [_check("coach", True, f"{len(graph)} skills, {graph.graph.number_of_edges()} prerequisite links, acyclic")]
    try:
        from mltrail.service.coach_profile import careers, personas

        roles, audiences = careers(app), personas(app)
        found.append(_check("careers", True, f"{len(roles.roles)} roles, {len(audiences.personas)} personas"))
    except Exception as exc:  # a broken careers.toml or personas.toml: said, not raised
        return found + [_check("careers", False, f"{type(exc).__name__}: {exc}")]
    known_exercises = {ex.id for ex in app.curriculum.exercises()}
    role_ids = {role.id for role in roles.roles}
    persona_ids = {persona.id for persona in audiences.personas}
    orphans: list[str] = []
    learners = app.store.learners()
    for learner_id, name in learners:
        gone = sorted({a.exercise_id for a in app.store.attempts(learner_id)} - known_exercises)
        if gone:
            orphans.append(f"{name}: attempts at {len(gone)} exercise(s) no longer in the course ({', '.join(gone[:3])})")
        profile = latest_profile(app.store.events(learner_id, kind="profile"))
        if profile is not None and profile.goal and profile.goal not in role_ids:
            orphans.append(f"{name}: goal role '{profile.goal}' is no longer in careers.toml")
        if profile is not None and profile.persona and profile.persona not in persona_ids:
            orphans.append(f"{name}: persona '{profile.persona}' is no longer in personas.toml")
    detail = (f"{len(learners)} learner(s); their records match the content" if not orphans else
              "kept and ignored by the coach: " + "; ".join(orphans[:5]) + (f"; and {len(orphans) - 5} more" if len(orphans) > 5 else ""))
    found.append(_check("learner records", not orphans, detail, level="warning"))
    return found


def dataset_check(curriculum) -> Check:
    """Whether every dataset the course's exercises use loads here, offline."""
    from mltrail.curriculum.datasets import DatasetUnavailable, load_dataset

    used = sorted({ex.manifest.dataset for ex in curriculum.exercises() if ex.kind == "dataset"})
    failed = []
    for name in used:
        spec = curriculum.datasets.get(name)
        try:
            if spec is None:
                raise DatasetUnavailable("not declared in datasets.toml")
            load_dataset(spec)
        except DatasetUnavailable as exc:
            failed.append(f"{name}: {exc}")
    if failed:
        return _check("datasets", False, "; ".join(failed), level="warning")
    return _check("datasets", True, f"{len(used)} used by the course, all load offline ({', '.join(used) or 'none'})")


LAYER_DETAILS = {
    "filesystem view": "a world built by bubblewrap: Python and its packages read-only; no mltrail content, "
                       "course folder, store, home or working folder",
    "user namespace": "its own user namespace: a process count and capabilities of its own",
    "pid namespace": "its own PID namespace: it signals nothing outside, and everything it starts ends with it",
    "ipc namespace": "its own IPC namespace: no shared memory or semaphores outlive the job",
    "mount namespace": "its own mounts: a private /tmp and working folder",
    "network namespace": "an empty network namespace: no interface, no connection, no abstract sockets of the host",
    "no capabilities": "no capability at all, in any namespace",
    "not root": "never root (as root, jobs run as a leased uid from MLTRAIL_JOB_UIDS)",
    "disk quota": "one size-limited tmpfs for /tmp, the working folder and /dev/shm together",
    "rlimits": "CPU time, address space, file size, open files, processes, no core dumps",
    "landlock": "reads only Python and its packages; writes only its job folder; no TCP",
    "seccomp": "no network sockets, ptrace, mounts, namespaces or kernel interfaces; foreign architectures killed",
    "new session": "its own session and process group",
    "job directory": "a fresh working folder on its own tmpfs, gone with the job",
}


def sandbox_layers(app: "App") -> list[Check]:
    """Each confinement layer, tested from inside a job: active or missing."""
    if app.settings.sandbox == "none":
        return [_check("sandbox", False, "--no-sandbox: learner code runs UNCONFINED", level="warning")]
    try:
        found = app.layer_probe()
    except RuntimeError as exc:
        return [_check("sandbox", False, str(exc))]
    details = dict(LAYER_DETAILS)
    return [
        _check(f"sandbox: {name}", found.get(name, False), detail if found.get(name) else f"MISSING: {detail}", level="warning")
        for name, detail in details.items()
    ]
