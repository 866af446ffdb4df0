# Mistake: returns the position of the most probable class (an int) instead of the class name.
import base64
import pickle

import numpy as np


def predict_with_saved_model(model_b64, X):
    model = pickle.loads(base64.b64decode(model_b64))
    return [int(i) for i in np.argmax(model.predict_proba(X), axis=1)]
