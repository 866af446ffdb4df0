def heavy_penguins(df, species, min_mass):
    """Index labels of the rows of species `species` with body_mass_g >= min_mass, in row order."""
    mask = (df["species"] == species) & (df["body_mass_g"] >= min_mass)  # NaN >= m is False
    return [int(label) for label in df.index[mask]]
