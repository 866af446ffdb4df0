from sklearn.linear_model import Ridge
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def best_alpha(X, y, alphas):
    """The alpha of StandardScaler + Ridge with the best mean 3-fold R squared, and that score."""
    pipeline = make_pipeline(StandardScaler(), Ridge())
    search = GridSearchCV(pipeline, {"ridge__alpha": list(alphas)}, cv=3)  # KFold(3), no shuffle
    search.fit(X, y)
    return {"alpha": float(search.best_params_["ridge__alpha"]), "score": float(search.best_score_)}
