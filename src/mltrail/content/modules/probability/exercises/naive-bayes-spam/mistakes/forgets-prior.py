# Mistake: compares only the likelihoods, as if spam and ham were equally likely a priori.
import math


def spam_probability(prior_spam, p_word_given_spam, p_word_given_ham):
    d = sum(math.log(p) for p in p_word_given_spam) - sum(math.log(p) for p in p_word_given_ham)
    if d >= 0:
        return 1.0 / (1.0 + math.exp(-d))
    return math.exp(d) / (1.0 + math.exp(d))
