from sklearn.compose import make_column_transformer
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
TEXT = ["island", "sex"]


def fit_predict(X_train, y_train, X_test):
    # Both transformations are fitted on the training rows, inside the pipeline,
    # and applied unchanged to the test rows.
    columns = make_column_transformer((StandardScaler(), NUMERIC), (OneHotEncoder(handle_unknown="ignore"), TEXT))
    model = make_pipeline(columns, KNeighborsClassifier(n_neighbors=5))
    return model.fit(X_train, y_train).predict(X_test)
