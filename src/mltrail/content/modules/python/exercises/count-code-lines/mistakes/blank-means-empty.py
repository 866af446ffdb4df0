# Mistake: only truly empty lines count as blank, so lines made of spaces or tabs are counted as code.
def count_code_lines(path):
    count = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line != "" and not line.strip().startswith("#"):
                count += 1
    return count
