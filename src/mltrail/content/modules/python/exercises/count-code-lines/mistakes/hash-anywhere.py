# Mistake: treats any line containing "#" as a comment, so code followed by a comment is not counted.
def count_code_lines(path):
    count = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and "#" not in line:
                count += 1
    return count
