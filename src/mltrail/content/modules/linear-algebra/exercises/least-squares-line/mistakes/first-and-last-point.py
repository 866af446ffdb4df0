# Mistake: draws the line through the first and last points instead of fitting all of them.
def fit_line(x, y):
    slope = (y[-1] - y[0]) / (x[-1] - x[0])
    intercept = y[0] - slope * x[0]
    return float(slope), float(intercept)
