# Mistake: returns the positions of the matching rows (0, 1, 2, ...) instead of their index labels.
import numpy as np


def heavy_penguins(df, species, min_mass):
    mask = (df["species"] == species) & (df["body_mass_g"] >= min_mass)
    return [int(i) for i in np.flatnonzero(mask.to_numpy())]
