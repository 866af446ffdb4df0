"""The learner's workspace: one file per exercise, made from its starter, grouped by module."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from mltrail.curriculum.loader import Curriculum, Exercise

MARKER = "mltrail.toml"

# TOML basic strings: these characters need an escape; other control characters use \uXXXX.
_TOML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def toml_string(text: str) -> str:
    """`text` as a TOML basic string that `tomllib` reads back unchanged."""
    out = []
    for char in text:
        code = ord(char)
        if char in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[char])
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        elif 0xD800 <= code <= 0xDFFF:
            # A lone surrogate (a file name that is not UTF-8) cannot be written as TOML.
            raise ValueError(f"{text!r} is not valid Unicode text; rename it with UTF-8 characters only")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_value(value: object) -> str:
    """A TOML value for the types the workspace file stores: str, Path, bool, int, float and lists of them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (str, Path)):
        return toml_string(str(value))
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    raise TypeError(f"the workspace file cannot store a {type(value).__name__}")


def toml_document(tables: dict[str, dict[str, object]], comment: str = "") -> str:
    """A TOML document of flat tables (`[name]` then `key = value` lines)."""
    lines = [f"# {comment}"] if comment else []
    for name, table in tables.items():
        lines.append(f"[{name}]")
        lines.extend(f"{key} = {toml_value(value)}" for key, value in table.items())
    return "\n".join(lines) + "\n"


def workspace_path(exercise: Exercise) -> Path:
    """Where an exercise's file lies inside a workspace: `<module>/<exercise>.py`."""
    return Path(exercise.module) / f"{exercise.path.name}.py"


@dataclass
class Workspace:
    root: Path
    content_dirs: list[Path]

    def file_for(self, exercise: Exercise) -> Path:
        return self.root / workspace_path(exercise)

    @classmethod
    def find(cls, start: Path) -> "Workspace | None":
        """The workspace containing `start`, looking upwards for mltrail.toml."""
        for folder in [start, *start.parents]:
            marker = folder / MARKER
            if marker.is_file():
                try:
                    data = tomllib.loads(marker.read_text(encoding="utf-8"))
                except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                    raise ValueError(f"{marker} is not valid TOML ({exc}); fix or delete it") from None
                content = data.get("workspace", {}).get("content", [])
                return cls(folder, [Path(p) for p in content])
        return None


def _comment_block(text: str) -> str:
    return "\n".join(f"# {line}".rstrip() for line in text.strip().splitlines())


def starter_text(exercise: Exercise) -> str:
    """The workspace file: the prompt as a comment, then the starter code."""
    if exercise.kind == "quiz":
        from mltrail.curriculum.quiz_file import quiz_file

        body = quiz_file(exercise)
    else:
        body = exercise.file("starter.py").read_text(encoding="utf-8")
    header = "\n".join([
        f"# {exercise.title}  ({exercise.id})",
        "#",
        _comment_block(exercise.prompt),
        "#",
        f"# Check your work with `mltrail check {exercise.id}`; ask for a hint with `mltrail hint {exercise.id}`.",
        "",
        "",
    ])
    return header + body.rstrip() + "\n"


README = """# My mltrail workspace

Each folder is a module of the path; each file is one exercise, made from its starter.
Open the file `mltrail next` names, read the comment at the top, write your solution,
and run `mltrail check`. Keep `mltrail watch` running in a terminal to be graded every
time you save.

| command | what it does |
| --- | --- |
| `mltrail next` | shows the next exercise and the lesson to read first |
| `mltrail check [ID]` | grades your file (the next exercise if no ID) |
| `mltrail watch` | re-grades on every save and moves on when you pass |
| `mltrail hint [ID]` | the next hint of the ladder |
| `mltrail lesson ID` | reads a lesson in the terminal |
| `mltrail solution ID` | the reference solution, once you have passed |
| `mltrail progress` | how far you are |

Your files are yours: mltrail never overwrites them. Running `mltrail init` again only
adds files for new exercises.
"""


def init_workspace(root: Path, curriculum: Curriculum, content_dirs: list[Path]) -> tuple[list[Path], list[Path]]:
    """Create the workspace; returns (files created, files kept as they were)."""
    # Built before anything is written, so a path TOML cannot hold leaves no half-made workspace.
    manifest = toml_document({"workspace": {"version": 1, "content": list(content_dirs)}}, "An mltrail workspace.")
    root.mkdir(parents=True, exist_ok=True)
    marker = root / MARKER
    if not marker.exists():
        _write_atomically(marker, manifest)
    readme = root / "README.md"
    if not readme.exists():
        readme.write_text(README, encoding="utf-8")
    created, kept = [], []
    for exercise in curriculum.exercises():
        path = root / workspace_path(exercise)
        if path.exists():
            kept.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(path, starter_text(exercise))
        created.append(path)
    return created, kept


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
