"""`mltrail content figures`: run every lesson figure script and write (or check) its figure.

Each script `lessons/figures/<name>.py` writes `<name>.svg` (or `<name>.png`) into its working
directory. Scripts are trusted author files, but each runs in a fresh interpreter, in a
temporary copy of its folder, so that a script cannot disturb mltrail or write anywhere but
its own figure: only `<name>.svg` / `<name>.png` is taken from the copy. `build_figures`
copies the new figures over the committed ones; `stale_figures` only compares them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from mltrail.curriculum.figures import FIGURE_SUFFIXES, figure_scripts
from mltrail.curriculum.loader import IGNORED_NAMES, Problem, load_curriculum

SCRIPT_TIMEOUT_S = 120


@dataclass
class FigureRun:
    """What one figure script did."""

    script: Path
    figure: Path | None = None  # the committed figure it corresponds to (may not exist yet)
    data: bytes | None = None  # what the script wrote, None when it failed
    error: str = ""
    changed: bool = False  # the new figure differs from the committed one (or there is none)

    @property
    def problem(self) -> Problem | None:
        if self.error:
            return Problem(self.script, "", self.error)
        return None


@dataclass
class FigureReport:
    runs: list[FigureRun] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [run.problem for run in self.runs if run.problem is not None]

    @property
    def stale(self) -> list[Path]:
        """Committed figures that differ from what their script writes now (or are missing)."""
        return [run.figure for run in self.runs if not run.error and run.changed and run.figure is not None]


def module_scripts(content_dirs: Iterable[Path] = (), only_custom: bool = False) -> list[Path]:
    """Every figure script of the course, module by module (only `content_dirs`' with `only_custom`)."""
    curriculum = load_curriculum(list(content_dirs))
    roots = [Path(d).resolve() for d in content_dirs]
    scripts = []
    for module in curriculum.modules:
        if only_custom and not any(module.path.resolve().is_relative_to(root) for root in roots):
            continue
        scripts += figure_scripts(module.path)
    return scripts


def _tail(text: str, lines: int = 6) -> str:
    kept = text.strip().splitlines()[-lines:]
    return " | ".join(line.strip() for line in kept)


def run_script(script: Path, timeout: float = SCRIPT_TIMEOUT_S) -> FigureRun:
    """Run one script in a fresh interpreter, in a temporary copy of its folder; read its figure."""
    run = FigureRun(script)
    committed = [script.with_suffix(s) for s in FIGURE_SUFFIXES if script.with_suffix(s).is_file()]
    with tempfile.TemporaryDirectory(prefix="mltrail-figure-") as tmp:
        work = Path(tmp) / script.parent.name
        shutil.copytree(script.parent, work, ignore=shutil.ignore_patterns(*IGNORED_NAMES, *(f"*{s}" for s in FIGURE_SUFFIXES)))
        env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "0",
               "MPLCONFIGDIR": str(Path(tmp) / "mplconfig"), "PYTHONDONTWRITEBYTECODE": "1"}
        try:
            done = subprocess.run([sys.executable, script.name], cwd=work, env=env, capture_output=True,
                                  text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            run.error = f"the figure script ran for more than {timeout:.0f} s and was stopped"
            return run
        if done.returncode != 0:
            run.error = f"the figure script failed (exit {done.returncode}): {_tail(done.stderr) or 'no message'}"
            return run
        made = [work / f"{script.stem}{s}" for s in FIGURE_SUFFIXES if (work / f"{script.stem}{s}").is_file()]
        if len(made) != 1:
            wrote = sorted(p.name for p in work.iterdir() if p.suffix in FIGURE_SUFFIXES)
            run.error = (f"the figure script must write exactly one figure named {script.stem}.svg or "
                         f"{script.stem}.png into its working directory; it wrote {', '.join(wrote) or 'none'}")
            return run
        run.data = made[0].read_bytes()
    run.figure = script.with_suffix(made[0].suffix)
    run.changed = not run.figure.is_file() or run.figure.read_bytes() != run.data
    others = [p for p in committed if p != run.figure]
    if others:
        run.error = (f"the script writes {run.figure.name} but {', '.join(p.name for p in others)} lies beside it: "
                     "delete the old one")
    return run


def _run_all(scripts: list[Path], on_progress: Callable[[int, int], None] | None) -> FigureReport:
    report, done = FigureReport(), 0
    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        for run in pool.map(run_script, scripts):
            done += 1
            if on_progress:
                on_progress(done, len(scripts))
            report.runs.append(run)
    return report


def stale_figures(scripts: list[Path], on_progress: Callable[[int, int], None] | None = None) -> FigureReport:
    """Run every script into a temporary folder and compare; change nothing."""
    return _run_all(scripts, on_progress)


def build_figures(scripts: list[Path], on_progress: Callable[[int, int], None] | None = None) -> FigureReport:
    """Run every script and write each figure that changed beside its script."""
    report = _run_all(scripts, on_progress)
    for run in report.runs:
        if run.data is not None and run.changed and run.figure is not None:
            run.figure.write_bytes(run.data)
    return report
