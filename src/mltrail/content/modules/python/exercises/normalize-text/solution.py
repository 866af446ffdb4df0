def normalize_text(text):
    """Return text lowercased, with every character that is not alphanumeric
    (str.isalnum) or whitespace replaced by a space, runs of whitespace collapsed
    to a single space and the ends stripped.
    """
    lowered = text.lower()
    kept = "".join(ch if ch.isalnum() or ch.isspace() else " " for ch in lowered)
    return " ".join(kept.split())
