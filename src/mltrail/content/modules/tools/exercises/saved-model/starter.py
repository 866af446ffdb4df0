import base64
import pickle


def predict_with_saved_model(model_b64, X):
    """Decode the base64 text, unpickle the fitted pipeline, and return its predictions for X."""
    # bytes = base64.b64decode(...); model = pickle.loads(...); then predict.
    ...
