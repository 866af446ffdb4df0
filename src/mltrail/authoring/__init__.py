"""Tools for course authors: the content gate and the schema."""
