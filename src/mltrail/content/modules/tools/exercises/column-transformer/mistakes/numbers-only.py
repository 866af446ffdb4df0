# Mistake: drops the text columns and fits the ridge on the three numeric columns only.
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

NUMERIC = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm"]


def predict_mass(X_train, y_train, X_test):
    model = make_pipeline(StandardScaler(), Ridge(alpha=1.0)).fit(X_train[NUMERIC], y_train)
    return [float(v) for v in model.predict(X_test[NUMERIC])]
