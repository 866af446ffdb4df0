import numpy as np


def zero_or_one(images):
    """1 where the centre block (rows 2-5, columns 3-4) is inkier on average than the image."""
    images = np.asarray(images, dtype=float)  # shape (number of images, 8, 8)
    # centre block: rows 2..5 and columns 3..4 included
    ...
