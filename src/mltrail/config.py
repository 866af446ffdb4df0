"""Where mltrail keeps its data and which content it loads, from flags and environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_LEARNER = "local"


def default_home() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("mltrail", appauthor=False))


@dataclass
class Settings:
    """The resolved settings of one run: flags win over environment, environment over defaults."""

    home: Path
    content_dirs: list[Path] = field(default_factory=list)
    learner: str = DEFAULT_LEARNER

    @classmethod
    def resolve(cls, home: Path | None = None, content: list[Path] | None = None, learner: str | None = None) -> "Settings":
        env_home = os.environ.get("MLTRAIL_HOME")
        resolved_home = home or (Path(env_home) if env_home else default_home())
        dirs = list(content or [])
        env_content = os.environ.get("MLTRAIL_CONTENT", "")
        dirs += [Path(p) for p in env_content.split(os.pathsep) if p]
        name = learner or os.environ.get("MLTRAIL_LEARNER") or DEFAULT_LEARNER
        return cls(home=resolved_home.expanduser(), content_dirs=[d.expanduser().resolve() for d in dirs], learner=name)
