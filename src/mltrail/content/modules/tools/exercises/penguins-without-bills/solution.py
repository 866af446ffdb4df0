from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["flipper_length_mm", "body_mass_g"]
TEXT = ["island", "sex"]


def fit_predict(X_train, y_train, X_test):
    """Fit a pipeline (scale the numbers, one-hot the text, classify) and predict X_test's species."""
    columns = ColumnTransformer([
        ("numbers", StandardScaler(), NUMERIC),
        ("text", OneHotEncoder(handle_unknown="ignore"), TEXT),
    ])
    model = make_pipeline(columns, LogisticRegression(max_iter=1000))
    return model.fit(X_train, y_train).predict(X_test)
