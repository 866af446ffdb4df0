"""What happened: learners, attempts and events, in SQLite or PostgreSQL."""
