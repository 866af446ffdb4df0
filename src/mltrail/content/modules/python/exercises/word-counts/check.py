from mltrail.grading.contract import hidden, labelled

WORDS = ["the", "The", "data", "data,", "Data", "model", "MODEL", "a", "loss", "loss.", "train", "test"]
SPACES = [" ", " ", " ", "  ", "\t", "\n", " \n "]


def cases(rng):
    yield labelled({"text": ""}, "empty string")
    yield labelled({"text": "  \n\t "}, "only whitespace")
    yield labelled({"text": "word"}, "a single word")
    yield labelled({"text": "The cat saw the CAT"}, "upper and lower case")
    yield labelled({"text": "hi, hi hi!"}, "punctuation stays attached")
    yield labelled({"text": "  spaces   between\twords\nand lines  "}, "runs of whitespace")
    for _ in range(24):
        n = int(rng.integers(1, 25))
        pieces = []
        for _ in range(n):
            pieces.append(str(rng.choice(WORDS)))
            pieces.append(str(rng.choice(SPACES)))
        text = "".join(pieces)
        if rng.random() < 0.5:
            text = text.rstrip()
        yield {"text": text}
    yield hidden({"text": "a b " * 200})
    yield hidden({"text": "Tab\tTAB\ttab\n"})
