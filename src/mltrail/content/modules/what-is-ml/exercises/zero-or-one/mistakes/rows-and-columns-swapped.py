# Mistake: takes columns 2-5 and rows 3-4, the block turned on its side.
import numpy as np


def zero_or_one(images):
    images = np.asarray(images, dtype=float)
    centre = images[:, 3:5, 2:6].mean(axis=(1, 2))
    return (centre > images.mean(axis=(1, 2))).astype(int).tolist()
