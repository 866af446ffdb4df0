# Mistake: returns P(positive | disease), the sensitivity, instead of P(disease | positive).
def posterior_given_positive(prevalence, sensitivity, specificity):
    return float(sensitivity)
