# Mistake: standardises all rows once, before cross-validation (the held-out folds leak into the scaler).
from sklearn.linear_model import Ridge
from sklearn.model_selection import GridSearchCV
from sklearn.preprocessing import StandardScaler


def best_alpha(X, y, alphas):
    search = GridSearchCV(Ridge(), {"alpha": list(alphas)}, cv=3).fit(StandardScaler().fit_transform(X), y)
    return {"alpha": float(search.best_params_["alpha"]), "score": float(search.best_score_)}
