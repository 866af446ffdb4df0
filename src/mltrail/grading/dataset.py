"""Dataset exercises: fit on training data in the sandbox, scored here against labels it never saw.

The trusted side loads the dataset (from an installed package), makes the exercise's fixed
split, and sends the sandbox only `X_train`, `y_train` and `X_test` (for clustering, `X`
alone). The learner's `fit_predict` (or `fit_transform`) runs there once; what comes back is
untrusted data, checked for shape and type and then scored here with the exercise's metric
against the held-out labels, beside a baseline computed here too. The verdict carries a
score card: metric, score, baseline, what passing needs, the fitting time measured in the
sandbox and, for classification, a confusion matrix.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from mltrail.curriculum.datasets import DatasetUnavailable, load_dataset
from mltrail.curriculum.loader import Exercise
from mltrail.curriculum.schema import METRICS
from mltrail.sandbox import codec, process as sandbox
from mltrail.sandbox.reply import Ran
from mltrail.grading.grader import WIRE_CAP, ContentError, forbidden_verdict, job_limits, library_needs, not_run_verdict
from mltrail.grading.verdict import Verdict, cap_text

METRIC_NAMES = {
    "mean_return": "expected return",
    "accuracy": "accuracy", "balanced_accuracy": "balanced accuracy", "f1_macro": "macro-averaged F1",
    "r2": "R²", "rmse": "RMSE", "mae": "MAE", "adjusted_rand": "adjusted Rand index",
}
BASELINES = {
    "classification": "always predicting the most common training class",
    "regression": "always predicting the mean of the training targets",
    "clustering": "putting every row in one cluster",
    "policy": "the uniformly random policy that logged the data",
}
MAX_CONFUSION_CLASSES = 20


@dataclass
class Split:
    """A dataset exercise's data, split once, the same for every submission."""

    X_train: Any
    y_train: Any
    X_test: Any
    y_test: np.ndarray | None  # stays here: never sent to the sandbox
    model: "EnvModel | None" = None  # a policy task: the environment's true model, to judge a policy exactly


@dataclass
class EnvModel:
    """A toy-text environment's model: expected rewards, continuing transitions, start, horizon."""

    rewards: np.ndarray  # [state, action]: expected immediate reward
    moves: np.ndarray  # [action, state, next state]: probability of going on (not terminated) to next state
    start: np.ndarray  # [state]: the initial state distribution
    horizon: int

    @property
    def n_states(self) -> int:
        return self.rewards.shape[0]

    @property
    def n_actions(self) -> int:
        return self.rewards.shape[1]

    def expected_return(self, policy: np.ndarray) -> float:
        """Exact expected total reward over `horizon` steps from the start; `policy` is [state, action] probabilities."""
        reward = np.sum(policy * self.rewards, axis=1)
        moves = np.einsum("sa,ast->st", policy, self.moves)
        value = np.zeros(self.n_states)
        for _ in range(self.horizon):
            value = reward + moves @ value
        return float(self.start @ value)


def env_model(spec) -> EnvModel:
    from mltrail.curriculum.datasets import toy_text_env

    env = toy_text_env(spec)
    model = env.unwrapped
    n_states, n_actions = model.observation_space.n, model.action_space.n
    rewards = np.zeros((n_states, n_actions))
    moves = np.zeros((n_actions, n_states, n_states))
    for state in range(n_states):
        for action in range(n_actions):
            for probability, following, reward, terminated in model.P[state][action]:
                rewards[state, action] += probability * reward
                if not terminated:
                    moves[action, state, following] += probability
    start = np.asarray(model.initial_state_distrib, dtype=float)
    env.close()
    return EnvModel(rewards, moves, start / start.sum(), spec.horizon)


_splits: dict[tuple, Split] = {}


def make_split(exercise: Exercise) -> Split:
    """The exercise's fixed split (cached); ContentError if its dataset cannot be had."""
    manifest = exercise.manifest
    if exercise.dataset is None:
        raise ContentError(f"{exercise.file('exercise.toml')}: no dataset '{manifest.dataset}' in datasets.toml")
    key = (exercise.dataset.model_dump_json(), manifest.task, tuple(manifest.features), manifest.test_size,
           manifest.split_seed, manifest.as_frame)
    if key in _splits:
        return _splits[key]
    try:
        X, y = load_dataset(exercise.dataset)
    except DatasetUnavailable as exc:
        raise ContentError(f"{exercise.file('exercise.toml')}: {exc}") from exc
    if manifest.features:
        unknown = [f for f in manifest.features if f not in X.columns]
        if unknown:
            raise ContentError(f"{exercise.file('exercise.toml')}: features {unknown} are not columns of "
                               f"'{manifest.dataset}' ({', '.join(map(str, X.columns))})")
        X = X[list(manifest.features)]
    if manifest.task == "policy":
        model = env_model(exercise.dataset)
        transitions = X if manifest.as_frame else X.to_numpy()
        split = Split(transitions, None, None, None, model)
        _splits[key] = split
        return split
    labels = np.asarray(y.to_numpy() if hasattr(y, "to_numpy") else y)
    if labels.dtype.kind == "O" or labels.dtype.kind == "U" or str(y.dtype) in ("str", "string"):
        labels = np.asarray([str(v) for v in labels], dtype=str)
    features = X if manifest.as_frame else X.to_numpy()
    if manifest.task == "clustering":
        split = Split(features, None, None, labels)
    else:
        from sklearn.model_selection import train_test_split

        stratify = labels if manifest.task == "classification" else None
        X_train, X_test, y_train, y_test = train_test_split(
            features, labels, test_size=manifest.test_size, random_state=manifest.split_seed, stratify=stratify)
        if manifest.as_frame:
            X_train, X_test = X_train.reset_index(drop=True), X_test.reset_index(drop=True)
        split = Split(X_train, y_train, X_test, y_test)
    _splits[key] = split
    return split


def request_args(exercise: Exercise, split: Split) -> dict:
    if exercise.manifest.task == "policy":
        return {"transitions": split.X_train, "n_states": split.model.n_states, "n_actions": split.model.n_actions}
    if exercise.manifest.task == "clustering":
        return {"X": split.X_train}
    return {"X_train": split.X_train, "y_train": split.y_train, "X_test": split.X_test}


def expected_shape(task: str, split: Split) -> tuple[int, np.ndarray | None]:
    """How many predictions a submission returns, and the values a label may take (None: any).

    Classification labels are the training classes; a policy's are the actions 0 .. n_actions - 1.
    """
    if task == "policy":
        return split.model.n_states, np.arange(split.model.n_actions)
    classes = np.unique(split.y_train) if task == "classification" else None
    return len(split.y_test), classes


def _whole_numbers(got: np.ndarray) -> np.ndarray:
    """Floats that are all whole numbers (1.0, 2.0) as integers; anything else unchanged."""
    if got.dtype.kind == "f" and np.all(np.isfinite(got)) and np.all(got == np.round(got)):
        return got.astype(np.int64)
    return got


def _predictions(got: Any, n: int, task: str, classes: np.ndarray | None) -> tuple[np.ndarray | None, str | None]:
    """The learner's predictions as a 1-D array, or a message saying what is wrong with them."""
    what = {"clustering": "cluster labels", "policy": "actions (one per state)"}.get(task, "predictions")
    if got is None:
        return None, f"your function returned None; return one of the {what} for each of the {n} rows"
    if type(got) in (list, tuple):
        try:
            got = np.asarray(got)
        except Exception:
            return None, f"your {what} could not be read as a 1-D array"
    elif hasattr(got, "to_numpy") and type(got).__module__.startswith("pandas"):
        got = got.to_numpy()
        if got.ndim == 2 and got.shape[1] == 1:
            got = got[:, 0]
    if not isinstance(got, np.ndarray):
        return None, f"return a list or a 1-D numpy array of {what}, not a {type(got).__name__}"
    if got.ndim == 2 and 1 in got.shape:
        got = got.ravel()
    if got.ndim != 1:
        return None, f"return a 1-D array of {what}; yours has shape {got.shape}"
    if len(got) != n:
        return None, (f"return one of the {what} per row of {'X' if task == 'clustering' else 'X_test'}: "
                      f"expected {n}, got {len(got)}")
    if task == "regression":
        if got.dtype.kind not in "biuf":
            return None, f"a regression predicts numbers; your predictions are of type {got.dtype}"
        got = got.astype(float)
        if not np.all(np.isfinite(got)):
            return None, f"{int(np.sum(~np.isfinite(got)))} of your predictions are NaN or infinite"
        return got, None
    if task in ("policy", "clustering"):
        got = _whole_numbers(got)
        if got.dtype.kind not in "biu":
            return None, (f"a policy gives one action per state, a whole number; yours are of type {got.dtype}"
                          if task == "policy" else
                          f"cluster labels are whole numbers (numpy ints or Python ints); yours are of type {got.dtype}")
        if task == "policy" and got.size and (got.min() < 0 or got.max() >= len(classes)):
            return None, (f"actions are numbered 0 to {len(classes) - 1}; "
                          f"yours include {int(got.max()) if got.max() >= 0 else int(got.min())}")
        return got.astype(np.int64), None
    # classification: labels of the same kind as the training labels
    if classes.dtype.kind == "U":
        if got.dtype.kind not in "UO" or not all(isinstance(v, str) for v in got.tolist()):
            return None, f"predict class labels as the training labels are, strings such as {classes.tolist()[0]!r}"
        got = got.astype(str)
    else:
        got = _whole_numbers(got)
        if got.dtype.kind not in "biu":
            return None, f"predict class labels as the training labels are, whole numbers such as {classes.tolist()[0]!r}"
    unknown = sorted(set(got.tolist()) - set(classes.tolist()), key=repr)
    if unknown:
        return None, f"{len(unknown)} predicted label(s) are not classes of the training data, e.g. {unknown[0]!r}"
    return got, None


def score(metric: str, y_true: np.ndarray, y_pred: np.ndarray) -> float:
    from sklearn import metrics

    if metric == "accuracy":
        return float(metrics.accuracy_score(y_true, y_pred))
    if metric == "balanced_accuracy":
        return float(metrics.balanced_accuracy_score(y_true, y_pred))
    if metric == "f1_macro":
        return float(metrics.f1_score(y_true, y_pred, average="macro", zero_division=0))
    if metric == "r2":
        return float(metrics.r2_score(y_true, y_pred))
    if metric == "rmse":
        return float(math.sqrt(metrics.mean_squared_error(y_true, y_pred)))
    if metric == "mae":
        return float(metrics.mean_absolute_error(y_true, y_pred))
    if metric == "adjusted_rand":
        return float(metrics.adjusted_rand_score(y_true, y_pred))
    raise ContentError(f"unknown metric {metric!r}")


def baseline_predictions(task: str, split: Split) -> np.ndarray:
    """What the baseline predicts: the most common class, the mean target, or one cluster."""
    n = len(split.y_test)
    if task == "classification":
        values, counts = np.unique(split.y_train, return_counts=True)
        return np.full(n, values[np.argmax(counts)], dtype=split.y_train.dtype)
    if task == "regression":
        return np.full(n, float(np.mean(split.y_train)))
    return np.zeros(n, dtype=np.int64)


def _needed(manifest, base: float) -> tuple[float, bool]:
    """The score to reach, and whether higher is better."""
    _, higher = METRICS[manifest.metric]
    needed = base + manifest.margin if higher else base - manifest.margin
    if manifest.threshold is not None:
        needed = max(needed, manifest.threshold) if higher else min(needed, manifest.threshold)
    return needed, higher


def _fmt(value: float) -> str:
    return f"{value:.4g}" if abs(value) >= 1000 else f"{value:.3f}"


def grade_dataset(exercise: Exercise, text: str, seed: int, runner: sandbox.Sandbox, tenant: str) -> Verdict:
    forbidden = forbidden_verdict(exercise, text, seed)
    if forbidden is not None:
        return forbidden
    manifest = exercise.manifest
    split = make_split(exercise)
    encode_started = time.perf_counter()
    args = codec.encode(request_args(exercise, split), WIRE_CAP).decode("utf-8")
    encode_ms = (time.perf_counter() - encode_started) * 1000
    time_s = manifest.limits.time_s
    request = {
        "mode": "function", "code": text, "entry": exercise.entry, "protocol": "call", "inputs_unchanged": False,
        "cases": [{"args": args, "files": {}}], "limits": job_limits(exercise, time_s), "max_bytes": WIRE_CAP,
        "needs": library_needs(text, args),
    }
    run = runner.run(request, time_s, tenant)
    if not isinstance(run.reply, Ran):
        return not_run_verdict(exercise, run, seed, time_s)
    results = run.reply.results
    if not results or len(results) != 1:
        return Verdict(exercise.id, "error", "Your program sent back something that is not a result.", seed=seed, output=run.output)
    result = results[0]
    if result.error is not None or result.ok is None:
        message = result.error or "no result"
        if result.raised is not None:
            message = f"Your {exercise.entry} raised an error:\n{message}"
        return Verdict(exercise.id, "failed", cap_text(message), seed=seed, output=run.output)
    try:
        got = codec.decode(result.ok.encode("utf-8"), WIRE_CAP)
    except codec.CodecError as exc:
        return Verdict(exercise.id, "failed", cap_text(f"What your {exercise.entry} returned could not be read: {exc}"), seed=seed, output=run.output)
    scored, classes = expected_shape(manifest.task, split)
    predictions, problem = _predictions(got, scored, manifest.task, classes)
    if problem:
        return Verdict(exercise.id, "failed", cap_text(problem[0].upper() + problem[1:] + "."), seed=seed, output=run.output)
    if manifest.task == "policy":
        model = split.model
        value = model.expected_return(np.eye(model.n_actions)[predictions])
        base = model.expected_return(np.full((model.n_states, model.n_actions), 1.0 / model.n_actions))
    else:
        value = score(manifest.metric, split.y_test, predictions)
        base = score(manifest.metric, split.y_test, baseline_predictions(manifest.task, split))
    needed, higher = _needed(manifest, base)
    passed = value >= needed if higher else value <= needed
    report = {
        "dataset": manifest.dataset, "task": manifest.task, "metric": manifest.metric,
        "metric_name": METRIC_NAMES[manifest.metric], "higher_is_better": higher,
        "score": round(value, 6), "baseline": round(base, 6), "baseline_name": BASELINES[manifest.task],
        "needed": round(needed, 6), "margin": manifest.margin, "threshold": manifest.threshold,
        "rows_train": len(split.X_train) if manifest.task == "policy" else (0 if split.y_train is None else len(split.y_train)),
        "rows_scored": scored,
        "fit_ms": round(result.ms, 1), "encode_ms": round(encode_ms, 1),
    }
    if manifest.task == "classification" and len(classes) <= MAX_CONFUSION_CLASSES:
        from sklearn.metrics import confusion_matrix

        report["confusion"] = {
            "labels": [v if isinstance(v, str) else int(v) for v in classes.tolist()],
            "matrix": confusion_matrix(split.y_test, predictions, labels=classes).tolist(),
        }
    compare = "at least" if higher else "at most"
    if manifest.task == "policy":
        lead = (f"Expected return {_fmt(value)} of your policy in the real environment (over {split.model.horizon} steps "
                "from the start, computed exactly from the environment's model)")
    elif manifest.task == "clustering":
        lead = f"{METRIC_NAMES[manifest.metric].capitalize()} {_fmt(value)} on the {scored} rows (judged against the true classes)"
    else:
        lead = f"{METRIC_NAMES[manifest.metric].capitalize()} {_fmt(value)} on the {scored} held-out test rows"
    message = (f"{lead}; the baseline ({BASELINES[manifest.task]}) scores {_fmt(base)}. "
               f"Passing needs {compare} {_fmt(needed)}.")
    if not passed:
        message += (" Your model does not beat the baseline by enough yet." if (value > base if higher else value < base)
                    else " Your model does no better than the baseline.")
    verdict = Verdict(exercise.id, "passed" if passed else "failed", message, seed=seed, output=run.output, report=report)
    if not passed and exercise.mistakes():
        verdict.mistake = name_dataset_mistake(exercise, split, predictions)
    return verdict


AGREEMENT = 0.97  # share of equal predictions (or ARI between labelings, or R² between predictions)


def _agreement(task: str, mine: np.ndarray, theirs: np.ndarray) -> float:
    if task in ("classification", "policy"):
        return float(np.mean(mine == theirs))
    if task == "clustering":
        from sklearn.metrics import adjusted_rand_score

        return float(adjusted_rand_score(mine, theirs))
    spread = float(np.sum((theirs - theirs.mean()) ** 2))
    return 1.0 - float(np.sum((mine - theirs) ** 2)) / spread if spread > 0 else float(np.allclose(mine, theirs))


def name_dataset_mistake(exercise: Exercise, split: Split, predictions: np.ndarray):
    """The recorded mistake whose predictions agree with the learner's, run here on the same split.

    Recorded mistakes are authored content, run in the trusted process like solution.py.
    The search has the same time budget as for function exercises: past it, the verdict
    goes out without a named mistake.
    """
    import warnings

    from mltrail.grading.grader import load_trusted
    from mltrail.grading.mistakes import NAMING, search_within_budget
    from mltrail.grading.verdict import Mistake

    if not NAMING.get():
        return None
    task = exercise.manifest.task
    scored, classes = expected_shape(task, split)

    def search() -> list[Mistake]:
        for path in exercise.mistakes():
            explanation = exercise.mistake_explanation(path)
            if not explanation:
                continue
            try:
                entry = getattr(load_trusted(path), exercise.entry)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    args = request_args(exercise, split)
                    copied = {k: v.copy() if hasattr(v, "copy") else v for k, v in args.items()}
                    theirs, problem = _predictions(entry(**copied), scored, task, classes)
            except Exception:
                continue
            if problem is None and _agreement(task, predictions, theirs) >= AGREEMENT:
                return [Mistake(path.stem, explanation)]
        return []

    return search_within_budget(search)


__all__ = ["grade_dataset", "make_split", "score"]
