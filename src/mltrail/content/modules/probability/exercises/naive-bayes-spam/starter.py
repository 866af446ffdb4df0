def spam_probability(prior_spam, p_word_given_spam, p_word_given_ham):
    """Return P(spam | words) under the naive Bayes assumption, as a float."""
    # Add logarithms instead of multiplying probabilities: the products underflow.
    # Then turn the log-odds into a probability with the logistic function.
    ...
