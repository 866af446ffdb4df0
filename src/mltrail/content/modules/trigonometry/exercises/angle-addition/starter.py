def add_angles(a, b):
    """a = [cos(alpha), sin(alpha)], b = [cos(beta), sin(beta)];
    return [cos(alpha + beta), sin(alpha + beta)] as two floats."""
    # Use the addition formulas for cosine and sine.
    ...
