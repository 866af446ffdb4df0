import math


def spam_probability(prior_spam, p_word_given_spam, p_word_given_ham):
    """Return P(spam | words) under the naive Bayes assumption, as a float."""
    log_spam = math.log(prior_spam) + math.fsum(math.log(p) for p in p_word_given_spam)
    log_ham = math.log1p(-prior_spam) + math.fsum(math.log(p) for p in p_word_given_ham)
    d = log_spam - log_ham
    if d >= 0:
        return float(1.0 / (1.0 + math.exp(-d)))
    return float(math.exp(d) / (1.0 + math.exp(d)))
