# Mistake: reports a missing value as out of range too, instead of one problem per value.
import math


def validate_batch(rows, schema):
    problems = []
    for i, row in enumerate(rows):
        for column, rule in schema.items():
            value = row.get(column)
            if value is None or (type(value) is float and math.isnan(value)):
                if not rule.get("nullable", False):
                    problems.append([i, column, "missing"])
                if "min" in rule or "max" in rule:
                    problems.append([i, column, "range"])
                continue
            kind = rule["type"]
            ok = type(value) is int if kind == "int" else type(value) in (int, float) if kind == "float" else type(value) is str
            if not ok:
                problems.append([i, column, "type"])
            elif ("min" in rule and value < rule["min"]) or ("max" in rule and value > rule["max"]):
                problems.append([i, column, "range"])
        problems.extend([i, column, "unexpected"] for column in row if column not in schema)
    return problems
