from sklearn.linear_model import Ridge
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def best_alpha(X, y, alphas):
    """The alpha of StandardScaler + Ridge with the best mean 3-fold R squared, and that score."""
    # Cross-validate the whole pipeline over a grid of alphas with GridSearchCV(cv=3).
    ...
