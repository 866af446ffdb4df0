"""Dataset exercises: fit in the sandbox, scored on the trusted side against labels the job never sees."""

from __future__ import annotations

import json
import textwrap

import numpy as np
import pytest
from conftest import write

from mltrail.curriculum.datasets import BUILTIN_DATASETS, load_dataset, read_registry
from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.dataset import make_split, score
from mltrail.grading.grader import grade_source
from mltrail.grading.verdict import Verdict
from mltrail.sandbox import codec, process as sandbox

TOML = """
title = "{title}"
kind = "dataset"
entry = "{entry}"
skills = ["adding"]
difficulty = 2
minutes = 20
hints = ["A first hint.", "A second hint."]
dataset = "{dataset}"
task = "{task}"
metric = "{metric}"
margin = {margin}
{extra}
"""

KNN = """
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def fit_predict(X_train, y_train, X_test):
    return make_pipeline(StandardScaler(), KNeighborsClassifier(5)).fit(X_train, y_train).predict(X_test)
"""
MAJORITY = """
def fit_predict(X_train, y_train, X_test):
    values = list(y_train)
    return [max(set(values), key=values.count)] * len(X_test)
"""


def dataset_exercise(course, name, dataset, task, metric, margin, solution, entry="fit_predict", extra=""):
    folder = course / "modules" / "tiny" / "exercises" / name
    write(folder / "exercise.toml", TOML.format(title=name, entry=entry, dataset=dataset, task=task, metric=metric,
                                                margin=margin, extra=extra))
    write(folder / "prompt.md", "Fit a model.\n")
    write(folder / "starter.py", MAJORITY if task != "clustering" else "def fit_transform(X):\n    return [0] * len(X)\n")
    write(folder / "solution.py", solution)
    return load_curriculum([course]).exercise(f"tiny/{name}")


@pytest.fixture
def penguins(tiny_course):
    return dataset_exercise(tiny_course, "penguins", "penguins", "classification", "accuracy", 0.3, KNN,
                            extra='threshold = 0.9\nfeatures = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]')


class Spy(sandbox.FreshSandbox):
    def __init__(self):
        super().__init__()
        self.requests = []

    def run(self, request, time_s, tenant=""):
        self.requests.append(request)
        return super().run(request, time_s, tenant)


def test_every_builtin_dataset_loads_offline_with_its_credits():
    problems = []
    registry = read_registry(BUILTIN_DATASETS, problems)
    assert not problems and {"penguins", "digits", "iris", "diamonds"} <= set(registry)
    for spec in registry.values():
        X, y = load_dataset(spec)
        assert spec.licence and spec.citation and spec.url.startswith("https://")
        if spec.source == "gymnasium":  # logged transitions: no target column
            assert y is None and list(X.columns) == ["episode", "state", "action", "reward", "next_state", "terminated"]
            assert X["episode"].nunique() == spec.episodes
            continue
        assert len(X) == len(y) >= 100 and X.shape[1] >= 2
        assert spec.target not in X.columns and not y.isna().any()
    assert load_dataset(registry["diamonds"])[0].shape == (10000, 9)


def test_a_good_model_passes_with_a_score_card_and_a_confusion_matrix(penguins):
    verdict = grade_source(penguins, KNN, seed=1)
    assert verdict.status == "passed", verdict.message
    report = verdict.report
    assert report["score"] >= 0.9 and report["baseline"] < 0.5 and report["needed"] == 0.9
    assert report["rows_scored"] == 84 and report["rows_train"] == 249
    confusion = report["confusion"]
    assert confusion["labels"] == ["Adelie", "Chinstrap", "Gentoo"]
    assert sum(map(sum, confusion["matrix"])) == 84
    assert Verdict.from_json(json.loads(json.dumps(verdict.to_json()))).report == report


def test_the_score_is_the_metric_of_the_learner_predictions_on_the_held_out_rows(penguins):
    # The trusted side's score, recomputed independently with scikit-learn.
    from sklearn.metrics import accuracy_score
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    split = make_split(penguins)
    predictions = make_pipeline(StandardScaler(), KNeighborsClassifier(5)).fit(split.X_train, split.y_train).predict(split.X_test)
    verdict = grade_source(penguins, KNN, seed=1)
    assert verdict.report["score"] == pytest.approx(accuracy_score(split.y_test, predictions), abs=1e-6)


def test_the_held_out_labels_never_enter_the_sandbox(penguins):
    spy = Spy()
    grade_source(penguins, KNN, seed=1, runner=spy)
    (request,) = spy.requests
    args = codec.decode(request["cases"][0]["args"].encode(), 1 << 30)
    assert set(args) == {"X_train", "y_train", "X_test"}
    assert "species" not in args["X_test"].columns and "species" not in args["X_train"].columns
    assert len(args["X_test"]) == 84 and len(args["y_train"]) == 249
    split = make_split(penguins)
    assert sorted(request) == sorted(["mode", "code", "entry", "protocol", "inputs_unchanged", "cases", "limits", "max_bytes",
                                      "needs"])
    assert set(request["needs"]) <= {"numpy", "pandas", "sklearn", "scipy"}
    # The labels appear only as y_train: nothing else in the request is a label array.
    assert np.array_equal(args["y_train"], split.y_train)


def test_a_job_cannot_look_the_labels_up_in_the_dataset_packages(penguins):
    cheat = textwrap.dedent("""
        def fit_predict(X_train, y_train, X_test):
            from palmerpenguins import load_penguins
            table = load_penguins().dropna()
            lookup = {(r.bill_length_mm, r.bill_depth_mm, r.flipper_length_mm, r.body_mass_g): r.species
                      for r in table.itertuples()}
            return [lookup[tuple(row)] for row in X_test.itertuples(index=False)]
    """)
    verdict = grade_source(penguins, cheat, seed=1)
    assert verdict.status == "failed"
    assert "penguins" in verdict.message and ("No such file" in verdict.message or "EmptyDataError" in verdict.message
                                             or "No columns" in verdict.message), verdict.message
    files = textwrap.dedent("""
        import os, glob, sklearn, statsmodels
        def fit_predict(X_train, y_train, X_test):
            base = os.path.dirname(sklearn.__file__)
            iris = os.path.exists(os.path.join(base, "datasets", "data", "iris.csv"))
            csvs = glob.glob(os.path.join(os.path.dirname(statsmodels.__file__), "datasets", "*", "*.csv"))
            sizes = sorted({os.path.getsize(p) for p in csvs})
            raise RuntimeError(f"iris={iris} statsmodels={sizes}")
    """)
    message = grade_source(penguins, files, seed=1).message
    assert "iris=False statsmodels=[0]" in message, message


@pytest.mark.parametrize("code, says", [
    (MAJORITY, "does no better than the baseline"),
    ("def fit_predict(X_train, y_train, X_test):\n    return None\n", "returned None"),
    ("def fit_predict(X_train, y_train, X_test):\n    return list(y_train)\n", "expected 84, got 249"),
    ("def fit_predict(X_train, y_train, X_test):\n    return [0] * len(X_test)\n", "strings such as 'Adelie'"),
    ("def fit_predict(X_train, y_train, X_test):\n    return ['Emperor'] * len(X_test)\n", "not classes of the training data"),
    ("def fit_predict(X_train, y_train, X_test):\n    return [[y_train[0]] * 2] * len(X_test)\n", "1-D array"),
    ("def fit_predict(X_train, y_train, X_test):\n    raise ValueError('no idea')\n", "raised an error"),
])
def test_wrong_predictions_fail_with_a_message_saying_what_is_wrong(penguins, code, says):
    verdict = grade_source(penguins, code, seed=1)
    assert verdict.status == "failed"
    assert says in verdict.message, verdict.message


def test_regression_is_scored_against_the_mean_baseline(tiny_course):
    linear = ("from sklearn.linear_model import LinearRegression\n"
              "def fit_predict(X_train, y_train, X_test):\n    return LinearRegression().fit(X_train, y_train).predict(X_test)\n")
    exercise = dataset_exercise(tiny_course, "diabetes", "diabetes", "regression", "r2", 0.3, linear)
    verdict = grade_source(exercise, linear, seed=1)
    assert verdict.status == "passed", verdict.message
    assert verdict.report["baseline"] < 0.01 and "confusion" not in verdict.report
    mean = "def fit_predict(X_train, y_train, X_test):\n    return [float(sum(y_train) / len(y_train))] * len(X_test)\n"
    assert grade_source(exercise, mean, seed=1).status == "failed"
    nan = "def fit_predict(X_train, y_train, X_test):\n    return [float('nan')] * len(X_test)\n"
    assert "NaN or infinite" in grade_source(exercise, nan, seed=1).message


def test_clustering_is_judged_against_the_true_classes_up_to_relabelling(tiny_course):
    kmeans = ("from sklearn.cluster import KMeans\nfrom sklearn.preprocessing import StandardScaler\n"
              "def fit_transform(X):\n    return KMeans(3, n_init=10, random_state=0).fit_predict(StandardScaler().fit_transform(X))\n")
    exercise = dataset_exercise(tiny_course, "wine-clusters", "wine", "clustering", "adjusted_rand", 0.5, kmeans,
                                entry="fit_transform", extra="as_frame = false")
    passed = grade_source(exercise, kmeans, seed=1)
    assert passed.status == "passed", passed.message
    relabelled = kmeans.replace("fit_predict(StandardScaler().fit_transform(X))",
                                "fit_predict(StandardScaler().fit_transform(X))\n    return 7 - out") \
        .replace("    return KMeans", "    out = KMeans")
    again = grade_source(exercise, relabelled, seed=1)
    assert again.status == "passed" and again.report["score"] == pytest.approx(passed.report["score"])
    assert grade_source(exercise, "def fit_transform(X):\n    return [0] * len(X)\n", seed=1).status == "failed"


def test_a_metric_that_does_not_fit_the_task_or_an_unknown_dataset_is_a_content_problem(tiny_course):
    folder = tiny_course / "modules" / "tiny" / "exercises" / "bad"
    write(folder / "exercise.toml", TOML.format(title="bad", entry="fit_predict", dataset="penguins", task="classification",
                                                metric="r2", margin=0.1, extra=""))
    write(folder / "prompt.md", "x\n")
    write(folder / "starter.py", MAJORITY)
    write(folder / "solution.py", KNN)
    problems = [str(p) for p in load_curriculum([tiny_course]).problems]
    assert any("metric 'r2' does not score a classification task" in p for p in problems), problems
    write(folder / "exercise.toml", TOML.format(title="bad", entry="fit_predict", dataset="nowhere", task="classification",
                                                metric="accuracy", margin=0.1, extra=""))
    problems = [str(p) for p in load_curriculum([tiny_course]).problems]
    assert any("no dataset 'nowhere' in datasets.toml" in p for p in problems), problems


def test_a_course_may_declare_its_own_datasets(tiny_course):
    write(tiny_course / "datasets.toml", """
        [my-iris]
        title = "Iris, again"
        description = "The iris flowers, declared by a course."
        source = "sklearn"
        name = "load_iris"
        target = "target"
        licence = "CC BY 4.0"
        citation = "Fisher (1936)."
        url = "https://archive.ics.uci.edu/dataset/53/iris"
    """)
    exercise = dataset_exercise(tiny_course, "iris", "my-iris", "classification", "accuracy", 0.3, KNN)
    assert exercise.dataset is not None and exercise.dataset.title == "Iris, again"
    assert "## The data" in exercise.prompt and "Fisher (1936)." in exercise.prompt
    assert grade_source(exercise, KNN, seed=1).passed


def test_score_matches_scikit_learn_for_every_metric():
    from sklearn import metrics

    rng = np.random.default_rng(0)
    y, p = rng.integers(0, 3, 50), rng.integers(0, 3, 50)
    assert score("f1_macro", y, p) == pytest.approx(metrics.f1_score(y, p, average="macro"))
    assert score("balanced_accuracy", y, p) == pytest.approx(metrics.balanced_accuracy_score(y, p))
    t, q = rng.normal(size=50), rng.normal(size=50)
    assert score("rmse", t, q) == pytest.approx(np.sqrt(np.mean((t - q) ** 2)))
    assert score("mae", t, q) == pytest.approx(np.mean(np.abs(t - q)))


def test_a_recorded_mistake_is_named_when_the_learner_predictions_agree_with_it(tiny_course):
    unscaled = ("from sklearn.neighbors import KNeighborsClassifier\n"
                "def fit_predict(X_train, y_train, X_test):\n"
                "    return KNeighborsClassifier(5).fit(X_train, y_train).predict(X_test)\n")
    exercise = dataset_exercise(tiny_course, "penguins", "penguins", "classification", "accuracy", 0.3, KNN,
                                extra='threshold = 0.95\nfeatures = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]')
    folder = exercise.path / "mistakes"
    write(folder / "no-scaling.py", unscaled)
    write(folder / "no-scaling.md", "You fitted k-NN on raw features: body mass in grams swamps the rest. Scale first.")
    write(folder / "majority.py", MAJORITY)
    write(folder / "majority.md", "You predicted the most common class for every penguin: that is the baseline.")
    exercise = load_curriculum([tiny_course]).exercise("tiny/penguins")
    learner = unscaled.replace("KNeighborsClassifier(5)", "KNeighborsClassifier(n_neighbors=5)")
    verdict = grade_source(exercise, learner, seed=1)
    assert verdict.status == "failed" and verdict.mistake is not None and verdict.mistake.name == "no-scaling"
    assert grade_source(exercise, MAJORITY, seed=1).mistake.name == "majority"
    other = "def fit_predict(X_train, y_train, X_test):\n    return ['Gentoo'] * len(X_test)\n"
    assert grade_source(exercise, other, seed=1).mistake is None


def test_doctor_says_whether_the_course_datasets_load(tiny_course, monkeypatch):
    from mltrail.curriculum import datasets
    from mltrail.doctor import dataset_check

    dataset_exercise(tiny_course, "penguins", "penguins", "classification", "accuracy", 0.3, KNN)
    curriculum = load_curriculum([tiny_course])
    check = dataset_check(curriculum)
    assert check.status == "ok" and "penguins" in check.detail
    monkeypatch.setattr(datasets, "_cache", {})

    def missing(spec):
        raise ModuleNotFoundError("No module named 'palmerpenguins'", name="palmerpenguins")

    monkeypatch.setattr(datasets, "_raw_frame", missing)
    check = dataset_check(curriculum)
    assert check.status == "warning" and "pip install palmerpenguins" in check.detail


MODEL_BASED = """
import numpy as np


def fit_policy(transitions, n_states, n_actions, horizon=100):
    counts = np.zeros((n_states, n_actions, n_states))
    going_on = np.zeros((n_states, n_actions, n_states))
    reward_sum = np.zeros((n_states, n_actions))
    for s, a, r, s2, done in transitions[["state", "action", "reward", "next_state", "terminated"]].itertuples(index=False):
        counts[s, a, s2] += 1
        going_on[s, a, s2] += not done
        reward_sum[s, a] += r
    visits = np.maximum(counts.sum(axis=2), 1)
    rewards, moves = reward_sum / visits, going_on / visits[:, :, None]
    value = np.zeros(n_states)
    for _ in range(horizon):
        q = rewards + moves @ value
        value = q.max(axis=1)
    return q.argmax(axis=1)
"""


@pytest.fixture
def frozen_logs(tiny_course):
    return dataset_exercise(tiny_course, "frozen", "frozenlake-logs", "policy", "mean_return", 0.5, MODEL_BASED,
                            entry="fit_policy", extra='threshold = 0.65\nforbid = ["gymnasium", "gym"]')


def test_a_policy_learned_from_logs_is_judged_exactly_in_the_real_environment(frozen_logs):
    import gymnasium

    verdict = grade_source(frozen_logs, MODEL_BASED, seed=1)
    assert verdict.status == "passed", verdict.message
    report = verdict.report
    assert report["baseline"] == pytest.approx(0.014, abs=0.002) and report["score"] > 0.7
    assert report["rows_scored"] == 16 and report["rows_train"] > 10_000
    # The exact expected return agrees with simulation of the same policy in gymnasium itself.
    split = make_split(frozen_logs)
    from mltrail.grading.grader import load_trusted

    policy = load_trusted(frozen_logs.file("solution.py")).fit_policy(split.X_train, 16, 4)
    env = gymnasium.make("FrozenLake-v1", is_slippery=True)
    rng = np.random.default_rng(0)
    wins = 0
    for _ in range(4000):
        state, _ = env.reset(seed=int(rng.integers(2**31)))
        for _ in range(100):
            state, reward, terminated, truncated, _ = env.step(int(policy[state]))
            if terminated or truncated:
                wins += reward
                break
    assert wins / 4000 == pytest.approx(report["score"], abs=0.03)


@pytest.mark.parametrize("code, says", [
    ("import numpy as np\ndef fit_policy(transitions, n_states, n_actions):\n    return np.zeros(n_states, int)\n",
     "no better than the baseline"),
    ("def fit_policy(transitions, n_states, n_actions):\n    return [0] * (n_states - 1)\n", "expected 16, got 15"),
    ("def fit_policy(transitions, n_states, n_actions):\n    return [n_actions] * n_states\n", "numbered 0 to 3"),
    ("import gymnasium\ndef fit_policy(transitions, n_states, n_actions):\n    return [0] * n_states\n", "uses `gymnasium`"),
])
def test_a_wrong_or_forbidden_policy_fails(frozen_logs, code, says):
    verdict = grade_source(frozen_logs, code, seed=1)
    assert verdict.status == "failed" and says in verdict.message, verdict.message
