"""Server tests: the PostgreSQL fixtures live in tests/pg_server.py (see tests/conftest.py)."""
