# Mistake: computes the densities themselves and divides, which gives 0 / 0 far from every component.
import numpy as np


def gmm_e_step(X, weights, means, covariances):
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    dens = []
    for w, mu, S in zip(weights, np.asarray(means, dtype=float), np.asarray(covariances, dtype=float)):
        diff = X - mu
        q = np.einsum("ij,jk,ik->i", diff, np.linalg.inv(S), diff)
        dens.append(w * np.exp(-0.5 * q) / np.sqrt((2 * np.pi) ** d * np.linalg.det(S)))
    P = np.column_stack(dens)
    total = P.sum(axis=1)
    return P / total[:, None], float(np.log(total).sum())
