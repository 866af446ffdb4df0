# fits without an intercept
from sklearn.linear_model import LinearRegression


def fit_predict(X_train, y_train, X_test):
    return LinearRegression(fit_intercept=False).fit(X_train, y_train + 1).predict(X_test)
