import math


def validate_batch(rows, schema):
    """Every problem of the batch, as [row_index, column, kind] with kind missing, type, range or unexpected."""
    problems = []
    for i, row in enumerate(rows):
        for column, rule in schema.items():
            value = row.get(column)
            # missing (absent, None, NaN) unless nullable; else type; else range
        # keys of the row that the schema does not know are "unexpected"
    return problems
