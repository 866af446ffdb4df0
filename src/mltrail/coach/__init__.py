"""What next: the learner's path through the curriculum."""
