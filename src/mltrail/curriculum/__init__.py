"""What there is to learn: the content schema, loader and skill graph."""
