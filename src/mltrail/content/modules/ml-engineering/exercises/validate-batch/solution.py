import math


def _missing(value):
    return value is None or (type(value) is float and math.isnan(value))


def _right_type(value, kind):
    if kind == "int":
        return type(value) is int
    if kind == "float":
        return type(value) in (int, float)
    return type(value) is str


def validate_batch(rows, schema):
    """Every problem of the batch, as [row_index, column, kind] with kind missing, type, range or unexpected."""
    problems = []
    for i, row in enumerate(rows):
        for column, rule in schema.items():
            value = row.get(column)
            if _missing(value):
                if not rule.get("nullable", False):
                    problems.append([i, column, "missing"])
            elif not _right_type(value, rule["type"]):
                problems.append([i, column, "type"])
            elif ("min" in rule and value < rule["min"]) or ("max" in rule and value > rule["max"]):
                problems.append([i, column, "range"])
        for column in row:
            if column not in schema:
                problems.append([i, column, "unexpected"])
    return problems
