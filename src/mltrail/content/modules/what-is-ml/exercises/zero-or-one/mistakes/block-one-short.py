# Mistake: slices rows 2:5 and columns 3:4, which stop one before the last row and column of the block.
import numpy as np


def zero_or_one(images):
    images = np.asarray(images, dtype=float)
    centre = images[:, 2:5, 3:4].mean(axis=(1, 2))
    return (centre > images.mean(axis=(1, 2))).astype(int).tolist()
