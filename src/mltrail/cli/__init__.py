"""The command line, a thin shell over mltrail.service."""
