from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"values": [1, 2, 3, 4, 5, 6], "width": 2}, "width 2")
    yield labelled({"values": [], "width": 1}, "no values")
    yield labelled({"values": [1, 2], "width": 3}, "width larger than the list")
    yield labelled({"values": [1, 2, 3], "width": 3}, "width equals the length: one window")
    yield labelled({"values": [7], "width": 1}, "one value, width 1")
    yield labelled({"values": [1, 2, 3, 4], "width": 1}, "width 1")
    yield labelled({"values": [0.5, -1.0, 0.5, -1.0, 2.0], "width": 3}, "floats with repeats")
    for i in range(24):
        n = int(rng.integers(1, 25))
        width = int(rng.integers(1, 8))
        if i % 2 == 0:
            values = [int(v) for v in rng.integers(-50, 50, size=n)]
        else:
            values = [round(float(v), 2) for v in rng.normal(20.0, 5.0, size=n)]
        yield {"values": values, "width": width}
    yield hidden({"values": list(range(500)), "width": 50})
    yield hidden({"values": [1.0, 2.0, 3.0, 4.0], "width": 5})
