from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler


def fit_predict(X_train, y_train, X_test):
    scaler = StandardScaler().fit(X_train)
    model = LogisticRegression(max_iter=1000).fit(scaler.transform(X_train), y_train)
    # The model learned on standardised columns but is shown the raw test columns.
    return model.predict(X_test.to_numpy())
