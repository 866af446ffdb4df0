from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["flipper_length_mm", "body_mass_g"]
TEXT = ["island", "sex"]


def fit_predict(X_train, y_train, X_test):
    """Fit a pipeline (scale the numbers, one-hot the text, classify) and predict X_test's species."""
    # Build a ColumnTransformer for the two kinds of column, chain it with a classifier,
    # fit on the training rows and return the predictions for X_test.
    ...
