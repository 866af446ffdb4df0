# Mistake: computes sum q * log(q / p), the Kullback-Leibler divergence, instead of sum (q - p) * log(q / p).
import numpy as np


def psi(expected, actual, edges):
    p = np.bincount(np.searchsorted(edges, expected, side="right"), minlength=len(edges) + 1) / len(expected)
    q = np.bincount(np.searchsorted(edges, actual, side="right"), minlength=len(edges) + 1) / len(actual)
    p, q = np.maximum(p, 1e-4), np.maximum(q, 1e-4)
    return float(np.sum(q * np.log(q / p)))
