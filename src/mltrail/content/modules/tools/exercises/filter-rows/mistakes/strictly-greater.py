# Mistake: uses > instead of >=, dropping the penguins whose mass equals min_mass.
def heavy_penguins(df, species, min_mass):
    mask = (df["species"] == species) & (df["body_mass_g"] > min_mass)
    return [int(label) for label in df.index[mask]]
