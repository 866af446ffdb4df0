# Mistake: returns the number c = (v . onto) / (onto . onto) instead of the vector c * onto.
import numpy as np


def project(v, onto):
    return (v @ onto) / (onto @ onto)
