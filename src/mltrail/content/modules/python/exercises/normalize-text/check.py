from mltrail.grading.contract import hidden, labelled

WORDS = [
    "Data", "model", "TRAIN", "test", "loss", "Café", "naïve", "über", "señal", "GPU",
    "x2", "3D", "epoch", "learning", "rate", "Zürich", "année", "batch", "f1", "score",
]
SEPARATORS = [
    " ", "  ", "\t", "\n", ", ", "; ", " - ", "...", "!", "?", "'", "(", ")", "_",
    "/", " & ", ": ", "\"", "#", "%", " \n\t ", "@", "+", "=",
]


def cases(rng):
    yield labelled({"text": ""}, "empty string")
    yield labelled({"text": "   \t\n "}, "only whitespace")
    yield labelled({"text": "?!... --"}, "only punctuation")
    yield labelled({"text": "Hello, World!"}, "punctuation between words")
    yield labelled({"text": "Don't STOP"}, "an apostrophe inside a word")
    yield labelled({"text": "Café  au\tlait\n"}, "accents and mixed whitespace")
    yield labelled({"text": "snake_case_name"}, "underscores")
    yield labelled({"text": "GPU-2024: 3x faster!!"}, "digits")
    for _ in range(24):
        n = int(rng.integers(1, 9))
        pieces = []
        if rng.random() < 0.5:
            pieces.append(str(rng.choice(SEPARATORS)))
        for k in range(n):
            pieces.append(str(rng.choice(WORDS)))
            if k < n - 1 or rng.random() < 0.5:
                pieces.append(str(rng.choice(SEPARATORS)))
        yield {"text": "".join(pieces)}
    yield hidden({"text": "Ünïcödé ÑAME, 100% (really)!"})
    yield hidden({"text": "a" + ",b" * 50})
