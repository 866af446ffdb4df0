import numpy as np
from sklearn.linear_model import LinearRegression


def fit_predict(X_train, y_train, X_test):
    # Only the numeric columns: cut, color and clarity are thrown away.
    numeric = X_train.select_dtypes("number").columns
    model = LinearRegression().fit(X_train[numeric], np.log(y_train))
    return np.exp(model.predict(X_test[numeric]))
