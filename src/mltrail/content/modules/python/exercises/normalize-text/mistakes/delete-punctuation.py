# Mistake: deletes punctuation instead of replacing it by a space, so "don't" becomes "dont" and "a,b" becomes "ab".
def normalize_text(text):
    kept = "".join(ch for ch in text.lower() if ch.isalnum() or ch.isspace())
    return " ".join(kept.split())
