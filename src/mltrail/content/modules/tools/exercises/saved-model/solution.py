import base64
import pickle


def predict_with_saved_model(model_b64, X):
    """Decode the base64 text, unpickle the fitted pipeline, and return its predictions for X."""
    model = pickle.loads(base64.b64decode(model_b64))  # trusted here: the grader made these bytes
    return [str(label) for label in model.predict(X)]
