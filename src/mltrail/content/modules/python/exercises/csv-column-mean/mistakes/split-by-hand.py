# Mistake: splits each line on commas by hand, which breaks on quoted cells that contain a comma.
def column_mean(path, column):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    index = lines[0].split(",").index(column)
    values = []
    for line in lines[1:]:
        cells = line.split(",")
        if index < len(cells) and cells[index] != "":
            try:
                values.append(float(cells[index]))
            except ValueError:
                continue
    if not values:
        return None
    return sum(values) / len(values)
