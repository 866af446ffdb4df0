def heavy_penguins(df, species, min_mass):
    """Index labels of the rows of species `species` with body_mass_g >= min_mass, in row order."""
    # Combine two boolean conditions with & and keep the index labels of the matching rows.
    ...
