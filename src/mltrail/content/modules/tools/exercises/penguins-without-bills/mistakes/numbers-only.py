# Mistake: drops the island and sex columns and classifies from flipper length and body mass alone.
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

NUMERIC = ["flipper_length_mm", "body_mass_g"]


def fit_predict(X_train, y_train, X_test):
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    return model.fit(X_train[NUMERIC], y_train).predict(X_test[NUMERIC])
