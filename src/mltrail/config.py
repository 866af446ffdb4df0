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
    sandbox: str = "fresh"  # "fresh" (a new confined interpreter per job), "pool" (warm zygotes), "none"
    pool_size: int | None = None

    @classmethod
    def resolve(
        cls,
        home: Path | None = None,
        content: list[Path] | None = None,
        learner: str | None = None,
        sandbox: str | None = None,
    ) -> "Settings":
        env_home = os.environ.get("MLTRAIL_HOME")
        resolved_home = home or (Path(env_home) if env_home else default_home())
        dirs = list(content or [])
        env_content = os.environ.get("MLTRAIL_CONTENT", "")
        dirs += [Path(p) for p in env_content.split(os.pathsep) if p]
        name = learner or os.environ.get("MLTRAIL_LEARNER") or DEFAULT_LEARNER
        mode = sandbox or os.environ.get("MLTRAIL_SANDBOX") or "fresh"
        if mode not in ("fresh", "pool", "none"):
            raise ValueError(f"MLTRAIL_SANDBOX must be fresh, pool or none, not {mode!r}")
        size = os.environ.get("MLTRAIL_POOL_SIZE")
        return cls(
            home=resolved_home.expanduser(),
            content_dirs=[d.expanduser().resolve() for d in dirs],
            learner=name,
            sandbox=mode,
            pool_size=int(size) if size and size.isdigit() and int(size) > 0 else None,
        )
