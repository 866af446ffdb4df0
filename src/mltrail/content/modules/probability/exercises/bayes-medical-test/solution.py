def posterior_given_positive(prevalence, sensitivity, specificity):
    """Return P(disease | positive test), as a float."""
    true_positive = sensitivity * prevalence
    false_positive = (1.0 - specificity) * (1.0 - prevalence)
    return float(true_positive / (true_positive + false_positive))
