"""Reference tests for the function exercises of the unsupervised module.

Each reference solution is compared with scikit-learn or scipy over every case of its check for
seeds 0 and 1, judged by the check's own `compare`: nearest centroids by `scipy.cluster.vq`,
Lloyd's iterations by `KMeans` started from the given centroids (with `n_init=1` and `tol=0`),
k-means++ by `kmeans_plusplus` with one candidate per step, fed the case's uniform numbers,
silhouettes, Rand indices, agglomerative clusterings, DBSCAN labels, PCA and Gaussian mixtures
(fixed start, `tol=0`, no regularisation) by scikit-learn, log-densities by
`scipy.stats.multivariate_normal` (also for the bumps of the kernel density estimate, whose
scikit-learn version is tree-based and not exact enough) and Mahalanobis distances by
`scipy.spatial.distance`.
Where the exercise's rule for empty clusters differs from scikit-learn's, the reference is an
independent computation with `scipy.cluster.vq` and pandas, and the cases where scikit-learn
applies are also checked with it. The recorded mistakes must go wrong, on random cases and on the
labelled edge cases alone, be told apart from each other, and be explained in two to five
sentences; starters must fail; the cases have the agreed shape and respect what the prompts
promise; the checks accept relabelled partitions, flipped components and either valid cluster
of a border point.
"""

from __future__ import annotations

import copy
import re
import sys
import tomllib
import warnings

import numpy as np
import pandas as pd
import pytest
import scipy.spatial.distance
from scipy.cluster.vq import vq
from scipy.special import logsumexp
from scipy.stats import multivariate_normal
from sklearn.cluster import DBSCAN, AgglomerativeClustering, KMeans, kmeans_plusplus
from sklearn.decomposition import PCA
from sklearn.metrics import rand_score, silhouette_score
from sklearn.mixture import GaussianMixture
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from mltrail.grading.contract import Case

from exercise_files import MODULES, RAISED, call, exercise_cases, load_file, passes, plain

MODULE = "unsupervised"
FOLDER = MODULES / MODULE / "exercises"
SEEDS = range(2)
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z`]|\s*$)")


@pytest.fixture(autouse=True)
def _no_bytecode_in_content(monkeypatch):
    """Loading exercise files must not leave __pycache__ folders in the content."""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)


# --- independent references -------------------------------------------------------------


def _groupby_update(X, labels, C):
    """New centroids by pandas: the mean of each label's rows; a label with no rows keeps its centroid."""
    means = pd.DataFrame(X).groupby(labels).mean()
    new = np.array(C, dtype=float)
    for label, row in means.iterrows():
        new[int(label)] = row.to_numpy()
    return new


def _sklearn_kmeans(X, init, iterations):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = KMeans(n_clusters=len(init), init=init, n_init=1, max_iter=iterations, tol=0.0, algorithm="lloyd").fit(X)
    return model.cluster_centers_, model.labels_, model.inertia_


def ref_assign_clusters(X, centroids):
    return [int(v) for v in vq(X, centroids)[0]]


def ref_lloyd_step(X, centroids):
    labels, _ = vq(X, centroids)
    new = _groupby_update(X, labels, centroids)
    if len(np.unique(labels)) == len(centroids):  # no empty cluster: scikit-learn's rule is the same
        C, _, _ = _sklearn_kmeans(X, centroids, 1)
        assert np.allclose(C, new, rtol=0, atol=1e-9 * (np.abs(X).max() + 1))
    return new


class _GivenUniforms(np.random.RandomState):
    """A RandomState that hands out the case's uniform numbers, in order, to scikit-learn."""

    def __init__(self, uniforms):
        super().__init__(0)
        self.given = list(uniforms)

    def choice(self, a, size=None, replace=True, p=None):  # numpy's own inverse-cdf step, on the given number
        cdf = np.cumsum(p)
        cdf /= cdf[-1]
        return int(np.searchsorted(cdf, self.given.pop(0), side="right"))

    def uniform(self, low=0.0, high=1.0, size=None):
        return np.array([low + (high - low) * self.given.pop(0) for _ in range(int(np.prod(size or 1)))])


def ref_kmeans_plus_plus(X, k, uniforms):
    _, indices = kmeans_plusplus(np.asarray(X, dtype=float), n_clusters=k, random_state=_GivenUniforms(uniforms), n_local_trials=1)
    return [int(i) for i in indices]


def ref_kmeans(X, init, iterations):
    C = np.array(init, dtype=float)
    empty = False
    for _ in range(iterations):  # scipy's assignment, pandas' means
        labels, _ = vq(X, C)
        empty |= len(np.unique(labels)) < len(C)
        C = _groupby_update(X, labels, C)
    labels, distances = vq(X, C)
    result = (C, [int(v) for v in labels], float((distances ** 2).sum()))
    if iterations >= 1 and not empty:
        C2, labels2, inertia2 = _sklearn_kmeans(X, init, iterations)
        assert np.allclose(C2, C, rtol=0, atol=1e-9 * (np.abs(X).max() + 1)) and labels2.tolist() == result[1]
        assert abs(inertia2 - result[2]) <= 1e-8 * (result[2] + 1)
        _USED_SKLEARN["kmeans"] += 1
    return result


def ref_silhouette(X, labels):
    return float(silhouette_score(X, labels))


def ref_rand_index(labels_a, labels_b):
    return float(rand_score(labels_a, labels_b))


def ref_agglomerative(X, n_clusters, linkage):
    if len(X) == 1:
        return [0]
    return [int(v) for v in AgglomerativeClustering(n_clusters=n_clusters, linkage=linkage).fit_predict(X)]


def ref_dbscan(X, eps, min_samples):
    return [int(v) for v in DBSCAN(eps=eps, min_samples=min_samples).fit(X).labels_]


def ref_pca(X, n_components):
    model = PCA(n_components=n_components, svd_solver="full").fit(X)
    return model.components_, model.explained_variance_ratio_.tolist()


def ref_pca_2d(X):
    return make_pipeline(StandardScaler(), PCA(n_components=2, svd_solver="full")).fit_transform(X)


def ref_gmm_e_step(X, weights, means, covariances):
    logp = np.column_stack([
        np.log(w) + np.atleast_1d(multivariate_normal(mean=m, cov=S).logpdf(X)).reshape(-1)
        for w, m, S in zip(weights, means, covariances)
    ])
    total = logsumexp(logp, axis=1)
    return np.exp(logp - total[:, None]), float(total.sum())


def ref_gmm_em(X, weights, means, covariances, iterations):
    if iterations == 0:
        return np.array(weights), np.array(means), np.array(covariances)
    model = GaussianMixture(
        n_components=len(weights), covariance_type="full", tol=0.0, reg_covar=0.0, max_iter=iterations, n_init=1,
        init_params="random", random_state=0, weights_init=weights, means_init=means,
        precisions_init=np.linalg.inv(covariances),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "did not converge": exactly `iterations` steps on purpose
        model.fit(X)
    assert model.n_iter_ == iterations
    return model.weights_, model.means_, model.covariances_


def ref_mahalanobis_scores(X_train, X_test):
    VI = np.linalg.inv(np.atleast_2d(np.cov(X_train, rowvar=False)))
    mu = X_train.mean(axis=0)
    return [float(scipy.spatial.distance.mahalanobis(x, mu, VI)) for x in X_test]


def ref_kde_log_density(X_train, X_test, bandwidth):
    # One normal bump per training point, by scipy, mixed with equal weights 1/n in log space.
    d = X_train.shape[1]
    bumps = np.array([
        np.atleast_1d(multivariate_normal(mean=x, cov=bandwidth ** 2 * np.eye(d)).logpdf(X_test)).reshape(-1)
        for x in X_train
    ])
    return logsumexp(bumps, axis=0, b=1.0 / len(X_train)).tolist()


def test_kde_reference_matches_high_precision_arithmetic():
    import mpmath

    solution = function_of(FOLDER / "kde-log-density" / "solution.py", "kde_log_density")
    case = next(c for c in _cases("kde-log-density", 0) if c.hidden)
    X_train, X_test, h = case.args["X_train"], case.args["X_test"][:4], case.args["bandwidth"]
    got = solution(X_train=X_train, X_test=X_test, bandwidth=h)
    with mpmath.workdps(40):
        hh = mpmath.mpf(h)
        for x, value in zip(X_test, got):
            terms = [mpmath.exp(-mpmath.fsum((mpmath.mpf(float(a)) - float(b)) ** 2 for a, b in zip(x, t)) / (2 * hh * hh))
                     for t in X_train]
            exact = mpmath.log(mpmath.fsum(terms) / len(terms)) - len(x) * mpmath.log(2 * mpmath.pi * hh * hh) / 2
            assert abs(value - float(exact)) <= 1e-9 * abs(float(exact))


_USED_SKLEARN = {"kmeans": 0}

EXERCISES = {
    "assign-clusters": ("assign_clusters", ref_assign_clusters),
    "lloyd-step": ("lloyd_step", ref_lloyd_step),
    "kmeans-plus-plus": ("kmeans_plus_plus", ref_kmeans_plus_plus),
    "kmeans": ("kmeans", ref_kmeans),
    "silhouette-score": ("silhouette", ref_silhouette),
    "rand-index": ("rand_index", ref_rand_index),
    "agglomerative": ("agglomerative", ref_agglomerative),
    "dbscan": ("dbscan", ref_dbscan),
    "pca": ("pca", ref_pca),
    "pca-2d-map": ("pca_2d", ref_pca_2d),
    "gmm-e-step": ("gmm_e_step", ref_gmm_e_step),
    "gmm-em": ("gmm_em", ref_gmm_em),
    "mahalanobis-outliers": ("mahalanobis_scores", ref_mahalanobis_scores),
    "kde-log-density": ("kde_log_density", ref_kde_log_density),
}


# --- helpers -----------------------------------------------------------------------------


def exercise_id(slug):
    return f"{MODULE}/{slug}"


def entry_of(slug):
    return EXERCISES[slug][0]


def check_of(slug):
    return load_file(FOLDER / slug / "check.py")


def function_of(path, entry):
    return getattr(load_file(path), entry)


def mistake_files():
    for slug in EXERCISES:
        for path in sorted((FOLDER / slug / "mistakes").glob("*.py")):
            yield pytest.param(slug, path, id=f"{slug}/{path.stem}")


def _cases(slug, seed, cache={}):
    if (slug, seed) not in cache:
        cache[slug, seed] = exercise_cases(exercise_id(slug), seed)
    return cache[slug, seed]


def _expected(slug, seed, cache={}):
    """The reference's plain outputs for every case of a seed (computed once per file run)."""
    if (slug, seed) not in cache:
        solution = function_of(FOLDER / slug / "solution.py", entry_of(slug))
        cache[slug, seed] = [plain(solution(**copy.deepcopy(c.args))) for c in _cases(slug, seed)]
    return cache[slug, seed]


# --- structure ---------------------------------------------------------------------------


def test_every_function_exercise_is_covered():
    folders = {
        path.name
        for path in FOLDER.iterdir()
        if (path / "exercise.toml").is_file()
        and tomllib.loads((path / "exercise.toml").read_text(encoding="utf-8"))["kind"] == "function"
    }
    assert folders == set(EXERCISES)


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_exercise_files(slug):
    folder = FOLDER / slug
    meta = tomllib.loads((folder / "exercise.toml").read_text(encoding="utf-8"))
    assert meta["kind"] == "function"
    assert meta["entry"] == entry_of(slug)
    assert 2 <= len(meta["hints"]) <= 4
    assert 1 <= meta["difficulty"] <= 5
    manifest = tomllib.loads((MODULES / MODULE / "module.toml").read_text(encoding="utf-8"))
    declared = {skill["id"] for skill in manifest["skills"]}
    assert meta["skills"] and set(meta["skills"]) <= declared
    prompt = (folder / "prompt.md").read_text(encoding="utf-8")
    assert "the grader calls it with keyword arguments" in " ".join(prompt.split())
    assert f"`{entry_of(slug)}(" in prompt
    assert len(re.findall(r"```python\n", prompt)) == 1, "exactly one worked example"
    assert all(len(line) <= 100 for line in prompt.splitlines() if not line.startswith((">>>", "..."))), "keep prompt lines short"
    mistakes = sorted((folder / "mistakes").glob("*.py"))
    assert 2 <= len(mistakes) <= 3
    for path in mistakes:
        assert re.fullmatch(r"[a-z0-9-]+", path.stem), path.name
        assert path.read_text(encoding="utf-8").startswith("# "), f"{path.name}: first line must be a comment"


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_cases_shape(slug, seed):
    cases = _cases(slug, seed)
    assert 1 <= sum(case.hidden for case in cases) <= 2
    assert sum(1 for case in cases if not case.hidden and case.label is None) >= 20
    assert cases[0].label is not None  # edge cases come first
    first_random = next(i for i, case in enumerate(cases) if case.label is None)
    assert all(case.label is not None for case in cases[:first_random])
    assert all(case.label is None for case in cases[first_random:])


# --- the reference against independent computations -------------------------------------


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_solution_matches_independent_computation(slug, seed):
    entry, reference = EXERCISES[slug]
    check = check_of(slug)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    _USED_SKLEARN["kmeans"] = 0
    for case in _cases(slug, seed):
        before = copy.deepcopy(case.args)
        got = plain(solution(**case.args))
        expected = plain(reference(**copy.deepcopy(case.args)))
        assert passes(check, expected, got, case), f"{slug} {case.label or ''}: {case.args} -> {got!r}, reference {expected!r}"
        assert repr(before) == repr(case.args), f"{slug}: the solution modified its arguments"
    if slug == "kmeans":  # scikit-learn's KMeans checked every case without an empty cluster
        assert _USED_SKLEARN["kmeans"] >= 15


def test_kmeans_plus_plus_rule_is_scikit_learns_sampler():
    # With one candidate per step, scikit-learn's kmeans_plusplus draws exactly the uniforms of the
    # prompt's rule from its RandomState: one for the first centre, one per further centre.
    solution = function_of(FOLDER / "kmeans-plus-plus" / "solution.py", "kmeans_plus_plus")
    rng = np.random.default_rng(5)
    for seed in range(30):
        X = rng.normal(size=(int(rng.integers(5, 60)), 2)) * rng.uniform(0.5, 3.0, size=2)
        k = int(rng.integers(1, 6))
        uniforms = [float(np.random.RandomState(seed).random_sample(k)[i]) for i in range(k)]
        _, indices = kmeans_plusplus(X, n_clusters=k, random_state=np.random.RandomState(seed), n_local_trials=1)
        assert solution(X=X, k=k, uniforms=uniforms) == indices.tolist()


def test_kmeans_inertia_never_increases():
    solution = function_of(FOLDER / "kmeans" / "solution.py", "kmeans")
    for case in _cases("kmeans", 0)[5:15]:
        inertias = [solution(**{**case.args, "iterations": t})[2] for t in range(6)]
        assert all(b <= a + 1e-9 * a for a, b in zip(inertias, inertias[1:]))


def test_em_never_lowers_the_log_likelihood():
    em = function_of(FOLDER / "gmm-em" / "solution.py", "gmm_em")
    e_step = function_of(FOLDER / "gmm-e-step" / "solution.py", "gmm_e_step")
    for case in _cases("gmm-em", 0)[5:15]:
        args = dict(case.args)
        X = args.pop("X")
        args.pop("iterations")
        values = []
        for t in range(6):
            w, mu, S = em(X=X, iterations=t, **args)
            values.append(e_step(X=X, weights=list(w), means=mu, covariances=S)[1])
        assert all(b >= a - 1e-9 * abs(a) for a, b in zip(values, values[1:]))


def test_pca_components_are_orthonormal():
    solution = function_of(FOLDER / "pca" / "solution.py", "pca")
    for case in _cases("pca", 0):
        V = np.asarray(solution(**case.args)[0])
        assert np.allclose(V @ V.T, np.eye(len(V)), atol=1e-10)


def _bounds_hold(slug, a) -> bool:
    """The input bounds each prompt promises, so that a solution may rely on them."""
    if slug in ("assign-clusters", "lloyd-step"):
        X, C = np.asarray(a["X"]), np.asarray(a["centroids"])
        return X.ndim == C.ndim == 2 and len(X) >= 1 and len(C) >= 1 and X.shape[1] == C.shape[1] >= 1
    if slug == "kmeans-plus-plus":
        X = np.asarray(a["X"])
        distinct = len(np.unique(X, axis=0))
        return 1 <= a["k"] <= len(X) and distinct >= a["k"] and len(a["uniforms"]) == a["k"] and all(0 < u < 1 for u in a["uniforms"])
    if slug == "kmeans":
        return a["iterations"] >= 0 and a["init"].shape[1] == a["X"].shape[1] and len(a["init"]) >= 1
    if slug == "silhouette-score":
        return 2 <= len(set(a["labels"])) <= len(a["labels"]) - 1 and len(a["labels"]) == len(a["X"])
    if slug == "rand-index":
        return len(a["labels_a"]) == len(a["labels_b"]) >= 2
    if slug == "agglomerative":
        return 1 <= a["n_clusters"] <= len(a["X"]) and a["linkage"] in ("single", "complete", "average")
    if slug == "dbscan":
        return a["eps"] > 0 and a["min_samples"] >= 1 and len(a["X"]) >= 1
    if slug == "pca":
        X, k = a["X"], a["n_components"]
        lam = np.linalg.svd(X - X.mean(axis=0), compute_uv=False) ** 2
        gaps = all(lam[j] - lam[j + 1] > 1e-3 * lam[0] for j in range(min(k, len(lam) - 1)))
        return 1 <= k <= min(len(X) - 1, X.shape[1]) and gaps
    if slug == "pca-2d-map":
        X = a["X"]
        if len(X) < 3 or X.shape[1] < 2 or np.any(X.std(axis=0) == 0):
            return False
        lam = np.linalg.svd((X - X.mean(axis=0)) / X.std(axis=0), compute_uv=False) ** 2
        return all(lam[j] - lam[j + 1] > 1e-3 * lam[0] for j in range(min(2, len(lam) - 1)))
    if slug in ("gmm-e-step", "gmm-em"):
        w, S = np.asarray(a["weights"]), np.asarray(a["covariances"])
        spd = all(np.allclose(M, M.T) and np.linalg.eigvalsh(M).min() > 0 for M in S)
        return bool(np.all(w > 0)) and abs(w.sum() - 1) < 1e-12 and spd and a.get("iterations", 0) >= 0
    if slug == "kde-log-density":
        return a["bandwidth"] > 0 and a["X_train"].shape[1] == a["X_test"].shape[1] and len(a["X_train"]) >= 1
    if slug == "mahalanobis-outliers":
        n, d = a["X_train"].shape
        return n >= d + 2 and np.linalg.cond(np.atleast_2d(np.cov(a["X_train"], rowvar=False))) < 1e8
    return True


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_cases_respect_the_bounds_the_prompt_states(slug, seed):
    for case in _cases(slug, seed):
        assert _bounds_hold(slug, case.args), f"{slug} {case.label or ''}: {case.args}"


def test_gmm_em_covariances_stay_well_conditioned():
    # The prompt promises many points per component, so the M step never nears a singular covariance.
    for seed in SEEDS:
        for case, (_, _, S) in zip(_cases("gmm-em", seed), _expected("gmm-em", seed)):
            assert all(np.linalg.eigvalsh(M).min() > 1e-3 for M in np.asarray(S)), case.label


# --- the checks accept every correct answer ----------------------------------------------


def test_partitions_are_compared_up_to_renaming():
    check = check_of("agglomerative")
    case = _cases("agglomerative", 0)[0]
    expected = _expected("agglomerative", 0)[0]  # [0, 0, 0, 0, 0, 1]
    renamed = [7 if v == 0 else 2 for v in expected]
    assert passes(check, expected, renamed, case)
    assert passes(check, expected, np.array(renamed, dtype=np.int32), case)
    assert not passes(check, expected, [0] * 6, case)
    assert not passes(check, expected, [0, 0, 0, 0, 1, 1], case)


def test_dbscan_accepts_either_cluster_for_a_shared_border_point():
    check = check_of("dbscan")
    # 0-0.3 and 1.5-1.8 are dense; 0.9 is within eps of the core points 0.3 and 1.5 but is not core.
    X = np.array([[0.0], [0.1], [0.2], [0.3], [0.9], [1.5], [1.6], [1.7], [1.8]])
    case = Case(args={"X": X, "eps": 0.62, "min_samples": 4})
    expected = function_of(FOLDER / "dbscan" / "solution.py", "dbscan")(**case.args)
    assert len(set(expected)) == 2 and -1 not in expected
    assert passes(check, expected, [5, 5, 5, 5, 5, 9, 9, 9, 9], case)
    assert passes(check, expected, [5, 5, 5, 5, 9, 9, 9, 9, 9], case)
    assert not passes(check, expected, [5, 5, 5, 5, -1, 9, 9, 9, 9], case)
    assert not passes(check, expected, [5, 5, 5, 5, 5, 5, 5, 5, 5], case)
    assert not passes(check, expected, [1, 1, 1, 1, 1, 2, 2, 3, 3], case)


def test_components_and_scores_are_compared_up_to_sign():
    for slug, flip in (("pca", lambda e: (-np.asarray(e[0]), e[1])), ("pca-2d-map", lambda e: np.asarray(e) * [-1.0, 1.0])):
        check = check_of(slug)
        for case, expected in zip(_cases(slug, 0), _expected(slug, 0)):
            assert passes(check, expected, flip(expected), case)


# --- recorded mistakes and starters ------------------------------------------------------


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_starter_fails(slug):
    starter = function_of(FOLDER / slug / "starter.py", entry_of(slug))
    check = check_of(slug)
    cases = _cases(slug, 0)
    assert not all(passes(check, e, call(starter, c.args), c) for e, c in zip(_expected(slug, 0), cases))


@pytest.mark.parametrize(("slug", "path"), list(mistake_files()))
@pytest.mark.parametrize("seed", SEEDS[:2])
def test_mistake_is_caught_on_edge_and_random_cases(slug, path, seed):
    check = check_of(slug)
    mistake = function_of(path, entry_of(slug))
    cases = _cases(slug, seed)
    wrong = [not passes(check, e, call(mistake, c.args), c) for e, c in zip(_expected(slug, seed), cases)]
    labelled = [w for w, c in zip(wrong, cases) if c.label is not None]
    random = [w for w, c in zip(wrong, cases) if c.label is None and not c.hidden]
    assert any(labelled), f"{path.name} is not caught by the fixed edge cases"
    # Typical random cases show the mistake too, so the grader can recognise it there.
    assert sum(random) >= 0.25 * len(random), f"{path.name} goes wrong on only {sum(random)} of {len(random)} random cases"


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_mistakes_are_told_apart(slug):
    check = check_of(slug)
    cases = _cases(slug, 0)
    outputs = {
        path.stem: [call(function_of(path, entry_of(slug)), c.args) for c in cases]
        for path in sorted((FOLDER / slug / "mistakes").glob("*.py"))
    }
    for name, got in outputs.items():
        for other, other_got in outputs.items():
            if other != name:
                assert any(
                    not passes(check, a, b, c) for a, b, c in zip(got, other_got, cases) if a is not RAISED
                ), f"{name} cannot be told apart from {other}"


@pytest.mark.parametrize(("slug", "path"), list(mistake_files()))
def test_mistake_is_explained_in_two_to_five_sentences(slug, path):
    explanation = path.with_suffix(".md")
    assert explanation.is_file(), f"{path.name} has no explanation {explanation.name}"
    text = explanation.read_text(encoding="utf-8").strip()
    sentences = len(SENTENCE_END.findall(text))
    assert 2 <= sentences <= 5, f"{explanation.name}: {sentences} sentences"
    assert text.startswith("You"), f"{explanation.name} speaks to the learner who made the mistake"
    assert "$" not in text, f"{explanation.name}: explanations are plain text, no TeX"


def test_wine_clusters_text_states_the_column_spreads_right():
    # The prompt and first hint explain why to standardise by the spread of the columns: proline
    # varies by hundreds, but magnesium by about 14, more than "units or less".
    from sklearn.datasets import load_wine

    wine = load_wine()
    sd = dict(zip(wine.feature_names, wine.data.std(axis=0)))
    assert 250 < sd["proline"] < 350 and 10 < sd["magnesium"] < 20
    assert all(value < 4 for name, value in sd.items() if name not in ("proline", "magnesium"))
    text = (FOLDER / "wine-clusters" / "prompt.md").read_text() + (FOLDER / "wine-clusters" / "exercise.toml").read_text()
    assert "in units or less" not in text and "by units or less" not in text
    assert "magnesium" in text
