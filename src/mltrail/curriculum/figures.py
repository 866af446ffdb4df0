"""Lesson figures: which images a lesson shows, and the rules their files follow.

A module's figures live in `lessons/figures/`: a script `<name>.py` writes the figure
`<name>.svg` (or `<name>.png`) beside it, and a lesson shows it with standard Markdown,
`![alt text](figures/<name>.svg)`. Every image a lesson shows must exist and have alt text;
every script must have its figure and every figure its script; every figure must be shown
by some lesson of the module. Running the scripts is `mltrail.authoring.figures`' job.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mltrail.curriculum.loader import IGNORED_NAMES, Module, Problem
from mltrail.curriculum.schema import is_slug

FIGURES_DIR = "figures"  # inside lessons/
FIGURE_SUFFIXES = (".svg", ".png")


@dataclass(frozen=True)
class ImageRef:
    """One `![alt](src)` in a lesson's Markdown."""

    src: str
    alt: str
    line: int  # 1-based, in the lesson body


def image_refs(markdown: str) -> list[ImageRef]:
    """Every image the Markdown shows, in order (found by the Markdown parser, not a regex)."""
    from markdown_it import MarkdownIt

    refs = []
    for token in MarkdownIt("commonmark").parse(markdown):
        for child in token.children or []:
            if child.type == "image":
                alt = "".join(c.content for c in child.children or [])
                line = token.map[0] + 1 if token.map else 0
                refs.append(ImageRef(str(child.attrs.get("src", "")), alt.strip(), line))
    return refs


def figure_files(module_path: Path) -> list[Path]:
    """The figures (not scripts) in a module's `lessons/figures/`."""
    folder = module_path / "lessons" / FIGURES_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in FIGURE_SUFFIXES)


def figure_scripts(module_path: Path) -> list[Path]:
    """The scripts that make a module's figures."""
    folder = module_path / "lessons" / FIGURES_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == ".py")


def figures_folder_problems(folder: Path) -> list[Problem]:
    """Files in `lessons/figures/` that are not a script and its figure."""
    problems = []
    if not folder.is_dir():
        return [Problem(folder, "", "stray file: lessons/figures must be a folder of figure scripts and figures")]
    names = [p for p in sorted(folder.iterdir()) if p.name not in IGNORED_NAMES]
    for path in names:
        if not path.is_file() or path.suffix not in (".py", *FIGURE_SUFFIXES) or not is_slug(path.stem):
            problems.append(Problem(path, "", (
                "stray file: lessons/figures/ holds figure scripts (name.py) and the figures they write "
                "(name.svg or name.png), named with lower-case letters, digits and hyphens")))
            continue
        if path.suffix == ".py":
            made = [path.with_suffix(s) for s in FIGURE_SUFFIXES if path.with_suffix(s).is_file()]
            if not made:
                problems.append(Problem(path, "", (
                    f"this script has no figure beside it: run `mltrail content figures` to write "
                    f"{path.stem}.svg (or {path.stem}.png)")))
            elif len(made) > 1:
                problems.append(Problem(path, "", (
                    f"this script has two figures ({', '.join(p.name for p in made)}): keep the one it writes")))
        elif not path.with_suffix(".py").is_file():
            problems.append(Problem(path, "", (
                f"this figure has no script: add {path.stem}.py beside it, which writes {path.name} "
                "(figures are made by scripts so they can be checked and remade)")))
    return problems


def figure_problems(module: Module) -> list[Problem]:
    """Images the lessons show that are missing or lack alt text, and figures no lesson shows."""
    problems = []
    lessons_dir = module.path / "lessons"
    shown: set[Path] = set()
    for lesson in module.lessons:
        for ref in image_refs(lesson.body):
            where = f"line {ref.line} of the body" if ref.line else ""
            if not ref.alt:
                problems.append(Problem(lesson.path, where, (
                    f"the image {ref.src} has no alt text: write what the figure shows, "
                    f"![a short description]({ref.src})")))
            if "://" in ref.src or ref.src.startswith(("/", "data:")):
                problems.append(Problem(lesson.path, where, (
                    f"the image {ref.src} is not a figure of this module: lessons work offline, so an image "
                    f"is a file in lessons/figures/, shown as ![alt](figures/<name>.svg)")))
                continue
            target = (lessons_dir / ref.src).resolve()
            parent = (lessons_dir / FIGURES_DIR).resolve()
            if target.parent != parent or target.suffix not in FIGURE_SUFFIXES:
                problems.append(Problem(lesson.path, where, (
                    f"the image {ref.src} must be a figure in lessons/figures/ (.svg or .png), "
                    "shown as ![alt](figures/<name>.svg)")))
            elif not target.is_file():
                problems.append(Problem(lesson.path, where, (
                    f"the image {ref.src} does not exist: add lessons/figures/{target.stem}.py, which writes "
                    f"{target.name}, and run `mltrail content figures`")))
            else:
                shown.add(target)
    for figure in figure_files(module.path):
        if figure.resolve() not in shown:
            problems.append(Problem(figure, "", (
                f"no lesson shows this figure: reference it where it helps, "
                f"![what it shows](figures/{figure.name}), or delete it and its script")))
    return problems
