def count_selections(n, k, ordered, replacement):
    """Return the number of ways to pick k of n items, as an int."""
    # Four cases: ordered or not, with replacement or not (see the table in the prompt).
    # math.perm and math.comb give exact ints.
    ...
