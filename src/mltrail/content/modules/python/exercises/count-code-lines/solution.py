def count_code_lines(path):
    """Return the number of lines of the file at path that are neither blank nor comment-only."""
    count = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            stripped = line.strip()
            if stripped and not stripped.startswith("#"):
                count += 1
    return count
