# Mistake: an outer join, which also adds rows for measured ids that are not in birds.
def join_measurements(birds, measurements):
    return birds.merge(measurements, on="id", how="outer")
