"""A problem in the content, located by file and field (shared by the loader and the graphs)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """Something wrong in the content, located by file and field."""

    path: Path
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}" + (f" [{self.field}]" if self.field else "")
        return f"{where}: {self.message}"
