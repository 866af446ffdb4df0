# Mistake: checks types with isinstance, so True and False pass as int and float values.
import math


def validate_batch(rows, schema):
    problems = []
    for i, row in enumerate(rows):
        for column, rule in schema.items():
            value = row.get(column)
            if value is None or (isinstance(value, float) and math.isnan(value)):
                if not rule.get("nullable", False):
                    problems.append([i, column, "missing"])
                continue
            kind = rule["type"]
            ok = isinstance(value, int) if kind == "int" else isinstance(value, (int, float)) if kind == "float" else isinstance(value, str)
            if not ok:
                problems.append([i, column, "type"])
            elif ("min" in rule and value < rule["min"]) or ("max" in rule and value > rule["max"]):
                problems.append([i, column, "range"])
        problems.extend([i, column, "unexpected"] for column in row if column not in schema)
    return problems
