# Mistake: a regular expression that keeps only a-z and 0-9 treats accented letters (é, ü) as punctuation.
import re


def normalize_text(text):
    replaced = re.sub(r"[^a-z0-9\s]", " ", text.lower())
    return " ".join(replaced.split())
