# Mistake: replaces the punctuation and strips the ends but does not collapse runs of whitespace.
def normalize_text(text):
    kept = "".join(ch if ch.isalnum() or ch.isspace() else " " for ch in text.lower())
    return kept.strip()
