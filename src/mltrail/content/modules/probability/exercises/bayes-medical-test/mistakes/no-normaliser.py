# Mistake: forgets to divide by P(positive), the normaliser in Bayes' rule.
def posterior_given_positive(prevalence, sensitivity, specificity):
    return float(sensitivity * prevalence)
