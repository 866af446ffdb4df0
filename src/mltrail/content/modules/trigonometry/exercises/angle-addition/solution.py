def add_angles(a, b):
    """a = [cos(alpha), sin(alpha)], b = [cos(beta), sin(beta)];
    return [cos(alpha + beta), sin(alpha + beta)] as two floats."""
    ca, sa = float(a[0]), float(a[1])
    cb, sb = float(b[0]), float(b[1])
    return [ca * cb - sa * sb, sa * cb + ca * sb]
