# Mistake: multiplies the probabilities directly; long messages underflow to 0 / 0.
def spam_probability(prior_spam, p_word_given_spam, p_word_given_ham):
    spam = prior_spam
    for p in p_word_given_spam:
        spam *= p
    ham = 1 - prior_spam
    for p in p_word_given_ham:
        ham *= p
    return spam / (spam + ham)
