import math


def mutual_information(counts):
    """Return the mutual information, in nats, of the joint distribution given by counts."""
    # Joint = counts / total; marginals = row and column sums of the joint.
    # Sum joint * log(joint / (row marginal * column marginal)) over the non-empty cells.
    ...
