import numpy as np
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
TEXT = ["island", "sex"]


def fit_predict(X_train, y_train, X_test):
    scaler = StandardScaler().fit(X_train[NUMERIC])
    encoder = OneHotEncoder(handle_unknown="ignore").fit(X_train[TEXT])
    train = np.hstack([scaler.transform(X_train[NUMERIC]), encoder.transform(X_train[TEXT]).toarray()])
    # The test matrix is assembled with the one-hot columns first.
    test = np.hstack([encoder.transform(X_test[TEXT]).toarray(), scaler.transform(X_test[NUMERIC])])
    return KNeighborsClassifier(5).fit(train, y_train).predict(test)
