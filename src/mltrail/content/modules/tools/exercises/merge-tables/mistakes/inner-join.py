# Mistake: an inner join (the default of merge), which drops the birds that were not measured.
def join_measurements(birds, measurements):
    return birds.merge(measurements, on="id")
