import math

from mltrail.grading.contract import hidden, labelled


def _message(rng, n_words, spread):
    """Word probabilities around 1e-3 in spam, ham's differing by a random factor."""
    spam = rng.uniform(2e-4, 5e-3, size=n_words)
    ham = spam * rng.lognormal(0.0, spread, size=n_words)
    return [float(v) for v in spam], [float(min(v, 0.5)) for v in ham]


def _args(prior, spam, ham):
    return {"prior_spam": prior, "p_word_given_spam": spam, "p_word_given_ham": ham}


def cases(rng):
    yield labelled(_args(0.4, [0.05, 0.01, 0.02], [0.01, 0.03, 0.001]), "the worked example")
    yield labelled(_args(0.3, [0.02], [0.02]), "one word, equally likely in both: the prior")
    yield labelled(_args(0.5, [0.2, 0.1], [0.1, 0.2]), "even prior, the words cancel out")
    yield labelled(_args(0.2, [0.001] * 300, [0.001] * 299 + [0.004]), "300 words: the products underflow")
    yield labelled(_args(0.7, [0.002, 0.003] * 250, [0.003, 0.002] * 250), "500 words, balanced evidence")
    yield labelled(_args(0.5, [0.001] * 300, [0.1] * 300), "300 words pointing to ham: the log-odds fall below -709")
    for i in range(24):
        if i % 2 == 0:
            spam, ham = _message(rng, int(rng.integers(1, 8)), 0.8)
        else:
            spam, ham = _message(rng, int(rng.integers(200, 800)), 0.05)
        yield _args(float(rng.uniform(0.1, 0.9)), spam, ham)
    spam, ham = _message(rng, 3000, 0.02)
    yield hidden(_args(float(rng.uniform(0.2, 0.8)), spam, ham))


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if math.isnan(got):
        return "got nan: did a product of probabilities underflow to 0.0 (0 / 0)? Add logarithms instead"
    if not math.isclose(got, expected, rel_tol=1e-7, abs_tol=1e-9):
        return f"expected {expected!r}, got {got!r}"
    return True
