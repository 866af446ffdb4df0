import numpy as np


def zero_or_one(images):
    """1 where the centre block (rows 2-5, columns 3-4) is inkier on average than the image."""
    images = np.asarray(images, dtype=float).reshape(-1, 8, 8)
    centre = images[:, 2:6, 3:5].sum(axis=(1, 2))
    whole = images.sum(axis=(1, 2))
    # mean(centre) > mean(whole) <=> 64 * sum(centre) > 8 * sum(whole), exact in integers
    return [int(v) for v in 8 * centre > whole]
