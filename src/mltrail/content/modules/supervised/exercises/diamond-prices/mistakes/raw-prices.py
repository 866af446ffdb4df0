import pandas as pd
from sklearn.linear_model import LinearRegression


def fit_predict(X_train, y_train, X_test):
    train = pd.get_dummies(X_train, dtype=float)
    test = pd.get_dummies(X_test, dtype=float).reindex(columns=train.columns, fill_value=0.0)
    # A straight line through the raw prices.
    return LinearRegression().fit(train, y_train).predict(test)
