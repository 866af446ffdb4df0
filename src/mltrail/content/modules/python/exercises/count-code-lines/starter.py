def count_code_lines(path):
    """Return the number of lines of the file at path that are neither blank nor comment-only."""
    # Loop over the lines of the file; strip each one before deciding whether it is code.
    ...
