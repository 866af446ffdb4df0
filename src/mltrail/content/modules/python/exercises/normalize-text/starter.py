def normalize_text(text):
    """Return text lowercased, with every character that is not alphanumeric
    (str.isalnum) or whitespace replaced by a space, runs of whitespace collapsed
    to a single space and the ends stripped.
    """
    # 1. lowercase  2. replace unwanted characters by " "  3. collapse whitespace  4. strip
    ...
