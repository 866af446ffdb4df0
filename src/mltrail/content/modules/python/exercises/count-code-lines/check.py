from mltrail.grading.contract import Case

CODE = [
    "import numpy as np",
    "x = 1",
    "def fit(model, data):",
    "    return model.fit(data)",
    "    loss = 0.0  # running loss",
    "for epoch in range(10):",
    "        print(epoch)",
    "y = x * 2  # double it",
    "    \"\"\"Docstring line.\"\"\"",
    "s = \"#not a comment\"",
    ")",
    "class Model:",
]
COMMENTS = ["# a comment", "    # indented comment", "#", "\t# tab-indented comment", "## header", "        #!"]
BLANKS = ["", "    ", "\t", "  \t  "]


def _case(args, text, label=None, hidden=False):
    return Case(args, files={args["path"]: text}, label=label, hidden=hidden)


def cases(rng):
    yield _case({"path": "empty.py"}, "", "empty file")
    yield _case({"path": "one.py"}, "x = 1\n", "one line of code")
    yield _case({"path": "one.py"}, "x = 1", "no final newline")
    yield _case({"path": "comments.py"}, "# only\n# comments\n", "comments only")
    yield _case({"path": "indented.py"}, "def f():\n    # inside\n    return 1\n", "an indented comment")
    yield _case({"path": "inline.py"}, "a = 1  # one\nb = 2  # two\n", "code followed by a comment")
    yield _case({"path": "blank.py"}, "a = 1\n    \n\t\n\nb = 2\n", "whitespace-only lines")
    yield _case({"path": "utf8.py"}, "# café au lait\nname = \"naïve\"  # é\n\n", "UTF-8 text with accents")
    for i in range(24):
        n = int(rng.integers(1, 30))
        lines = []
        for _ in range(n):
            kind = rng.random()
            if kind < 0.5:
                lines.append(str(rng.choice(CODE)))
            elif kind < 0.75:
                lines.append(str(rng.choice(COMMENTS)))
            else:
                lines.append(str(rng.choice(BLANKS)))
        text = "\n".join(lines)
        if rng.random() < 0.8:
            text += "\n"
        yield _case({"path": f"module{i}.py"}, text)
    yield _case({"path": "big.py"}, "# c\nx = 1\n\n" * 300, hidden=True)
    yield _case({"path": "mixed.py"}, "  #\n  x  \n#x\n", hidden=True)


def compare(expected, got, case):
    if type(got) is not int:
        return f"expected an int (a number of lines), got the {type(got).__name__} {got!r}"
    if got != expected:
        return f"expected {expected} lines of code, got {got}"
    return True
