# Mistake: predicts with the pipeline's last step only, skipping the scaler.
import base64
import pickle


def predict_with_saved_model(model_b64, X):
    model = pickle.loads(base64.b64decode(model_b64))
    return [str(label) for label in model[-1].predict(X)]
