def join_measurements(birds, measurements):
    """Every row of birds, in order, with its flipper length and body mass (NaN when unmeasured)."""
    # Merge the two tables on the 'id' column with the join that keeps every bird.
    ...
