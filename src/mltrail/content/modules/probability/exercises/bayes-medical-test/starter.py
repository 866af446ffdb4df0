def posterior_given_positive(prevalence, sensitivity, specificity):
    """Return P(disease | positive test), as a float."""
    # Bayes' rule: P(D | +) = P(+ | D) P(D) / P(+).
    # P(+) adds the positives from the sick and from the healthy.
    ...
