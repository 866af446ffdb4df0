# Mistake: swaps the roles of the two vectors and projects onto v instead of onto `onto`.
import numpy as np


def project(v, onto):
    return (onto @ v) / (v @ v) * v
