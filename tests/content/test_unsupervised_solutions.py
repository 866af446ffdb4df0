"""Every function exercise of the unsupervised module accepts correct solutions in other styles.

For each exercise, two independent correct solutions (scikit-learn or scipy where a library
does the job and the exercise does not forbid it, plain Python loops, other numpy formulations such as the eigendecomposition of a
covariance matrix instead of an SVD, Lance-Williams updates instead of recomputed linkages) are
graded by the real grader for two seeds. A check that rejects one of them compares labels by
name instead of as partitions, components with their sign, or has a tolerance tied to the
reference's floating-point path rather than to the problem.

The gradings run on one pool of warm sandboxes for the whole file, to keep it fast.
"""

from __future__ import annotations

import textwrap

import pytest

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source
from mltrail.sandbox.pool import ZygotePool

SEEDS = (0, 1)
CURRICULUM = load_curriculum()

SOLUTIONS: dict[str, dict[str, str]] = {
    "assign-clusters": {
        "scipy-cdist": """
            from scipy.spatial.distance import cdist

            def assign_clusters(X, centroids):
                return cdist(X, centroids).argmin(axis=1)
        """,
        "loops": """
            import math

            def assign_clusters(X, centroids):
                labels = []
                for x in X.tolist():
                    best, best_d = 0, math.inf
                    for j, c in enumerate(centroids.tolist()):
                        d = math.dist(x, c)
                        if d < best_d:
                            best, best_d = j, d
                    labels.append(best)
                return labels
        """,
    },
    "lloyd-step": {
        "one-hot": """
            import numpy as np

            def lloyd_step(X, centroids):
                # squared distances by |x|^2 - 2 x.c + |c|^2, then sums through a one-hot matrix
                D = (X ** 2).sum(1)[:, None] - 2 * X @ centroids.T + (centroids ** 2).sum(1)[None, :]
                M = np.eye(len(centroids))[D.argmin(axis=1)]
                counts = M.sum(axis=0)
                sums = M.T @ X
                safe = np.where(counts > 0, counts, 1.0)[:, None]
                return np.where(counts[:, None] > 0, sums / safe, centroids).tolist()
        """,
        "loops": """
            def lloyd_step(X, centroids):
                X, C = X.tolist(), centroids.tolist()
                members = [[] for _ in C]
                for x in X:
                    d = [sum((a - b) ** 2 for a, b in zip(x, c)) for c in C]
                    members[d.index(min(d))].append(x)
                new = []
                for c, pts in zip(C, members):
                    new.append([sum(col) / len(pts) for col in zip(*pts)] if pts else list(c))
                return new
        """,
    },
    "kmeans-plus-plus": {
        "python-scan": """
            def kmeans_plus_plus(X, k, uniforms):
                rows = X.tolist()
                n = len(rows)
                chosen = [int(uniforms[0] * n)]
                near = [sum((a - b) ** 2 for a, b in zip(r, rows[chosen[0]])) for r in rows]
                for u in uniforms[1:]:
                    target = u * sum(near)
                    running, pick = 0.0, n - 1
                    for i, w in enumerate(near):
                        running += w
                        if running >= target:
                            pick = i
                            break
                    chosen.append(pick)
                    near = [min(w, sum((a - b) ** 2 for a, b in zip(r, rows[pick]))) for w, r in zip(near, rows)]
                return chosen
        """,
        "cdist-searchsorted": """
            import numpy as np
            from scipy.spatial.distance import cdist

            def kmeans_plus_plus(X, k, uniforms):
                D2 = cdist(X, X, "sqeuclidean")
                chosen = [int(np.floor(uniforms[0] * len(X)))]
                for u in uniforms[1:]:
                    w = D2[:, chosen].min(axis=1)
                    cum = np.cumsum(w)
                    chosen.append(int(min(np.searchsorted(cum, u * cum[-1]), len(X) - 1)))
                return np.array(chosen)
        """,
    },
    "kmeans": {
        "cdist-bincount": """
            import numpy as np
            from scipy.spatial.distance import cdist

            def kmeans(X, init, iterations):
                C = init.astype(float).copy()
                k, d = C.shape
                for _ in range(iterations):
                    labels = cdist(X, C, "sqeuclidean").argmin(axis=1)
                    counts = np.bincount(labels, minlength=k)
                    sums = np.zeros((k, d))
                    np.add.at(sums, labels, X)
                    filled = counts > 0
                    C[filled] = sums[filled] / counts[filled, None]
                labels = cdist(X, C, "sqeuclidean").argmin(axis=1)
                inertia = cdist(X, C, "sqeuclidean")[np.arange(len(X)), labels].sum()
                return C.tolist(), labels, float(inertia)
        """,
        "loops": """
            def kmeans(X, init, iterations):
                pts = X.tolist()
                C = [list(c) for c in init.tolist()]

                def nearest(x):
                    d = [sum((a - b) ** 2 for a, b in zip(x, c)) for c in C]
                    return d.index(min(d))

                for _ in range(iterations):
                    labels = [nearest(x) for x in pts]
                    for j in range(len(C)):
                        mine = [x for x, l in zip(pts, labels) if l == j]
                        if mine:
                            C[j] = [sum(col) / len(mine) for col in zip(*mine)]
                labels = [nearest(x) for x in pts]
                inertia = sum(sum((a - b) ** 2 for a, b in zip(x, C[l])) for x, l in zip(pts, labels))
                return C, labels, inertia
        """,
    },
    "silhouette-score": {
        "cluster-sums": """
            import numpy as np
            from scipy.spatial.distance import cdist

            def silhouette(X, labels):
                # sums of distances to every cluster at once, through a one-hot matrix
                names, idx = np.unique(labels, return_inverse=True)
                M = np.eye(len(names))[idx]
                sums = cdist(X, X) @ M
                counts = M.sum(axis=0)
                n = len(X)
                own = sums[np.arange(n), idx]
                alone = counts[idx] == 1
                a = own / np.maximum(counts[idx] - 1, 1)
                means = sums / counts
                means[np.arange(n), idx] = np.inf
                b = means.min(axis=1)
                s = np.where(alone, 0.0, (b - a) / np.maximum(a, b))
                return float(s.mean())
        """,
        "loops": """
            import math

            def silhouette(X, labels):
                pts = X.tolist()
                total = 0.0
                for i, x in enumerate(pts):
                    by_cluster = {}
                    for j, y in enumerate(pts):
                        if j != i:
                            by_cluster.setdefault(labels[j], []).append(math.dist(x, y))
                    own = by_cluster.get(labels[i], [])
                    if not own:
                        continue  # alone in its cluster: 0
                    a = sum(own) / len(own)
                    b = min(sum(v) / len(v) for c, v in by_cluster.items() if c != labels[i])
                    total += (b - a) / max(a, b)
                return total / len(pts)
        """,
    },
    "rand-index": {
        "pair-loop": """
            from itertools import combinations

            def rand_index(labels_a, labels_b):
                agree = total = 0
                for i, j in combinations(range(len(labels_a)), 2):
                    agree += (labels_a[i] == labels_a[j]) == (labels_b[i] == labels_b[j])
                    total += 1
                return agree / total
        """,
        "contingency-counts": """
            from collections import Counter
            from math import comb

            def rand_index(labels_a, labels_b):
                n = len(labels_a)
                both = sum(comb(c, 2) for c in Counter(zip(labels_a, labels_b)).values())
                in_a = sum(comb(c, 2) for c in Counter(labels_a).values())
                in_b = sum(comb(c, 2) for c in Counter(labels_b).values())
                pairs = comb(n, 2)
                return (pairs + 2 * both - in_a - in_b) / pairs
        """,
    },
    "agglomerative": {
        "matrix-lance-williams": """
            import numpy as np

            def agglomerative(X, n_clusters, linkage):
                # one distance matrix; a merge rewrites row a and retires row b
                n = len(X)
                D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
                np.fill_diagonal(D, np.inf)
                size = np.ones(n)
                label = np.arange(n)
                alive = n
                while alive > n_clusters:
                    a, b = np.unravel_index(np.argmin(D), D.shape)
                    if linkage == "single":
                        row = np.minimum(D[a], D[b])
                    elif linkage == "complete":
                        row = np.maximum(D[a], D[b])
                    else:
                        row = (size[a] * D[a] + size[b] * D[b]) / (size[a] + size[b])
                    D[a], D[:, a] = row, row
                    D[a, a] = np.inf
                    D[b], D[:, b] = np.inf, np.inf
                    size[a] += size[b]
                    label[label == b] = a
                    alive -= 1
                return label.tolist()
        """,
        "lance-williams": """
            import math

            def agglomerative(X, n_clusters, linkage):
                pts = X.tolist()
                size = {i: 1 for i in range(len(pts))}
                members = {i: [i] for i in range(len(pts))}
                dist = {(i, j): math.dist(pts[i], pts[j]) for i in range(len(pts)) for j in range(i + 1, len(pts))}
                while len(members) > n_clusters:
                    (a, b), _ = min(dist.items(), key=lambda item: item[1])
                    for c in members:
                        if c in (a, b):
                            continue
                        da, db = dist[tuple(sorted((a, c)))], dist[tuple(sorted((b, c)))]
                        if linkage == "single":
                            new = min(da, db)
                        elif linkage == "complete":
                            new = max(da, db)
                        else:
                            new = (size[a] * da + size[b] * db) / (size[a] + size[b])
                        dist[tuple(sorted((a, c)))] = new
                    for key in [key for key in dist if b in key]:
                        del dist[key]
                    members[a] += members.pop(b)
                    size[a] += size.pop(b)
                labels = [0] * len(pts)
                for name, (_, group) in enumerate(sorted(members.items())):
                    for i in group:
                        labels[i] = name
                return labels
        """,
    },
    "dbscan": {
        "cdist-queue": """
            from collections import deque

            import numpy as np
            from scipy.spatial.distance import cdist

            def dbscan(X, eps, min_samples):
                near = cdist(X, X) <= eps
                core = near.sum(axis=1) >= min_samples
                labels = np.full(len(X), -1)
                name = 10  # any names will do
                for s in np.flatnonzero(core):
                    if labels[s] != -1:
                        continue
                    labels[s] = name
                    queue = deque([s])
                    while queue:
                        p = queue.popleft()
                        for q in np.flatnonzero(near[p] & (labels == -1)):
                            labels[q] = name
                            if core[q]:
                                queue.append(q)
                    name += 1
                return labels
        """,
        "union-find": """
            import math

            def dbscan(X, eps, min_samples):
                pts = X.tolist()
                n = len(pts)
                near = [[j for j in range(n) if math.dist(pts[i], pts[j]) <= eps] for i in range(n)]
                core = [len(nb) >= min_samples for nb in near]
                parent = list(range(n))

                def find(i):
                    while parent[i] != i:
                        parent[i] = parent[parent[i]]
                        i = parent[i]
                    return i

                for i in range(n):
                    if core[i]:
                        for j in near[i]:
                            if core[j]:
                                parent[find(i)] = find(j)
                labels = [-1] * n
                names = {}
                for i in range(n):
                    if core[i]:
                        labels[i] = names.setdefault(find(i), len(names))
                for i in range(n):
                    if not core[i]:
                        for j in near[i]:
                            if core[j]:
                                labels[i] = labels[j]
                                break
                return labels
        """,
    },
    "pca": {
        "gram-eigh": """
            import numpy as np

            def pca(X, n_components):
                # eigenvectors of the n x n Gram matrix, mapped back to feature space
                Xc = X - X.mean(axis=0)
                values, U = np.linalg.eigh(Xc @ Xc.T)
                order = np.argsort(values)[::-1][:n_components]
                top, U = values[order], U[:, order]
                components = (Xc.T @ U / np.sqrt(top)).T
                return components, top / np.trace(Xc @ Xc.T)
        """,
        "covariance-eigh": """
            import numpy as np

            def pca(X, n_components):
                C = np.atleast_2d(np.cov(X, rowvar=False))
                values, vectors = np.linalg.eigh(C)
                order = np.argsort(values)[::-1]
                values, vectors = values[order], vectors[:, order]
                ratios = values / values.sum()
                return vectors[:, :n_components].T.tolist(), ratios[:n_components].tolist()
        """,
    },
    "pca-2d-map": {
        "zscore-scipy-eigh": """
            import numpy as np
            from scipy.linalg import eigh
            from scipy.stats import zscore

            def pca_2d(X):
                Z = zscore(X, axis=0)  # population standard deviation, as asked
                d = Z.shape[1]
                values, vectors = eigh(np.cov(Z, rowvar=False), subset_by_index=[d - 2, d - 1])
                return Z @ vectors[:, ::-1]
        """,
        "correlation-eigh": """
            import numpy as np

            def pca_2d(X):
                Z = (X - X.mean(axis=0)) / X.std(axis=0)
                values, vectors = np.linalg.eigh(Z.T @ Z / len(Z))
                top = vectors[:, np.argsort(values)[::-1][:2]]
                return (Z @ top).tolist()
        """,
    },
    "gmm-e-step": {
        "scipy": """
            import numpy as np
            from scipy.special import logsumexp
            from scipy.stats import multivariate_normal

            def gmm_e_step(X, weights, means, covariances):
                logp = np.column_stack([
                    np.log(w) + np.atleast_1d(multivariate_normal(m, S).logpdf(X))
                    for w, m, S in zip(weights, means, covariances)
                ])
                total = logsumexp(logp, axis=1)
                return np.exp(logp - total[:, None]), float(total.sum())
        """,
        "inverse-and-max-shift": """
            import numpy as np

            def gmm_e_step(X, weights, means, covariances):
                n, d = X.shape
                cols = []
                for w, m, S in zip(weights, means, covariances):
                    diff = X - m
                    q = np.einsum("ij,jk,ik->i", diff, np.linalg.inv(S), diff)
                    sign, logdet = np.linalg.slogdet(S)
                    cols.append(np.log(w) - 0.5 * (d * np.log(2 * np.pi) + logdet + q))
                L = np.column_stack(cols)
                top = L.max(axis=1, keepdims=True)
                log_p = top[:, 0] + np.log(np.exp(L - top).sum(axis=1))
                return np.exp(L - log_p[:, None]).tolist(), float(log_p.sum())
        """,
    },
    "gmm-em": {
        "scikit-learn": """
            import warnings
            import numpy as np
            from sklearn.mixture import GaussianMixture

            def gmm_em(X, weights, means, covariances, iterations):
                if iterations == 0:
                    return weights, means, covariances
                model = GaussianMixture(
                    n_components=len(weights), covariance_type="full", tol=0.0, reg_covar=0.0,
                    max_iter=iterations, n_init=1, init_params="random", random_state=0,
                    weights_init=weights, means_init=means,
                    precisions_init=np.linalg.inv(covariances),
                )
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # not converged: on purpose
                    model.fit(X)
                return model.weights_, model.means_, model.covariances_
        """,
        "einsum": """
            import numpy as np

            def gmm_em(X, weights, means, covariances, iterations):
                w, mu, S = np.array(weights), means.copy(), covariances.copy()
                n, d = X.shape
                for _ in range(iterations):
                    diff = X[:, None, :] - mu[None, :, :]                       # n x k x d
                    q = np.einsum("nkd,kde,nke->nk", diff, np.linalg.inv(S), diff)
                    logdet = np.linalg.slogdet(S)[1]
                    L = np.log(w) - 0.5 * (d * np.log(2 * np.pi) + logdet + q)
                    L -= L.max(axis=1, keepdims=True)
                    R = np.exp(L)
                    R /= R.sum(axis=1, keepdims=True)
                    Nk = R.sum(axis=0)
                    w = Nk / n
                    mu = np.einsum("nk,nd->kd", R, X) / Nk[:, None]
                    diff = X[:, None, :] - mu[None, :, :]
                    S = np.einsum("nk,nkd,nke->kde", R, diff, diff) / Nk[:, None, None]
                return w.tolist(), mu.tolist(), S.tolist()
        """,
    },
    "mahalanobis-outliers": {
        "scipy-cdist": """
            import numpy as np
            from scipy.spatial.distance import cdist

            def mahalanobis_scores(X_train, X_test):
                VI = np.linalg.inv(np.atleast_2d(np.cov(X_train, rowvar=False)))
                return cdist(X_test, X_train.mean(axis=0)[None, :], "mahalanobis", VI=VI)[:, 0]
        """,
        "cholesky-whitening": """
            import numpy as np
            from scipy.linalg import cholesky, solve_triangular

            def mahalanobis_scores(X_train, X_test):
                n = len(X_train)
                centred = X_train - X_train.mean(axis=0)
                L = cholesky(centred.T @ centred / (n - 1), lower=True)
                y = solve_triangular(L, (X_test - X_train.mean(axis=0)).T, lower=True)
                return [float(v) for v in np.sqrt((y ** 2).sum(axis=0))]
        """,
    },
    "kde-log-density": {
        "scipy-normal-bumps": """
            import numpy as np
            from scipy.special import logsumexp
            from scipy.stats import multivariate_normal

            def kde_log_density(X_train, X_test, bandwidth):
                d = X_train.shape[1]
                bumps = np.array([
                    np.atleast_1d(multivariate_normal(mean=t, cov=bandwidth ** 2 * np.eye(d)).logpdf(X_test))
                    for t in X_train
                ])  # n x m
                return logsumexp(bumps, axis=0, b=1.0 / len(X_train))
        """,
        "loops": """
            import math

            def kde_log_density(X_train, X_test, bandwidth):
                train = X_train.tolist()
                d = len(train[0])
                out = []
                for x in X_test.tolist():
                    terms = [-sum((a - b) ** 2 for a, b in zip(x, t)) / (2 * bandwidth ** 2) for t in train]
                    top = max(terms)
                    lse = top + math.log(sum(math.exp(v - top) for v in terms))
                    out.append(lse - math.log(len(train)) - d / 2 * math.log(2 * math.pi * bandwidth ** 2))
                return out
        """,
    },
}

PARAMS = [pytest.param(slug, style, id=f"{slug}/{style}") for slug, styles in SOLUTIONS.items() for style in styles]


@pytest.fixture(scope="module")
def pool():
    """One pool of warm sandboxes for every grading in this file, with the course out of reach."""
    course = CURRICULUM.exercise("unsupervised/kmeans").path.parent.parent.parent
    with ZygotePool(size=2, forbidden=[course]) as runner:
        yield runner


def test_every_function_exercise_has_two_solutions():
    module = CURRICULUM.module("unsupervised")
    function_exercises = {ex.id.split("/", 1)[1] for ex in module.exercises if ex.kind == "function"}
    assert function_exercises == set(SOLUTIONS)
    assert all(len(styles) >= 2 for styles in SOLUTIONS.values())


@pytest.mark.parametrize(("slug", "style"), PARAMS)
def test_other_correct_solutions_pass(slug, style, pool):
    exercise = CURRICULUM.exercise(f"unsupervised/{slug}")
    code = textwrap.dedent(SOLUTIONS[slug][style])
    for seed in SEEDS:
        verdict = grade_source(exercise, code, seed=seed, runner=pool)
        assert verdict.passed, f"{slug} ({style}), seed {seed}: {verdict.message}"


# The library shortcuts these exercises forbid: each would be (nearly) right, and is refused before it runs.
SHORTCUTS = {
    "silhouette-score": ("sklearn.metrics.silhouette_score", """
        from sklearn.metrics import silhouette_score

        def silhouette(X, labels):
            return float(silhouette_score(X, labels))
    """),
    "agglomerative": ("scipy.cluster", """
        from scipy.cluster.hierarchy import fcluster, linkage as tree

        def agglomerative(X, n_clusters, linkage):
            if len(X) == 1:
                return [0]
            return fcluster(tree(X, method=linkage), t=n_clusters, criterion="maxclust")
    """),
    "pca": ("sklearn.decomposition", """
        from sklearn.decomposition import PCA

        def pca(X, n_components):
            model = PCA(n_components=n_components).fit(X)
            return model.components_, model.explained_variance_ratio_
    """),
    "kde-log-density": ("sklearn.neighbors", """
        from sklearn.neighbors import KernelDensity

        def kde_log_density(X_train, X_test, bandwidth):
            kde = KernelDensity(kernel="gaussian", bandwidth=bandwidth, rtol=0.0, atol=0.0)
            return kde.fit(X_train).score_samples(X_test)
    """),
}


@pytest.mark.parametrize("slug", sorted(SHORTCUTS))
def test_the_forbidden_library_shortcut_fails(slug, pool):
    name, code = SHORTCUTS[slug]
    verdict = grade_source(CURRICULUM.exercise(f"unsupervised/{slug}"), textwrap.dedent(code), seed=0, runner=pool)
    assert verdict.status == "failed", verdict.message
    assert f"uses `{name}`" in verdict.message, verdict.message


def test_mahalanobis_last_hint_is_a_correct_solution(pool):
    # The last hint spells out the code; followed as written it must pass every case the prompt
    # allows, including one feature (d = 1), where np.cov returns a 0-d array.
    exercise = CURRICULUM.exercise("unsupervised/mahalanobis-outliers")
    code = "import numpy as np\n\n\ndef mahalanobis_scores(X_train, X_test):\n    " + exercise.manifest.hints[-1] + "\n"
    for seed in SEEDS:
        verdict = grade_source(exercise, code, seed=seed, runner=pool)
        assert verdict.passed, f"seed {seed}: {verdict.message}"


# Ties between centroids: both prompts say a point equally near two centroids takes the smaller
# index, so breaking the tie toward the larger index must fail.
LARGEST_INDEX_ON_TIES = {
    "lloyd-step": """
        import numpy as np

        def lloyd_step(X, centroids):
            D = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
            labels = len(centroids) - 1 - D[:, ::-1].argmin(axis=1)
            new = centroids.copy()
            for j in range(len(centroids)):
                if (labels == j).any():
                    new[j] = X[labels == j].mean(axis=0)
            return new
    """,
    "kmeans": """
        import numpy as np

        def assign(X, C):
            D = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
            return len(C) - 1 - D[:, ::-1].argmin(axis=1)

        def kmeans(X, init, iterations):
            C = init.astype(float).copy()
            for _ in range(iterations):
                labels = assign(X, C)
                for j in range(len(C)):
                    if (labels == j).any():
                        C[j] = X[labels == j].mean(axis=0)
            labels = assign(X, C)
            return C, labels.tolist(), float(((X - C[labels]) ** 2).sum())
    """,
}


@pytest.mark.parametrize("slug", sorted(LARGEST_INDEX_ON_TIES))
def test_ties_going_to_the_larger_index_fail(slug, pool):
    code = textwrap.dedent(LARGEST_INDEX_ON_TIES[slug])
    verdict = grade_source(CURRICULUM.exercise(f"unsupervised/{slug}"), code, seed=0, runner=pool)
    assert verdict.status == "failed", verdict.message


def test_assign_clusters_as_a_generator_is_told_to_return_a_list(pool):
    # A loop that yields each label is told to collect them in a list, in words a learner knows
    # (the grader's name for what a generator yielded is not).
    code = textwrap.dedent("""
        def assign_clusters(X, centroids):
            for x in X:
                distances = [((x - c) ** 2).sum() for c in centroids]
                yield distances.index(min(distances))
    """)
    verdict = grade_source(CURRICULUM.exercise("unsupervised/assign-clusters"), code, seed=0, runner=pool)
    assert verdict.status == "failed", verdict.message
    assert "not a generator" in verdict.message and "Iterated" not in verdict.message, verdict.message


# On a dataset exercise every learner gets the same split, so two recorded mistakes that give the
# same clustering cannot be told apart: the first in name order is always the one named. Each
# recorded mistake must be named for itself, and a learner who took a route that ends in the same
# clustering must read an explanation that covers that route too.
SAME_CLUSTERING_ROUTES = {
    "iris-mixtures": ("spherical", """
        from sklearn.mixture import GaussianMixture

        def fit_transform(X):
            return GaussianMixture(n_components=3, covariance_type="spherical", n_init=5, random_state=0).fit(X).predict(X)
    """),
    "wine-clusters": ("principal components", """
        from sklearn.cluster import KMeans
        from sklearn.decomposition import PCA

        def fit_transform(X):
            return KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict(PCA(n_components=2).fit_transform(X))
    """),
}


@pytest.mark.parametrize("slug", sorted(SAME_CLUSTERING_ROUTES))
def test_clustering_mistakes_are_named_for_what_the_learner_did(slug, pool):
    exercise = CURRICULUM.exercise(f"unsupervised/{slug}")
    for path in exercise.mistakes():
        verdict = grade_source(exercise, path.read_text(encoding="utf-8"), seed=0, runner=pool)
        assert verdict.status == "failed", verdict.message
        assert verdict.mistake is not None and verdict.mistake.name == path.stem, (path.stem, verdict.mistake)
    words, code = SAME_CLUSTERING_ROUTES[slug]
    verdict = grade_source(exercise, textwrap.dedent(code), seed=0, runner=pool)
    assert verdict.status == "failed", verdict.message
    assert verdict.mistake is not None and words in verdict.mistake.explanation, verdict.mistake
