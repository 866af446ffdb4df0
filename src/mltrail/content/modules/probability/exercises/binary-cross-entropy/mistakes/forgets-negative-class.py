# Mistake: keeps only the -y log(p) term, so examples with label 0 cost nothing.
import math


def binary_cross_entropy(labels, logits):
    # -log(sigmoid(z)) = log(1 + exp(-z)), computed stably
    losses = [y * (max(-z, 0.0) + math.log1p(math.exp(-abs(z)))) for y, z in zip(labels, logits)]
    return sum(losses) / len(losses)
