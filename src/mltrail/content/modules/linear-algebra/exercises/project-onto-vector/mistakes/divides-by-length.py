# Mistake: divides by the length of onto instead of its squared length.
import numpy as np


def project(v, onto):
    return (v @ onto) / np.linalg.norm(onto) * onto
