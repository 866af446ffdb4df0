# Mistake: checks for "#" before stripping the line, so indented comments are counted as code.
def count_code_lines(path):
    count = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                count += 1
    return count
