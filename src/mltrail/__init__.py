"""mltrail: a self-hostable, offline-first learning path to machine learning engineering."""

__version__ = "0.1.0"
